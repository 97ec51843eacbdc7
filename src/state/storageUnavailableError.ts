/**
 * Thrown when the state storage cannot be reached or refuses to work (network, timeout, 5xx, credentials).
 * @remarks The turn-error handler recognises it: it apologises without touching storage again.
 */
export class StorageUnavailableError extends Error {
  constructor(
    /** What was being done: `read`, `write` or `delete`. */
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(`State storage is unavailable (${operation} failed): ${causeMessage(options?.cause)}`, options);
    this.name = 'StorageUnavailableError';
  }
}

function causeMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause ?? 'unknown cause');
}
