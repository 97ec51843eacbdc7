import type { Storage, StoreItems } from 'botbuilder';

/** Sweeps at most once a minute: a sweep walks every key. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Deletes items nobody wrote for `ttlMs`, so in-process state does not grow for ever and nothing about a visitor
 * outlives the conversation by more than the retention time.
 * @remarks For `MemoryStorage`, which keeps everything until the process ends. Blob Storage gets the same from a
 * lifecycle rule of the storage account (deploy/azure/main.bicep).
 */
export class ExpiringStorage implements Storage {
  private readonly writtenAt = new Map<string, number>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  /**
   * @param inner the storage whose items expire
   * @param ttlMs how long an item lives after its last write
   * @param now the current time in milliseconds (the app's clock)
   */
  constructor(
    private readonly inner: Storage,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** Keys currently kept (for tests and diagnostics). */
  get size(): number {
    return this.writtenAt.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    await this.sweep();
    return this.inner.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    await this.inner.write(changes);
    const at = this.now();
    for (const key of Object.keys(changes)) this.writtenAt.set(key, at);
    await this.sweep();
  }

  async delete(keys: string[]): Promise<void> {
    await this.inner.delete(keys);
    for (const key of keys) this.writtenAt.delete(key);
  }

  private async sweep(): Promise<void> {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    const expired = [...this.writtenAt].filter(([, at]) => now - at > this.ttlMs).map(([key]) => key);
    if (expired.length > 0) await this.delete(expired);
  }
}
