import { z } from 'zod';
import { localizedPhrasesSchema } from './language';

/** Global commands recognised on every turn (after red flags), in both languages. */
export const COMMANDS = ['help', 'startOver', 'talkToPerson', 'english', 'italian', 'forgetMe'] as const;

/** A global command. */
export type Command = (typeof COMMANDS)[number];

/** The phrases of each global command. */
export const commandsFileSchema = z
  .object({
    $schema: z.string().optional(),
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
