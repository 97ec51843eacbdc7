/**
 * Prints what the knowledge-base curators should look at (run: `npm run kb:review [log file]`): the most
 * frequent unanswered or low-confidence questions, and the entries users found least helpful.
 * The log is the first argument, else CURATOR_LOG_PATH, else var/curator-log.jsonl.
 */
import { resolve } from 'node:path';
import { CuratorLog } from '../src/knowledge/curatorLog';
import { curatorReport } from '../src/knowledge/curatorReport';

/** Default curator log, relative to the working directory. */
const DEFAULT_LOG = 'var/curator-log.jsonl';
/** How many lines of each list to print. */
const TOP = 20;

async function main(): Promise<void> {
  const path = resolve(process.argv[2] ?? process.env.CURATOR_LOG_PATH ?? DEFAULT_LOG);
  const report = curatorReport(await CuratorLog.read(path));
  console.log(`Curator log ${path}: ${report.events} events`);
  console.log('');
  console.log(`Most frequent questions without a direct answer (${report.misses.length} distinct):`);
  if (report.misses.length === 0) console.log('  none');
  for (const m of report.misses.slice(0, TOP)) {
    const nearest = m.nearest.length > 0 ? `; nearest: ${m.nearest.slice(0, 3).join(', ')}` : '';
    console.log(
      `  ${String(m.count).padStart(4)}× [${m.langs.join('/')}] "${m.example}" (refused ${m.refused}${nearest})`,
    );
  }
  console.log('');
  console.log('Least helpful entries (share of "not helpful"):');
  if (report.leastHelpful.length === 0) console.log('  no feedback yet');
  for (const f of report.leastHelpful.slice(0, TOP)) {
    const total = f.helpful + f.unhelpful;
    const share = Math.round((100 * f.unhelpful) / total);
    console.log(`  ${String(share).padStart(3)}% not helpful  ${f.entryId} (${f.unhelpful} of ${total})`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
