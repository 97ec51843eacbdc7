import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchContent } from './benchContent';
import type { BotProcess } from './botProcess';
import { sendAmount } from './loadTest';
import { liveConversationScenario } from './trafficScenario';

/** Resident memory of the bot with some number of conversations held in memory storage. */
export interface MemoryFigure {
  /** Conversations started (each left in the middle of a pathway). */
  readonly conversations: number;
  /** VmRSS of the bot process, bytes. */
  readonly rssBytes: number;
  /** Requests that failed while filling. */
  readonly failed: number;
}

/** The conversation counts at which resident memory is read. */
export const MEMORY_CHECKPOINTS = [1_000, 10_000] as const;

/** Quiet time before reading memory, so the reading is not of a burst in progress. */
const SETTLE_MS = 1_000;

/**
 * Fills a freshly started bot with conversations through HTTP (an opener and one answer each, 10 at a time)
 * and reads its resident memory when idle, then after each checkpoint.
 */
export async function measureConversationMemory(
  bot: BotProcess,
  bench: BenchContent,
): Promise<MemoryFigure[]> {
  await sleep(SETTLE_MS);
  const figures: MemoryFigure[] = [{ conversations: 0, rssBytes: await bot.rssBytes(), failed: 0 }];
  const scenario = liveConversationScenario(bench);
  let held = 0;
  let failed = 0;
  for (const target of MEMORY_CHECKPOINTS) {
    const result = await sendAmount(
      bot.baseUrl,
      scenario.requests,
      10,
      (target - held) * scenario.requests.length,
    );
    failed += result.failed;
    held = target;
    await sleep(SETTLE_MS);
    figures.push({ conversations: held, rssBytes: await bot.rssBytes(), failed });
  }
  return figures;
}
