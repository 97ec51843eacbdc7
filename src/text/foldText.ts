/**
 * Folds text for phrase comparison: lower case, accents removed, apostrophes and punctuation turned into
 * spaces, spaces collapsed. "Non RIESCO a respirare!!" → "non riesco a respirare".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when `phrase` (already folded) occurs in `folded` as whole words. */
export function containsPhrase(folded: string, phrase: string): boolean {
  return phrase.length > 0 && ` ${folded} `.includes(` ${phrase} `);
}
