import type { Language } from '../src/content/language';

/** Something a visitor types, in a language. */
export interface Utterance {
  /** The message text. */
  readonly text: string;
  /** The language, sent as the activity's locale. */
  readonly lang: Language;
}
