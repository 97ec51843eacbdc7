/**
 * The V8 options the bot runs with in production: every launcher (`npm start`, the Dockerfile, the systemd unit,
 * the Azure start command, the bench and the soak) starts `node` with exactly these, and a test keeps them equal.
 * @remarks `--max-semi-space-size=8` caps V8's young generation at two 8 MB halves instead of Node's default
 * 16 MB (bench/results.md). Under load V8 grows the young generation to its cap and keeps it until a memory-reducing
 * collection, which it only schedules after a full collection that freed memory. With the default cap, a burst of
 * 1,000 new conversations often ended without one, and the process stayed at about 180 MB indefinitely; with 8 MB,
 * the burst promotes enough for a full collection and the process settles at about 125 MB a few seconds later.
 * Throughput is unchanged (paired runs: 1.00 of the default). A 4 MB cap saved 10 MB more while busy but cost
 * 3–4 % of throughput; adding `--max-old-space-size=256` to it cost 16 % (more frequent full collections).
 */
export const NODE_FLAGS: readonly string[] = Object.freeze(['--max-semi-space-size=8']);
