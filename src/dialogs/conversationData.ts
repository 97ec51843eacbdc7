import type { Language } from '../content/language';
import type { SentCard } from './cardClick';

/** Who the bot is talking to. */
export enum AudienceMode {
  /** A patient or relative (website, Teams personal chat). */
  Public = 'public',
  /** A call-centre operator with a caller on the line (staff only). */
  Operator = 'operator',
}

/** What an offered choice does when picked. */
export interface OfferedChoice {
  /** The label shown (and sent back by a click). */
  readonly label: string;
  /** The text the engine handles when this choice is picked (by click, label or number). */
  readonly value: string;
}

/** Per-conversation data kept between turns (besides the dialog stack). */
export interface ConversationData {
  /** Language chosen explicitly by the user ("in English please"), which wins over the activity's locale. */
  chosenLanguage?: Language;
  /** Language of the last reply. */
  lastLanguage?: Language;
  /** Audience mode, set only by staff-only channels. */
  mode?: AudienceMode;
  /** True once the short privacy note was shown. */
  privacyNoteShown?: boolean;
  /** True once the "not a diagnosis" note was shown. */
  disclaimerShown?: boolean;
  /** Choices offered by the last reply, so "2" or a label can pick one. */
  offered?: OfferedChoice[];
  /** Knowledge entry answered last, for "was this helpful?" feedback. */
  lastAnsweredEntry?: string;
  /** ISO time of the last user message, for idle expiry. */
  lastSeenAt?: string;
  /** The last cards of choices sent (newest last), so that a click on an older one is recognised. */
  cards?: SentCard[];
  /** ISO time of a welcome sent on an install or members-added event that no message has followed yet. */
  welcomedAt?: string;
  /** What each person said that answers a pathway question: hashed user id → fact → choice id (see `FactMemory`). */
  facts?: Record<string, Record<string, string>>;
}
