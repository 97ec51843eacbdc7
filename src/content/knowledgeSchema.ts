import { z } from 'zod';
import { textSchema } from './language';

/** Kebab-case identifier, stable across edits (it is stored in logs and feedback counts). */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. "what-is-a-sarcoma"')
  .describe('Stable kebab-case identifier.');

/** One language's side of a knowledge entry. */
export const knowledgeSideSchema = z
  .object({
    question: textSchema.describe('The canonical question, as a patient would ask it.'),
    alternates: z
      .array(textSchema)
      .min(3, 'give at least 3 alternate phrasings as patients and relatives would type them')
      .describe('Other ways people ask the same thing: lay words, second person, relatives’ voice.'),
    answer: textSchema.describe('The short answer, first thing the user reads (one to three sentences).'),
    detail: textSchema.optional().describe('Optional longer explanation shown after the short answer.'),
  })
  .strict();

/** One language's side of a knowledge entry. */
export type KnowledgeSide = z.infer<typeof knowledgeSideSchema>;

/** Kinds of entry: ordinary questions, or brief small talk (hello, thanks, who are you). */
export const ENTRY_KINDS = ['faq', 'smalltalk'] as const;

/** A curated question-and-answer entry in both languages. */
export const knowledgeEntrySchema = z
  .object({
    id: idSchema,
    kind: z.enum(ENTRY_KINDS).default('faq').describe('faq (default) or smalltalk.'),
    source: textSchema.describe('The department-page section the facts come from.'),
    externalSource: textSchema
      .optional()
      .describe('For a widely published public-health fact not on the page: who publishes it.'),
    reviewed: z.iso.date().describe('Date of the last clinical/editorial review (YYYY-MM-DD).'),
    related: z.array(idSchema).default([]).describe('Ids of entries offered as follow-up prompts.'),
    appendLineStatus: z
      .boolean()
      .default(false)
      .describe(
        'When true, the bot adds the booking line’s live open/closed status after the answer (which gives the number and hours, Rome time).',
      ),
    lineStatusFirst: z
      .boolean()
      .optional()
      .describe(
        'With appendLineStatus: the live status opens the reply instead of closing it, for an entry about the line itself ("is it open now?").',
      ),
    en: knowledgeSideSchema,
    it: knowledgeSideSchema,
  })
  .strict();

/** A curated question-and-answer entry in both languages. */
export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;

/** A file of knowledge entries under `knowledge/entries/`. */
export const knowledgeFileSchema = z
  .object({
    $schema: z.string().optional(),
    topic: textSchema.describe('What the entries in this file are about.'),
    entries: z.array(knowledgeEntrySchema).min(1),
  })
  .strict();

/** A file of knowledge entries. */
export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;
