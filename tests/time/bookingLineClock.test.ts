import { DateTime, Settings } from 'luxon';
import type { BookingLine } from '../../src/content/bookingLineSchema';
import { BookingLineClock } from '../../src/time/bookingLineClock';
import { fixedClock } from '../../src/time/clock';
import { ClosureKind } from '../../src/time/closureDay';
import { ClosedReason, LineState, type LineStatus } from '../../src/time/lineStatus';
import { describeLineStatus } from '../../src/time/lineStatusPhrase';
import { closuresClock, line, lineClock, messages, statusAt, statusWithClosuresAt } from './lineFixtures';

/** The next opening as Rome wall-clock text, e.g. "2026-12-09 08:00 Wed". */
function nextOpening(s: LineStatus): string {
  if (s.state !== LineState.Closed)
    throw new Error(`expected the line to be closed at ${s.at.toISO() ?? ''}`);
  return s.nextOpening.toFormat('yyyy-MM-dd HH:mm ccc');
}

/** Why the line is closed (fails the test when it is open). */
function reasonOf(s: LineStatus): ClosedReason {
  if (s.state !== LineState.Closed)
    throw new Error(`expected the line to be closed at ${s.at.toISO() ?? ''}`);
  return s.reason;
}

describe('when it is a weekday inside the hours', () => {
  test('it is open on Wednesday at 10:00 and closes at 16:00 the same day', () => {
    const s = statusAt('2026-12-02T10:00');
    expect(s.state).toBe(LineState.Open);
    if (s.state !== LineState.Open) return;
    expect(s.closesAt.toFormat('yyyy-MM-dd HH:mm')).toBe('2026-12-02 16:00');
    expect(s.minutesToClose).toBe(360);
  });
});

describe('when it is exactly on an opening or closing boundary', () => {
  test('at 07:59 it is still closed, opening in one minute', () => {
    const s = statusAt('2026-12-02T07:59');
    expect(reasonOf(s)).toBe(ClosedReason.BeforeHours);
    expect(nextOpening(s)).toBe('2026-12-02 08:00 Wed');
    expect(s.state === LineState.Closed && s.minutesToOpen).toBe(1);
  });

  test('at 08:00 sharp it is open for eight hours', () => {
    const s = statusAt('2026-12-02T08:00');
    expect(s.state).toBe(LineState.Open);
    expect(s.state === LineState.Open && s.minutesToClose).toBe(480);
  });

  test('at 15:59 it is open with one minute left, and still one at 15:59:30 (minutes round up)', () => {
    expect(statusAt('2026-12-02T15:59')).toMatchObject({ state: LineState.Open, minutesToClose: 1 });
    expect(statusAt('2026-12-02T15:59:30')).toMatchObject({ state: LineState.Open, minutesToClose: 1 });
  });

  test('at 16:00 sharp it is closed until tomorrow 08:00', () => {
    const s = statusAt('2026-12-02T16:00');
    expect(reasonOf(s)).toBe(ClosedReason.AfterHours);
    expect(nextOpening(s)).toBe('2026-12-03 08:00 Thu');
    expect(s.state === LineState.Closed && s.minutesToOpen).toBe(16 * 60);
  });

  test('at 03:00 in the night it is closed before hours and opens the same morning', () => {
    const s = statusAt('2026-12-02T03:00');
    expect(reasonOf(s)).toBe(ClosedReason.BeforeHours);
    expect(nextOpening(s)).toBe('2026-12-02 08:00 Wed');
  });
});

