/**
 * The last text folded and its result: a turn folds the same message four or five times (commands, red flags,
 * router, matcher in each language), and folding is two Unicode regular expressions over it.
 */
const last: { text: string | undefined; folded: string } = { text: undefined, folded: '' };

/**
 * Folds text for phrase comparison: lower case, accents removed, apostrophes and punctuation turned into
 * spaces, spaces collapsed. "Non RIESCO a respirare!!" → "non riesco a respirare".
 */
export function foldText(text: string): string {
  if (text === last.text) return last.folded;
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  last.text = text;
  last.folded = folded;
  return folded;
}

/** True when `phrase` (already folded) occurs in `folded` as whole words. */
export function containsPhrase(folded: string, phrase: string): boolean {
  return phrase.length > 0 && ` ${folded} `.includes(` ${phrase} `);
}
