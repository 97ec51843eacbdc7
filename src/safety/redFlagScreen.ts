import { LANGUAGES } from '../content/language';
import { type RedFlagsFile, RedFlagKind } from '../content/redFlagsSchema';
import { foldWords } from './foldWords';
import { InformationalQuestion } from './informationalQuestion';
import { PhraseIndex } from './phraseIndex';
import { type ProximityRuleSource, ProximityRules } from './proximityRules';

/** A red flag found in a message. */
export interface RedFlagHit {
  /** Id of the flag (e.g. "chest-pain"). */
  readonly id: string;
  /** How it must be answered. */
  readonly kind: RedFlagKind;
}

/** Words within which a concept rule matches when the content does not say. */
const DEFAULT_WINDOW = 6;

/**
 * Finds red flags in any message, in either language, wherever they stand in the text: listed phrases as whole
 * words, and concept rules (a word from every group within a few words of each other).
 * @remarks Both languages are always searched: a frightened person may switch language mid-sentence. Self-harm
 * wins over every other flag. A short general question ("what is…", see `questionGuard` in the content) holds back
 * emergency flags only; self-harm always fires.
 */
export class RedFlagScreen {
  private readonly hits: readonly RedFlagHit[];
  /** Flag indexes in the order they are reported: self-harm first, then file order. */
  private readonly order: readonly number[];
  private readonly phrases: PhraseIndex<number>;
  private readonly concepts: ProximityRules<number>;
  private readonly question: InformationalQuestion | undefined;

  /** Folds every phrase and compiles every concept rule once. */
  constructor(file: RedFlagsFile) {
    this.hits = file.flags.map((f) => Object.freeze({ id: f.id, kind: f.kind }));
    const indexes = file.flags.map((_, i) => i);
    const selfHarm = (i: number) => this.hits[i]?.kind === RedFlagKind.SelfHarm;
    this.order = [...indexes.filter(selfHarm), ...indexes.filter((i) => !selfHarm(i))];
    this.phrases = new PhraseIndex(
      file.flags.flatMap((f, value) =>
        LANGUAGES.flatMap((l) => f.phrases[l].map((phrase) => ({ phrase, value }))),
      ),
    );
    this.concepts = new ProximityRules(
      file.flags.flatMap((f, value): Array<ProximityRuleSource<number>> => {
        const c = f.concepts;
        if (!c) return [];
        return LANGUAGES.flatMap((l) =>
          c[l].map((rule) =>
            Array.isArray(rule)
              ? { groups: rule, window: c.window ?? DEFAULT_WINDOW, value }
              : { ...rule, window: rule.window ?? c.window ?? DEFAULT_WINDOW, value },
          ),
        );
      }),
    );
    const g = file.questionGuard;
    this.question = g
      ? new InformationalQuestion({
          maxWords: g.maxWords,
          openers: LANGUAGES.flatMap((l) => g.openers[l]),
          blockers: LANGUAGES.flatMap((l) => g.blockers[l]),
        })
      : undefined;
  }

  /** The most serious flag raised by the text (self-harm first), or undefined. */
  check(text: string): RedFlagHit | undefined {
    const words = foldWords(text);
    const found = new Set<number>();
    this.phrases.collect(words, found);
    this.concepts.collect(words, found);
    const first = this.order.find((i) => found.has(i));
    if (first === undefined) return undefined;
    const hit = this.hits[first] as RedFlagHit;
    if (hit.kind === RedFlagKind.SelfHarm) return hit;
    return this.question?.matches(words) ? undefined : hit;
  }
}
