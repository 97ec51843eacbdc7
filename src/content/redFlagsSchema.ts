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

/** Red-flag symptoms caught on every turn, before anything else. */
export const redFlagsFileSchema = z
  .object({
    $schema: z.string().optional(),
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
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** Red-flag symptoms file. */
export type RedFlagsFile = z.infer<typeof redFlagsFileSchema>;
