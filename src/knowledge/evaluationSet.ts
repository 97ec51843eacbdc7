import { z } from 'zod';
import { languageSchema } from '../content/language';

/** The held-out evaluation set (`tests/knowledge/evaluation-set.json`): questions with the entry that answers them, and questions nothing answers. */
export const evaluationSetSchema = z.object({
  description: z.string().optional(),
  questions: z.array(
    z.object({ text: z.string().min(1), lang: languageSchema, expected: z.string().min(1) }),
  ),
  outOfScope: z.array(z.object({ text: z.string().min(1), lang: languageSchema })),
});

/** The held-out evaluation set. */
export type EvaluationSet = z.infer<typeof evaluationSetSchema>;
