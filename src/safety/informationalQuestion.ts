import { foldText } from '../text/foldText';

/** What makes a message a general question rather than a person describing what is happening. */
export interface InformationalQuestionRules {
  /** Longer messages are never general questions. */
  readonly maxWords: number;
  /** How a general question starts ("what is"), in any language. */
  readonly openers: readonly string[];
  /** Words about a real person or about now ("my", "adesso"), in any language. */
  readonly blockers: readonly string[];
}

/**
 * Recognises short general questions ("what is radiotherapy for breathing problems?").
 * @remarks Deliberately narrow: it must open with a listed opener, stay short, and contain no number and no blocker
 * word after the opener ("cosa sono" may open a question, "sono" later means "I am"). Anything else counts as a
 * person describing what is happening.
 */
export class InformationalQuestion {
  private readonly maxWords: number;
  private readonly openers: ReadonlyArray<readonly string[]>;
  private readonly blockers: ReadonlySet<string>;

  /** Folds openers and blockers once. */
  constructor(rules: InformationalQuestionRules) {
    this.maxWords = rules.maxWords;
    this.openers = rules.openers
      .map((o) => foldText(o).split(' ').filter(Boolean))
      .filter((o) => o.length > 0);
    this.blockers = new Set(rules.blockers.map(foldText));
  }

  /** True when the folded words are a short general question. */
  matches(words: readonly string[]): boolean {
    if (words.length > this.maxWords) return false;
    const opener = this.openers.find((o) => o.every((w, i) => words[i] === w));
    if (!opener) return false;
    return !words.slice(opener.length).some((w) => this.blockers.has(w) || /\d/.test(w));
  }
}
