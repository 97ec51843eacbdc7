import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/content/contentLoader';
import { renderPathwayDiagram } from '../../src/content/pathwayDiagram';

const root = join(__dirname, '..', '..');

describe('the Mermaid diagrams committed for clinical review', () => {
  test('each pathway’s diagram matches its tree (run "npm run dialogs:diagram" after editing a pathway)', async () => {
    const content = await loadContent(root);
    for (const p of content.pathways) {
      const committed = readFileSync(join(root, 'dialogs', `${p.id}.mmd`), 'utf8');
      expect({ file: `dialogs/${p.id}.mmd`, fresh: committed === renderPathwayDiagram(p) }).toEqual({
        file: `dialogs/${p.id}.mmd`,
        fresh: true,
      });
    }
  });

  test('every disposition code of a tree appears in its diagram', async () => {
    const content = await loadContent(root);
    for (const p of content.pathways) {
      const diagram = renderPathwayDiagram(p);
      for (const node of Object.values(p.nodes))
        if (node.type === 'disposition') expect(diagram).toContain(node.code);
    }
  });
});
