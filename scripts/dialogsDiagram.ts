/** Writes a Mermaid diagram per pathway into dialogs/ for clinical review (run: `npm run dialogs:diagram`). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../src/content/contentLoader';
import { renderPathwayDiagram } from '../src/content/pathwayDiagram';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const content = await loadContent(root);
  for (const p of content.pathways) {
    const file = join('dialogs', `${p.id}.mmd`);
    await writeFile(join(root, file), renderPathwayDiagram(p));
    console.log(`wrote ${file}`);
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
