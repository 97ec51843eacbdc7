import { LANGUAGES } from '../content/language';
import type { KnowledgeEntry } from '../content/knowledgeSchema';
import type { Pathway } from '../content/pathwaySchema';
import type { IndexDocument } from './indexDocument';

/**
 * The documents the matcher indexes: each pathway's openers and each entry's question, alternates and answer, per
 * language.
 * @remarks Pathways come first: when more documents tie on the words asked than the matcher scores in full, the
 * guided pathway (which the router prefers on a tie) is among those scored.
 */
export function documentsFromContent(
  entries: readonly KnowledgeEntry[],
  pathways: readonly Pick<Pathway, 'id' | 'openers'>[],
): IndexDocument[] {
  const docs: IndexDocument[] = [];
  for (const lang of LANGUAGES) {
    for (const pathway of pathways) {
      const openers = pathway.openers[lang];
      if (openers.length > 0) docs.push({ id: pathway.id, kind: 'pathway', lang, phrases: openers });
    }
    for (const entry of entries) {
      const side = entry[lang];
      docs.push({
        id: entry.id,
        kind: 'entry',
        lang,
        phrases: [side.question, ...side.alternates],
        body: side.answer,
        smalltalk: entry.kind === 'smalltalk',
      });
    }
  }
  return docs;
}
