import { LANGUAGES } from '../content/language';
import { HoldBack, RED_FLAG_PRIORITY, type RedFlagsFile, RedFlagKind } from '../content/redFlagsSchema';
import { foldText } from '../text/foldText';
import { foldWords } from './foldWords';
import { InformationalQuestion } from './informationalQuestion';
import { PhraseIndex } from './phraseIndex';
import { type ProximityRuleSource, ProximityRules } from './proximityRules';
import { ContextRules } from './statementContext';

/** A red flag found in a message. */
export interface RedFlagHit {
  /** Id of the flag (e.g. "chest-pain"). */
  readonly id: string;
  /** How it must be answered. */
  readonly kind: RedFlagKind;
  /**
   * An emergency symptom told of only as days ago ("I was breathless last week"): answered as urgent (a doctor
   * today), with words that say why, not with 112.
   */
  readonly recent?: boolean;
  /** The pathway question to ask before answering (see `followUp` in the red-flag content). */
  readonly followUp?: { readonly pathway: string; readonly node: string };
}

/** Folded word starts, and whole words written with "=" first. */
class WordStarts {
  private readonly starts: readonly string[];
  private readonly whole: ReadonlySet<string>;

  constructor(list: readonly string[]) {
    this.starts = list.filter((w) => !w.startsWith('=')).map(foldText);
    this.whole = new Set(list.filter((w) => w.startsWith('=')).map((w) => foldText(w.slice(1))));
  }

  /** True when the folded word is one of the whole words or begins with one of the starts. */
  has(word: string): boolean {
    return word.length > 0 && (this.whole.has(word) || this.starts.some((s) => word.startsWith(s)));
  }
}

/** Words within which a concept rule matches when the content does not say. */
const DEFAULT_WINDOW = 6;

/** What holds a flag back when the content does not say (self-harm: nothing, ever). */
const DEFAULT_HOLD_BACK: readonly HoldBack[] = Object.freeze([HoldBack.Negated, HoldBack.Past]);

/**
 * Finds red flags in any message, in either language, wherever they stand in the text: listed phrases as whole
 * words, and concept rules (a word from every group within a few words of each other).
 * @remarks Both languages are always searched: a frightened person may switch language mid-sentence. The most
 * serious kind answers (self-harm, then emergency, urgent, low mood). A symptom the person denies ("no chest pain")
 * or tells of as long past ("last year I had a fever during chemo") or, where the flag allows it, as over ("the
 * bleeding has stopped") is held back, clause by clause, with the context words of the content; self-harm never is.
 * A short general question ("what is…", see `questionGuard` in the content) holds back every kind but self-harm.
 */
export class RedFlagScreen {
  private readonly hits: readonly RedFlagHit[];
  /** Flag indexes in the order they are reported: by kind (most serious first), then file order. */
  private readonly order: readonly number[];
  private readonly holdBack: ReadonlyArray<ReadonlySet<HoldBack>>;
  private readonly phrases: PhraseIndex<number>;
  private readonly concepts: ProximityRules<number>;
  private readonly question: InformationalQuestion | undefined;
  private readonly context: ContextRules | undefined;
  private readonly idioms: PhraseIndex<true> | undefined;
  /** Per flag, the words beside which a hit is held back and those that keep it (`heldBackBeside`), folded. */
  private readonly beside: ReadonlyArray<{ words: WordStarts; unless: WordStarts } | undefined>;

  /** Folds every phrase and compiles every concept rule once. */
  constructor(file: RedFlagsFile) {
    this.hits = file.flags.map((f) =>
      Object.freeze({ id: f.id, kind: f.kind, ...(f.followUp ? { followUp: f.followUp } : {}) }),
    );
    this.holdBack = file.flags.map(
      (f) => new Set(f.kind === RedFlagKind.SelfHarm ? [] : (f.heldBackWhen ?? DEFAULT_HOLD_BACK)),
    );
    const indexes = file.flags.map((_, i) => i);
    this.order = RED_FLAG_PRIORITY.flatMap((kind) => indexes.filter((i) => this.hits[i]?.kind === kind));
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
    this.context = file.context ? new ContextRules(file.context) : undefined;
    this.beside = file.flags.map((f) =>
      f.heldBackBeside
        ? {
            words: new WordStarts(LANGUAGES.flatMap((l) => f.heldBackBeside?.words[l] ?? [])),
            unless: new WordStarts(LANGUAGES.flatMap((l) => f.heldBackBeside?.unless[l] ?? [])),
          }
        : undefined,
    );
    const idioms = file.context?.idioms;
    this.idioms = idioms
      ? new PhraseIndex(
          LANGUAGES.flatMap((l) => idioms[l].map((phrase) => ({ phrase, value: true as const }))),
        )
      : undefined;
  }

