/** Letters that Unicode decomposition does not fold to plain Latin letters. */
const LIGATURES: Readonly<Record<string, string>> = Object.freeze({
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ß: 'ss',
  ı: 'i',
  ł: 'l',
  đ: 'd',
});

/**
 * Lower-cases text, folds accents ("perché" → "perche"), and turns apostrophes and punctuation into single
 * spaces ("dell'arto" → "dell arto").
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[æœøßıłđ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
