import { foldText } from '../text/foldText';

/** Where a phrase was found: its value and the words it covers (`start` included, `end` excluded). */
export interface PhraseMatch<T> {
  /** The phrase's value. */
  readonly value: T;
  /** Position of its first word. */
  readonly start: number;
  /** Position just after its last word. */
  readonly end: number;
}

/**
 * Whole-word phrases indexed by their first word, so a message is read once whatever the number of phrases.
 * @remarks Matches exactly what `containsPhrase(foldText(text), foldText(phrase))` matched before.
 */
export class PhraseIndex<T> {
  private readonly byFirstWord = new Map<string, Array<{ rest: readonly string[]; value: T }>>();

  /** Folds and indexes every phrase; phrases that fold to nothing are ignored. */
  constructor(phrases: Iterable<{ phrase: string; value: T }>) {
    for (const { phrase, value } of phrases) {
      const words = foldText(phrase).split(' ').filter(Boolean);
      const [first, ...rest] = words;
      if (first === undefined) continue;
      const list = this.byFirstWord.get(first);
      if (list) list.push({ rest, value });
      else this.byFirstWord.set(first, [{ rest, value }]);
    }
  }

  /**
   * Adds to `found` the value of every phrase present in the folded words; with `accept`, only of a phrase found
   * at a place `accept` agrees to (the screen uses it to pass over a symptom that is denied or in the past).
   */
  collect(
    words: readonly string[],
    found: Set<T>,
    accept?: (value: T, start: number, end: number) => boolean,
  ): void {
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i] as string);
      if (!candidates) continue;
      for (const { rest, value } of candidates) {
        if (found.has(value) || i + rest.length >= words.length) continue;
        if (matchesAt(words, i, rest) && (!accept || accept(value, i, i + 1 + rest.length))) found.add(value);
      }
    }
  }

  /** Every occurrence of every phrase in the folded words, overlapping ones included, in reading order. */
  matches(words: readonly string[]): Array<PhraseMatch<T>> {
    const out: Array<PhraseMatch<T>> = [];
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i] as string);
      if (!candidates) continue;
      for (const { rest, value } of candidates) {
        if (i + rest.length < words.length && matchesAt(words, i, rest))
          out.push({ value, start: i, end: i + 1 + rest.length });
      }
    }
    return out;
  }
}

function matchesAt(words: readonly string[], i: number, rest: readonly string[]): boolean {
  let k = 0;
  while (k < rest.length && words[i + 1 + k] === rest[k]) k++;
  return k === rest.length;
}
