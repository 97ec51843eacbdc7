/** Limits on wrong staff keys, per client address. */
export const KEY_ATTEMPT_LIMITS = Object.freeze({
  /** Wrong keys allowed in one window before the address must wait. */
  maxFailures: 5,
  /** The window, in milliseconds. */
  windowMs: 15 * 60 * 1000,
  /** Addresses remembered at most (the oldest are forgotten first). */
  maxAddresses: 10_000,
});

/**
 * Counts wrong staff keys per client address, so the key cannot be guessed by trying many.
 * @remarks In memory, per process: enough to make guessing slow; the real defence is a long random key.
 */
export class KeyAttemptLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly now: () => number,
    private readonly limits: typeof KEY_ATTEMPT_LIMITS = KEY_ATTEMPT_LIMITS,
  ) {}

  /** Milliseconds the address must still wait, or 0 when it may try. */
  waitMs(address: string): number {
    const entry = this.failures.get(address);
    if (!entry) return 0;
    const elapsed = this.now() - entry.since;
    if (elapsed >= this.limits.windowMs) {
      this.failures.delete(address);
      return 0;
    }
    return entry.count >= this.limits.maxFailures ? this.limits.windowMs - elapsed : 0;
  }

  /** Records an attempt, before its key is checked (a right key then calls {@link succeed}). */
  fail(address: string): void {
    const entry = this.failures.get(address);
    if (entry && this.now() - entry.since < this.limits.windowMs) {
      entry.count += 1;
      return;
    }
    this.failures.delete(address);
    if (this.failures.size >= this.limits.maxAddresses) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    this.failures.set(address, { count: 1, since: this.now() });
  }

  /** Forgets the address's failures after a right key (its own attempt included). */
  succeed(address: string): void {
    this.failures.delete(address);
  }
}
