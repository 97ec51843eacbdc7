import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { type Config, StorageKind } from '../config';

/** The state storage chosen by configuration: memory (one process) or Azure Blob Storage. */
export function createStorage(config: Pick<Config, 'storage'>): Storage {
  if (config.storage.kind === StorageKind.Blob) {
    return new BlobsStorage(config.storage.connectionString ?? '', config.storage.container);
  }
  return new MemoryStorage();
}
