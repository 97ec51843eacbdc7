/** Splits text into words on anything that is not a letter or a digit in any script (accented letters stay). */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((token) => token.length > 0);
}
