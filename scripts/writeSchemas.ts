/** Writes the JSON Schemas of every content file (run: `npm run schemas`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONTENT_SCHEMAS, renderJsonSchema } from '../src/content/contentSchemas';

const root = join(__dirname, '..', '..');
for (const { file, schema } of CONTENT_SCHEMAS) {
  const target = join(root, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, renderJsonSchema(schema));
  console.log(`wrote ${file}`);
}