describe('when the weekend comes', () => {
  test('on Friday at 16:00 the next opening is Monday 08:00, 64 hours later', () => {
    const s = statusAt('2026-11-27T16:00');
    expect(reasonOf(s)).toBe(ClosedReason.AfterHours);
    expect(nextOpening(s)).toBe('2026-11-30 08:00 Mon');
    expect(s.state === LineState.Closed && s.minutesToOpen).toBe(64 * 60);
  });

  test.each([
    ['Saturday morning', '2026-11-28T10:00'],
    ['Sunday late evening', '2026-11-29T23:59'],
  ])('on %s it is closed for the weekend and opens Monday 08:00', (_label, iso) => {
    const s = statusAt(iso);
    expect(reasonOf(s)).toBe(ClosedReason.Weekend);
    expect(nextOpening(s)).toBe('2026-11-30 08:00 Mon');
  });
});

describe('when it is Easter Monday', () => {
  test.each([
    ['2027', '2027-03-29', '2027-03-26', '2027-03-30 08:00 Tue'],
    ['2028', '2028-04-17', '2028-04-14', '2028-04-18 08:00 Tue'],
  ])(
    'in %s (%s) it is closed for the holiday and opens Tuesday 08:00',
    (_year, easterMonday, goodFriday, tuesday) => {
      const s = statusAt(`${easterMonday}T10:00`);
      expect(reasonOf(s)).toBe(ClosedReason.Holiday);
      expect(s.state === LineState.Closed && s.closure?.name).toEqual({
        en: 'Easter Monday',
        it: 'Lunedì dell’Angelo',
      });
      expect(nextOpening(s)).toBe(tuesday);
      // Good Friday is a working day in Italy: open, and after hours the next opening skips the whole long weekend.
      expect(statusAt(`${goodFriday}T10:00`).state).toBe(LineState.Open);
      expect(nextOpening(statusAt(`${goodFriday}T16:00`))).toBe(tuesday);
    },
  );
});

describe("when Milan's Sant'Ambrogio (7 December) and the Immacolata (8 December) fall back to back", () => {
  test('on Friday 4 December 2026 after hours the next opening is Wednesday 9 December', () => {
    expect(nextOpening(statusAt('2026-12-04T16:00'))).toBe('2026-12-09 08:00 Wed');
  });

  test.each([
    ['Monday 7 December', '2026-12-07T10:00', { en: 'Saint Ambrose', it: "Sant'Ambrogio" }],
    ['Tuesday 8 December', '2026-12-08T10:00', { en: 'Immaculate Conception', it: 'Immacolata Concezione' }],
  ])('on %s it is closed for the named holiday', (_label, iso, name) => {
    const s = statusAt(iso);
    expect(reasonOf(s)).toBe(ClosedReason.Holiday);
    expect(s.state === LineState.Closed && s.closure?.name).toEqual(name);
    expect(nextOpening(s)).toBe('2026-12-09 08:00 Wed');
  });

  test("a line configured for Italy without Milan's region stays open on 7 December", () => {
    const national: BookingLine = { ...line, holidays: { country: 'IT' } };
    expect(new BookingLineClock(national).status(fixedClock('2026-12-07T10:00').now()).state).toBe(
      LineState.Open,
    );
  });
});

describe('when Christmas and New Year come', () => {
  test('in 2025 (25–26 December on Thursday–Friday) Wednesday 24 after hours opens again on Monday 29', () => {
    expect(statusAt('2025-12-24T10:00').state).toBe(LineState.Open);
    expect(nextOpening(statusAt('2025-12-24T16:00'))).toBe('2025-12-29 08:00 Mon');
    expect(reasonOf(statusAt('2025-12-25T10:00'))).toBe(ClosedReason.Holiday);
    const stStephen = statusAt('2025-12-26T10:00');
    expect(stStephen.state === LineState.Closed && stStephen.closure?.name.it).toBe('Santo Stefano');
  });

  test('without an announced closure, Thursday 24 and Thursday 31 December 2026 are ordinary open days', () => {
    expect(statusAt('2026-12-24T10:00').state).toBe(LineState.Open);
    expect(statusAt('2026-12-31T10:00').state).toBe(LineState.Open);
    expect(nextOpening(statusAt('2026-12-23T16:00'))).toBe('2026-12-24 08:00 Thu');
  });
});

