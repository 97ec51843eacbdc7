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

/**
 * A verbatim quote of the department page (`knowledge/source/department-page.txt`).
 * @remarks Compared after collapsing whitespace; the page's bullets may be left out, the words may not change.
 */
export const evidenceQuoteSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .describe(
    'Words copied exactly from knowledge/source/department-page.txt (spaces and bullets may differ).',
  );

/** A recognised public-health or guideline source for a fact the department page does not state. */
export const externalSourceSchema = z
  .object({
    title: textSchema.describe(
      'Publisher and page title, shown to users, e.g. "Cancer Research UK: Types of soft tissue sarcoma".',
    ),
    url: z
      .string()
      .regex(
        /^https:\/\/[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:\/\S*)?$/,
        'must be an https address, e.g. "https://www.cancer.gov/…"',
      )
      .describe('The page, over https, shown to users as the link.'),
    retrieved: z.iso.date().describe('Date the page was read and found to support the answer (YYYY-MM-DD).'),
  })
  .strict();

/** A recognised public-health or guideline source for a fact the department page does not state. */
export type ExternalSource = z.infer<typeof externalSourceSchema>;

/** A curated question-and-answer entry in both languages. */
export const knowledgeEntrySchema = z
  .object({
    id: idSchema,
    kind: z.enum(ENTRY_KINDS).default('faq').describe('faq (default) or smalltalk.'),
    evidence: z
      .array(evidenceQuoteSchema)
      .min(1, 'give at least one quote, or leave "evidence" out')
      .optional()
      .describe('Verbatim quotes of the department page that support every fact of the answer and detail.'),
    externalSource: externalSourceSchema
      .optional()
      .describe(
        'For a fact the page does not state: the public-health source; the answer presents it as general information.',
      ),
    factFree: z
      .literal(true)
      .optional()
      .describe(
        'True for an entry that states no fact at all (small talk, the kind answers where the page is silent).',
      ),
    reviewNote: textSchema
      .optional()
      .describe(
        'A note for the clinicians reviewing the entry (shown in npm run kb:sources), never to users.',
      ),
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
