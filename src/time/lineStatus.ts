import type { DateTime } from 'luxon';
import type { ClosureDay } from './closureDay';

/** Whether the booking line answers right now. */
export enum LineState {
  /** Within opening hours on a working day. */
  Open = 'open',
  /** Outside opening hours, on a day without hours, or on a closure day. */
  Closed = 'closed',
}

/** Why the booking line is closed right now. */
export enum ClosedReason {
  /** Saturday or Sunday, which have no opening hours. */
  Weekend = 'weekend',
  /** A Monday–Friday that has no opening hours in `weeklyHours`. */
  DayWithoutHours = 'dayWithoutHours',
  /** A public holiday; the status carries its name. */
  Holiday = 'holiday',
  /** An operator's extra closure; the status carries its reason. */
  ExtraClosure = 'extraClosure',
  /** A working day, before the line opens. */
  BeforeHours = 'beforeHours',
  /** A working day, after the line has closed. */
  AfterHours = 'afterHours',
}

/** The line is open: when it closes and how soon. */
export interface OpenLineStatus {
  /** Always {@link LineState.Open}. */
  readonly state: LineState.Open;
  /** The instant asked about, in the line's zone. */
  readonly at: DateTime;
  /** When the line closes today, in the line's zone. */
  readonly closesAt: DateTime;
  /** Whole minutes until closing, rounded up (1 during the last minute, never 0). */
  readonly minutesToClose: number;
}

/** The line is closed: why, and when it next opens. */
export interface ClosedLineStatus {
  /** Always {@link LineState.Closed}. */
  readonly state: LineState.Closed;
  /** The instant asked about, in the line's zone. */
  readonly at: DateTime;
  /** Why it is closed now. */
  readonly reason: ClosedReason;
  /** Today's holiday or extra closure, when {@link reason} is one of those. */
  readonly closure?: ClosureDay;
  /** The next instant the line opens, skipping weekends, holidays and extra closures, in the line's zone. */
  readonly nextOpening: DateTime;
  /** Whole minutes until the next opening, rounded up; real elapsed minutes, so DST changes count. */
  readonly minutesToOpen: number;
}

/** What the booking line is doing at one instant. */
export type LineStatus = OpenLineStatus | ClosedLineStatus;
