import englishStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import italianStemmer from 'natural/lib/natural/stemmers/porter_stemmer_it';
import type { Language } from '../content/language';

const STEMMERS: Readonly<Record<Language, { stem(token: string): string }>> = Object.freeze({
  en: englishStemmer,
  it: italianStemmer,
});

/** Most remembered stems per language before the memory starts again (a few MB at most). */
const STEM_CACHE_SIZE = 50_000;

/** Stems already computed, by language (people and the content reuse words; the Porter stemmer is the costly part). */
const STEM_CACHE: Readonly<Record<Language, Map<string, string>>> = Object.freeze({
  en: new Map<string, string>(),
  it: new Map<string, string>(),
});

/** Reduces a lower-case word to its stem with natural's Porter stemmer for the language ("sarcomas" → "sarcoma"). */
export function stem(token: string, lang: Language): string {
  const cache = STEM_CACHE[lang];
  const known = cache.get(token);
  if (known !== undefined) return known;
  const stemmed = /^\p{N}+$/u.test(token) ? token : STEMMERS[lang].stem(token) || token;
  if (cache.size >= STEM_CACHE_SIZE) cache.clear();
  cache.set(token, stemmed);
  return stemmed;
}
