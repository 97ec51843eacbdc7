import { editDistance } from './editDistance';

/** How a typed stem was recognised in the vocabulary. */
export interface ResolvedTerm {
  /** The vocabulary term (family representative) to match on, or the typed stem when unknown. */
  readonly term: string;
  /** True when the term occurs in the indexed content. */
  readonly known: boolean;
  /** 1 for an exact match, less for a related form or a corrected typo. */
  readonly confidence: number;
}

/** Tuning of term recognition. */
export interface VocabularyOptions {
  /** Shortest common prefix for two stems to count as forms of one word ("metastasi"/"metastat"). */
  readonly familyPrefix: number;
  /** Most letters either stem may have beyond the common prefix to be in the same family. */
  readonly familySuffix: number;
  /** Confidence given to a stem recognised through its family. */
  readonly familyConfidence: number;
  /** Confidence given to a stem corrected by one edit. */
  readonly typoConfidence: number;
  /** Shortest stem corrected at all. */
  readonly minTypoLength: number;
  /** Shortest stem corrected by a substitution (shorter ones only by a swap, a missing or an extra letter). */
  readonly minSubstitutionLength: number;
  /** Shortest stem corrected by two edits (the first letter must then agree). */
  readonly minTwoEditLength: number;
}

/** Default term recognition. */
export const VOCABULARY_DEFAULTS: VocabularyOptions = Object.freeze({
  familyPrefix: 6,
  familySuffix: 2,
  familyConfidence: 0.9,
  typoConfidence: 0.75,
  minTypoLength: 4,
  minSubstitutionLength: 6,
  minTwoEditLength: 9,
});

/**
 * The stems of the indexed content, grouped into families of related forms, with typo correction
 * (a symmetric-delete index, so a lookup costs a few map reads whatever the vocabulary size).
 */
export class Vocabulary {
  private readonly df: ReadonlyMap<string, number>;
  private readonly family: ReadonlyMap<string, string>;
  private readonly byPrefix: ReadonlyMap<string, readonly string[]>;
  private readonly deletes: ReadonlyMap<string, readonly string[]>;
  private readonly options: VocabularyOptions;
  /** Length of the longest stem in the vocabulary: a typed stem longer by more than two edits cannot be a typo of any. */
  private readonly longest: number;
  private probes = 0;

  private constructor(
    df: ReadonlyMap<string, number>,
    family: ReadonlyMap<string, string>,
    byPrefix: ReadonlyMap<string, readonly string[]>,
    deletes: ReadonlyMap<string, readonly string[]>,
    options: VocabularyOptions,
  ) {
    this.df = df;
    this.family = family;
    this.byPrefix = byPrefix;
    this.deletes = deletes;
    this.options = options;
    let longest = 0;
    for (const term of df.keys()) if (term.length > longest) longest = term.length;
    this.longest = longest;
  }

  /**
   * How many index probes (map reads and generated deletions) corrections have made so far.
   * @remarks Lets tests assert that correction work is bounded whatever the text, without timing it.
   */
  get probeCount(): number {
    return this.probes;
  }

