import { z } from 'zod';
import { idSchema } from './knowledgeSchema';
import { localizedPhrasesSchema } from './language';

/** How a red flag is answered. */
export enum RedFlagKind {
  /** Call 112 now. */
  Emergency = 'emergency',
  /** Call 112 now, and a crisis line. */
  SelfHarm = 'self-harm',
  /** Not 112: a same-day call to the treating team or the booking line (disposition `urgent-call-today`). */
  Urgent = 'urgent',
  /** Not 112: a supportive word (psycho-oncologist, booking line, GP), and the conversation goes on. */
  LowMood = 'low-mood',
}

/** The kinds in the order they answer when one message raises several: the most serious first. */
export const RED_FLAG_PRIORITY: readonly RedFlagKind[] = Object.freeze([
  RedFlagKind.SelfHarm,
  RedFlagKind.Emergency,
  RedFlagKind.Urgent,
  RedFlagKind.LowMood,
]);

/** What can hold a flag back: a symptom that is denied, long past, or over. */
export enum HoldBack {
  /** "no chest pain", "non ho affanno", "without any bleeding". */
  Negated = 'negated',
  /** "last year I had a fever during chemo", "anni fa". */
  Past = 'past',
  /** "the bleeding has stopped", "la febbre è passata". */
  Resolved = 'resolved',
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
  .max(4)
  .describe('Two to four groups; the rule matches when one word of every group stands close to the others.');

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

const contextSchema = z
  .object({
    negators: localizedPhrasesSchema.describe(
      'Words that deny what follows ("no", "not", "without", "don\'t have", "non", "senza", "nessun"). A flag whose ' +
        'first word follows one in the same clause, with only filler words between, is held back.',
    ),
    notNegators: localizedPhrasesSchema.describe(
      'Phrases that start like a negator but tell of the symptom itself, so they deny nothing ("no longer", ' +
        '"can\'t stop", "non riesce", "non smette").',
    ),
    fillers: z
      .object({ en: z.array(wordSchema), it: z.array(wordSchema) })
      .strict()
      .describe(
        'Words that may stand between a negator and the symptom it denies ("any", "a", "really", "più", "mai"): ' +
          '"no real chest pain", "non ho mai avuto febbre". Any other word ends the denial ("I don\'t know, he can\'t breathe").',
      ),
    coordinators: z
      .object({ en: z.array(wordSchema), it: z.array(wordSchema) })
      .strict()
      .optional()
      .describe(
        'Words that join a list a denial runs over ("or", "nor", "o", "né"): "no chest pain or breathing trouble" ' +
          'denies both. "and" is left out on purpose: "no fever and I can\'t breathe" denies only the fever.',
      ),
    maxFillers: z
      .number()
      .int()
      .min(0)
      .max(5)
      .describe('How many filler words may stand between a negator and the symptom.'),
    past: localizedPhrasesSchema.describe(
      'Long-past markers anywhere in the clause ("last year", "years ago", "anni fa", "in passato"): the clause ' +
        'tells of something over, unless a current marker stands in it too.',
    ),
    resolved: localizedPhrasesSchema.describe(
      'Markers after the symptom saying it is over ("has stopped", "went away", "è passata", "si è fermato"), in ' +
        'the same clause or the next one, with no other symptom between. A marker right after a negator does not ' +
        'count ("hasn\'t stopped").',
    ),
    recent: localizedPhrasesSchema
      .optional()
      .describe(
        'Recent-past markers ("last week", "a few days ago", "la settimana scorsa", "qualche giorno fa"): an emergency ' +
          'symptom told of only in such a clause, with no current marker, happened days ago and is over, so it gets ' +
          'a same-day check (the urgent answer) instead of 112. Ongoing time ("since last week", "da una settimana") ' +
          'belongs in "current".',
      ),
    idioms: localizedPhrasesSchema
      .optional()
      .describe(
        'Set phrases whose words never tell of a symptom ("ogni tanto", "di tanto in tanto": now and then, not "a ' +
          'lot"): they are masked before phrases and concept rules are matched.',
      ),
    current: localizedPhrasesSchema.describe(
      'Markers of now ("now", "today", "again", "still", "adesso", "oggi", "ancora"): a clause holding one is current, ' +
        'whatever past marker it also holds.',
    ),
    contrasts: localizedPhrasesSchema.describe(
      'Words that start a new clause ("but", "however", "ma", "però"): "no fever but I can\'t breathe".',
    ),
  })
  .strict()
  .describe(
    'How a flag is held back when the person denies the symptom or tells of it as past or over. Punctuation and ' +
      'contrast words split a message into clauses; a flag is held back only when every clause its words stand in ' +
      'holds it back. Self-harm flags are never held back.',
  );

/** Red-flag symptoms caught on every turn, before anything else. */
export const redFlagsFileSchema = z
  .object({
    $schema: z.string().optional(),
    questionGuard: questionGuardSchema.optional(),
    context: contextSchema.optional(),
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
            heldBackBeside: z
              .object({
                words: localizedPhrasesSchema.describe(
                  'Word starts ("=" first for a whole word) that, in the clause of a hit, hold it back.',
                ),
                unless: localizedPhrasesSchema.describe(
                  'Word starts that, in the same clause, keep the hit even so.',
                ),
              })
              .strict()
              .optional()
              .describe(
                'A hit beside these words is held back: heavy bleeding said of a mole or a scab ("my mole bleeds a ' +
                  'lot when I touch it") is a sign for the mole pathway (NICE NG12), not 112, unless the clause says ' +
                  'it will not stop or pours.',
              ),
            followUp: z
              .object({
                pathway: idSchema.describe('The pathway whose question is asked.'),
                node: idSchema.describe('The question node asked first; the pathway goes on from it.'),
              })
              .strict()
              .optional()
              .describe(
                'Urgent flags only: a pathway question asked at once instead of the urgent answer, because its answer ' +
                  'changes what to do (back pain with metastases: leg weakness or bladder trouble makes it 112).',
              ),
            heldBackWhen: z
              .array(z.enum(HoldBack))
              .optional()
              .describe(
                'What holds this flag back (see "context"); default ["negated", "past"], and never anything for ' +
                  'self-harm. Add "resolved" where a symptom that is over needs no call ("the bleeding has ' +
                  'stopped"); leave it out where it still does (a fever during chemotherapy that came down).',
              ),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** Red-flag symptoms file. */
export type RedFlagsFile = z.infer<typeof redFlagsFileSchema>;

/** The red-flag screen's context words (negators, past and resolved markers, contrasts). */
export type RedFlagContext = z.infer<typeof contextSchema>;
