import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBenchContent } from './benchContent';
import { BotProcess } from './botProcess';
import { summariseCpuProfile, type CpuProfileSummary, type HotSpot } from './cpuProfileSummary';
import { freePort } from './freePort';
import { runLoad, STANDARD_LOAD } from './loadTest';
import { NODE_FLAGS } from '../src/runtime/nodeFlags';
import { PROJECT_ROOT } from './projectRoot';
import { LOAD_SCENARIOS } from './trafficScenario';

/** Rows printed per table. */
const TOP = 30;

const BOTS: Readonly<Record<string, string>> = {
  ours: join(PROJECT_ROOT, 'dist', 'src', 'index.js'),
  echo: join(PROJECT_ROOT, 'dist', 'bench', 'echoBot.js'),
};

/** A profile summary with the number of requests it covers. */
export interface ProfileRun {
  /** Where the CPU went. */
  readonly summary: CpuProfileSummary;
  /** Successful requests in the profiled window (undefined for a profile read from a file). */
  readonly requests?: number;
}

/**
 * Profiles a bot under the bench's load: starts it with `--cpu-prof`, warms it up, loads it for 10 s, stops it and
 * summarises the measured window (start-up and warm-up left out).
 */
export async function profileUnderLoad(scenario: string, bot: string): Promise<ProfileRun> {
  const make = LOAD_SCENARIOS[scenario];
  const script = BOTS[bot];
  if (!make || !script)
    throw new Error(`usage: profile.js <${Object.keys(LOAD_SCENARIOS).join('|')}> [ours|echo]`);
  const bench = await loadBenchContent();
  const dir = await mkdtemp(join(tmpdir(), 'bench-profile-'));
  const server = await BotProcess.start({
    script,
    port: await freePort(),
    nodeArgs: [...(bot === 'ours' ? NODE_FLAGS : []), '--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  const requests = make(bench).requests;
  let skipMs = 0;
  let ok = 0;
  try {
    await runLoad(server.baseUrl, requests, {
      ...STANDARD_LOAD,
      durationS: STANDARD_LOAD.warmupS,
      warmupS: 0,
    });
    skipMs = performance.now() - server.startedAt;
    const figures = await runLoad(server.baseUrl, requests, { ...STANDARD_LOAD, warmupS: 0 });
    ok = figures.ok;
    process.stderr.write(
      `${bot} bot under ${scenario}: ${Math.round(figures.requestsPerSecond)} req/s while profiled (profiling slows it)\n`,
    );
  } finally {
    await server.stop();
  }
  const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  process.stderr.write(`profile: ${join(dir, file)} (the first ${Math.round(skipMs)} ms left out)\n`);
  return { summary: await summariseCpuProfile(join(dir, file), PROJECT_ROOT, skipMs), requests: ok };
}

function print(run: ProfileRun): void {
  const { summary, requests } = run;
  const perRequest = (h: HotSpot) =>
    requests ? `${((h.ms * 1000) / requests).toFixed(0).padStart(6)} µs/req` : '';
  const rows = (spots: readonly HotSpot[]) =>
    spots.map((h) => `${h.percent.toFixed(1).padStart(6)} % ${perRequest(h)}  ${h.where}`);
  const ours = (h: HotSpot) =>
    !h.where.startsWith('npm:') && !h.where.startsWith('node:') && !h.where.startsWith('(');
  const out = [
    `${Math.round(summary.totalMs)} ms of CPU sampled${requests ? ` over ${requests} requests (${((summary.totalMs * 1000) / requests).toFixed(0)} µs/req)` : ''}`,
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

/**
 * `node dist/bench/profile.js <questions|pathway|mixed> [ours|echo]`, or `node dist/bench/profile.js <file.cpuprofile>
 * [skipMs]`: prints where the CPU time went, by function (self and inclusive) and by file or package.
 */
export async function main(args: readonly string[]): Promise<void> {
  const [what = 'questions', extra] = args;
  if (what.endsWith('.cpuprofile')) {
    print({ summary: await summariseCpuProfile(what, PROJECT_ROOT, Number(extra ?? 0)) });
    return;
  }
  print(await profileUnderLoad(what, extra ?? 'ours'));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
