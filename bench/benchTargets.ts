/** The performance targets of issue 8. */
export const BENCH_TARGETS = Object.freeze({
  /** Minimum throughput ours/echo on knowledge questions and on pathway turns. */
  minThroughputRatio: 0.8,
  /** Maximum match p99 at the real knowledge-base size, milliseconds. */
  maxMatchP99MsAt1x: 1,
  /** Maximum match p99 at 100× the knowledge base, milliseconds. */
  maxMatchP99MsAt100x: 5,
  /** Maximum time from process start to a healthy `/healthz`, milliseconds. */
  maxStartupMs: 2_000,
  /** Maximum resident memory with 1,000 live conversations, bytes. */
  maxRssBytesAt1000: 150 * 1024 * 1024,
  /** Maximum time to the welcome with a door that answers a click, on the slow phone (issue 19), milliseconds. */
  maxWelcomeMsOnSlowPhone: 2_500,
});

/** Scenario names the throughput-ratio target applies to. */
export const RATIO_TARGET_SCENARIOS: ReadonlySet<string> = new Set(['knowledge questions', 'pathway turns']);
