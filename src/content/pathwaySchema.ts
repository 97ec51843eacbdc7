import { z } from 'zod';
import { DispositionCode } from './dispositionCode';
import { idSchema } from './knowledgeSchema';
import { localizedPhrasesSchema, localizedTextSchema } from './language';

/** One answer a question offers. */
export const choiceSchema = z
  .object({
    id: idSchema.describe('Stable id of the choice, kept in call summaries.'),
    label: localizedTextSchema.describe('Button text (short).'),
    summary: localizedTextSchema
      .optional()
      .describe(
        'The answer as the call summary states it, in the third person, when the label does not read so ("For me" → "the patient"); defaults to the label.',
      ),
    words: localizedPhrasesSchema
      .optional()
      .describe('Words a typed answer may use for this choice (yes/no words are built in).'),
    next: idSchema.describe('Id of the node this choice leads to.'),
  })
  .strict();

/** The id a choice must have to receive hedged answers ("not sure", "non lo so"). */
export const UNSURE_CHOICE_ID = 'unsure';

/** The fact that says who the questions are about; its choice `RELATIVE_CHOICE_ID` turns on `relativeText`. */
export const ABOUT_FACT = 'about';

/** The choice of the `about` fact for a relative or friend writing for the patient. */
export const RELATIVE_CHOICE_ID = 'relative';

/** The choice of the `about` fact for the patient writing for themselves. */
export const SELF_CHOICE_ID = 'self';

/** A question answered by a size: typed ("6 cm", "40 mm") or lay ("bigger than a golf ball") sizes are compared. */
export const measureSchema = z
  .object({
    threshold: z.number().positive().describe('Size in centimetres the answer is compared with.'),
    above: idSchema.describe('Choice taken when the size is at or above the threshold.'),
    below: idSchema.describe('Choice taken when the size is below the threshold.'),
  })
  .strict();

/** A question with choices. */
export const questionNodeSchema = z
  .object({
    type: z.literal('question'),
    text: localizedTextSchema.describe('The question, addressed to the patient or relative.'),
    relativeText: localizedTextSchema
      .optional()
      .describe('The question in the third person, asked when a relative writes for the patient.'),
    fact: idSchema
      .optional()
      .describe(
        'What the answer establishes (e.g. "growing"): remembered for the conversation, and the question is skipped when the person already said it.',
      ),
    measure: measureSchema.optional(),
    operatorText: localizedTextSchema.describe(
      'The same question as a script line for a call-centre operator ("Ask the caller whether…").',
    ),
    summaryLabel: localizedTextSchema.describe(
      'The short label of this answer in the call summary, in the third person ("Caller", "Primary tumour").',
    ),
    source: z
      .string()
      .trim()
      .min(1)
      .describe('Where the question comes from (page section or published triage practice).'),
    choices: z.array(choiceSchema).min(2).max(6),
  })
  .strict();

/** A piece of information shown before moving on. */
export const infoNodeSchema = z
  .object({
    type: z.literal('info'),
    text: localizedTextSchema,
    relativeText: localizedTextSchema.optional().describe('The same, in the third person, for a relative.'),
    operatorText: localizedTextSchema.describe('What the operator tells the caller.'),
    source: z.string().trim().min(1),
    next: idSchema,
  })
  .strict();

/** A leaf: what to do, with a fixed code. */
export const dispositionNodeSchema = z
  .object({
    type: z.literal('disposition'),
    code: z.enum(DispositionCode),
    text: localizedTextSchema.describe('What to do, addressed to the patient or relative.'),
    relativeText: localizedTextSchema
      .optional()
      .describe('What to do, in the third person, for a relative writing for the patient.'),
    operatorText: localizedTextSchema.describe('What the operator should do or tell the caller.'),
    bring: localizedPhrasesSchema.describe('What to bring or have ready (may be empty lists).'),
    source: z.string().trim().min(1),
  })
  .strict();

/** Any node of a pathway tree. */
export const pathwayNodeSchema = z.discriminatedUnion('type', [
  questionNodeSchema,
  infoNodeSchema,
  dispositionNodeSchema,
]);

/** A pathway tree (one of the department page's three doors). */
export const pathwaySchema = z
  .object({
    $schema: z.string().optional(),
    id: idSchema,
    title: localizedTextSchema.describe('The door as the page names it, e.g. "I have a suspicious mole".'),
    situation: localizedTextSchema.describe(
      'The situation as the call summary names it, in the third person, e.g. "Suspicious mole".',
    ),
    order: z
      .number()
      .int()
      .min(1)
      .describe('Position of the door in menus (1 = first), as on the department page.'),
    openers: localizedPhrasesSchema.describe('Free-text phrases that start this pathway.'),
    signals: localizedPhrasesSchema
      .optional()
      .describe(
        'Word starts that name this door\'s situation in a person\'s own story ("lump", "bozz", "metasta"; "=" first for a whole word): a message that tells someone\'s situation with one of them opens the door when no answer fits.',
      ),
    signalRank: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        'When a story names several doors, the lowest rank opens (the most specific situation first).',
      ),
    questionOpens: z
      .boolean()
      .optional()
      .describe(
        "When true, a person's own story naming this door's situation opens it even when it asks a question nothing " +
          'in the knowledge base answers ("a lump under my skin for a year, do you see these?", "è un neo brutto?"): ' +
          'the guided questions are the honest answer to "is it bad?". For doors about a finding (lump, mole).',
      ),
    start: idSchema.describe('Id of the first node.'),
    nodes: z.record(idSchema, pathwayNodeSchema),
  })
  .strict();

/** A pathway tree. */
export type Pathway = z.infer<typeof pathwaySchema>;
/** Any node of a pathway tree. */
export type PathwayNode = z.infer<typeof pathwayNodeSchema>;
/** A question node. */
export type QuestionNode = z.infer<typeof questionNodeSchema>;
/** A disposition leaf. */
export type DispositionNode = z.infer<typeof dispositionNodeSchema>;
/** One answer a question offers. */
export type Choice = z.infer<typeof choiceSchema>;
