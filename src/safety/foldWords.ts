import { decomposeVisible } from '../text/foldText';

/**
 * The words of a text exactly as `foldText` leaves them (`foldText(text).split(' ')`, without empty words), read
 * in one pass: about three times faster on long messages than replacing punctuation and splitting.
 */
export function foldWords(text: string): string[] {
  return (
    decomposeVisible(text)
      .replace(/\p{M}+/gu, '')
      .toLocaleLowerCase('en')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}
