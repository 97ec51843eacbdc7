import { DateTime } from 'luxon';

/** The zone a {@link fixedClock} reads an ISO time without offset in: the booking line's zone. */
export const FIXED_CLOCK_DEFAULT_ZONE = 'Europe/Rome';

/**
 * A source of the current instant, passed to whatever needs "now".
 * @remarks Logic never reads the wall clock itself: the composition root passes {@link systemClock},
 * tests pass {@link fixedClock}, so every time-dependent answer can be pinned and checked.
 */
export interface Clock {
  /** The current instant. */
  now(): DateTime;
  /**
   * The current instant in milliseconds since the epoch, for code that only needs a number (state expiry,
   * tokens): a luxon `DateTime` costs several microseconds to make. Optional: {@link epochMillis} falls back on
   * `now()`.
   */
  millis?(): number;
}

/** The real clock; only the composition root should use it. */
export const systemClock: Clock = Object.freeze({
  now: (): DateTime => DateTime.now(),
  millis: (): number => Date.now(),
});

/** A function giving a clock's current instant in epoch milliseconds (its `millis`, else from `now()`). */
export function epochMillis(clock: Clock): () => number {
  const millis = clock.millis?.bind(clock);
  return millis ?? (() => clock.now().toMillis());
}

/**
 * A clock stopped at one instant, for tests and reproducible examples.
 * @param iso An ISO 8601 time. With an offset (`2026-12-07T10:00+09:00`, `…Z`) that offset is kept;
 * without one it is read as wall-clock time in `zone`, so `fixedClock('2026-12-07T10:00')` is 10:00 in Rome.
 * @throws Error when the text is not a valid ISO time, so a typo in a test fails loudly.
 */
export function fixedClock(iso: string, zone: string = FIXED_CLOCK_DEFAULT_ZONE): Clock {
  const instant = DateTime.fromISO(iso, { zone, setZone: true });
  if (!instant.isValid) {
    throw new Error(
      `fixedClock: "${iso}" is not a valid ISO time (${instant.invalidExplanation ?? 'unknown'}).`,
    );
  }
  const millis = instant.toMillis();
  return Object.freeze({ now: (): DateTime => instant, millis: (): number => millis });
}
