import type { AnswerWordsFile } from '../content/answerWordsSchema';
import { LANGUAGES } from '../content/language';
import { PhraseIndex, type PhraseMatch } from '../safety/phraseIndex';
import { foldText } from '../text/foldText';

/** A size as far as an answer tells it, in centimetres across: at least `min`, at most (or below) `max`. */
export interface SizeRange {
  /** The smallest it can be. */
  readonly min: number;
  /** The largest it can be (`Infinity` when only a lower bound was given). */
  readonly max: number;
  /** True when `max` itself is excluded ("smaller than a golf ball"). */
  readonly maxExcluded: boolean;
}

/** How a comparative bounds the size it stands before. */
enum Bound {
  AtLeast = 'at-least',
  Below = 'below',
  About = 'about',
}

/** A size mentioned in the answer: where, and how big. */
interface Mention {
  readonly start: number;
  readonly end: number;
  readonly cm: number;
}

/** Whether a size read from an answer is at or above a threshold. */
export enum SizeVerdict {
  /** At or above the threshold. */
  Above = 'above',
  /** Below it. */
  Below = 'below',
  /** The answer bounds the size on both sides of the threshold ("bigger than a pea" against 5 cm). */
  Undecided = 'undecided',
}

/**
 * Reads sizes in an answer: "6 cm", "40 mm", "2 inches", "sei centimetri", and everyday objects ("a golf ball",
 * "una noce") with the content's sizes, bounded by comparatives ("bigger than" = at least, "smaller than" = below,
 * "the size of" = about) and flipped by a negator ("not bigger than a golf ball").
 * @remarks A range of numbers ("4-5 cm", "4 or 5 cm") is read as its larger end, the cautious reading of a lump.
 */
export class SizeReader {
  private readonly numberWords: PhraseIndex<number>;
  private readonly units: PhraseIndex<number>;
  private readonly objects: PhraseIndex<number>;
  private readonly comparatives: PhraseIndex<Bound>;
  private readonly fillers: ReadonlySet<string>;

  /** Folds and indexes the content's numbers, units, objects and comparatives once. */
  constructor(words: AnswerWordsFile) {
    this.numberWords = new PhraseIndex(
      LANGUAGES.flatMap((l) =>
        Object.entries(words.numbers[l]).map(([phrase, value]) => ({ phrase, value })),
      ),
    );
    this.units = new PhraseIndex(
      words.units.flatMap((u) =>
        LANGUAGES.flatMap((l) => u.words[l].map((phrase) => ({ phrase, value: u.cm }))),
      ),
    );
    this.objects = new PhraseIndex(
      words.sizes.objects.flatMap((o) =>
        LANGUAGES.flatMap((l) => o.words[l].map((phrase) => ({ phrase, value: o.cm }))),
      ),
    );
    const c = words.comparatives;
    this.comparatives = new PhraseIndex([
      ...LANGUAGES.flatMap((l) => c.bigger[l].map((phrase) => ({ phrase, value: Bound.AtLeast }))),
      ...LANGUAGES.flatMap((l) => c.smaller[l].map((phrase) => ({ phrase, value: Bound.Below }))),
      ...LANGUAGES.flatMap((l) => c.about[l].map((phrase) => ({ phrase, value: Bound.About }))),
    ]);
    this.fillers = new Set(LANGUAGES.flatMap((l) => c.fillers[l].map(foldText)));
  }

  /**
   * The size the words tell, or undefined when they mention none.
   * @param words the answer's words, with decimal numbers kept whole (`foldClauses(text, { numbers: true })`)
   * @param clauses the clause of each word
   * @param negatorEnds positions just after each negator of the answer
   */
  read(
    words: readonly string[],
    clauses: readonly number[],
    negatorEnds: ReadonlySet<number>,
  ): SizeRange | undefined {
    const ranges: SizeRange[] = [];
    const comparatives = longest(this.comparatives.matches(words));
    for (const m of this.mentions(words)) {
      let at = m.start;
      while (at > 0 && this.fillers.has(words[at - 1] as string) && clauses[at - 1] === clauses[m.start])
        at--;
      const comparative = comparatives.find(
        (c) => c.end >= at && c.end <= m.start && clauses[c.start] === clauses[m.start],
      );
      let bound = comparative?.value ?? Bound.About;
      const before = comparative ? comparative.start : m.start;
      if (negatorEnds.has(before)) {
        if (bound === Bound.About) continue; // "not the size of a golf ball" says nothing usable
        bound = bound === Bound.AtLeast ? Bound.Below : Bound.AtLeast;
      }
      ranges.push(rangeOf(bound, m.cm));
    }
    if (ranges.length === 0) return undefined;
    return ranges.reduce((a, b) => intersect(a, b) ?? b);
  }

  /** Compares a size read from an answer with a threshold. */
  static verdict(size: SizeRange, threshold: number): SizeVerdict {
    if (size.min >= threshold) return SizeVerdict.Above;
    if (size.max < threshold || (size.max === threshold && size.maxExcluded)) return SizeVerdict.Below;
    return SizeVerdict.Undecided;
  }

  /** Every number with a unit (ranges read as their larger end) and every everyday object, in reading order. */
  private mentions(words: readonly string[]): Mention[] {
    const out: Mention[] = [];
    const spelled = longest(this.numberWords.matches(words));
    const numberAt = (i: number): { value: number; start: number } | undefined => {
      const w = words[i];
      if (w !== undefined && /^\d+(?:[.,]\d+)?$/.test(w))
        return { value: Number(w.replace(',', '.')), start: i };
      const s = spelled.find((m) => m.end === i + 1);
      return s ? { value: s.value, start: s.start } : undefined;
    };
    for (const unit of longest(this.units.matches(words))) {
      const n = numberAt(unit.start - 1);
      if (!n) continue;
      // "4-5 cm", "4 or 5 cm", "tra 4 e 5 cm": a number one word before is the range's other end.
      const other = numberAt(n.start - 2) ?? numberAt(n.start - 1);
      const value = Math.max(n.value, other?.value ?? 0);
      out.push({ start: other?.start ?? n.start, end: unit.end, cm: value * unit.value });
    }
    for (const o of longest(this.objects.matches(words)))
      out.push({ start: o.start, end: o.end, cm: o.value });
    return out.sort((a, b) => a.start - b.start);
  }
}

function rangeOf(bound: Bound, cm: number): SizeRange {
  switch (bound) {
    case Bound.AtLeast:
      return { min: cm, max: Infinity, maxExcluded: false };
    case Bound.Below:
      return { min: 0, max: cm, maxExcluded: true };
    case Bound.About:
      return { min: cm, max: cm, maxExcluded: false };
  }
}

/** The sizes both ranges allow, or undefined when they contradict each other. */
function intersect(a: SizeRange, b: SizeRange): SizeRange | undefined {
  const min = Math.max(a.min, b.min);
  const max = Math.min(a.max, b.max);
  const maxExcluded = (a.max === max && a.maxExcluded) || (b.max === max && b.maxExcluded);
  if (min > max || (min === max && maxExcluded)) return undefined;
  return { min, max, maxExcluded };
}

/** Non-overlapping matches, longest first, back in reading order. */
export function longest<T>(matches: ReadonlyArray<PhraseMatch<T>>): Array<PhraseMatch<T>> {
  const taken = new Set<number>();
  const kept: Array<PhraseMatch<T>> = [];
  for (const m of [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    let free = true;
    for (let i = m.start; i < m.end && free; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = m.start; i < m.end; i++) taken.add(i);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
