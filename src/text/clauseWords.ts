import { decomposeVisible } from './foldText';

/** A message's folded words, each with the clause it stands in. */
export interface ClauseWords {
  /** The words, folded as `foldText` folds them (lower case, no accents), in order. */
  readonly words: readonly string[];
  /** For each word, the number of its clause (0 for the first); punctuation starts a new clause. */
  readonly clauses: readonly number[];
}

/** Options of {@link foldClauses}. */
export interface FoldClausesOptions {
  /**
   * Keep decimal numbers whole ("2.5", "2,5") and split digits from letters ("6cm" → "6", "cm"), for reading
   * sizes. Off, the words are exactly those of `foldWords` ("38.5" → "38", "5"; "6cm" stays one word).
   */
  readonly numbers?: boolean;
}

/** Words and numbers, and the punctuation that ends a clause. */
const PLAIN = /[\p{L}\p{N}]+|[.,;:!?()[\]\n…]/gu;
const WITH_NUMBERS = /\d+(?:[.,]\d+)?|\p{L}+|\p{N}+|[.,;:!?()[\]\n…]/gu;

/**
 * Folds a message into words and numbers its clauses: a full stop, comma, semicolon, colon, question or exclamation
 * mark, bracket or line break ends one. A point or comma between two digits ("38.5") ends none.
 * @remarks The words are the same as `foldWords(text)` unless `numbers` is set, so phrase and concept matching are
 * unchanged; callers that know contrast words ("but", "ma") start further clauses at them.
 */
export function foldClauses(text: string, options: FoldClausesOptions = {}): ClauseWords {
  const folded = decomposeVisible(text)
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en');
  const words: string[] = [];
  const clauses: number[] = [];
  let clause = 0;
  let pendingBreak = false;
  for (const m of folded.matchAll(options.numbers ? WITH_NUMBERS : PLAIN)) {
    const token = m[0];
    const at = m.index;
    if (/^[.,;:!?()[\]\n…]$/u.test(token)) {
      const between = /\d/.test(folded[at - 1] ?? '') && /\d/.test(folded[at + 1] ?? '');
      if (!between || !'.,'.includes(token)) pendingBreak = true;
      continue;
    }
    if (pendingBreak && words.length > 0) clause += 1;
    pendingBreak = false;
    words.push(token);
    clauses.push(clause);
  }
  return { words, clauses };
}

/**
 * The clause numbers with a new clause started at each of `starts` (word positions, e.g. of "but" or "ma"): the
 * word at a start belongs to the clause it opens.
 */
export function splitClausesAt(clauses: readonly number[], starts: ReadonlySet<number>): number[] {
  const out: number[] = [];
  let extra = 0;
  for (let i = 0; i < clauses.length; i++) {
    if (starts.has(i) && i > 0 && clauses[i - 1] === clauses[i]) extra += 1;
    out.push((clauses[i] as number) + extra);
  }
  return out;
}
