import englishStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import italianStemmer from 'natural/lib/natural/stemmers/porter_stemmer_it';
import type { Language } from '../content/language';

const STEMMERS: Readonly<Record<Language, { stem(token: string): string }>> = Object.freeze({
  en: englishStemmer,
  it: italianStemmer,
});

/** Reduces a lower-case word to its stem with natural's Porter stemmer for the language ("sarcomas" → "sarcoma"). */
export function stem(token: string, lang: Language): string {
  if (/^\p{N}+$/u.test(token)) return token;
  return STEMMERS[lang].stem(token) || token;
}
