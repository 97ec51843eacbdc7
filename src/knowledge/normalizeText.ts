import { foldText } from '../text/foldText';

/** Letters that Unicode decomposition does not fold to plain Latin letters (fuse.js folds the same ones). */
const LIGATURES: Readonly<Record<string, string>> = Object.freeze({
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ß: 'ss',
  ı: 'i',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ŧ: 't',
});

/**
 * Lower-cases text, folds accents ("perché" → "perche"), and turns apostrophes and punctuation into single
 * spaces ("dell'arto" → "dell arto"); on top of {@link foldText}, letters that decomposition leaves alone
 * (æ, ø, ß…) become plain Latin letters, so the index and the queries agree on them.
 */
export function normalizeText(text: string): string {
  return foldText(text).replace(/[æœøßıłđħŧ]/g, (c) => LIGATURES[c] ?? c);
}
