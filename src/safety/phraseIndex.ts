import { foldText } from '../text/foldText';

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

  /** Adds to `found` the value of every phrase present in the folded words. */
  collect(words: readonly string[], found: Set<T>): void {
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i] as string);
      if (!candidates) continue;
      for (const { rest, value } of candidates) {
        if (found.has(value) || i + rest.length >= words.length) continue;
        let k = 0;
        while (k < rest.length && words[i + 1 + k] === rest[k]) k++;
        if (k === rest.length) found.add(value);
      }
    }
  }
}
