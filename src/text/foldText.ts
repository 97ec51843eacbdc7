/**
 * The last text folded and its result: a turn folds the same message four or five times (commands, red flags,
 * router, matcher in each language), and folding is two Unicode regular expressions over it.
 */
const last: { text: string | undefined; folded: string } = { text: undefined, folded: '' };

/** Unicode format characters (zero-width space and joiners, soft hyphen, word joiner, byte-order mark…). */
const INVISIBLE = /\p{Cf}+/gu;

/**
 * The text without invisible format characters and with compatibility forms folded (fullwidth letters,
 * ligatures such as "ﬁ"), decomposed so accents can be dropped: the first step of every screen and matcher.
 */
export function decomposeVisible(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKD');
}

/**
 * Folds text for phrase comparison: invisible format characters dropped (a zero-width space or a soft hyphen
 * inside "can't breathe" must not hide it), compatibility forms folded, lower case, accents removed,
 * apostrophes and punctuation turned into spaces, spaces collapsed.
 * "Non RIESCO a respirare!!" → "non riesco a respirare".
 */
export function foldText(text: string): string {
  if (text === last.text) return last.folded;
  const folded = decomposeVisible(text)
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
