import Fuse from 'fuse.js';

/** fuse.js's lowest score for a match that is not the very text (its bitap search never reports less). */
const MIN_BITAP_SCORE = 0.001;

/** The longest pattern fuse.js's bitap takes in one piece (the bits of a number). */
const MAX_BITAP_PATTERN = 32;

/** The texts of one document that fuse.js scores a query against, by key. */
export interface FuzzyFields {
  /** The canonical question. */
  readonly canonical: string;
  /** The other phrasings. */
  readonly phrases: readonly string[];
  /** The answer's words. */
  readonly body: string;
}

/** How much each key counts (fuse.js normalises them to sum 1). */
export type FuzzyKeyWeights = Readonly<Record<keyof FuzzyFields, number>>;

/** A query prepared once for scoring against many records. */
export class FuzzyPattern {
  /** The pattern's characters (UTF-16 code units), sorted. */
  readonly counts: Uint32Array;
  /** The pattern's pairs of adjacent characters, as numbers, sorted. */
  readonly pairs: Uint32Array;
  /**
   * Fewest characters a text must share with the pattern (as multisets) for fuse.js to match it: a match with
   * `e` errors (insertions, deletions, substitutions) keeps at least `length − e` of the pattern's characters,
   * and fuse.js allows `e` up to `threshold × length` (its bitap tries 0, 1, 2… errors while `e / length` stays
   * within the threshold).
   */
  readonly minShared: number;
  /** Fewest adjacent pairs it must share: each error breaks at most two of the `length − 1` pairs (q-gram lemma). */
  readonly minSharedPairs: number;

  constructor(
    /** The query text, as the records' texts are written (normalised stems). */
    readonly text: string,
    threshold: number,
  ) {
    const errors = Math.floor(threshold * text.length);
    this.counts = sortedGrams(text, 1);
    this.pairs = sortedGrams(text, 2);
    this.minShared = text.length - errors;
    this.minSharedPairs = text.length - 1 - 2 * errors;
  }
}

/** One text of a record, with what scoring it needs. */
interface FuzzyText {
  readonly text: string;
  /** fuse.js's exponent for this text's score: its key's normalised weight × the text's length norm. */
  readonly exponent: number;
  /** Its characters and pairs, sorted, made the first time a query is scored against it (most never are). */
  grams?: { readonly counts: Uint32Array; readonly pairs: Uint32Array };
}

/**
 * One document's fuzzy score for a query, exactly as a fuse.js search over the document's record gives it
 * (`new Fuse([fields], …).search(pattern)[0]?.score ?? 1`), for less work.
 * @remarks fuse.js runs its bitap search over every text of the record (the canonical question, each phrasing,
 * the answer's words), about 7 µs a text, and most of them cannot match: it was three quarters of a match's time
 * (bench/results.md). Here a text whose characters cannot cover enough of the pattern's (a necessary condition
 * for a match within fuse.js's error threshold) is skipped, and the others are scored by `Fuse.match`, fuse.js's
 * own bitap with the same threshold; the scores are combined as fuse.js does (the product of each matching text's
 * score raised to its key weight × length norm, taken from fuse.js's own index). A test checks that the result
 * equals fuse.js's search on the whole evaluation sets.
 */
export class FuzzyRecord {
  /** Which texts passed the filters in the current call (reused: scoring is synchronous). */
  private readonly passing: Uint8Array;

  private constructor(
    private readonly texts: readonly FuzzyText[],
    private readonly options: Readonly<{
      threshold: number;
      ignoreLocation: true;
      isCaseSensitive: true;
      ignoreDiacritics: false;
    }>,
  ) {
    this.passing = new Uint8Array(texts.length);
  }

  /**
   * The options of the fuse.js search a record's score equals (`new Fuse([fields], options)`).
   * @remarks Each text is then matched with the same threshold and location, but without fuse.js lower-casing and
   * stripping diacritics from pattern and text on every call: both are written by `normalizeText`, which has
   * already done it (and maps the letters fuse.js maps by hand, such as ł and ø), so it would change nothing.
   */
  static fuseOptions(
    weights: FuzzyKeyWeights,
    threshold: number,
  ): {
    keys: { name: keyof FuzzyFields; weight: number }[];
    includeScore: true;
    ignoreLocation: true;
    ignoreDiacritics: true;
    threshold: number;
    shouldSort: false;
  } {
    return {
      keys: (['canonical', 'phrases', 'body'] as const).map((name) => ({ name, weight: weights[name] })),
      includeScore: true,
      ignoreLocation: true,
      ignoreDiacritics: true,
      threshold,
      shouldSort: false,
    };
  }

