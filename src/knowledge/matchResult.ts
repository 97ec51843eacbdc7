import type { Language } from '../content/language';
import type { ConfidenceBand } from './confidenceBand';
import type { DocumentKind } from './indexDocument';

/** One entry or pathway the text may be asking for. */
export interface MatchCandidate {
  /** Entry or pathway id. */
  readonly id: string;
  /** Whether `id` names a knowledge entry or a pathway. */
  readonly kind: DocumentKind;
  /** Language of the phrasing that matched (may differ from the requested one when the user mixed languages). */
  readonly lang: Language;
  /** Combined score, 0 (nothing in common) to 1 (same question). */
  readonly score: number;
  /** Share of the question's topic words (weighted by rarity) that this entry explains, 0 to 1. */
  readonly coverage: number;
}

/** What the matcher found for a text. */
export interface MatchResult {
  /** What to do: answer (high), ask "did you mean" (medium), or refuse (low). */
  readonly band: ConfidenceBand;
  /** The entry or pathway to answer with (high) or to offer first (medium); absent when low. */
  readonly best?: MatchCandidate;
  /** high: just `best`; medium: up to three to offer, best first; low: none. */
  readonly candidates: readonly MatchCandidate[];
  /** The closest document even when the band is low, for the curator log only (never shown as an answer). */
  readonly nearest?: MatchCandidate;
}
