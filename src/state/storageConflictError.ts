/**
 * Thrown when a write lost an optimistic-concurrency race: the stored item changed (another turn, maybe on
 * another instance, saved it) since this turn read it.
 * @remarks Nothing was overwritten; the turn can be run again on the fresh state.
 */
export class StorageConflictError extends Error {
  constructor(
    /** The storage keys of the write that lost. */
    readonly keys: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`State changed since it was read (eTag conflict on ${keys.join(', ')})`, options);
    this.name = 'StorageConflictError';
  }
}
