import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchContent } from './benchContent';
import { BENCH_TARGETS } from './benchTargets';
import type { BotProcess } from './botProcess';
import { sendAmount } from './loadTest';
import { liveConversationScenario } from './trafficScenario';

/** Resident memory of the bot with some number of conversations held in memory storage. */
export interface MemoryFigure {
  /** Conversations started (each left in the middle of a pathway). */
  readonly conversations: number;
  /** VmRSS right after the last of them, bytes. */
  readonly rssBusyBytes: number;
  /** VmRSS after {@link SETTLE_MS} without traffic, bytes. */
  readonly rssIdleBytes: number;
  /** Requests that failed while filling. */
  readonly failed: number;
  /**
   * How long after the last turn VmRSS first read at or under the limit (read every {@link RSS_POLL_MS}; 0 when it
   * never went over); undefined when it stayed over for all of {@link SETTLE_MS}.
   */
  readonly underLimitAfterMs?: number;
}

/** How often resident memory is read during the quiet wait. */
export const RSS_POLL_MS = 500;

/** The conversation counts at which resident memory is read. */
export const MEMORY_CHECKPOINTS = [1_000, 10_000] as const;

/**
 * Quiet time before the second reading.
 * @remarks V8 keeps the heap it grew while busy until its memory reducer runs, 30–60 s after allocation stops
 * (the echo bot too: about 190 MB right after 2,000 requests, 100 MB a minute later). The first reading shows
 * the busy heap, the second what holding the conversations costs.
 */
export const SETTLE_MS = 60_000;

/**
 * Fills a freshly started bot with conversations through HTTP (an opener and one answer each, 10 at a time) and
 * reads its resident memory idle, right after each checkpoint and again after {@link SETTLE_MS} without traffic.
 * @param whileIdle work to do during each quiet wait (other measurements), by checkpoint; it must not load the bot
 * @param limitBytes the resident memory whose crossing on the way down is timed
 */
export async function measureConversationMemory(
  bot: BotProcess,
  bench: BenchContent,
  whileIdle: readonly (() => Promise<void>)[] = [],
  limitBytes: number = BENCH_TARGETS.maxRssBytesAt1000,
): Promise<MemoryFigure[]> {
  await sleep(1_000);
  const idle = await bot.rssBytes();
  const figures: MemoryFigure[] = [{ conversations: 0, rssBusyBytes: idle, rssIdleBytes: idle, failed: 0 }];
  const scenario = liveConversationScenario(bench);
  let held = 0;
  let failed = 0;
  for (const [i, target] of MEMORY_CHECKPOINTS.entries()) {
    const result = await sendAmount(
      bot.baseUrl,
      scenario.requests,
      10,
      (target - held) * scenario.requests.length,
    );
    const quietFrom = performance.now();
    failed += result.failed;
    held = target;
    const rssBusyBytes = await bot.rssBytes();
    const watching = firstTimeUnder(bot, limitBytes, quietFrom, quietFrom + SETTLE_MS);
    await whileIdle[i]?.();
    const underLimitAfterMs = await watching;
    await sleep(Math.max(0, SETTLE_MS - (performance.now() - quietFrom)));
    figures.push({
      conversations: held,
      rssBusyBytes,
      rssIdleBytes: await bot.rssBytes(),
      failed,
      ...(underLimitAfterMs === undefined ? {} : { underLimitAfterMs }),
    });
  }
  return figures;
}

/**
 * Reads the bot's resident memory every {@link RSS_POLL_MS} until `untilMs` (a `performance.now()` time).
 * @returns the first time it was at or under `limitBytes`, in ms after `fromMs`; undefined if it never was
 */
async function firstTimeUnder(
  bot: BotProcess,
  limitBytes: number,
  fromMs: number,
  untilMs: number,
): Promise<number | undefined> {
  for (let first = true; first || performance.now() < untilMs; first = false) {
    const at = performance.now();
    if ((await bot.rssBytes()) <= limitBytes) return first ? 0 : at - fromMs;
    await sleep(RSS_POLL_MS);
  }
  return undefined;
}

/**
 * Resident memory of a fresh bot (the echo bot, for comparison) idle and right after the requests that fill
 * `conversations` conversations, sent the same way.
 */
export async function measureBurstMemory(
  bot: BotProcess,
  bench: BenchContent,
  conversations: number,
): Promise<{ requests: number; rssIdleBytes: number; rssBusyBytes: number }> {
  await sleep(1_000);
  const rssIdleBytes = await bot.rssBytes();
  const scenario = liveConversationScenario(bench);
  const requests = conversations * scenario.requests.length;
  await sendAmount(bot.baseUrl, scenario.requests, 10, requests);
  return { requests, rssIdleBytes, rssBusyBytes: await bot.rssBytes() };
}