  /**
   * The most serious flag raised by the text (self-harm first), or undefined. An emergency told of only as days ago
   * comes back as urgent (`recent`), unless a flag of its own kind or a worse one is raised too.
   */
  check(text: string): RedFlagHit | undefined {
    const { words, found, recent } = this.find(text);
    const first = this.order.find((i) => found.has(i));
    const hit = first === undefined ? undefined : (this.hits[first] as RedFlagHit);
    if (hit?.kind === RedFlagKind.SelfHarm) return hit;
    if (this.question?.matches(words)) return undefined;
    if (hit?.kind === RedFlagKind.Emergency || hit?.kind === RedFlagKind.Urgent) return hit;
    const days = this.order.find((i) => recent.has(i));
    if (days !== undefined)
      return { id: (this.hits[days] as RedFlagHit).id, kind: RedFlagKind.Urgent, recent: true };
    return hit;
  }

  /**
   * The flags found, after holding back those denied, past or over; `recent` holds the emergency flags told of only
   * as days ago.
   */
  private find(text: string): { words: readonly string[]; found: Set<number>; recent: Set<number> } {
    const found = new Set<number>();
    const recent = new Set<number>();
    const ctx = this.context?.read(text);
    if (!ctx?.mayHoldBack) {
      const words = this.masked(ctx?.words ?? foldWords(text));
      const clauses = ctx?.clauses ?? words.map(() => 0);
      const keep = (value: number, positions: readonly number[]) =>
        !this.besideHeld(value, positions, words, clauses);
      this.phrases.collect(words, found, (value, start, end) =>
        keep(
          value,
          Array.from({ length: end - start }, (_, k) => start + k),
        ),
      );
      this.concepts.collect(words, found, keep);
      return { words, found, recent };
    }
    const words = this.masked(ctx.words);
    // First every word that belongs to a symptom, so that "it has stopped" is said of the symptom just before it.
    const symptoms = new Set<number>();
    this.phrases.collect(words, new Set(), (_v, start, end) => {
      for (let i = start; i < end; i++) symptoms.add(i);
      return false;
    });
    this.concepts.collect(words, new Set(), (_v, positions) => {
      for (const p of positions) symptoms.add(p);
      return false;
    });
    const accept = (value: number, positions: readonly number[]) => {
      if (ctx.holdsBack(positions, this.holdBack[value] as ReadonlySet<HoldBack>, symptoms)) return false;
      if (this.besideHeld(value, positions, words, ctx.clauses)) return false;
      if (this.hits[value]?.kind !== RedFlagKind.Emergency || !ctx.recent(positions)) return true;
      recent.add(value);
      return false;
    };
    this.phrases.collect(words, found, (value, start, end) =>
      accept(
        value,
        Array.from({ length: end - start }, (_, k) => start + k),
      ),
    );
    this.concepts.collect(words, found, accept);
    return { words, found, recent };
  }

  /** True when a hit of flag `value` stands in a clause with one of its `heldBackBeside` words and none that keep it. */
  private besideHeld(
    value: number,
    positions: readonly number[],
    words: readonly string[],
    clauses: readonly number[],
  ): boolean {
    const beside = this.beside[value];
    if (!beside || positions.length === 0) return false;
    const mine = new Set(positions.map((p) => clauses[p]));
    const clauseWords = words.filter((_, i) => mine.has(clauses[i]));
    return clauseWords.some((w) => beside.words.has(w)) && !clauseWords.some((w) => beside.unless.has(w));
  }

  /** The words with every idiom's words blanked ("ogni tanto" is "now and then", not "a lot"). */
  private masked(words: readonly string[]): readonly string[] {
    const idioms = this.idioms?.matches(words) ?? [];
    if (idioms.length === 0) return words;
    const out = [...words];
    for (const m of idioms) for (let i = m.start; i < m.end; i++) out[i] = '';
    return out;
  }
}
