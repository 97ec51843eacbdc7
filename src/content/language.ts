import { z } from 'zod';

/** The two languages the bot speaks, as ISO 639-1 codes. */
export const LANGUAGES = ['en', 'it'] as const;

/** A language the bot speaks. */
export type Language = (typeof LANGUAGES)[number];

/** Zod schema for a language code. */
export const languageSchema = z.enum(LANGUAGES);

/** A non-empty, trimmed piece of text. */
export const textSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .describe('Plain text shown to users; never empty.');

/** Text given in both languages. */
export const localizedTextSchema = z
  .object({ en: textSchema, it: textSchema })
  .strict()
  .describe('The same text in English (en) and Italian (it).');

/** Text given in both languages. */
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A list of phrases in both languages (each list may be empty only where the schema says so). */
export const localizedPhrasesSchema = z
  .object({ en: z.array(textSchema), it: z.array(textSchema) })
  .strict()
  .describe('Phrases in English (en) and Italian (it).');

/** A list of phrases in both languages. */
export type LocalizedPhrases = z.infer<typeof localizedPhrasesSchema>;
