import { VOCABULARY_DEFAULTS, type VocabularyOptions } from './vocabulary';

/** Tuning of the knowledge matcher: score mix and confidence bands. */
export interface MatcherOptions {
  /** Weight of coverage (share of the question's topic words the document knows) in the combined score. */
  readonly coverageWeight: number;
  /** Weight of the best single phrasing's overlap (precision and recall of topic words). */
  readonly phraseWeight: number;
  /** Weight of fuse.js's fuzzy similarity over the normalised phrasings. */
  readonly fuzzyWeight: number;
  /** Weight of a question word ("where", "chi") compared with a topic word. */
  readonly questionWordWeight: number;
  /** Weight of a word the content never uses, as a share of the rarest known word's weight. */
  readonly unknownTermWeight: number;
  /** Topic words up to which a question counts as short; beyond, unknown words weigh proportionally less. */
  readonly shortQueryTerms: number;
  /** How much a word found only in an entry's answer counts, compared with one in its question or alternates. */
  readonly bodyTermWeight: number;
  /** fuse.js key weights: canonical phrasing, other phrasings, answer. */
  readonly fuseKeyWeights: { readonly canonical: number; readonly phrases: number; readonly body: number };
  /** fuse.js threshold per key (0 exact … 1 anything). */
  readonly fuseThreshold: number;
  /**
   * Longest normalised query fuse.js scores (bitap works in 32-character chunks and its cost grows with length);
   * longer questions are scored by word overlap alone, which is what carries them anyway.
   */
  readonly maxFuzzyPatternLength: number;
  /** How much of an answer's normalised text fuse.js reads (its opening, which restates the topic). */
  readonly maxFuzzyBodyLength: number;
  /** How many of the best candidates fuse.js re-scores (bitap is the costly step). */
  readonly maxFuzzyCandidates: number;
  /** How many documents, ranked by the inverted index, are scored in full. */
  readonly maxCandidates: number;
  /** Combined score at or above which a match may be high. */
  readonly highScore: number;
  /** Coverage at or above which a match may be high. */
  readonly highCoverage: number;
  /** Combined score at or above which a match both rankers agree on is high. */
  readonly agreedHighScore: number;
  /** Coverage at or above which a match both rankers agree on is high, when every topic word is known. */
  readonly agreedHighCoverage: number;
  /** The same when a topic word is unknown to the content (it may be what the question is really about). */
  readonly agreedPartialCoverage: number;
  /** Coverage at or above which a match with no rival near it is high (rather than a one-choice "did you mean"). */
  readonly soleHighCoverage: number;
  /** Combined score at or above which a match with no rival near it is high. */
  readonly soleHighScore: number;
  /** Least lead over the next different document for a high match. */
  readonly highMargin: number;
  /** Combined score below which a match is low. */
  readonly lowScore: number;
  /** Coverage below which a match is low (the question asks about things the entry does not explain). */
  readonly lowCoverage: number;
  /** Most documents whose phrasings use a word, for it to name what a phrasing is about ("liposarcoma", "DSRCT"). */
  readonly maxNameDocuments: number;
  /** Combined score below which a match is low when the text names the document (see `ScoredDocument.named`). */
  readonly namedLowScore: number;
  /** Coverage below which a match is low when the text names the document. */
  readonly namedLowCoverage: number;
  /** Added to the combined score of a document the text names, so the named subject outranks the story's words. */
  readonly namedBonus: number;
  /** Topic words beyond which a message counts as long: its low thresholds shrink in proportion, its band stays below high. */
  readonly longMessageTerms: number;
  /** Candidates offered in a medium match must score at least this share of the best one. */
  readonly candidateRatio: number;
  /** Most candidates offered in a medium match. */
  readonly maxSuggestions: number;
  /** Score advantage the requested language keeps over the other one when both match. */
  readonly languagePreference: number;
  /** Recognition of related forms and typos. */
  readonly vocabulary: VocabularyOptions;
}

/** Default tuning, measured on the evaluation set (`npm run eval`). */
export const MATCHER_DEFAULTS: MatcherOptions = Object.freeze({
  coverageWeight: 0.4,
  phraseWeight: 0.4,
  fuzzyWeight: 0.2,
  questionWordWeight: 0.3,
  unknownTermWeight: 0.75,
  shortQueryTerms: 5,
  bodyTermWeight: 0.5,
  fuseKeyWeights: Object.freeze({ canonical: 3, phrases: 2, body: 1 }),
  fuseThreshold: 0.25,
  maxFuzzyPatternLength: 24,
  maxFuzzyCandidates: 2,
  maxFuzzyBodyLength: 64,
  maxCandidates: 10,
  highScore: 0.6,
  highCoverage: 0.75,
  highMargin: 0.08,
  agreedHighScore: 0.4,
  agreedHighCoverage: 0.4,
  agreedPartialCoverage: 0.7,
  soleHighCoverage: 0.6,
  soleHighScore: 0.5,
  lowScore: 0.5,
  lowCoverage: 0.5,
  maxNameDocuments: 2,
  namedLowScore: 0.45,
  namedLowCoverage: 0.3,
  namedBonus: 0.05,
  longMessageTerms: 8,
  candidateRatio: 0.7,
  maxSuggestions: 3,
  languagePreference: 0.03,
  vocabulary: VOCABULARY_DEFAULTS,
});
