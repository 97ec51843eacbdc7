import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBenchContent } from './benchContent';
import { BotProcess } from './botProcess';
import { summariseCpuProfile, type CpuProfileSummary, type HotSpot } from './cpuProfileSummary';
import { freePort } from './freePort';
import { runLoad, STANDARD_LOAD } from './loadTest';
import { PROJECT_ROOT } from './projectRoot';
import { mixedScenario, pathwayScenario, questionScenario, type TrafficScenario } from './trafficScenario';

/** Rows printed per table. */
const TOP = 25;

/**
 * `node dist/bench/profile.js [questions|pathway|mixed|<file.cpuprofile> [skipMs]]`: starts our bot with `--cpu-prof`, loads
 * it like the bench for 10 s, stops it and prints where the CPU time went (self time by function and by file).
 * Given a `.cpuprofile` file instead, just summarises it.
 */
export async function profile(what: string, skipFileMs = 0): Promise<CpuProfileSummary> {
  if (what.endsWith('.cpuprofile')) return summariseCpuProfile(what, PROJECT_ROOT, skipFileMs);
  const bench = await loadBenchContent();
  const scenarios: Record<string, (b: typeof bench) => TrafficScenario> = {
    questions: questionScenario,
    pathway: pathwayScenario,
    mixed: mixedScenario,
  };
  const make = scenarios[what];
  if (!make) throw new Error(`unknown scenario "${what}": questions, pathway, mixed, or a .cpuprofile file`);
  const dir = await mkdtemp(join(tmpdir(), 'bench-profile-'));
  const bot = await BotProcess.start({
    script: join(PROJECT_ROOT, 'dist', 'src', 'index.js'),
    port: await freePort(),
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  let skipMs = 0;
  try {
    skipMs = bot.startupMs + STANDARD_LOAD.warmupS * 1000;
    const figures = await runLoad(bot.baseUrl, make(bench).requests, STANDARD_LOAD);
    process.stderr.write(`bot output (tail): ${bot.output.slice(-600)}\n`);
    process.stderr.write(
      `profiled under ${what}: ${Math.round(figures.requestsPerSecond)} req/s, p50 ${figures.p50Ms.toFixed(2)} ms (profiling slows it)\n`,
    );
  } finally {
    await bot.stop();
  }
  const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  process.stderr.write(
    `profile: ${join(dir, file)} (start-up and warm-up, the first ${Math.round(skipMs)} ms, left out)\n`,
  );
  return summariseCpuProfile(join(dir, file), PROJECT_ROOT, skipMs);
}

function print(summary: CpuProfileSummary): void {
  const rows = (spots: readonly HotSpot[]) =>
    spots.map((h) => `${h.percent.toFixed(1).padStart(6)} %  ${h.where}`);
  const ours = (h: HotSpot) =>
    !h.where.startsWith('npm:') && !h.where.startsWith('node:') && !h.where.startsWith('(');
  const out = [
    `total ${Math.round(summary.totalMs)} ms sampled`,
    '',
    'self time by function:',
    ...rows(summary.selfByFunction.slice(0, TOP)),
    '',
    'self time by file or package:',
    ...rows(summary.selfByFile.slice(0, TOP)),
    '',
    'inclusive time, project functions:',
    ...rows(summary.inclusiveByFunction.filter(ours).slice(0, TOP)),
    '',
    'inclusive time, all functions:',
    ...rows(summary.inclusiveByFunction.slice(0, TOP)),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

if (require.main === module) {
  profile(process.argv[2] ?? 'questions', Number(process.argv[3] ?? 0)).then(print, (err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
