/**
 * Writes the review report of the knowledge base's sources for the department's clinicians (run:
 * `npm run kb:sources [output file]`): every answer in both languages beside its evidence, the entries that rely
 * on external sources, and the errors on the department page. Default output: var/kb-sources.html (not committed).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadContent } from '../src/content/contentLoader';
import { buildSourceReport, type ReportFile } from '../src/content/sourceReport';

/** Project root (the script runs from dist/scripts). */
const root = join(__dirname, '..', '..');
/** Default output, relative to the project. */
const DEFAULT_OUTPUT = 'var/kb-sources.html';

/** The knowledge files with their topic and entry ids, in file order (content already validated). */
function knowledgeFiles(): ReportFile[] {
  const dir = join(root, 'knowledge', 'entries');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => {
      const json = JSON.parse(readFileSync(join(dir, n), 'utf8')) as {
        topic: string;
        entries: { id: string }[];
      };
      return { file: `knowledge/entries/${n}`, topic: json.topic, ids: json.entries.map((e) => e.id) };
    });
}

async function main(): Promise<void> {
  const content = await loadContent(root);
  const output = resolve(process.argv[2] ?? join(root, DEFAULT_OUTPUT));
  const { html, summary } = buildSourceReport(content, knowledgeFiles(), new Date());
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, html);
  console.log(
    `${summary.entries} entries: ${summary.pageOnly} from the page only, ${summary.external} with an external source, ` +
      `${summary.factFree} stating no fact; ${summary.citingPageErrors} quote one of the ${summary.pageErrors} errors on the page.`,
  );
  console.log(`Review report written to ${relative(process.cwd(), output) || output}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
