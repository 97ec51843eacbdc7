import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { answerWordsFileSchema } from './answerWordsSchema';
import { bookingLineSchema } from './bookingLineSchema';
import { CONTENT_VALIDATORS } from './contentValidators';
import { commandsFileSchema } from './commandsSchema';
import { DEPARTMENT_PAGE_FILE, DEPARTMENT_PAGE_INDEX_FILE, DepartmentPage } from './departmentPage';
import { departmentPageFileSchema } from './departmentPageSchema';
import type { Content } from './content';
import { ContentError, type ContentIssue } from './contentIssue';
import { knowledgeFileSchema, type KnowledgeEntry } from './knowledgeSchema';
import type { LocalizedText } from './language';
import { messagesFileSchema } from './messagesSchema';
import { pathwaySchema, type Pathway } from './pathwaySchema';
import { redFlagsFileSchema } from './redFlagsSchema';
import { synonymsFileSchema } from './synonymsSchema';

/** Files in `dialogs/` that are not pathway trees. */
const NON_PATHWAY_FILES = new Set(['red-flags.json', 'commands.json', 'answer-words.json']);

interface LoadedFile<T> {
  readonly file: string;
  readonly raw: string;
  readonly data: T;
}

class Collector {
  readonly issues: ContentIssue[] = [];
  readonly raws: { file: string; raw: string }[] = [];

  constructor(readonly root: string) {}

  /** Reads a text file (kept for the content version); undefined, with an issue, when it is missing. */
  async readText(path: string): Promise<{ file: string; raw: string } | undefined> {
    const file = relative(this.root, path).split('\\').join('/');
    let raw: string;
    try {
      raw = await readFile(path, 'utf8');
    } catch {
      this.issues.push({
        file,
        node: '(file)',
        problem: 'the file is missing or unreadable',
        fix: 'restore it from git',
      });
      return undefined;
    }
    this.raws.push({ file, raw });
    return { file, raw };
  }

  async read<S extends z.ZodType>(path: string, schema: S): Promise<LoadedFile<z.infer<S>> | undefined> {
    const text = await this.readText(path);
    if (!text) return undefined;
    const { file, raw } = text;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      this.issues.push({
        file,
        node: '(file)',
        problem: `not valid JSON (${(err as Error).message})`,
        fix: 'correct the JSON syntax; an editor that reads "$schema" shows where',
      });
      return undefined;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        this.issues.push({
          file,
          node: describePath(json, i.path),
          problem: i.message,
          fix: fixFor(i),
        });
      }
      return undefined;
    }
    return { file, raw, data: parsed.data };
  }
}

