import { MemoryStorage, type Storage } from 'botbuilder';
import type * as AzureBlobs from 'botbuilder-azure-blobs';
import { type Config, StorageKind } from '../config';
import { ExpiringStorage } from './expiringStorage';

/**
 * How long the Azure SDK tries before a blob call counts as failed.
 * @remarks Kept well under the ~15 s a channel waits for a turn, so during an outage the user gets the
 * apology instead of a timeout: at most 2 tries of 3 s each, 200 ms apart.
 */
export const BLOB_RETRY_OPTIONS = Object.freeze({
  maxTries: 2,
  tryTimeoutInMs: 3_000,
  retryDelayInMs: 200,
  maxRetryDelayInMs: 500,
});

/** How long in-memory state lives after its last write: one day, like the Blob Storage lifecycle rule. */
export const MEMORY_STATE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The real state storage chosen by configuration: memory (one process; items expire a day after their last
 * write) or Azure Blob Storage (shared by every instance; creates its container on first use).
 * @param now the current time in milliseconds, for the expiry of in-memory state
 */
export function createStorage(config: Pick<Config, 'storage'>, now: () => number = Date.now): Storage {
  if (config.storage.kind === StorageKind.Blob) {
    // Loaded only when configured: the Azure SDK is ~130 modules, 0.1-0.3 s of start-up and ~6 MB of memory
    // that memory storage does not need (bench/results.md).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { BlobsStorage } = require('botbuilder-azure-blobs') as typeof AzureBlobs;
    return new BlobsStorage(config.storage.connectionString ?? '', config.storage.container, {
      storagePipelineOptions: { retryOptions: { ...BLOB_RETRY_OPTIONS } },
    });
  }
  return new ExpiringStorage(new MemoryStorage(), MEMORY_STATE_TTL_MS, now);
}