  /** Builds the vocabulary from each stem's document frequency. */
  static build(
    df: ReadonlyMap<string, number>,
    options: VocabularyOptions = VOCABULARY_DEFAULTS,
  ): Vocabulary {
    const byPrefix = new Map<string, string[]>();
    for (const term of df.keys()) {
      if (term.length < options.familyPrefix) continue;
      const key = term.slice(0, options.familyPrefix);
      const group = byPrefix.get(key);
      if (group) group.push(term);
      else byPrefix.set(key, [term]);
    }
    const parent = new Map<string, string>();
    const root = (t: string): string => {
      let r = t;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as string;
      return r;
    };
    for (const group of byPrefix.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i] as string;
          const b = group[j] as string;
          if (!related(a, b, options)) continue;
          const [ra, rb] = [root(a), root(b)];
          if (ra === rb) continue;
          const [keep, drop] = preferred(ra, rb, df) === ra ? [ra, rb] : [rb, ra];
          parent.set(drop, keep);
          parent.set(keep, keep);
        }
      }
    }
    const family = new Map<string, string>();
    for (const term of df.keys()) family.set(term, root(term));

    const deletes = new Map<string, string[]>();
    const index = (d: string, term: string): void => {
      const terms = deletes.get(d);
      if (!terms) deletes.set(d, [term]);
      else if (terms[terms.length - 1] !== term) terms.push(term);
    };
    for (const term of df.keys()) {
      if (term.length < options.minTypoLength - 1) continue;
      for (const d of deletions(term)) {
        index(d, term);
        // Long words may be typed two letters short ("hemangioendotelioma"): index their two-letter deletions too.
        if (term.length > options.minTwoEditLength) for (const dd of deletions(d)) index(dd, term);
      }
    }
    return new Vocabulary(df, family, byPrefix, deletes, options);
  }

  /** The family representative of a stem found in the content (the stem itself when it has no relatives). */
  canonical(term: string): string {
    return this.family.get(term) ?? term;
  }

  /** How many documents contain the stem (0 when unknown). */
  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** Recognises a typed stem exactly or as a related form of a content stem (no typo correction). */
  lookup(typed: string): ResolvedTerm | undefined {
    if (this.df.has(typed)) return { term: this.canonical(typed), known: true, confidence: 1 };
    const relative = this.relativeOf(typed);
    if (relative)
      return { term: this.canonical(relative), known: true, confidence: this.options.familyConfidence };
    return undefined;
  }

  /** Recognises a typed stem exactly, as a related form, or as a typo; otherwise returns it as unknown. */
  resolve(typed: string): ResolvedTerm {
    const found = this.lookup(typed);
    if (found) return found;
    const corrected = this.correct(typed);
    if (corrected)
      return { term: this.canonical(corrected), known: true, confidence: this.options.typoConfidence };
    return { term: typed, known: false, confidence: 1 };
  }

  /** The closest stem within the allowed typo distance (and accepted by `accept`, when given), if any. */
  correct(typed: string, accept: (term: string) => boolean = () => true): string | undefined {
    const o = this.options;
    if (typed.length < o.minTypoLength || /\p{N}/u.test(typed)) return undefined;
    const maxEdits = typed.length >= o.minTwoEditLength ? 2 : 1;
    // No stem is within reach: without this a 2,000-letter "word" costs (length^3) work and freezes the process.
    if (typed.length > this.longest + maxEdits) return undefined;
    const candidates = new Set<string>(this.deletes.get(typed) ?? []);
    const firstLevel = deletions(typed);
    this.probes += 1 + firstLevel.length;
    for (const d of firstLevel) {
      if (this.df.has(d)) candidates.add(d);
      for (const t of this.deletes.get(d) ?? []) candidates.add(t);
    }
    if (maxEdits === 2) {
      for (const d of firstLevel) {
        this.probes += d.length;
        for (const dd of deletions(d)) {
          if (this.df.has(dd)) candidates.add(dd);
          for (const t of this.deletes.get(dd) ?? []) candidates.add(t);
        }
      }
    }
    let best: { term: string; distance: number; df: number } | undefined;
    for (const term of candidates) {
      const distance = editDistance(typed, term, maxEdits);
      if (distance > maxEdits || term.length < o.minTypoLength || !accept(term)) continue;
      if (distance === 2 && term[0] !== typed[0]) continue;
      if (distance === 1 && typed.length < o.minSubstitutionLength && !isSwapOrIndel(typed, term)) continue;
      const df = this.documentFrequency(term);
      if (!best || distance < best.distance || (distance === best.distance && df > best.df)) {
        best = { term, distance, df };
      }
    }
    return best?.term;
  }

  private relativeOf(typed: string): string | undefined {
    const group = this.byPrefix.get(typed.slice(0, this.options.familyPrefix)) ?? [];
    let best: string | undefined;
    for (const term of group) {
      if (!related(typed, term, this.options)) continue;
      if (!best || commonPrefix(typed, term) > commonPrefix(typed, best)) best = term;
    }
    return best;
  }
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function related(a: string, b: string, options: VocabularyOptions): boolean {
  const c = commonPrefix(a, b);
  return c >= options.familyPrefix && Math.max(a.length, b.length) - c <= options.familySuffix;
}

function preferred(a: string, b: string, df: ReadonlyMap<string, number>): string {
  if (a.length !== b.length) return a.length < b.length ? a : b;
  const [da, db] = [df.get(a) ?? 0, df.get(b) ?? 0];
  if (da !== db) return da > db ? a : b;
  return a < b ? a : b;
}

function deletions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

function isSwapOrIndel(a: string, b: string): boolean {
  if (a.length !== b.length) return true;
  return [...a].sort().join('') === [...b].sort().join('');
}
