import type { AutocannonRequest } from 'autocannon';
import type { BotProcess } from './botProcess';
import { median } from './percentile';
import {
  type LoadFigures,
  type LoadOptions,
  type LoadSample,
  measureLoad,
  pool,
  STANDARD_LOAD,
} from './loadTest';

/** Our bot and the echo bot measured under the same traffic, in alternation. */
export interface PairedFigures {
  /** The echo bot, over all its measured segments. */
  readonly echo: LoadFigures;
  /** Our bot, over all its measured segments. */
  readonly ours: LoadFigures;
  /** Ours/echo throughput of each round, in order. */
  readonly roundRatios: readonly number[];
  /** The median of {@link roundRatios}: the figure the target is judged on. */
  readonly ratio: number;
}

/** Rounds per pair; each bot is measured twice per round, for `durationS / (2 × ROUNDS)` seconds each time. */
export const PAIR_ROUNDS = 5;

/**
 * Measures the echo bot and our bot under the same kind of traffic, both warmed up first, then in
 * {@link PAIR_ROUNDS} rounds of four short segments: echo, ours, ours, echo, and the next round ours, echo, echo,
 * ours. The ratio is the median of the rounds' ratios.
 * @remarks Load from other work on a shared machine comes and goes within seconds; short alternating segments put
 * it on both bots alike, and the median leaves out a round it hit unevenly. Alternating which bot opens a round
 * keeps either from always starting after the other's idle wait (a first design, two long segments each in the
 * order echo, ours, ours, echo, measured the same bot against itself at 0.83–1.10).
 * @param traffic builds a fresh request sequence (fresh conversation ids) for each bot
 */
export async function measurePair(
  echo: BotProcess,
  ours: BotProcess,
  traffic: () => AutocannonRequest[],
  options: LoadOptions = STANDARD_LOAD,
): Promise<PairedFigures> {
  const bots = {
    echo: { bot: echo, requests: traffic(), samples: [] as LoadSample[] },
    ours: { bot: ours, requests: traffic(), samples: [] as LoadSample[] },
  };
  const { connections } = options;
  const segmentS = options.durationS / (2 * PAIR_ROUNDS);
  for (const b of Object.values(bots))
    await measureLoad(b.bot.baseUrl, b.requests, connections, options.warmupS);
  const roundRatios: number[] = [];
  for (let round = 0; round < PAIR_ROUNDS; round++) {
    const order =
      round % 2 === 0
        ? (['echo', 'ours', 'ours', 'echo'] as const)
        : (['ours', 'echo', 'echo', 'ours'] as const);
    const taken = { echo: [] as LoadSample[], ours: [] as LoadSample[] };
    for (const name of order) {
      const b = bots[name];
      taken[name].push(
        await measureLoad(b.bot.baseUrl, b.requests, connections, segmentS, () => b.bot.cpuMs()),
      );
    }
    roundRatios.push(pool(taken.ours).requestsPerSecond / pool(taken.echo).requestsPerSecond);
    bots.echo.samples.push(...taken.echo);
    bots.ours.samples.push(...taken.ours);
  }
  return {
    echo: pool(bots.echo.samples),
    ours: pool(bots.ours.samples),
    roundRatios,
    ratio: median(roundRatios),
  };
}
