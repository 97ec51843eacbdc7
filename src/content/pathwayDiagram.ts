import type { Language } from './language';
import type { Pathway } from './pathwaySchema';

function label(text: string): string {
  return text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');
}

/**
 * A Mermaid flowchart of a pathway for clinical review: questions as boxes, choices as labelled arrows,
 * dispositions as rounded leaves with their code.
 */
export function renderPathwayDiagram(p: Pathway, lang: Language = 'en'): string {
  const lines = [
    `%% ${p.title[lang]} — generated from dialogs/${p.id}.json by "npm run dialogs:diagram"; do not edit by hand.`,
    'flowchart TD',
    `  start(["${label(p.title[lang])}"]) --> ${p.start.replace(/-/g, '_')}`,
  ];
  for (const [id, node] of Object.entries(p.nodes)) {
    const key = id.replace(/-/g, '_');
    switch (node.type) {
      case 'question':
        lines.push(`  ${key}["${label(node.text[lang])}"]`);
        for (const c of node.choices)
          lines.push(`  ${key} -- "${label(c.label[lang])}" --> ${c.next.replace(/-/g, '_')}`);
        break;
      case 'info':
        lines.push(`  ${key}[/"${label(node.text[lang])}"/] --> ${node.next.replace(/-/g, '_')}`);
        break;
      case 'disposition':
        lines.push(`  ${key}(["${node.code}: ${label(node.text[lang]).slice(0, 120)}"])`);
        lines.push(`  class ${key} ${node.code.replace(/-/g, '_')}`);
        break;
    }
  }
  lines.push(
    '  classDef emergency_112 fill:#f8d7da,stroke:#842029',
    '  classDef urgent_call_today fill:#ffe5b4,stroke:#8a4b00',
    '  classDef book_specialist_visit fill:#d1e7dd,stroke:#0f5132',
    '  classDef second_opinion_review fill:#d1e7dd,stroke:#0f5132',
    '  classDef routine_check fill:#e2e3e5,stroke:#41464b',
    '  classDef information_only fill:#e7f1ff,stroke:#084298',
  );
  return lines.join('\n') + '\n';
}
