import type { Language } from '../content/language';

/** The bot's language for a Bot Framework locale ("it-IT", "en-US", "it", "en"), or undefined for others. */
export function languageFromLocale(locale: string | undefined): Language | undefined {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'it' || primary === 'en' ? primary : undefined;
}
