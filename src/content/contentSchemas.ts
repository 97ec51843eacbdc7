import { z } from 'zod';
import { answerWordsFileSchema } from './answerWordsSchema';
import { bookingLineSchema } from './bookingLineSchema';
import { commandsFileSchema } from './commandsSchema';
import { departmentPageFileSchema } from './departmentPageSchema';
import { knowledgeFileSchema } from './knowledgeSchema';
import { messagesFileSchema } from './messagesSchema';
import { pathwaySchema } from './pathwaySchema';
import { redFlagsFileSchema } from './redFlagsSchema';
import { synonymsFileSchema } from './synonymsSchema';

/** Each content schema with the JSON Schema file editors read through `$schema`. */
export const CONTENT_SCHEMAS: ReadonlyArray<{ file: string; schema: z.ZodType }> = Object.freeze([
  { file: 'knowledge/schema/knowledge-file.schema.json', schema: knowledgeFileSchema },
  { file: 'knowledge/schema/synonyms.schema.json', schema: synonymsFileSchema },
  { file: 'knowledge/schema/booking-line.schema.json', schema: bookingLineSchema },
  { file: 'knowledge/schema/department-page.schema.json', schema: departmentPageFileSchema },
  { file: 'dialogs/schema/pathway.schema.json', schema: pathwaySchema },
  { file: 'dialogs/schema/messages.schema.json', schema: messagesFileSchema },
  { file: 'dialogs/schema/red-flags.schema.json', schema: redFlagsFileSchema },
  { file: 'dialogs/schema/commands.schema.json', schema: commandsFileSchema },
  { file: 'dialogs/schema/answer-words.schema.json', schema: answerWordsFileSchema },
]);

/** Renders a content schema as the JSON Schema text committed next to the content. */
export function renderJsonSchema(schema: z.ZodType): string {
  return JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n';
}
