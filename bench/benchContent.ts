import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Content } from '../src/content/content';
import { loadContent } from '../src/content/contentLoader';
import { LANGUAGES } from '../src/content/language';
import { evaluationSetSchema } from '../src/knowledge/evaluationSet';
import { longestWalk, type PathwayWalk } from './pathwayWalk';
import { PROJECT_ROOT } from './projectRoot';
import type { Utterance } from './utterance';

/** A knowledge-base question from the evaluation set, with the entry that should answer it. */
export interface KnowledgeQuestion extends Utterance {
  /** Id of the entry that answers it. */
  readonly expected: string;
}

/** What the bench sends: the bot's own content and the held-out evaluation questions. */
export interface BenchContent {
  /** The validated content the bot runs on. */
  readonly content: Content;
  /** In-scope evaluation questions. */
  readonly questions: readonly KnowledgeQuestion[];
  /** Questions nothing in the knowledge base answers. */
  readonly outOfScope: readonly Utterance[];
  /** The longest walk of every pathway in each language. */
  readonly walks: readonly PathwayWalk[];
}

/** Loads content exactly as the bot does, plus `tests/knowledge/evaluation-set.json`. */
export async function loadBenchContent(root: string = PROJECT_ROOT): Promise<BenchContent> {
  const content = await loadContent(root);
  const raw = await readFile(join(root, 'tests', 'knowledge', 'evaluation-set.json'), 'utf8');
  const set = evaluationSetSchema.parse(JSON.parse(raw));
  const walks = content.pathways.flatMap((p) =>
    LANGUAGES.map((lang) => longestWalk(p, lang, p.openers[lang][0] ?? p.title[lang])),
  );
  return { content, questions: set.questions, outOfScope: set.outOfScope, walks };
}
