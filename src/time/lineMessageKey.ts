/**
 * Every message key the booking-line sentences use; the texts live in `dialogs/messages/line.json`.
 * @remarks `Object.values(LineMessageKey)` lists them all, for the start-up check that every key exists.
 */
export enum LineMessageKey {
  /** Whom to call: `{phone}` and `{hours}`. */
  Phone = 'line.phone',
  /** The same for an operator, who gives it to the caller: `{phone}` and `{hours}`. */
  PhoneOperator = 'line.phoneOperator',
  /** A run of weekdays with the same hours: `{from}`, `{to}`, `{opens}`, `{closes}`. */
  HoursRange = 'line.hoursRange',
  /** One weekday's hours: `{day}`, `{opens}`, `{closes}`. */
  HoursOneDay = 'line.hoursOneDay',
  /** Open, closing later than the countdown: `{time}`. */
  OpenUntil = 'line.openUntil',
  /** Open, closing within the countdown: `{minutes}`, `{time}`. */
  OpenClosingSoon = 'line.openClosingSoon',
  /** Open during its last minute: `{time}`. */
  OpenClosingInOneMinute = 'line.openClosingInOneMinute',
  /** Closed: a working day before opening. */
  ClosedBeforeHours = 'line.closedBeforeHours',
  /** Closed: a working day after closing. */
  ClosedAfterHours = 'line.closedAfterHours',
  /** Closed: Saturday or Sunday. */
  ClosedWeekend = 'line.closedWeekend',
  /** Closed: a weekday without hours. */
  ClosedToday = 'line.closedToday',
  /** Closed: a public holiday, `{holiday}` its name. */
  ClosedHoliday = 'line.closedHoliday',
  /** Closed: an operator's extra closure, `{reason}` as written. */
  ClosedExtraClosure = 'line.closedExtraClosure',
  /** {@link OpenUntil} right after the number's sentence, which named the line: `{time}`. */
  AfterNumberOpenUntil = 'line.afterNumber.openUntil',
  /** {@link OpenClosingSoon} after the number's sentence: `{minutes}`, `{time}`. */
  AfterNumberOpenClosingSoon = 'line.afterNumber.openClosingSoon',
  /** {@link OpenClosingInOneMinute} after the number's sentence: `{time}`. */
  AfterNumberOpenClosingInOneMinute = 'line.afterNumber.openClosingInOneMinute',
  /** {@link ClosedBeforeHours} after the number's sentence. */
  AfterNumberClosedBeforeHours = 'line.afterNumber.closedBeforeHours',
  /** {@link ClosedAfterHours} after the number's sentence. */
  AfterNumberClosedAfterHours = 'line.afterNumber.closedAfterHours',
  /** {@link ClosedWeekend} after the number's sentence. */
  AfterNumberClosedWeekend = 'line.afterNumber.closedWeekend',
  /** {@link ClosedToday} after the number's sentence. */
  AfterNumberClosedToday = 'line.afterNumber.closedToday',
  /** {@link ClosedHoliday} after the number's sentence: `{holiday}`. */
  AfterNumberClosedHoliday = 'line.afterNumber.closedHoliday',
  /** {@link ClosedExtraClosure} after the number's sentence: `{reason}`. */
  AfterNumberClosedExtraClosure = 'line.afterNumber.closedExtraClosure',
  /** Opens later today: `{time}`. */
  OpensToday = 'line.opensToday',
  /** Opens tomorrow: `{time}`. */
  OpensTomorrow = 'line.opensTomorrow',
  /** Opens on a named day: `{day}`, `{time}`. */
  OpensOn = 'line.opensOn',
  /** Opens within the countdown: `{minutes}`, `{time}`. */
  OpensSoon = 'line.opensSoon',
  /** Opens in one minute: `{time}`. */
  OpensInOneMinute = 'line.opensInOneMinute',
  /** A time in the line's zone: `{rome}`. */
  TimeRome = 'line.timeRome',
  /** A time in the line's zone after text that already said the hours are Rome time: `{rome}`. */
  TimeWithoutZone = 'line.timeWithoutZone',
  /** A time in the line's zone and the visitor's, same date: `{rome}`, `{visitor}`. */
  TimeRomeAndVisitor = 'line.timeRomeAndVisitor',
  /** A time in the line's zone and the visitor's, on another date there: `{rome}`, `{visitor}`, `{visitorDay}`. */
  TimeRomeAndVisitorOtherDay = 'line.timeRomeAndVisitorOtherDay',
}
