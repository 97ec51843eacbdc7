import type { Content } from './content';
import type { ContentIssue } from './contentIssue';
import { RedFlagKind } from './redFlagsSchema';

const FILE = 'dialogs/red-flags.json';

/**
 * Checks the red flags' references to pathways: a flag's `followUp` names an existing question of an existing
 * pathway, and only urgent flags have one (an emergency is answered with 112 at once, never with a question).
 */
export function validateRedFlags(content: Content): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const flag of content.redFlags.flags) {
    const follow = flag.followUp;
    if (!follow) continue;
    const node = `flags.${flag.id}.followUp`;
    if (flag.kind !== RedFlagKind.Urgent) {
      issues.push({
        file: FILE,
        node,
        problem: `a flag of kind "${flag.kind}" cannot ask a question first`,
        fix: 'remove followUp, or make the flag urgent',
      });
      continue;
    }
    const pathway = content.pathways.find((p) => p.id === follow.pathway);
    if (!pathway) {
      issues.push({
        file: FILE,
        node,
        problem: `pathway "${follow.pathway}" does not exist`,
        fix: `use one of: ${content.pathways.map((p) => p.id).join(', ')}`,
      });
      continue;
    }
    if (pathway.nodes[follow.node]?.type !== 'question')
      issues.push({
        file: FILE,
        node,
        problem: `"${follow.node}" is not a question of pathway "${pathway.id}"`,
        fix: 'name a question node of that pathway',
      });
  }
  return issues;
}
