import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SCHEMAS, renderJsonSchema } from '../../src/content/contentSchemas';

describe('the JSON Schemas that editors read through "$schema"', () => {
  test.each(CONTENT_SCHEMAS.map((s) => [s.file, s.schema] as const))(
    '%s matches the zod schema (run "npm run schemas" after changing a schema)',
    (file, schema) => {
      const committed = readFileSync(join(__dirname, '..', '..', file), 'utf8');
      expect(committed).toBe(renderJsonSchema(schema));
    },
  );
});
