import Holidays from 'date-holidays';
import { DateTime, IANAZone } from 'luxon';
import type { BookingLine } from '../content/bookingLineSchema';
import { LANGUAGES, type LocalizedText } from '../content/language';
import { type ClosureDay, ClosureKind } from './closureDay';
import { ClosedReason, LineState, type LineStatus } from './lineStatus';

/** How far ahead the next opening is searched before the content is declared broken. */
const MAX_DAYS_AHEAD = 400;

/** The date-holidays type whose days close the line (it also lists observances such as Mother's Day). */
const CLOSING_HOLIDAY_TYPE = 'public';

/** ISO weekdays of the weekend. */
const WEEKEND: ReadonlySet<number> = new Set([6, 7]);

/** Opening hours of one weekday, as minutes after midnight. */
interface DayHours {
  readonly opens: number;
  readonly closes: number;
}

/**
 * Answers "is the booking line open now, and when does it next open?" for one {@link BookingLine}.
 * @remarks Build it once at start-up. Hours and extra closures are indexed in the constructor; public holidays
 * are computed by date-holidays once per year on first use (a few milliseconds) and then kept, so a call to
 * {@link status} is a handful of map lookups. The instant always comes from the caller: nothing here reads
 * the wall clock.
 */
export class BookingLineClock {
  /** The line's IANA zone, e.g. `Europe/Rome`. */
  readonly timeZone: string;
  private readonly hoursByWeekday: ReadonlyMap<number, DayHours>;
  private readonly extraClosures: ReadonlyMap<string, ClosureDay>;
  private readonly holidays: Holidays;
  private readonly holidaysByYear = new Map<number, ReadonlyMap<string, ClosureDay>>();

  /**
   * Indexes the line's facts.
   * @throws Error when the zone, a weekday's hours or the holiday country/state/region cannot be used.
   */
  constructor(line: BookingLine) {
    if (!IANAZone.isValidZone(line.timeZone)) {
      throw new Error(
        `booking-line.json: timeZone "${line.timeZone}" is not an IANA zone such as "Europe/Rome".`,
      );
    }
    this.timeZone = line.timeZone;
    this.hoursByWeekday = indexHours(line.weeklyHours);
    this.extraClosures = new Map(
      line.extraClosures.map((c) => [
        c.date,
        { date: c.date, kind: ClosureKind.ExtraClosure, name: { en: c.reason, it: c.reason } },
      ]),
    );
    this.holidays = openHolidays(line.holidays);
  }

  /** What the line is doing at `now` (any zone; the answer is given in the line's zone). */
  status(now: DateTime): LineStatus {
    const at = now.setZone(this.timeZone);
    if (!at.isValid)
      throw new Error(`BookingLineClock.status: invalid instant (${now.invalidExplanation ?? ''}).`);
    const hours = this.hoursByWeekday.get(at.weekday);
    const closure = this.closureOn(at);

    if (hours && !closure) {
      const opensAt = atMinuteOfDay(at, hours.opens);
      const closesAt = atMinuteOfDay(at, hours.closes);
      if (at >= opensAt && at < closesAt) {
        return { state: LineState.Open, at, closesAt, minutesToClose: minutesBetween(at, closesAt) };
      }
      const nextOpening = at < opensAt ? opensAt : this.openingAfter(at);
      const reason = at < opensAt ? ClosedReason.BeforeHours : ClosedReason.AfterHours;
      return {
        state: LineState.Closed,
        at,
        reason,
        nextOpening,
        minutesToOpen: minutesBetween(at, nextOpening),
      };
    }

    const nextOpening = this.openingAfter(at);
    const base = {
      state: LineState.Closed,
      at,
      nextOpening,
      minutesToOpen: minutesBetween(at, nextOpening),
    } as const;
    if (closure) {
      const reason = closure.kind === ClosureKind.Holiday ? ClosedReason.Holiday : ClosedReason.ExtraClosure;
      return { ...base, reason, closure };
    }
    return { ...base, reason: WEEKEND.has(at.weekday) ? ClosedReason.Weekend : ClosedReason.DayWithoutHours };
  }

