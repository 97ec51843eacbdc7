import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { type Config, StorageKind } from '../config';

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

/**
 * The real state storage chosen by configuration: memory (one process) or Azure Blob Storage
 * (shared by every instance; creates its container on first use).
 */
export function createStorage(config: Pick<Config, 'storage'>): Storage {
  if (config.storage.kind === StorageKind.Blob) {
    return new BlobsStorage(config.storage.connectionString ?? '', config.storage.container, {
      storagePipelineOptions: { retryOptions: { ...BLOB_RETRY_OPTIONS } },
    });
  }
  return new MemoryStorage();
}