describe('when the department has announced closures (24 and 31 December 2026, a fixture)', () => {
  test('on the announced closure of 24 December 2026 it gives the announced reason', () => {
    const s = statusWithClosuresAt('2026-12-24T10:00');
    expect(reasonOf(s)).toBe(ClosedReason.ExtraClosure);
    expect(s.state === LineState.Closed && s.closure?.name.en).toMatch(/Christmas Eve/);
    expect(nextOpening(s)).toBe('2026-12-28 08:00 Mon');
  });

  test('on Wednesday 23 December 2026 after hours it skips 24 (announced), 25 (holiday) and the weekend', () => {
    expect(nextOpening(statusWithClosuresAt('2026-12-23T16:00'))).toBe('2026-12-28 08:00 Mon');
  });

  test('on Wednesday 30 December 2026 after hours it skips 31 (announced), 1 January (holiday) and the weekend', () => {
    expect(nextOpening(statusWithClosuresAt('2026-12-30T16:00'))).toBe('2027-01-04 08:00 Mon');
    expect(reasonOf(statusWithClosuresAt('2026-12-31T09:00'))).toBe(ClosedReason.ExtraClosure);
  });

  test('an announced closure is one dated day: 24 December 2027 is an ordinary open Friday', () => {
    expect(statusWithClosuresAt('2027-12-24T10:00').state).toBe(LineState.Open);
  });
});

describe('when it is 4 October, Saint Francis, a public holiday from 2026', () => {
  test('on Monday 4 October 2027 it is closed for the holiday and opens Tuesday', () => {
    const s = statusAt('2027-10-04T10:00');
    expect(reasonOf(s)).toBe(ClosedReason.Holiday);
    expect(s.state === LineState.Closed && s.closure?.name.it).toMatch(/San Francesco/);
    expect(nextOpening(s)).toBe('2027-10-05 08:00 Tue');
  });

  test('on Sunday 4 October 2026 it names the holiday rather than the weekend', () => {
    expect(reasonOf(statusAt('2026-10-04T10:00'))).toBe(ClosedReason.Holiday);
  });

  test('it is a closure day from 2026 on, not in 2025', () => {
    expect(lineClock.closureDays(2025).map((d) => d.date)).not.toContain('2025-10-04');
    expect(lineClock.closureDays(2026).map((d) => d.date)).toContain('2026-10-04');
  });
});

describe('when the clocks change (last Sunday of March and of October)', () => {
  test('from Saturday noon before the March change, Monday 08:00 is 43 real hours away, not 44', () => {
    const s = statusAt('2026-03-28T12:00');
    expect(s.state === LineState.Closed && s.nextOpening.toISO()).toBe('2026-03-30T08:00:00.000+02:00');
    expect(s.state === LineState.Closed && s.minutesToOpen).toBe(43 * 60);
  });

  test('from Saturday noon before the October change, Monday 08:00 is 45 real hours away, not 44', () => {
    const s = statusAt('2026-10-24T12:00');
    expect(s.state === LineState.Closed && s.nextOpening.toISO()).toBe('2026-10-26T08:00:00.000+01:00');
    expect(s.state === LineState.Closed && s.minutesToOpen).toBe(45 * 60);
  });

  test('a UTC instant is read in Rome summer time: 05:59Z is 07:59 and 06:00Z is 08:00 on Monday 30 March', () => {
    expect(reasonOf(statusAt('2026-03-30T05:59Z'))).toBe(ClosedReason.BeforeHours);
    expect(statusAt('2026-03-30T06:00Z').state).toBe(LineState.Open);
  });

  test('a UTC instant is read in Rome winter time: 06:59Z is 07:59 and 07:00Z is 08:00 on Monday 26 October', () => {
    expect(reasonOf(statusAt('2026-10-26T06:59Z'))).toBe(ClosedReason.BeforeHours);
    expect(statusAt('2026-10-26T07:00Z').state).toBe(LineState.Open);
  });
});

