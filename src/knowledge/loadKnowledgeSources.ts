import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { knowledgeFileSchema } from '../content/knowledgeSchema';
import { pathwaySchema, type Pathway } from '../content/pathwaySchema';
import { synonymsFileSchema, type SynonymsFile } from '../content/synonymsSchema';
import type { KnowledgeFileEntries, KnowledgeSources } from './knowledgeSources';

/** Files in `dialogs/` that are not pathway trees. */
const NOT_PATHWAYS: ReadonlySet<string> = new Set(['red-flags.json', 'commands.json']);

/**
 * Reads the knowledge entries, pathways and synonyms under a project root, for the evaluation and curator tools.
 * @remarks Shape errors throw with the file named; the bot itself loads content through `loadContent`.
 */
export async function loadKnowledgeSources(root: string): Promise<KnowledgeSources> {
  const files: KnowledgeFileEntries[] = [];
  for (const name of await jsonFiles(join(root, 'knowledge', 'entries'))) {
    const file = `knowledge/entries/${name}`;
    files.push({ file, entries: parseFile(knowledgeFileSchema, file, await readJson(root, file)).entries });
  }
  const pathways: Pathway[] = [];
  for (const name of await jsonFiles(join(root, 'dialogs'))) {
    if (NOT_PATHWAYS.has(name)) continue;
    const file = `dialogs/${name}`;
    pathways.push(parseFile(pathwaySchema, file, await readJson(root, file)));
  }
  const synonymsFile = 'knowledge/synonyms.json';
  let synonyms: SynonymsFile = { en: {}, it: {} };
  try {
    synonyms = parseFile(synonymsFileSchema, synonymsFile, await readJson(root, synonymsFile));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return { files, pathways, synonyms, synonymsFile };
}

function parseFile<S extends z.ZodType>(schema: S, file: string, json: unknown): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new Error(
    `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
}

async function readJson(root: string, file: string): Promise<unknown> {
  const text = await readFile(join(root, file), 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
}

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
}
