import type { Logger } from 'pino';
import type { Content } from '../content/content';
import type { Language } from '../content/language';
import type { Messages } from '../content/messages';
import type { CommandRecognizer } from '../safety/commandRecognizer';
import type { RedFlagScreen } from '../safety/redFlagScreen';
import type { ConfidenceBand } from '../knowledge/confidenceBand';
import type { AnswerReader } from './answerReader';
import type { QuestionMatcher } from './questionMatcher';
import type { LineStatusPlace } from '../time/lineStatusPhrase';

/** Records what curators need: unanswered questions (redacted by the recorder) and answer feedback. */
export interface CuratorRecorder {
  /** A question the bot could not answer confidently. */
  recordMiss(question: { text: string; lang: Language; band: ConfidenceBand; nearest?: string }): void;
  /** A "was this helpful?" answer. */
  recordFeedback(entryId: string, helpful: boolean): void;
}

/** Live booking-line wording. */
export interface BookingLineDesk {
  /**
   * "Call … Monday to Friday …" plus the live open/closed status, in the visitor's zone too when given; for an
   * operator, the phone sentence is worded to be passed on to the caller.
   */
  describe(lang: Language, visitorZone?: string, forOperator?: boolean): string;
  /** Only the live status sentence, worded for where it stands (alone by default). */
  status(lang: Language, visitorZone?: string, place?: LineStatusPlace): string;
  /** The status as a short code and time for call summaries, e.g. "open until 16:00". */
  summary(lang: Language): string;
}

/** Everything the dialogs use, built once by the composition root. */
export interface TriageServices {
  /** Validated content. */
  readonly content: Content;
  /** Engine sentences. */
  readonly messages: Messages;
  /** Knowledge and pathway-opener matcher. */
  readonly matcher: QuestionMatcher;
  /** Guesses the language of a message, or undefined when unsure. */
  readonly detectLanguage: (text: string) => Language | undefined;
  /** Red-flag screen. */
  readonly redFlags: RedFlagScreen;
  /** Reads typed answers to pathway questions, and what an opening message already answers. */
  readonly answers: AnswerReader;
  /** Global commands. */
  readonly commands: CommandRecognizer;
  /** Booking-line status wording. */
  readonly bookingLine: BookingLineDesk;
  /** Curator log. */
  readonly curator: CuratorRecorder;
  /** Deletes everything stored about the user and the conversation ("forget me"). */
  readonly forget: (context: import('botbuilder').TurnContext) => Promise<void>;
  /** Minutes of silence after which a conversation starts afresh. */
  readonly idleMinutes: number;
  /** Current instant (replaceable in tests). */
  readonly now: () => Date;
  /** Process logger. */
  readonly logger: Logger;
}
