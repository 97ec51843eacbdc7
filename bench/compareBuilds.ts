import { resolve } from 'node:path';
import { NODE_FLAGS } from '../src/runtime/nodeFlags';
import { loadBenchContent } from './benchContent';
import { BotProcess } from './botProcess';
import { freePort } from './freePort';
import { measurePair } from './pairedLoad';
import { LOAD_SCENARIOS as SCENARIOS } from './trafficScenario';

/**
 * `node dist/bench/compareBuilds.js <questions|pathway|mixed> <before/index.js> <after/index.js>`: loads two builds
 * of the bot (or the echo bot, `dist/bench/echoBot.js`) the way the bench pairs the bots, and prints after/before.
 * @remarks Copy `dist/` (with links to `package.json`, `node_modules`, `knowledge`, `dialogs` and `src`) before a
 * change to keep the "before" build. Both run with the bot's V8 options. To see what one part of a turn costs in the
 * server, remove it in such a copy and compare: a CPU profile there under-counts short functions.
 */
export async function main(args: readonly string[]): Promise<void> {
  const [scenario = '', before, after] = args;
  const make = SCENARIOS[scenario];
  if (!make || !before || !after)
    throw new Error(`usage: compareBuilds.js <${Object.keys(SCENARIOS).join('|')}> <before.js> <after.js>`);
  const bench = await loadBenchContent();
  const start = async (script: string) =>
    BotProcess.start({ script: resolve(script), port: await freePort(), nodeArgs: NODE_FLAGS });
  const a = await start(before);
  try {
    const b = await start(after);
    try {
      const pair = await measurePair(a, b, () => make(bench).requests);
      const cpu = (pair.echo.cpuMsPerRequest ?? NaN) / (pair.ours.cpuMsPerRequest ?? NaN);
      process.stdout.write(
        `${scenario}: after/before throughput ${pair.ratio.toFixed(3)} (rounds ${pair.roundRatios.map((r) => r.toFixed(2)).join(' ')}), ` +
          `before/after CPU per request ${cpu.toFixed(3)}\n`,
      );
    } finally {
      await b.stop();
    }
  } finally {
    await a.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
