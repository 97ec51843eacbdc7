import { DateTime } from 'luxon';
import { fixedClock, systemClock } from '../../src/time/clock';

describe('when a test pins the time with fixedClock', () => {
  test('it reads a time without offset as Rome wall-clock time', () => {
    const now = fixedClock('2026-12-07T10:00').now();
    expect(now.zoneName).toBe('Europe/Rome');
    expect(now.toISO()).toBe('2026-12-07T10:00:00.000+01:00');
  });

  test('it keeps an explicit offset, so a visitor-side instant can be given as such', () => {
    expect(fixedClock('2026-12-07T10:00+09:00').now().toUTC().toISO()).toBe('2026-12-07T01:00:00.000Z');
    expect(fixedClock('2026-12-07T10:00Z').now().toUTC().toISO()).toBe('2026-12-07T10:00:00.000Z');
  });

  test('it returns the same instant however often it is asked', () => {
    const clock = fixedClock('2026-03-29T02:30');
    expect(clock.now().toMillis()).toBe(clock.now().toMillis());
  });

  test('it refuses a time that is not ISO, so a typo in a test fails loudly', () => {
    expect(() => fixedClock('7 December 2026')).toThrow(/not a valid ISO time/);
  });
});

describe('when the bot runs for real', () => {
  test('the system clock follows the wall clock', () => {
    const before = DateTime.now().toMillis();
    const now = systemClock.now().toMillis();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(DateTime.now().toMillis());
  });
});
