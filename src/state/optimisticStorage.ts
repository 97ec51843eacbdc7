import type { Storage, StoreItem, StoreItems } from 'botbuilder';

/** The eTag that means "write whatever is stored" (botbuilder's convention). */
const ANY_ETAG = '*';

/**
 * Makes state writes conditional on the version that was read, so two turns (or two instances) that read
 * the same state cannot silently overwrite each other: the later write fails with an eTag conflict.
 * @remarks botbuilder's `BotState.saveChanges` always sets `eTag: '*'` on the object it read before
 * writing it back, which turns optimistic concurrency off. This layer remembers the eTag of every object it
 * handed out (by identity) and writes that object with it instead. Items that did not exist when read are
 * created unconditionally: `BlobsStorage` has no create-only write.
 */
export class OptimisticStorage implements Storage {
  private readonly readETags = new WeakMap<object, string>();

  /** @param inner the storage that checks eTags (MemoryStorage, BlobsStorage, or a wrapper of them) */
  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const item of Object.values(items) as (StoreItem | undefined)[]) {
      if (item && typeof item === 'object' && typeof item.eTag === 'string' && item.eTag !== ANY_ETAG) {
        this.readETags.set(item, item.eTag);
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const conditional: StoreItems = {};
    const written: object[] = [];
    for (const [key, item] of Object.entries(changes) as [string, StoreItem][]) {
      const readETag = item && typeof item === 'object' ? this.readETags.get(item) : undefined;
      conditional[key] =
        readETag !== undefined && item.eTag === ANY_ETAG ? { ...item, eTag: readETag } : item;
      if (readETag !== undefined) written.push(item);
    }
    await this.inner.write(conditional);
    // The stored version moved on and its new eTag is not returned: a second write of the same object in the
    // same turn is unconditional (the bot saves once per turn).
    for (const item of written) this.readETags.delete(item);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
