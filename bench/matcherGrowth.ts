import { KnowledgeMatcher } from '../src/knowledge/knowledgeMatcher';
import { loadBenchContent } from './benchContent';
import { growKnowledgeBase } from './growKnowledgeBase';
import { percentile } from './percentile';
import type { Utterance } from './utterance';

/** The knowledge-base sizes measured, as multiples of the real one. */
export const GROWTH_FACTORS = [1, 10, 100] as const;

/** Matcher figures at one knowledge-base size. */
export interface MatcherFigures {
  /** Multiple of the real knowledge base. */
  readonly factor: number;
  /** Knowledge entries indexed. */
  readonly entries: number;
  /** Time of `KnowledgeMatcher.build`, milliseconds. */
  readonly buildMs: number;
  /** Heap the built matcher keeps (after garbage collection), bytes. */
  readonly heapBytes: number;
  /** Resident memory of the process once built, bytes. */
  readonly rssBytes: number;
  /** Queries timed (each {@link RUNS_PER_QUERY} times). */
  readonly queries: number;
  /** Median over queries of each query's median `match` time, milliseconds. */
  readonly p50Ms: number;
  /** 99th percentile over queries of each query's median `match` time, milliseconds. */
  readonly p99Ms: number;
  /** 99th percentile over every single call, milliseconds (includes garbage collection and time descheduled). */
  readonly p99CallMs: number;
}

/**
 * Times each query is matched; its median is its latency.
 * @remarks On a shared 2-core machine single calls are hit at random by another process taking the core or by a
 * garbage collection; the median of seven runs keeps what the query costs, and `p99CallMs` keeps the raw figure.
 */
export const RUNS_PER_QUERY = 7;

/**
 * Measures `KnowledgeMatcher` at 1×, 10× and 100× the knowledge base: build time, memory, and `match` latency
 * over every evaluation-set question (in scope and out of scope).
 * @remarks Runs in its own process started with `--expose-gc` (see `run.ts`), so heap figures are the matcher's.
 */
export async function measureMatcherGrowth(): Promise<MatcherFigures[]> {
  const bench = await loadBenchContent();
  const { entries, pathways, synonyms } = bench.content;
  const queries: Utterance[] = [...bench.questions, ...bench.outOfScope];
  KnowledgeMatcher.build(entries, pathways, synonyms); // warm-up: compile the build path before timing it
  const figures: MatcherFigures[] = [];
  for (const factor of GROWTH_FACTORS) {
    const grown = growKnowledgeBase(entries, factor);
    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const matcher = KnowledgeMatcher.build(grown, pathways, synonyms);
    const buildMs = performance.now() - started;
    collect();
    const heapBytes = process.memoryUsage().heapUsed - heapBefore;
    const rssBytes = process.memoryUsage().rss;
    for (const q of queries) matcher.match(q.text, q.lang); // warm-up pass
    const runs = queries.map(() => [] as number[]);
    for (let run = 0; run < RUNS_PER_QUERY; run += 1) {
      queries.forEach((q, i) => {
        const t0 = performance.now();
        matcher.match(q.text, q.lang);
        runs[i]?.push(performance.now() - t0);
      });
    }
    const medians = runs
      .map((r) =>
        percentile(
          [...r].sort((a, b) => a - b),
          0.5,
        ),
      )
      .sort((a, b) => a - b);
    const calls = runs.flat().sort((a, b) => a - b);
    figures.push({
      factor,
      entries: grown.length,
      buildMs,
      heapBytes,
      rssBytes,
      queries: queries.length,
      p50Ms: percentile(medians, 0.5),
      p99Ms: percentile(medians, 0.99),
      p99CallMs: percentile(calls, 0.99),
    });
  }
  return figures;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
}

if (require.main === module) {
  measureMatcherGrowth().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
    (err: Error) => {
      process.stderr.write(`${err.stack ?? err.message}\n`);
      process.exit(1);
    },
  );
}
