import { z } from 'zod';
import { localizedPhrasesSchema } from './language';

/** Global commands recognised on every turn (after red flags), in both languages. */
export const COMMANDS = ['help', 'startOver', 'talkToPerson', 'english', 'italian', 'forgetMe'] as const;

/** A global command. */
export type Command = (typeof COMMANDS)[number];

/** Word starts of one concept rule: one word of each group within a few words (e.g. talk + person). */
const commandGroupsSchema = z
  .array(z.array(z.string().trim().min(3)).min(1))
  .min(2)
  .max(3);

/** A concept rule: its groups, or its groups with its own window (words, in the groups' order). */
const commandRuleSchema = z.union([
  commandGroupsSchema,
  z.object({ groups: commandGroupsSchema, window: z.number().int().min(2).max(10) }).strict(),
]);

/** Concept rules of one command, per language. */
const commandConceptsSchema = z
  .object({ en: z.array(commandRuleSchema), it: z.array(commandRuleSchema) })
  .strict()
  .describe('Rules that recognise the command by meaning in a short message ("can I speak to a human").');

/** The phrases of each global command. */
export const commandsFileSchema = z
  .object({
    $schema: z.string().optional(),
    fillers: localizedPhrasesSchema
      .optional()
      .describe(
        'Greetings and politeness set aside before recognising a command ("hi", "please", "grazie").',
      ),
    concepts: z
      .object(
        Object.fromEntries(COMMANDS.map((c) => [c, commandConceptsSchema.optional()])) as Record<
          Command,
          z.ZodOptional<typeof commandConceptsSchema>
        >,
      )
      .strict()
      .optional(),
    situationWords: localizedPhrasesSchema
      .optional()
      .describe(
        'Words showing that a message tells the person\'s own situation or a relative\'s ("I", "my dad", "ho", "mia madre").',
      ),
    questionOpeners: localizedPhrasesSchema
      .optional()
      .describe(
        'First words of a general question ("what", "explain", "cos\'è"), greetings set aside: such a question with no situation word is answered, never triaged ("what is a sarcoma?").',
      ),
    askingWords: localizedPhrasesSchema
      .optional()
      .describe(
        'Words that ask for information wherever they stand ("what", "why", "cosa", "perché"): a story that holds one and that an article may answer is offered the articles before a pathway.',
      ),
    adviceQuestions: localizedPhrasesSchema
      .optional()
      .describe(
        'Questions that ask what to do ("what should I do", "cosa devo fare", "can you help"): a story ending in one opens its door; a story ending in another question is answered from the articles.',
      ),
    conceptBlockers: localizedPhrasesSchema
      .optional()
      .describe(
        'First words that make a message a question about a command rather than the command ("how do I delete my data").',
      ),
    conceptMaxWords: z
      .number()
      .int()
      .min(2)
      .max(20)
      .optional()
      .describe('Longest message (in words, fillers set aside) a concept rule may recognise as a command.'),
    commands: z
      .object(
        Object.fromEntries(COMMANDS.map((c) => [c, localizedPhrasesSchema])) as Record<
          Command,
          typeof localizedPhrasesSchema
        >,
      )
      .strict(),
  })
  .strict();

/** The commands file. */
export type CommandsFile = z.infer<typeof commandsFileSchema>;
