import type { MemoryFigure } from './conversationMemory';
import type { LoadFigures } from './loadTest';
import type { MatcherFigures } from './matcherGrowth';
import type { SlowPhoneFigures } from './slowPhone';
import type { TrafficCheck } from './trafficCheck';

/** One traffic kind loaded on the echo bot and on our bot, with what it sends. */
export interface ScenarioFigures {
  /** Scenario name. */
  readonly name: string;
  /** What one connection's cycle sends. */
  readonly description: string;
  /** The echo bot under this traffic. */
  readonly echo: LoadFigures;
  /** Our bot under this traffic. */
  readonly load: LoadFigures;
  /** Ours/echo throughput: the median of the paired rounds' ratios. */
  readonly ratio: number;
  /** Each paired round's ratio, in order. */
  readonly roundRatios: readonly number[];
}

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  /** When, where and on what the bench ran. */
  readonly machine: Readonly<{
    date: string;
    node: string;
    cpu: string;
    cores: number;
    loadAverage: readonly number[];
    commit: string;
  }>;
  /** Our bot and the echo bot under each traffic kind. */
  readonly ours: readonly ScenarioFigures[];
  /** The pre-load check of the traffic. */
  readonly check: TrafficCheck;
  /** Matcher at each knowledge-base size. */
  readonly matcher: readonly MatcherFigures[];
  /** Milliseconds from spawn to `/healthz` 200, per start. */
  readonly startupMs: readonly number[];
  /** Resident memory idle and at each conversation checkpoint. */
  readonly memory: readonly MemoryFigure[];
  /** The echo bot's resident memory, fresh and right after the requests of the first checkpoint, for comparison. */
  readonly echoMemory?: Readonly<{ requests: number; rssIdleBytes: number; rssBusyBytes: number }>;
  /** The page at `/` loaded cold on a slow phone (absent when Chromium is not installed). */
  readonly slowPhone?: SlowPhoneFigures;
}
