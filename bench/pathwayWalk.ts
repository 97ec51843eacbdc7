import type { Language } from '../src/content/language';
import type { Pathway, PathwayNode } from '../src/content/pathwaySchema';

/** One scripted trip through a pathway: an opener, then the button labels a visitor picks. */
export interface PathwayWalk {
  /** Pathway id. */
  readonly pathwayId: string;
  /** Language of the whole walk. */
  readonly lang: Language;
  /** The free-text opener that starts the pathway. */
  readonly opener: string;
  /** The choice labels answered, in order (each is one pathway turn). */
  readonly answers: readonly string[];
  /** What each turn's reply must contain: the next question after the opener and each answer, the disposition last. */
  readonly expected: readonly string[];
}

/**
 * The longest walk through a pathway in one language (most pathway turns per conversation), answering with
 * button labels as Web Chat sends them.
 */
export function longestWalk(pathway: Pathway, lang: Language, opener: string): PathwayWalk {
  const best = longestFrom(pathway, pathway.start, new Set());
  return { pathwayId: pathway.id, lang, opener, ...render(pathway, best, lang) };
}

interface Step {
  readonly nodeId: string;
  readonly choice?: string;
}

/** Node ids and choices from a node to a disposition, skipping info nodes; longest in questions. */
function longestFrom(pathway: Pathway, nodeId: string, seen: Set<string>): Step[] {
  const node: PathwayNode | undefined = pathway.nodes[nodeId];
  if (!node || seen.has(nodeId)) return [];
  const inPath = new Set(seen).add(nodeId);
  if (node.type === 'info') return longestFrom(pathway, node.next, inPath);
  if (node.type === 'disposition') return [{ nodeId }];
  let best: Step[] = [];
  for (const choice of node.choices) {
    const rest = longestFrom(pathway, choice.next, inPath);
    if (rest.length + 1 > best.length) best = [{ nodeId, choice: choice.id }, ...rest];
  }
  return best;
}

function render(
  pathway: Pathway,
  steps: readonly Step[],
  lang: Language,
): Pick<PathwayWalk, 'answers' | 'expected'> {
  const answers: string[] = [];
  const expected: string[] = [];
  for (const step of steps) {
    const node = pathway.nodes[step.nodeId];
    if (!node || node.type === 'info') continue;
    expected.push(firstLine(node.text[lang]));
    if (node.type === 'question') {
      const choice = node.choices.find((c) => c.id === step.choice);
      if (choice) answers.push(choice.label[lang]);
    }
  }
  return { answers, expected };
}

/** The first line of a text (replies may add prefixes or line-status after it). */
function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? text;
}
