/** One word of analysed text: what was typed (normalised) and the stem it is matched on. */
export interface AnalyzedToken {
  /** The word as typed, lower-cased and accent-folded (the canonical word when a synonym replaced it). */
  readonly surface: string;
  /** The word's stem, or the canonical term's stem a synonym replaced it with. */
  readonly stem: string;
  /** True for a stopword: a synonym may match it only word for word, never by stem ("faccio" is not "faccia"). */
  readonly stop?: boolean;
  /** True for a question word ("where", "chi"): it hints at what is asked but counts little. */
  readonly weak?: boolean;
}