  /**
   * Every holiday and extra closure in a year, by date (also those on a weekend).
   * @remarks When a date is both, the holiday is listed: its name exists in both languages.
   */
  closureDays(year: number): ClosureDay[] {
    const byDate = new Map<string, ClosureDay>();
    for (const [date, c] of this.extraClosures) if (date.startsWith(`${year}-`)) byDate.set(date, c);
    for (const [date, c] of this.holidaysIn(year)) byDate.set(date, c);
    return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** The first opening on a day after the day of `at`. */
  private openingAfter(at: DateTime): DateTime {
    for (let ahead = 1; ahead <= MAX_DAYS_AHEAD; ahead++) {
      const day = at.plus({ days: ahead });
      const hours = this.hoursByWeekday.get(day.weekday);
      if (hours && !this.closureOn(day)) return atMinuteOfDay(day, hours.opens);
    }
    throw new Error(
      `booking-line.json: the line never opens in the ${MAX_DAYS_AHEAD} days after ${at.toISODate() ?? ''}; ` +
        'check weeklyHours and extraClosures.',
    );
  }

  /** The holiday or extra closure on the line-zone date of `day`, if any (the holiday wins when both). */
  private closureOn(day: DateTime): ClosureDay | undefined {
    const iso = isoDate(day);
    return this.holidaysIn(day.year).get(iso) ?? this.extraClosures.get(iso);
  }

  /** The public holidays of a year by date, computed once. */
  private holidaysIn(year: number): ReadonlyMap<string, ClosureDay> {
    const cached = this.holidaysByYear.get(year);
    if (cached) return cached;
    const names = new Map<string, Partial<Record<keyof LocalizedText, string>>>();
    for (const lang of LANGUAGES) {
      for (const h of this.holidays.getHolidays(year, lang)) {
        if (h.type !== CLOSING_HOLIDAY_TYPE) continue;
        const date = h.date.slice(0, 10);
        const entry = names.get(date) ?? {};
        entry[lang] ??= h.name;
        names.set(date, entry);
      }
    }
    const days = new Map<string, ClosureDay>();
    for (const [date, n] of names) {
      const fallback = n.it ?? n.en ?? date;
      days.set(date, {
        date,
        kind: ClosureKind.Holiday,
        name: { en: n.en ?? fallback, it: n.it ?? fallback },
      });
    }
    this.holidaysByYear.set(year, days);
    return days;
  }
}

/** Whole minutes from `from` to `to`, rounded up, measured in real elapsed time. */
function minutesBetween(from: DateTime, to: DateTime): number {
  return Math.ceil(to.diff(from, 'minutes').minutes);
}

/**
 * The same date as `day` at a wall-clock minute, in `day`'s zone.
 * @remarks Derived from `day` rather than built with `DateTime.fromObject`, which consults the wall clock.
 */
function atMinuteOfDay(day: DateTime, minuteOfDay: number): DateTime {
  return day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0, millisecond: 0 });
}

/** `YYYY-MM-DD` of a date-time's calendar date. */
function isoDate(d: DateTime): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Minutes after midnight of an `HH:MM` text (already shape-checked by the schema). */
function minutesOf(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Weekly hours by ISO weekday, checked for one interval per day that closes after it opens. */
function indexHours(weeklyHours: BookingLine['weeklyHours']): ReadonlyMap<number, DayHours> {
  const byWeekday = new Map<number, DayHours>();
  for (const h of weeklyHours) {
    if (byWeekday.has(h.weekday)) {
      throw new Error(
        `booking-line.json: weekday ${h.weekday} is listed twice; give one interval per weekday.`,
      );
    }
    const hours = { opens: minutesOf(h.opens), closes: minutesOf(h.closes) };
    if (hours.closes <= hours.opens) {
      throw new Error(
        `booking-line.json: weekday ${h.weekday} closes (${h.closes}) before it opens (${h.opens}).`,
      );
    }
    byWeekday.set(h.weekday, hours);
  }
  return byWeekday;
}

/** A date-holidays calendar for the line, refusing codes date-holidays does not know. */
function openHolidays({ country, state, region }: BookingLine['holidays']): Holidays {
  const holidays = new Holidays();
  const fix = 'use the codes date-holidays lists (e.g. country "IT", state "25", region "MI")';
  if (!(country in holidays.getCountries())) {
    throw new Error(`booking-line.json: holidays.country "${country}" is unknown; ${fix}.`);
  }
  if (state !== undefined && !(state in (holidays.getStates(country) ?? {}))) {
    throw new Error(`booking-line.json: holidays.state "${state}" is unknown for ${country}; ${fix}.`);
  }
  if (
    region !== undefined &&
    (state === undefined || !(region in (holidays.getRegions(country, state) ?? {})))
  ) {
    throw new Error(
      `booking-line.json: holidays.region "${region}" is unknown for ${country}/${state ?? '?'}; ${fix}.`,
    );
  }
  holidays.init({ country, state, region });
  return holidays;
}
