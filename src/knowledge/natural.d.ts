/**
 * Type shims for the few `natural` modules the matcher deep-imports.
 * @remarks `import 'natural'` loads databases and `.env` and fails under jest; these files have no side effects.
 */
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  /** natural's English Porter stemmer. */
  const stemmer: { stem(token: string): string };
  export default stemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_it' {
  /** natural's Italian Porter stemmer. */
  const stemmer: { stem(token: string): string };
  export default stemmer;
}

declare module 'natural/lib/natural/util/stopwords' {
  /** natural's English stopword list. */
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_it' {
  /** natural's Italian stopword list. */
  export const words: string[];
}
