import type { Language } from '../content/language';
import type { AnalyzedToken } from './analyzedToken';
import { normalizeText } from './normalizeText';
import { stem } from './stem';
import { QUESTION_WORDS, STOPWORDS } from './stopwords';
import { SynonymExpander } from './synonymExpander';
import { tokenize } from './tokenize';

/**
 * The one text pipeline used for questions, alternates, answers, pathway openers and what users type:
 * normalise, tokenise, stem, replace synonyms, drop stopwords.
 * @remarks Stopwords of both languages are dropped, so a question that mixes languages keeps only its topic words.
 */
export class TextAnalyzer {
  private readonly synonyms: SynonymExpander;
  private readonly stopwords: ReadonlySet<string>;

  /** Creates an analyzer that expands the given synonyms. */
  constructor(synonyms: SynonymExpander = SynonymExpander.empty()) {
    this.synonyms = synonyms;
    this.stopwords = new Set([...STOPWORDS.en, ...STOPWORDS.it]);
  }

  /** The topic words of a text, in order, as stems after synonym replacement; question words are kept, marked weak. */
  analyze(text: string, lang: Language): AnalyzedToken[] {
    return this.topicWords(this.expand(text, lang));
  }

  /** {@link analyze} and {@link signature} of one text, reading it once. */
  analyzeWithSignature(text: string, lang: Language): { tokens: AnalyzedToken[]; signature: string } {
    const expanded = this.expand(text, lang);
    return { tokens: this.topicWords(expanded), signature: expanded.map((t) => t.stem).join(' ') };
  }

  /**
   * Every word of a text as stems after synonym replacement, stopwords included, joined by spaces: two texts
   * with the same signature are the same question ("Chi sei?" and "chi sei").
   */
  signature(text: string, lang: Language): string {
    return this.expand(text, lang)
      .map((t) => t.stem)
      .join(' ');
  }

  /** Every stopword (normalised), for recognising misspelt ones. */
  stopwordList(): readonly string[] {
    return [...this.stopwords];
  }

  private topicWords(expanded: readonly AnalyzedToken[]): AnalyzedToken[] {
    return expanded
      .filter((t) => !this.stopwords.has(t.surface))
      .map(({ surface, stem }) =>
        QUESTION_WORDS.has(surface) ? { surface, stem, weak: true } : { surface, stem },
      );
  }

  private expand(text: string, lang: Language): AnalyzedToken[] {
    const tokens = tokenize(normalizeText(text)).map((surface) => ({
      surface,
      stem: stem(surface, lang),
      stop: this.stopwords.has(surface),
    }));
    return this.synonyms.expand(tokens, lang);
  }
}
