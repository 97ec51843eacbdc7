import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Language } from '../content/language';
import { ConfidenceBand } from './confidenceBand';
import type { CuratorEvent } from './curatorEvent';
import { redact } from './redact';

/** How the curator log is kept. */
export interface CuratorLogOptions {
  /** The JSON Lines file (created with its folder when missing). */
  readonly path: string;
  /** Events older than this many days are dropped at start and on each daily rotation. */
  readonly retentionDays?: number;
  /** The clock; tests pin it. */
  readonly now?: () => Date;
  /** Called when a write fails (the turn never waits for, nor fails because of, the log). */
  readonly onError?: (error: unknown) => void;
  /** How long a recorded event may wait to be written with the ones that follow it (default {@link CURATOR_WRITE_DELAY_MS}). */
  readonly writeDelayMs?: number;
}

/** Default retention of curator events, in days. */
export const CURATOR_LOG_RETENTION_DAYS = 90;

/**
 * How long a recorded event waits, at most, for others to be written with it. Each write opens, appends to and
 * closes the file, and a busy bot records hundreds of misses a second: written as they came (in small batches
 * while the previous write was under way), the log cost 2.5–4 % of the bot's throughput on knowledge questions
 * (README, performance). Shutdown flushes what is waiting.
 */
export const CURATOR_WRITE_DELAY_MS = 250;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Appends curator events (unanswered and low-confidence questions, redacted; answer feedback) to a JSON Lines
 * file, for `npm run kb:review`.
 * @remarks Recording returns at once: events are gathered for up to {@link CURATOR_WRITE_DELAY_MS} and written
 * together, asynchronously and one write at a time, so the turn path never does file I/O. Retention is bounded:
 * old events are dropped at `start()` and once a day after.
 */
export class CuratorLog {
  private readonly path: string;
  private readonly retentionMs: number;
  private readonly now: () => Date;
  private readonly onError: (error: unknown) => void;
  private readonly writeDelayMs: number;
  private queue: Promise<void> = Promise.resolve();
  private buffer: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastPrune = 0;

  /** Creates the log; call `start()` once before recording. */
  constructor(options: CuratorLogOptions) {
    this.path = options.path;
    this.retentionMs = (options.retentionDays ?? CURATOR_LOG_RETENTION_DAYS) * DAY_MS;
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? (() => undefined);
    this.writeDelayMs = options.writeDelayMs ?? CURATOR_WRITE_DELAY_MS;
  }

  /** Reads every event of a log file, skipping lines that are not valid events; no file means no events. */
  static async read(path: string): Promise<CuratorEvent[]> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return text.split('\n').flatMap((line) => {
      const event = parseEvent(line);
      return event ? [event] : [];
    });
  }

  /** Creates the folder and drops events older than the retention period. */
  async start(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const pruned = this.queue.then(() => this.prune());
    this.queue = pruned.catch((err: unknown) => this.onError(err));
    await pruned;
  }

  /** Records a question the bot refused (band low) or answered with "did you mean" (band medium), redacted. */
  recordMiss(question: { text: string; lang: Language; band: ConfidenceBand; nearest?: string }): void {
    if (question.band === ConfidenceBand.High) return;
    this.append({
      type: question.band === ConfidenceBand.Low ? 'unanswered' : 'low-confidence',
      at: this.now().toISOString(),
      lang: question.lang,
      text: redact(question.text),
      band: question.band,
      ...(question.nearest ? { nearest: question.nearest } : {}),
    });
  }

  /** Records whether an answer helped. */
  recordFeedback(entryId: string, helpful: boolean): void {
    this.append({ type: 'feedback', at: this.now().toISOString(), entryId, helpful });
  }

  /** Writes what is waiting now; resolves when every recorded event is on disk. */
  flush(): Promise<void> {
    this.writeWaiting();
    return this.queue;
  }

  private append(event: CuratorEvent): void {
    this.buffer.push(JSON.stringify(event) + '\n');
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => this.writeWaiting(), this.writeDelayMs);
    // A pending write never keeps the process alive: shutdown calls flush().
    this.timer.unref();
  }

  /** Queues one append of every waiting event, after the writes already queued. */
  private writeWaiting(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    const lines = this.buffer.join('');
    this.buffer = [];
    this.queue = this.queue
      .then(async () => {
        if (this.now().getTime() - this.lastPrune >= DAY_MS) await this.prune();
        await appendFile(this.path, lines, 'utf8');
      })
      .catch((err: unknown) => this.onError(err));
  }

  /** Rewrites the file without expired events (write to a temporary file, then rename). */
  private async prune(): Promise<void> {
    const now = this.now().getTime();
    this.lastPrune = now;
    const events = await CuratorLog.read(this.path);
    const kept = events.filter((e) => now - Date.parse(e.at) <= this.retentionMs);
    if (kept.length === events.length) return;
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, kept.map((e) => JSON.stringify(e) + '\n').join(''), 'utf8');
    await rename(temporary, this.path);
  }
}

function parseEvent(line: string): CuratorEvent | undefined {
  if (!line.trim()) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const e = value as Record<string, unknown>;
  if (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at))) return undefined;
  if (e.type === 'feedback') {
    return typeof e.entryId === 'string' && typeof e.helpful === 'boolean'
      ? (value as CuratorEvent)
      : undefined;
  }
  if (e.type === 'unanswered' || e.type === 'low-confidence') {
    return typeof e.text === 'string' && (e.lang === 'en' || e.lang === 'it')
      ? (value as CuratorEvent)
      : undefined;
  }
  return undefined;
}
