import type { Content } from './content';
import type { ContentIssue } from './contentIssue';
import type { ContentOrigins } from './contentOrigins';
import { LANGUAGES } from './language';
import {
  ABOUT_FACT,
  type Pathway,
  type PathwayNode,
  RELATIVE_CHOICE_ID,
  SELF_CHOICE_ID,
  UNSURE_CHOICE_ID,
} from './pathwaySchema';

/** The most questions a caller may be asked on the way to any disposition. */
export const MAX_QUESTIONS_TO_LEAF = 6;

function successors(node: PathwayNode): string[] {
  switch (node.type) {
    case 'question':
      return node.choices.map((c) => c.next);
    case 'info':
      return [node.next];
    case 'disposition':
      return [];
  }
}

/** Checks one pathway tree: references resolve, every node reachable, no cycles, every leaf a disposition, depth. */
export function validatePathway(p: Pathway, file: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const add = (node: string, problem: string, fix: string) => issues.push({ file, node, problem, fix });
  if (!p.nodes[p.start])
    add('start', `the start node "${p.start}" does not exist`, 'name an existing node id');
  for (const lang of LANGUAGES) {
    if (p.openers[lang].length === 0)
      add(`openers.${lang}`, 'no opener phrases', 'add phrases people type to start this pathway');
  }
  for (const [id, node] of Object.entries(p.nodes)) {
    for (const next of successors(node)) {
      if (!p.nodes[next])
        add(`nodes.${id}`, `leads to "${next}", which does not exist`, 'point it at an existing node id');
    }
    if (node.type === 'question') {
      const ids = new Set<string>();
      for (const c of node.choices) {
        if (ids.has(c.id))
          add(
            `nodes.${id}.choices (id "${c.id}")`,
            'the choice id is repeated',
            'give each choice its own id',
          );
        ids.add(c.id);
      }
      if (ids.has('yes') && ids.has('no') && !ids.has(UNSURE_CHOICE_ID))
        add(
          `nodes.${id}.choices`,
          'a yes/no question has no "unsure" choice, so a hedged answer ("not sure") has nowhere safe to go',
          `add a choice with id "${UNSURE_CHOICE_ID}" that leads where an uncertain answer is safe`,
        );
      if (node.fact === ABOUT_FACT && !(ids.has(SELF_CHOICE_ID) && ids.has(RELATIVE_CHOICE_ID)))
        add(
          `nodes.${id}.choices`,
          `the question of fact "${ABOUT_FACT}" does not offer the choices "${SELF_CHOICE_ID}" and "${RELATIVE_CHOICE_ID}", so a relative's answer cannot turn on the third-person texts`,
          `give its choices the ids "${SELF_CHOICE_ID}" (for oneself) and "${RELATIVE_CHOICE_ID}" (for someone else)`,
        );
      if (node.measure) {
        for (const [side, target] of [
          ['above', node.measure.above],
          ['below', node.measure.below],
        ] as const) {
          if (!ids.has(target))
            add(
              `nodes.${id}.measure.${side}`,
              `names the choice "${target}", which this question does not offer`,
              'name one of its choice ids',
            );
        }
      }
      for (const lang of LANGUAGES) {
        const labels = node.choices.map((c) => c.label[lang].toLocaleLowerCase());
        if (new Set(labels).size !== labels.length)
          add(`nodes.${id}.choices`, `two choices share a label in "${lang}"`, 'make each label different');
      }
    }
    if (node.type === 'disposition' && node.bring.en.length !== node.bring.it.length) {
      add(
        `nodes.${id}.bring`,
        'the English and Italian lists differ in length',
        'translate every item in both lists',
      );
    }
  }
  if (issues.length > 0) return issues;

  // Depth-first walk from the start: reachability, cycles, dead ends and question depth.
  const reached = new Set<string>();
  const onPath = new Set<string>();
  const walk = (id: string, questions: number, trail: string[]): void => {
    const node = p.nodes[id];
    if (!node) return;
    if (onPath.has(id)) {
      add(
        `nodes.${id}`,
        `a cycle: ${[...trail, id].join(' → ')}`,
        'make the tree lead forward to a disposition',
      );
      return;
    }
    reached.add(id);
    const asked = questions + (node.type === 'question' ? 1 : 0);
    if (node.type === 'disposition') {
      if (questions > MAX_QUESTIONS_TO_LEAF)
        add(
          `nodes.${id}`,
          `reached after ${questions} questions (${trail.join(' → ')})`,
          `keep at most ${MAX_QUESTIONS_TO_LEAF} questions on the way to a disposition`,
        );
      return;
    }
    onPath.add(id);
    for (const next of successors(node)) walk(next, asked, [...trail, id]);
    onPath.delete(id);
  };
  walk(p.start, 0, []);
  for (const id of Object.keys(p.nodes)) {
    if (!reached.has(id))
      add(`nodes.${id}`, 'no path from the start reaches this node', 'link it from a choice or remove it');
  }
  return issues;
}

/**
 * Checks that questions naming the same fact, in any pathway, offer the same choice ids (the "unsure" choice
 * aside), so that an answer given in one carries over to the others.
 */
function validateFacts(content: Content, origins: ContentOrigins): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const first = new Map<string, { where: string; ids: string }>();
  for (const p of content.pathways) {
    for (const [id, node] of Object.entries(p.nodes)) {
      if (node.type !== 'question' || !node.fact) continue;
      const ids = node.choices
        .map((c) => c.id)
        .filter((c) => c !== UNSURE_CHOICE_ID)
        .sort()
        .join(', ');
      const seen = first.get(node.fact);
      if (!seen) first.set(node.fact, { where: `${p.id}/${id}`, ids });
      else if (seen.ids !== ids)
        issues.push({
          file: origins.pathway(p.id),
          node: `nodes.${id}.fact`,
          problem: `the fact "${node.fact}" is also asked in ${seen.where} with the choices ${seen.ids}, but here with ${ids}, so an answer cannot carry over`,
          fix: 'give both questions the same choice ids, or name a different fact',
        });
    }
  }
  return issues;
}

/** Checks every pathway and that ids are unique. */
export function validatePathways(content: Content, origins: ContentOrigins): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const seen = new Set<string>();
  if (content.pathways.length === 0)
    issues.push({
      file: 'dialogs',
      node: '(folder)',
      problem: 'no pathway files',
      fix: 'add the pathway trees to dialogs/',
    });
  for (const p of content.pathways) {
    const file = origins.pathway(p.id);
    if (seen.has(p.id))
      issues.push({
        file,
        node: 'id',
        problem: `pathway id "${p.id}" is used twice`,
        fix: 'give each pathway its own id',
      });
    seen.add(p.id);
    issues.push(...validatePathway(p, file));
  }
  issues.push(...validateFacts(content, origins));
  return issues;
}
