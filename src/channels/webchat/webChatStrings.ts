import type { Language } from '../../content/language';
import strings from './webChatStrings.json';

/** The UI strings of the page and widget in one language (chrome only; the bot's words come from content). */
export type WebChatStrings = (typeof strings)['en'];

/** The page and widget UI strings in both languages. */
export const WEB_CHAT_STRINGS: Readonly<Record<Language, WebChatStrings>> = Object.freeze(strings);