describe('when "now" is given in the visitor’s zone', () => {
  test('3:00 in New York is 09:00 in Rome: open, and the answer is in Rome time', () => {
    const s = statusAt('2026-12-02T03:00-05:00');
    expect(s.state).toBe(LineState.Open);
    expect(s.at.zoneName).toBe('Europe/Rome');
    expect(s.at.toFormat('HH:mm')).toBe('09:00');
  });
});

describe('when the closure days of a year are listed', () => {
  test('2026 has the public holidays of Milan and no observances (the department announced no other closure)', () => {
    expect(lineClock.closureDays(2026).map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-01-01 holiday',
      '2026-01-06 holiday',
      '2026-04-05 holiday',
      '2026-04-06 holiday',
      '2026-04-25 holiday',
      '2026-05-01 holiday',
      '2026-06-02 holiday',
      '2026-08-15 holiday',
      '2026-10-04 holiday',
      '2026-11-01 holiday',
      '2026-12-07 holiday',
      '2026-12-08 holiday',
      '2026-12-25 holiday',
      '2026-12-26 holiday',
    ]);
  });

  test('announced closures are listed among the holidays, in date order', () => {
    expect(
      closuresClock
        .closureDays(2026)
        .filter((d) => d.date >= '2026-12-20')
        .map((d) => `${d.date} ${d.kind}`),
    ).toEqual([
      '2026-12-24 extraClosure',
      '2026-12-25 holiday',
      '2026-12-26 holiday',
      '2026-12-31 extraClosure',
    ]);
  });

  test('every holiday has a name in both languages', () => {
    for (const d of lineClock.closureDays(2027).filter((c) => c.kind === ClosureKind.Holiday)) {
      expect(d.name.en.length).toBeGreaterThan(0);
      expect(d.name.it.length).toBeGreaterThan(0);
    }
  });
});

describe('when the booking-line content is wrong', () => {
  test.each<[string, Partial<BookingLine>, RegExp]>([
    ['an unknown time zone', { timeZone: 'Europe/Milano' }, /timeZone "Europe\/Milano"/],
    ['a weekday listed twice', { weeklyHours: [...line.weeklyHours, line.weeklyHours[0]!] }, /listed twice/],
    [
      'closing before opening',
      { weeklyHours: [{ weekday: 1, opens: '16:00', closes: '08:00' }] },
      /closes \(08:00\)/,
    ],
    ['an unknown holiday country', { holidays: { country: 'XX' } }, /country "XX" is unknown/],
    ['an unknown holiday state', { holidays: { country: 'IT', state: '99' } }, /state "99" is unknown/],
    [
      'an unknown holiday region',
      { holidays: { country: 'IT', state: '25', region: 'ZZ' } },
      /region "ZZ" is unknown/,
    ],
  ])('it refuses %s at start-up, naming the field', (_label, change, message) => {
    expect(() => new BookingLineClock({ ...line, ...change })).toThrow(message);
  });
});

describe('when the wall clock is unavailable', () => {
  afterEach(() => {
    Settings.now = () => Date.now();
    jest.restoreAllMocks();
  });

  test('it still answers, because every instant comes from the caller', () => {
    const now = DateTime.fromISO('2027-03-29T10:00', { zone: 'Europe/Rome' });
    const fresh = new BookingLineClock(line);
    jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('wall clock read');
    });
    Settings.now = () => {
      throw new Error('wall clock read');
    };
    const s = fresh.status(now);
    expect(reasonOf(s)).toBe(ClosedReason.Holiday);
    expect(describeLineStatus(s, 'it', messages, 'America/New_York')).toBe(
      'Oggi il numero per le prenotazioni è chiuso per Lunedì dell’Angelo. Riapre domani alle 08:00 ora di Roma, le 02:00 nel suo fuso orario.',
    );
  });
});
