import { z } from 'zod';
import { localizedTextSchema } from './language';

/**
 * Every user-facing sentence the engine says, in both languages, kept as content in
 * `dialogs/messages/*.json` (one file per concern; a key may appear in one file only). Placeholders are written `{name}` and must be the same in both languages.
 */
export const messagesFileSchema = z
  .object({
    $schema: z.string().optional(),
    messages: z.record(z.string().regex(/^[a-z][a-zA-Z0-9.-]*$/), localizedTextSchema),
  })
  .strict();

/** The messages file. */
export type MessagesFile = z.infer<typeof messagesFileSchema>;