function describePath(json: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  let node: unknown = json;
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') {
      const item = Array.isArray(node) ? node[key] : undefined;
      const id = item && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : undefined;
      parts[parts.length - 1] += `[${key}]${typeof id === 'string' ? ` (id "${id}")` : ''}`;
    } else {
      parts.push(String(key));
    }
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return parts.join('.');
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `give a value of type ${issue.expected}`;
    case 'unrecognized_keys':
      return `remove or rename ${issue.keys.map((k) => `"${k}"`).join(', ')} (see the schema for the allowed fields)`;
    case 'too_small':
      return 'add the missing text or items';
    case 'invalid_value':
      return `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return 'follow the schema named in "$schema"';
  }
}

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

function hash(parts: readonly { file: string; raw: string }[]): string {
  const h = createHash('sha256');
  for (const p of [...parts].sort((a, b) => a.file.localeCompare(b.file)))
    h.update(p.file).update('\0').update(p.raw);
  return h.digest('hex').slice(0, 12);
}

/**
 * Loads and validates every content file under `root` (shape first, then cross-references).
 * @throws ContentError naming file, node and fix for every problem found.
 */
export async function loadContent(root: string): Promise<Content> {
  const c = new Collector(root);
  const knowledgeDir = join(root, 'knowledge');
  const dialogsDir = join(root, 'dialogs');

  const entryFiles = await jsonFiles(join(knowledgeDir, 'entries'));
  if (entryFiles.length === 0) {
    c.issues.push({
      file: 'knowledge/entries',
      node: '(folder)',
      problem: 'no knowledge files found',
      fix: 'add at least one knowledge/entries/*.json file',
    });
  }
  const knowledgeFiles = await Promise.all(
    entryFiles.map((n) => c.read(join(knowledgeDir, 'entries', n), knowledgeFileSchema)),
  );
  const pageText = await c.readText(join(root, DEPARTMENT_PAGE_FILE));
  const pageIndex = await c.read(join(root, DEPARTMENT_PAGE_INDEX_FILE), departmentPageFileSchema);
  const synonyms = await c.read(join(knowledgeDir, 'synonyms.json'), synonymsFileSchema);
  const bookingLine = await c.read(join(knowledgeDir, 'booking-line.json'), bookingLineSchema);
  const redFlags = await c.read(join(dialogsDir, 'red-flags.json'), redFlagsFileSchema);
  const commands = await c.read(join(dialogsDir, 'commands.json'), commandsFileSchema);
  const answerWords = await c.read(join(dialogsDir, 'answer-words.json'), answerWordsFileSchema);
  const pathwayNames = (await jsonFiles(dialogsDir)).filter((n) => !NON_PATHWAY_FILES.has(n));
  const pathways = await Promise.all(pathwayNames.map((n) => c.read(join(dialogsDir, n), pathwaySchema)));
  const messageFiles = await Promise.all(
    (await jsonFiles(join(dialogsDir, 'messages'))).map((n) =>
      c.read(join(dialogsDir, 'messages', n), messagesFileSchema),
    ),
  );

  const knowledgeVersion = hash(c.raws.filter((r) => r.file.startsWith('knowledge/')));
  const dialogsVersion = hash(c.raws.filter((r) => r.file.startsWith('dialogs/')));
  if (
    c.issues.length > 0 ||
    !synonyms ||
    !bookingLine ||
    !redFlags ||
    !commands ||
    !answerWords ||
    !pageText ||
    !pageIndex
  )
    throw new ContentError(c.issues);

  const messages: Record<string, LocalizedText> = {};
  const messageOrigin = new Map<string, string>();
  for (const f of messageFiles) {
    if (!f) continue;
    for (const [key, text] of Object.entries(f.data.messages)) {
      const first = messageOrigin.get(key);
      if (first) {
        c.issues.push({
          file: f.file,
          node: `messages.${key}`,
          problem: `the key is also defined in ${first}`,
          fix: 'keep each message key in one file only',
        });
        continue;
      }
      messageOrigin.set(key, f.file);
      messages[key] = text;
    }
  }

  const entries: KnowledgeEntry[] = [];
  const entryOrigin = new Map<string, string>();
  for (const f of knowledgeFiles) {
    if (!f) continue;
    for (const e of f.data.entries) {
      entries.push(e);
      if (!entryOrigin.has(e.id)) entryOrigin.set(e.id, f.file);
    }
  }
  const loadedPathways = pathways.filter((p): p is LoadedFile<Pathway> => p !== undefined);
  const content: Content = {
    entries,
    page: new DepartmentPage(pageText.raw, pageIndex.data.sections, pageIndex.data.errors),
    synonyms: synonyms.data,
    bookingLine: bookingLine.data,
    pathways: loadedPathways.map((p) => p.data).sort((a, b) => a.order - b.order),
    messages,
    redFlags: redFlags.data,
    commands: commands.data,
    answerWords: answerWords.data,
    versions: {
      knowledge: knowledgeVersion,
      dialogs: dialogsVersion,
      pathways: Object.fromEntries(loadedPathways.map((p) => [p.data.id, hash([p])])),
    },
  };
  const origins = {
    entry: (id: string) => entryOrigin.get(id) ?? 'knowledge/entries',
    pathway: (id: string) => loadedPathways.find((p) => p.data.id === id)?.file ?? 'dialogs',
    message: (key: string) => messageOrigin.get(key) ?? 'dialogs/messages',
  };
  for (const validate of CONTENT_VALIDATORS) c.issues.push(...validate(content, origins));
  if (c.issues.length > 0) throw new ContentError(c.issues);
  return Object.freeze(content);
}
