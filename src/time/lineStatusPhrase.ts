import { type DateTime, IANAZone, Info } from 'luxon';
import type { BookingLine } from '../content/bookingLineSchema';
import type { Language } from '../content/language';
import type { Messages } from '../content/messages';
import { LineMessageKey } from './lineMessageKey';
import { ClosedReason, LineState, type LineStatus } from './lineStatus';

/** At or under this many minutes the sentence counts down ("closes in 20 minutes") instead of naming the day. */
export const COUNTDOWN_MINUTES = 30;

/** Wall-clock times as people read them on a phone: 24-hour, two digits. */
const TIME_FORMAT = 'HH:mm';
/** A day named the way a reply names it: "Monday 30 November" / "lunedì 30 novembre". */
const DAY_FORMAT = 'cccc d LLLL';
/** A weekday alone: "Sunday" / "domenica". */
const WEEKDAY_FORMAT = 'cccc';

/** Where a status sentence stands, which decides how it names the line and its zone. */
export enum LineStatusPlace {
  /** On its own: it names the line ("The booking line is closed now") and says "Rome time". */
  Alone = 'alone',
  /** After text that gave the line's hours in Rome time: it names the line, but gives times without the zone. */
  AfterHours = 'afterHours',
  /** Right after the number's sentence, which named the line and its zone: "It is closed now", times alone. */
  AfterNumber = 'afterNumber',
}

/** The status sentences' keys: [naming the line, right after the number's sentence]. */
const STATUS_KEYS = {
  openUntil: [LineMessageKey.OpenUntil, LineMessageKey.AfterNumberOpenUntil],
  closingSoon: [LineMessageKey.OpenClosingSoon, LineMessageKey.AfterNumberOpenClosingSoon],
  closingInOneMinute: [
    LineMessageKey.OpenClosingInOneMinute,
    LineMessageKey.AfterNumberOpenClosingInOneMinute,
  ],
  [ClosedReason.BeforeHours]: [LineMessageKey.ClosedBeforeHours, LineMessageKey.AfterNumberClosedBeforeHours],
  [ClosedReason.AfterHours]: [LineMessageKey.ClosedAfterHours, LineMessageKey.AfterNumberClosedAfterHours],
  [ClosedReason.Weekend]: [LineMessageKey.ClosedWeekend, LineMessageKey.AfterNumberClosedWeekend],
  [ClosedReason.DayWithoutHours]: [LineMessageKey.ClosedToday, LineMessageKey.AfterNumberClosedToday],
  [ClosedReason.Holiday]: [LineMessageKey.ClosedHoliday, LineMessageKey.AfterNumberClosedHoliday],
  [ClosedReason.ExtraClosure]: [
    LineMessageKey.ClosedExtraClosure,
    LineMessageKey.AfterNumberClosedExtraClosure,
  ],
} as const satisfies Record<string, readonly [LineMessageKey, LineMessageKey]>;

function keyFor(which: keyof typeof STATUS_KEYS, place: LineStatusPlace): LineMessageKey {
  return STATUS_KEYS[which][place === LineStatusPlace.AfterNumber ? 1 : 0];
}

/**
 * One short sentence pair saying whether the booking line is open now and when it next opens or closes.
 * @param visitorZone The visitor's IANA zone (Bot Framework `localTimezone`). When it is valid and its offset at the
 * instant described differs from the line's, the visitor's own time is given as well; otherwise it is ignored.
 * @param place Alone (the default), after the hours, or right after the number's sentence, so that neither the line
 * nor "Rome time" is named twice.
 */
export function describeLineStatus(
  status: LineStatus,
  lang: Language,
  messages: Messages,
  visitorZone?: string,
  place: LineStatusPlace = LineStatusPlace.Alone,
): string {
  const zone = usableVisitorZone(visitorZone);
  if (status.state === LineState.Open) {
    const time = timePhrase(status.closesAt, lang, messages, zone, place);
    if (status.minutesToClose === 1)
      return messages.text(keyFor('closingInOneMinute', place), lang, { time });
    if (status.minutesToClose <= COUNTDOWN_MINUTES) {
      return messages.text(keyFor('closingSoon', place), lang, { minutes: status.minutesToClose, time });
    }
    return messages.text(keyFor('openUntil', place), lang, { time });
  }
  return `${closedSentence(status, lang, messages, place)} ${nextOpeningSentence(status, lang, messages, zone, place)}`;
}

/**
 * Whom to call and whether they answer now, composed as one paragraph: the number with the weekly hours (Rome
 * time), then the status without naming the line or its zone again.
 * @param forOperator word the phone sentence for a call-centre operator, who passes it on to the caller
 */
export function describeBookingLine(
  status: LineStatus,
  lang: Language,
  messages: Messages,
  line: BookingLine,
  visitorZone?: string,
  forOperator = false,
): string {
  const phone = messages.text(forOperator ? LineMessageKey.PhoneOperator : LineMessageKey.Phone, lang, {
    phone: line.phone,
    hours: hoursPhrase(line, lang, messages),
  });
  return `${phone} ${describeLineStatus(status, lang, messages, visitorZone, LineStatusPlace.AfterNumber)}`;
}

