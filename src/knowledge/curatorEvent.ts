import type { Language } from '../content/language';
import type { ConfidenceBand } from './confidenceBand';

/** A question the bot could not answer directly, with personal data already redacted. */
export interface MissEvent {
  /** `unanswered` when the bot refused (band low), `low-confidence` when it asked "did you mean" (band medium). */
  readonly type: 'unanswered' | 'low-confidence';
  /** When it happened (ISO 8601, UTC). */
  readonly at: string;
  /** The language the question was matched in. */
  readonly lang: Language;
  /** The question, redacted. */
  readonly text: string;
  /** The matcher's band. */
  readonly band: ConfidenceBand;
  /** The closest entry or pathway id, to help the curator decide where a phrasing belongs. */
  readonly nearest?: string;
}

/** A user's verdict on an answer. */
export interface FeedbackEvent {
  /** Always `feedback`. */
  readonly type: 'feedback';
  /** When it happened (ISO 8601, UTC). */
  readonly at: string;
  /** The knowledge entry that was answered. */
  readonly entryId: string;
  /** True when the user found the answer helpful. */
  readonly helpful: boolean;
}

/** One line of the curator log (JSON Lines). */
export type CuratorEvent = MissEvent | FeedbackEvent;
