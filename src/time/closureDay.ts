import type { LocalizedText } from '../content/language';

/** Why a whole day is closed even though it is a weekday with opening hours. */
export enum ClosureKind {
  /** A public holiday computed by date-holidays for the line's country/state/region. */
  Holiday = 'holiday',
  /** A date an operator listed in `extraClosures` of `knowledge/booking-line.json`. */
  ExtraClosure = 'extraClosure',
}

/** One day on which the booking line stays closed all day. */
export interface ClosureDay {
  /** The calendar date in the line's zone, `YYYY-MM-DD`. */
  readonly date: string;
  /** Whether it is a public holiday or an operator's extra closure. */
  readonly kind: ClosureKind;
  /**
   * What to call the day: the holiday's localized name, or the operator's reason.
   * @remarks The content schema gives an extra closure one `reason` string, so both languages carry it as written.
   */
  readonly name: LocalizedText;
}
