import type { Language } from '../../content/language';
import { languageFromLocale } from '../../dialogs/languageFromLocale';

/**
 * The page's language: `?lang=` when given, else the first Italian or English entry of the browser's
 * `Accept-Language` (by preference weight); a browser asking for neither gets English, no header gets Italian.
 * @remarks English is the better guess for a visitor whose browser speaks another language; Italian is the
 * hospital's own language when nothing is known.
 */
export function pageLanguage(query: string | undefined, acceptLanguage: string | undefined): Language {
  const asked = languageFromLocale(query);
  if (asked && query && /^[a-z]{2}(?:-[a-z]{2})?$/i.test(query)) return asked;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag !== '' && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  if (ranges.length === 0) return 'it';
  for (const range of ranges) {
    const lang = languageFromLocale(range.tag);
    if (lang) return lang;
  }
  return 'en';
}