  /** Prepares one document's texts. */
  static build(fields: FuzzyFields, weights: FuzzyKeyWeights, threshold: number): FuzzyRecord {
    const options = FuzzyRecord.fuseOptions(weights, threshold);
    const total = options.keys.reduce((sum, k) => sum + k.weight, 0);
    // fuse.js's own index gives each text its length norm.
    const index = Fuse.createIndex(options.keys, [fields]).toJSON() as {
      records: { $: Record<string, { v: string; n: number } | { v: string; n: number }[]> }[];
    };
    const fieldsByKey = index.records[0]?.$ ?? {};
    const texts: FuzzyText[] = [];
    options.keys.forEach((key, keyIndex) => {
      const value = fieldsByKey[String(keyIndex)];
      const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
      for (const { v, n } of values) {
        texts.push({ text: v, exponent: (key.weight / total) * n });
      }
    });
    return new FuzzyRecord(texts, {
      threshold,
      ignoreLocation: true,
      isCaseSensitive: true,
      ignoreDiacritics: false,
    });
  }

  /**
   * The record's fuse.js score for the pattern: 0 a perfect match … 1 no match.
   * @param atLeast when the score cannot be below this, any value from it up to the score may be returned instead,
   * without running the bitap: the caller only needs to know that the score is not lower (the matcher uses
   * `1 − score` only when it beats the word overlap).
   * @remarks The lowest score a text could get follows from what it shares with the pattern: a match with `e` errors
   * keeps at least `length − e` of the pattern's characters and `length − 1 − 2e` of its pairs, fuse.js scores it
   * `e / length` (never under 0.001, and 0 only for the very text), and a text that does not match leaves the
   * product at 1. On the evaluation set this settles about seven record scores in ten without a bitap search.
   */
  score(pattern: FuzzyPattern, atLeast = Number.POSITIVE_INFINITY): number {
    if (pattern.text.trim() === '') return 1;
    const length = pattern.text.length;
    const passing = this.passing;
    let lowest = 1;
    for (let i = 0; i < this.texts.length; i++) {
      const t = this.texts[i] as FuzzyText;
      const grams = (t.grams ??= { counts: sortedGrams(t.text, 1), pairs: sortedGrams(t.text, 2) });
      passing[i] = 0;
      const shared = sharedCount(pattern.counts, grams.counts);
      if (shared < pattern.minShared) continue;
      const sharedPairs = sharedCount(pattern.pairs, grams.pairs);
      if (sharedPairs < pattern.minSharedPairs) continue;
      passing[i] = 1;
      const errors = Math.max(length - shared, Math.ceil((length - 1 - sharedPairs) / 2), 0);
      const best = t.text === pattern.text ? Number.EPSILON : Math.max(MIN_BITAP_SCORE, errors / length);
      lowest *= Math.pow(best, t.exponent);
    }
    // fuse.js splits longer patterns into pieces and averages them: no bound for those.
    if (length <= MAX_BITAP_PATTERN && lowest >= atLeast) return lowest;
    let total = 1;
    let matched = false;
    for (let i = 0; i < this.texts.length; i++) {
      if (passing[i] === 0) continue;
      const t = this.texts[i] as FuzzyText;
      const result = Fuse.match(pattern.text, t.text, this.options);
      if (!result.isMatch) continue;
      matched = true;
      const score = result.score ?? 1;
      total *= Math.pow(score === 0 ? Number.EPSILON : score, t.exponent);
    }
    return matched ? total : 1;
  }
}

/**
 * A text's runs of one or two UTF-16 code units (the units fuse.js's bitap compares) as numbers, sorted: the code
 * unit, or the two as `first × 65536 + second`.
 */
function sortedGrams(text: string, size: 1 | 2): Uint32Array {
  const grams = new Uint32Array(Math.max(0, text.length - size + 1));
  for (let i = 0; i < grams.length; i++) {
    grams[i] = size === 1 ? text.charCodeAt(i) : text.charCodeAt(i) * 65_536 + text.charCodeAt(i + 1);
  }
  return grams.sort();
}

/** How many grams two sorted lists share, counted with repetition (one walk along both). */
function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
