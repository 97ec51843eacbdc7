import { execFileSync, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadBenchContent } from './benchContent';
import type { BenchResults, ScenarioFigures } from './benchResults';
import { BotProcess } from './botProcess';
import { MEMORY_CHECKPOINTS, measureBurstMemory, measureConversationMemory } from './conversationMemory';
import { formatResults, verdicts } from './formatResults';
import { freePort } from './freePort';
import { measurePair } from './pairedLoad';
import type { MatcherFigures } from './matcherGrowth';
import { NODE_FLAGS } from '../src/runtime/nodeFlags';
import { PROJECT_ROOT } from './projectRoot';
import { CHROMIUM } from './chromium';
import { measureOurSlowPhone } from './slowPhone';
import { checkTraffic } from './trafficCheck';
import { mixedScenario, pathwayScenario, questionScenario } from './trafficScenario';

/** Our bot and the echo baseline, compiled. */
const OUR_BOT = join(PROJECT_ROOT, 'dist', 'src', 'index.js');
const ECHO_BOT = join(PROJECT_ROOT, 'dist', 'bench', 'echoBot.js');
/** Fresh starts timed for the start-up figure. */
const STARTS = 3;

const say = (text: string) => process.stderr.write(`bench: ${text}\n`);

/** Starts a bot: ours with the V8 options it is deployed with, the echo bot with Node's defaults. */
async function startBot(script: string): Promise<BotProcess> {
  return BotProcess.start({ script, port: await freePort(), nodeArgs: script === OUR_BOT ? NODE_FLAGS : [] });
}

/** Runs `fn` against a freshly started bot and stops it afterwards. */
async function withBot<T>(script: string, fn: (bot: BotProcess) => Promise<T>): Promise<T> {
  const bot = await startBot(script);
  try {
    return await fn(bot);
  } finally {
    await bot.stop();
  }
}

async function matcherGrowth(): Promise<MatcherFigures[]> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', join(PROJECT_ROOT, 'dist', 'bench', 'matcherGrowth.js')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`matcher growth failed (exit ${code})`);
  return JSON.parse(out) as MatcherFigures[];
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} (+ uncommitted changes in src/)` : head;
  } catch {
    return 'unknown';
  }
}

/** `npm run bench`: measures everything of issues 8 and 19, prints the table and writes `bench/results.md`. */
export async function runBench(): Promise<BenchResults> {
  const startedAt = Date.now();
  const load = loadavg();
  if (load[0]! > 1)
    say(`load average ${load[0]!.toFixed(2)} on ${cpus().length} cores: figures will be noisy`);
  const loaded = await loadBenchContent();

  say('checking the traffic one turn at a time');
  const check = await withBot(OUR_BOT, (bot) => checkTraffic(bot.baseUrl, loaded));
  for (const p of check.problems) say(`off script: ${p}`);
  if (check.walks.length === 0) throw new Error('no pathway walk follows its tree: see the problems above');
  const bench = { ...loaded, walks: check.walks };

  const ours: ScenarioFigures[] = [];
  const echoBot = await startBot(ECHO_BOT);
  try {
    for (const make of [questionScenario, pathwayScenario, mixedScenario]) {
      const { name, description } = make(bench);
      say(`echo bot and our bot under ${name}`);
      const pair = await withBot(OUR_BOT, (bot) => measurePair(echoBot, bot, () => make(bench).requests));
      ours.push({
        name,
        description,
        echo: pair.echo,
        load: pair.ours,
        ratio: pair.ratio,
        roundRatios: pair.roundRatios,
      });
    }
  } finally {
    await echoBot.stop();
  }

  say('the echo bot’s memory after the same requests as 1,000 conversations');
  const echoMemory = await withBot(ECHO_BOT, (bot) => measureBurstMemory(bot, bench, MEMORY_CHECKPOINTS[0]));

  say('memory with live conversations (start-up and matcher growth measured while it is idle)');
  const startupMs: number[] = [];
  let matcher: MatcherFigures[] = [];
  const memory = await withBot(OUR_BOT, (bot) =>
    measureConversationMemory(bot, bench, [
      async () => {
        say('start-up');
        for (let i = 0; i < STARTS; i += 1) startupMs.push(await withBot(OUR_BOT, async (b) => b.startupMs));
      },
      async () => {
        say('matcher growth (1×, 10×, 100×)');
        matcher = await matcherGrowth();
      },
    ]),
  );

  let slowPhone: BenchResults['slowPhone'];
  if (existsSync(CHROMIUM)) {
    say('the page at / on a slow phone (Lighthouse mobile profile, Chromium throttling), three cold loads');
    slowPhone = await measureOurSlowPhone('it');
  } else {
    say(`no Chromium at ${CHROMIUM}: the slow-phone figures are left out (apt-get install -y chromium)`);
  }

  const results: BenchResults = {
    machine: {
      date: new Date(startedAt).toISOString().replace(/\.\d+Z$/, 'Z'),
      node: process.versions.node,
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: cpus().length,
      loadAverage: load,
      commit: commit(),
    },
    ours,
    check,
    matcher,
    startupMs,
    memory,
    echoMemory,
    slowPhone,
  };
  const markdown = formatResults(results);
  await writeFile(join(PROJECT_ROOT, 'bench', 'results.md'), markdown);
  process.stdout.write(`${markdown}\n`);
  const missed = verdicts(results).filter((v) => !v.met).length;
  say(
    `done in ${Math.round((Date.now() - startedAt) / 1000)} s; ${missed === 0 ? 'every target met' : `${missed} target(s) missed`}; written to bench/results.md`,
  );
  return results;
}

if (require.main === module) {
  runBench().catch((err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
