import { z } from 'zod';
import { idSchema } from './knowledgeSchema';
import { localizedPhrasesSchema } from './language';

/** How a red flag is answered. */
export enum RedFlagKind {
  /** Call 112 now. */
  Emergency = 'emergency',
  /** Call 112 now, and a crisis line. */
  SelfHarm = 'self-harm',
}

const windowSchema = z
  .number()
  .int()
  .min(2)
  .max(30)
  .describe('How many consecutive words may hold one word of every group (default 6).');

const stemSchema = z
  .string()
  .regex(
    /^(=[\p{L}\p{N}]+|[\p{L}\p{N}]{3,})$/u,
    'must be one word start of at least 3 letters ("sangu"), or "=" and a whole word ("=fit", "=38")',
  )
  .describe(
    'The start of a word, matched after normalisation (accents, case): "sangu" matches "sanguina" and "sanguinamento". ' +
      'Write "=" first to match the whole word only: "=fit" matches "fit" but not "fitness".',
  );

const groupsSchema = z
  .array(z.array(stemSchema).min(1).describe('Alternatives: any one of these words fills the group.'))
  .min(2)
  .max(3)
  .describe('Two or three groups; the rule matches when one word of every group stands close to the others.');

const conceptRuleSchema = z
  .union([
    groupsSchema,
    z
      .object({
        groups: groupsSchema,
        window: windowSchema.optional(),
        inOrder: z
          .boolean()
          .optional()
          .describe(
            'When true the groups must appear in the order written ("going … end … it", not "is it going to end").',
          ),
      })
      .strict()
      .describe('The same groups with a window of their own, or in a fixed order.'),
  ])
  .describe(
    'A concept rule: e.g. [["bleed","blood","sangu"], ["lot","heavy","stop","tanto","ferma"]] raises the flag for ' +
      '"the wound will not stop bleeding" and "perde tanto sangue".',
  );

const conceptsSchema = z
  .object({
    window: windowSchema.optional(),
    en: z.array(conceptRuleSchema),
    it: z.array(conceptRuleSchema),
  })
  .strict()
  .describe(
    'Concept rules that catch wording nobody listed: a word from every group within a few words of each other. ' +
      'Both languages are searched in every message. Over-triage is acceptable; a missed emergency is not.',
  );

const wordSchema = z
  .string()
  .regex(/^[\p{L}\p{N}]+$/u, 'must be one word, without spaces or punctuation')
  .describe('A whole word, matched after normalisation (accents, case).');

const questionGuardSchema = z
  .object({
    maxWords: z
      .number()
      .int()
      .min(3)
      .max(30)
      .describe('Longer messages are never treated as general questions.'),
    openers: localizedPhrasesSchema.describe(
      'How a general question starts ("what is", "cos\'è"); matched at the very start of the message.',
    ),
    blockers: z
      .object({ en: z.array(wordSchema), it: z.array(wordSchema) })
      .strict()
      .describe(
        'Words showing the question is about a real person or about now ("my", "he", "adesso"): any one of them, ' +
          'or any number, keeps the flag raised.',
      ),
  })
  .strict()
  .describe(
    'Short general questions ("what is radiotherapy for breathing problems?") that phrases or concept rules would ' +
      'otherwise flag. Only emergency flags are held back; self-harm flags always fire.',
  );

/** Red-flag symptoms caught on every turn, before anything else. */
export const redFlagsFileSchema = z
  .object({
    $schema: z.string().optional(),
    questionGuard: questionGuardSchema.optional(),
    flags: z
      .array(
        z
          .object({
            id: idSchema,
            kind: z.enum(RedFlagKind),
            source: z.string().min(1).describe('Published guidance the flag follows.'),
            phrases: localizedPhrasesSchema.describe(
              'Phrases that raise the flag, as people type them; matched after normalisation (accents, case).',
            ),
            concepts: conceptsSchema.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** Red-flag symptoms file. */
export type RedFlagsFile = z.infer<typeof redFlagsFileSchema>;
