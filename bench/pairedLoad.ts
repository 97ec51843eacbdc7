import type { AutocannonRequest } from 'autocannon';
import type { BotProcess } from './botProcess';
import { type LoadFigures, type LoadOptions, measureLoad, pool, STANDARD_LOAD } from './loadTest';

/** Our bot and the echo bot measured under the same traffic, in alternation. */
export interface PairedFigures {
  /** The echo bot. */
  readonly echo: LoadFigures;
  /** Our bot. */
  readonly ours: LoadFigures;
}

/**
 * Measures the echo bot and our bot under the same kind of traffic in the order echo, ours, ours, echo (half the
 * duration each), so that load from other work that comes and goes falls on both alike and the ratio holds.
 * @param traffic builds a fresh request sequence (fresh conversation ids) for each bot
 */
export async function measurePair(
  echo: BotProcess,
  ours: BotProcess,
  traffic: () => AutocannonRequest[],
  options: LoadOptions = STANDARD_LOAD,
): Promise<PairedFigures> {
  const echoRequests = traffic();
  const ourRequests = traffic();
  const half = options.durationS / 2;
  const { connections } = options;
  await measureLoad(echo.baseUrl, echoRequests, connections, options.warmupS);
  await measureLoad(ours.baseUrl, ourRequests, connections, options.warmupS);
  const e1 = await measureLoad(echo.baseUrl, echoRequests, connections, half, () => echo.cpuMs());
  const o1 = await measureLoad(ours.baseUrl, ourRequests, connections, half, () => ours.cpuMs());
  const o2 = await measureLoad(ours.baseUrl, ourRequests, connections, half, () => ours.cpuMs());
  const e2 = await measureLoad(echo.baseUrl, echoRequests, connections, half, () => echo.cpuMs());
  return { echo: pool([e1, e2]), ours: pool([o1, o2]) };
}
