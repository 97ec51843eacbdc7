import autocannon, { type AutocannonRequest } from 'autocannon';
import { percentile } from './percentile';

/** How hard and how long to load a server. */
export interface LoadOptions {
  /** Concurrent connections (each waits for its reply before sending again). */
  readonly connections: number;
  /** Measured seconds. */
  readonly durationS: number;
  /** Seconds of the same load before measuring, not counted (JIT, caches, first conversations). */
  readonly warmupS: number;
}

/** What a load run measured. */
export interface LoadFigures {
  /** Successful (2xx) responses per second over the measured run. */
  readonly requestsPerSecond: number;
  /** Median latency of successful responses, milliseconds. */
  readonly p50Ms: number;
  /** 99th-percentile latency of successful responses, milliseconds. */
  readonly p99Ms: number;
  /** Successful responses counted. */
  readonly ok: number;
  /** Responses with another status, connection errors and timeouts. */
  readonly failed: number;
  /** CPU time the server process used per successful response, milliseconds (when its CPU clock was given). */
  readonly cpuMsPerRequest?: number;
}

/** One measured stretch of load, to be pooled with others by {@link pool}. */
export interface LoadSample {
  /** Latencies of successful responses, milliseconds. */
  readonly latencies: readonly number[];
  /** Wall-clock seconds measured. */
  readonly seconds: number;
  /** Failed requests. */
  readonly failed: number;
  /** Server CPU milliseconds used, when known. */
  readonly cpuMs?: number;
}

/**
 * The bench's standard load: 10 connections, 10 s measured after 6 s of warm-up.
 * @remarks Our bot answers 459 different questions through more code than the echo bot, and V8 takes longer to
 * compile all of it: its CPU per request was still falling 10 s into a load (the echo bot's after 4 s). Both are
 * measured once warm, which is what a running service is.
 */
export const STANDARD_LOAD: LoadOptions = Object.freeze({ connections: 10, durationS: 10, warmupS: 6 });

/**
 * Loads `baseUrl` with a request sequence through autocannon for a while and records every response.
 * @remarks Latencies are taken from autocannon's per-response event (sub-millisecond), not its histogram,
 * which rounds to whole milliseconds: at 3 ms that rounding would be a third of the figure. Given the server's
 * CPU clock (see `BotProcess.cpuMs`), also records the CPU the server used.
 */
export async function measureLoad(
  baseUrl: string,
  requests: AutocannonRequest[],
  connections: number,
  durationS: number,
  serverCpuMs?: () => Promise<number>,
): Promise<LoadSample> {
  const latencies: number[] = [];
  const cpuBefore = await serverCpuMs?.();
  const started = performance.now();
  const instance = autocannon({ url: baseUrl, connections, duration: durationS, requests });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = await serverCpuMs?.();
  return {
    latencies,
    seconds,
    failed: result.non2xx + result.errors + result.timeouts,
    ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpuMs: cpuAfter - cpuBefore } : {}),
  };
}

/** Throughput, latency percentiles and CPU per request over several samples taken as one run. */
export function pool(samples: readonly LoadSample[]): LoadFigures {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, s) => sum + s.seconds, 0);
  const cpu = samples.every((s) => s.cpuMs !== undefined)
    ? samples.reduce((sum, s) => sum + (s.cpuMs ?? 0), 0)
    : undefined;
  return {
    requestsPerSecond: seconds > 0 ? latencies.length / seconds : 0,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    ok: latencies.length,
    failed: samples.reduce((sum, s) => sum + s.failed, 0),
    ...(cpu !== undefined && latencies.length > 0 ? { cpuMsPerRequest: cpu / latencies.length } : {}),
  };
}

/** Warms a server up, then measures it once: {@link measureLoad} after `options.warmupS` of the same load. */
export async function runLoad(
  baseUrl: string,
  requests: AutocannonRequest[],
  options: LoadOptions = STANDARD_LOAD,
  serverCpuMs?: () => Promise<number>,
): Promise<LoadFigures> {
  if (options.warmupS > 0) await measureLoad(baseUrl, requests, options.connections, options.warmupS);
  return pool([await measureLoad(baseUrl, requests, options.connections, options.durationS, serverCpuMs)]);
}

/** Sends a fixed number of requests (e.g. to fill memory with conversations) and counts failures. */
export async function sendAmount(
  baseUrl: string,
  requests: AutocannonRequest[],
  connections: number,
  amount: number,
): Promise<{ ok: number; failed: number }> {
  let ok = 0;
  const result = await autocannon({ url: baseUrl, connections, amount, requests });
  for (const [status, { count }] of Object.entries(result.statusCodeStats))
    if (status.startsWith('2')) ok += count;
  return { ok, failed: result.non2xx + result.errors + result.timeouts };
}
