import type { Storage, StoreItems } from 'botbuilder';
import type { Logger } from 'pino';
import { StorageHealth } from '../health/readiness';
import { StorageConflictError } from './storageConflictError';
import { StorageUnavailableError } from './storageUnavailableError';

/** Where the storage's health is recorded (the app's Readiness, reported by `/healthz`). */
export interface StorageHealthSink {
  /** Records the health seen by the last storage call. */
  setStorage(health: StorageHealth): void;
}

/** Options of {@link ResilientStorage}. */
export interface ResilientStorageOptions {
  /** Receives Ok after each successful call and Degraded after each failure. */
  readonly health: StorageHealthSink;
  /** Logs the change of health (once per change, not per call). */
  readonly logger: Logger;
  /** While degraded, how often a background read checks whether storage is back (0 = never). */
  readonly probeIntervalMs?: number;
}

/** Defaults of {@link ResilientStorageOptions}. */
export const RESILIENT_STORAGE_DEFAULTS = Object.freeze({
  /** Fifteen seconds: `/healthz` turns back to ok soon after an outage even when nobody is chatting. */
  probeIntervalMs: 15_000,
  /** The key read by the probe; it never exists, so a healthy store answers "nothing there". */
  probeKey: 'health/probe',
});

/**
 * Wraps the real storage: turns its failures into typed errors ({@link StorageConflictError} for a lost
 * eTag race, {@link StorageUnavailableError} for everything else), records health for `/healthz`, and
 * rebuilds the real storage after a failure.
 * @remarks The rebuild matters: `BlobsStorage` caches its "create container" promise, so one failure at
 * the first call would otherwise fail every later call until the process restarts.
 */
export class ResilientStorage implements Storage {
  private inner?: Storage;
  private health = StorageHealth.Ok;
  private probe?: NodeJS.Timeout;
  private readonly probeIntervalMs: number;

  /**
   * @param create builds the real storage (called again after each failure)
   * @param options health sink, logger and probe interval
   */
  constructor(
    private readonly create: () => Storage,
    private readonly options: ResilientStorageOptions,
  ) {
    this.probeIntervalMs = options.probeIntervalMs ?? RESILIENT_STORAGE_DEFAULTS.probeIntervalMs;
  }

  /** The health seen by the last call. */
  get status(): StorageHealth {
    return this.health;
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.call('read', keys, (s) => s.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.call('write', Object.keys(changes), (s) => s.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.call('delete', keys, (s) => s.delete(keys));
  }

  /** Stops the background probe (at shutdown). */
  dispose(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = undefined;
  }

  private async call<T>(
    operation: string,
    keys: readonly string[],
    run: (s: Storage) => Promise<T>,
  ): Promise<T> {
    let result: T;
    try {
      this.inner ??= this.create();
      result = await run(this.inner);
    } catch (err) {
      if (isConflict(err)) {
        this.record(StorageHealth.Ok);
        throw new StorageConflictError(keys, { cause: err });
      }
      this.inner = undefined;
      this.record(StorageHealth.Degraded, operation, err);
      throw new StorageUnavailableError(operation, { cause: err });
    }
    this.record(StorageHealth.Ok);
    return result;
  }

  private record(health: StorageHealth, operation?: string, err?: unknown): void {
    this.options.health.setStorage(health);
    if (health === this.health) return;
    this.health = health;
    if (health === StorageHealth.Degraded) {
      this.options.logger.error(
        { operation, err: { name: (err as Error)?.name, message: (err as Error)?.message } },
        'state storage unavailable: turns get an apology until it returns',
      );
      this.startProbe();
    } else {
      this.options.logger.info('state storage is back');
      this.dispose();
    }
  }

  private startProbe(): void {
    if (this.probe || this.probeIntervalMs <= 0) return;
    this.probe = setInterval(() => {
      this.read([RESILIENT_STORAGE_DEFAULTS.probeKey]).catch(() => undefined);
    }, this.probeIntervalMs);
    this.probe.unref();
  }
}

/** True for the eTag conflicts of botbuilder's MemoryStorage and BlobsStorage (HTTP 412 underneath). */
function isConflict(err: unknown): boolean {
  if (err instanceof StorageConflictError) return true;
  const e = err as { statusCode?: unknown; message?: unknown } | undefined;
  return e?.statusCode === 412 || (typeof e?.message === 'string' && /eTag conflict/i.test(e.message));
}