/** The first sentence when closed: why. */
function closedSentence(
  status: Extract<LineStatus, { state: LineState.Closed }>,
  lang: Language,
  m: Messages,
  place: LineStatusPlace,
): string {
  const key = keyFor(status.reason, place);
  switch (status.reason) {
    case ClosedReason.Holiday:
      return m.text(key, lang, { holiday: status.closure?.name[lang] ?? '' });
    case ClosedReason.ExtraClosure:
      return m.text(key, lang, { reason: status.closure?.name[lang] ?? '' });
    default:
      return m.text(key, lang);
  }
}

/** The second sentence when closed: when it opens. */
function nextOpeningSentence(
  status: Extract<LineStatus, { state: LineState.Closed }>,
  lang: Language,
  m: Messages,
  visitorZone: string | undefined,
  place: LineStatusPlace,
): string {
  const { at, nextOpening, minutesToOpen } = status;
  const time = timePhrase(nextOpening, lang, m, visitorZone, place);
  if (minutesToOpen === 1) return m.text(LineMessageKey.OpensInOneMinute, lang, { time });
  if (minutesToOpen <= COUNTDOWN_MINUTES)
    return m.text(LineMessageKey.OpensSoon, lang, { minutes: minutesToOpen, time });
  // "today"/"tomorrow" are the line's days; say them only when they are the visitor's days too.
  if (sameCalendarDay(at, visitorZone) && sameCalendarDay(nextOpening, visitorZone)) {
    const daysAhead = nextOpening.startOf('day').diff(at.startOf('day'), 'days').days;
    if (Math.round(daysAhead) === 0) return m.text(LineMessageKey.OpensToday, lang, { time });
    if (Math.round(daysAhead) === 1) return m.text(LineMessageKey.OpensTomorrow, lang, { time });
  }
  return m.text(LineMessageKey.OpensOn, lang, {
    day: nextOpening.setLocale(lang).toFormat(DAY_FORMAT),
    time,
  });
}

/**
 * "08:00 Rome time" ("08:00" after text that said the hours are Rome time), or with the visitor's own time when
 * their clock shows something else at that instant.
 */
function timePhrase(
  instant: DateTime,
  lang: Language,
  m: Messages,
  visitorZone: string | undefined,
  place: LineStatusPlace,
): string {
  const rome = instant.toFormat(TIME_FORMAT);
  const lineTime = place === LineStatusPlace.Alone ? LineMessageKey.TimeRome : LineMessageKey.TimeWithoutZone;
  if (visitorZone === undefined) return m.text(lineTime, lang, { rome });
  const visitorInstant = instant.setZone(visitorZone).setLocale(lang);
  if (visitorInstant.offset === instant.offset) return m.text(lineTime, lang, { rome });
  const visitor = visitorInstant.toFormat(TIME_FORMAT);
  if (visitorInstant.toISODate() === instant.toISODate()) {
    return m.text(LineMessageKey.TimeRomeAndVisitor, lang, { rome, visitor });
  }
  const visitorDay = visitorInstant.toFormat(WEEKDAY_FORMAT);
  return m.text(LineMessageKey.TimeRomeAndVisitorOtherDay, lang, { rome, visitor, visitorDay });
}

/** True when the instant falls on the same calendar date for the visitor as for the line. */
function sameCalendarDay(instant: DateTime, visitorZone: string | undefined): boolean {
  return visitorZone === undefined || instant.setZone(visitorZone).toISODate() === instant.toISODate();
}

/** The visitor's zone when it is a real IANA zone, otherwise undefined (silently: the line's time is always right). */
function usableVisitorZone(visitorZone: string | undefined): string | undefined {
  return visitorZone !== undefined && IANAZone.isValidZone(visitorZone) ? visitorZone : undefined;
}

/** "Monday to Friday 08:00–16:00" from the weekly hours, runs of consecutive days with equal hours grouped. */
function hoursPhrase(line: BookingLine, lang: Language, m: Messages): string {
  const names = Info.weekdays('long', { locale: lang });
  const sorted = [...line.weeklyHours].sort((a, b) => a.weekday - b.weekday);
  const runs: Array<{ from: number; to: number; opens: string; closes: string }> = [];
  for (const h of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.to === h.weekday - 1 && last.opens === h.opens && last.closes === h.closes)
      last.to = h.weekday;
    else runs.push({ from: h.weekday, to: h.weekday, opens: h.opens, closes: h.closes });
  }
  return runs
    .map((r) => {
      const vars = { opens: r.opens, closes: r.closes };
      const from = names[r.from - 1] ?? '';
      if (r.from === r.to) return m.text(LineMessageKey.HoursOneDay, lang, { ...vars, day: from });
      return m.text(LineMessageKey.HoursRange, lang, { ...vars, from, to: names[r.to - 1] ?? '' });
    })
    .join('; ');
}
