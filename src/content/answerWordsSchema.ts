import { z } from 'zod';
import { idSchema } from './knowledgeSchema';
import { localizedPhrasesSchema } from './language';

const numbersSchema = z
  .record(z.string().regex(/^[\p{L}' ]+$/u, 'must be a number written in words'), z.number().nonnegative())
  .describe('Numbers written in words ("six", "sei") and their value.');

/** A unit of length and how many centimetres it is. */
const unitSchema = z
  .object({
    cm: z.number().positive().describe('The unit in centimetres (mm: 0.1, inch: 2.54).'),
    words: localizedPhrasesSchema.describe('How people write the unit ("cm", "centimetres", "centimetri").'),
  })
  .strict();

/** An everyday object people compare a lump with. */
const sizeObjectSchema = z
  .object({
    id: idSchema,
    cm: z.number().positive().describe('The size the bot takes for it, in centimetres across.'),
    words: localizedPhrasesSchema.describe('Its names ("golf ball", "pallina da golf").'),
  })
  .strict();

/**
 * The words the bot reads answers with (`dialogs/answer-words.json`): yes and no, hedges, negators, contrast words,
 * who the message is about, and sizes. Language data, so it lives in content, not in the engine.
 */
export const answerWordsFileSchema = z
  .object({
    $schema: z.string().optional(),
    yes: localizedPhrasesSchema.describe(
      'Ways of saying yes ("yep", "of course", "direi di sì", "purtroppo sì"); they count at the start or the end ' +
        'of a clause, and go to the choice with id "yes".',
    ),
    no: localizedPhrasesSchema.describe(
      'Ways of saying no ("not at all", "I don\'t think so", "macché", "per niente"); they go to the choice with id "no".',
    ),
    hedges: localizedPhrasesSchema.describe(
      'Ways of saying "I don\'t know" ("not sure", "no idea", "non lo so", "boh", "chissà"). A hedge goes to the ' +
        'choice with id "unsure", is never read as no, and when a question has no such choice it is asked again.',
    ),
    tentative: localizedPhrasesSchema.describe(
      'Softer hedges ("maybe", "probably", "forse"): on a yes/no question they go to "unsure" like a hedge; on ' +
        'other questions the words of a choice, if any, decide.',
    ),
    negators: localizedPhrasesSchema.describe(
      'Words that deny what follows in the same clause ("not", "never", "non", "mai"): a choice word after one ' +
        'counts against that choice ("it\'s not bleeding").',
    ),
    notNegators: localizedPhrasesSchema.describe(
      'Phrases that start like a negator but tell of the thing itself, so they deny nothing ("won\'t stop", ' +
        '"doesn\'t heal", "non smette", "non guarisce"): "it won\'t stop bleeding" is a yes.',
    ),
    contrasts: localizedPhrasesSchema.describe(
      'Words that start a new clause ("but", "just", "only", "ma", "però", "solo"): "no, not bleeding, just crusty".',
    ),
    degree: localizedPhrasesSchema.describe(
      'Words of degree a choice\'s phrase is also looked for without ("a bit", "very", "un po\'", "molto"): ' +
        '"fa un po\' male" holds "fa male".',
    ),
    interjections: localizedPhrasesSchema.describe(
      'Words that may come before yes or no at the start of a clause ("oh", "well", "eh", "beh").',
    ),
    people: z
      .object({
        relative: localizedPhrasesSchema.describe(
          'Explicit words for someone else ("my dad", "my wife", "mio padre"): in a message that starts a pathway ' +
            'they answer who the questions are about (fact "about" = "relative").',
        ),
        self: localizedPhrasesSchema.describe(
          'Explicit words for oneself ("I have", "I was diagnosed", "ho un", "mi hanno"): with a relative\'s ' +
            'words in the same message, who it is about stays open and is asked.',
        ),
      })
      .strict(),
    numbers: z.object({ en: numbersSchema, it: numbersSchema }).strict(),
    units: z.array(unitSchema).min(1),
    comparatives: z
      .object({
        bigger: localizedPhrasesSchema.describe('"bigger than", "more than", "più grande di", "oltre".'),
        smaller: localizedPhrasesSchema.describe('"smaller than", "less than", "più piccolo di", "meno di".'),
        about: localizedPhrasesSchema.describe('"the size of", "about", "grande come", "circa".'),
        fillers: localizedPhrasesSchema.describe(
          'Words that may stand between a comparative and the size ("than", "a", "the", "di", "una").',
        ),
      })
      .strict()
      .describe('How a size is compared: "bigger than a golf ball" means at least a golf ball.'),
    sizes: z
      .object({
        source: z.string().trim().min(1).describe('Where the sizes come from.'),
        objects: z.array(sizeObjectSchema).min(1),
      })
      .strict()
      .describe('Everyday objects people compare a lump with, and the size the bot takes for each.'),
  })
  .strict();

/** The answer words file. */
export type AnswerWordsFile = z.infer<typeof answerWordsFileSchema>;
