import type { BookingLine } from '../content/bookingLineSchema';
import type { Language } from '../content/language';
import type { Messages } from '../content/messages';
import type { BookingLineDesk } from '../dialogs/triageServices';
import type { BookingLineClock } from './bookingLineClock';
import type { Clock } from './clock';
import { describeBookingLine, describeLineStatus } from './lineStatusPhrase';

/** The booking line as the dialogs say it: number, hours and live status at the clock's current instant. */
export class LiveBookingLine implements BookingLineDesk {
  constructor(
    private readonly line: BookingLine,
    private readonly lineClock: BookingLineClock,
    private readonly messages: Messages,
    private readonly clock: Clock,
  ) {}

  describe(lang: Language, visitorZone?: string): string {
    return describeBookingLine(
      this.lineClock.status(this.clock.now()),
      lang,
      this.messages,
      this.line,
      visitorZone,
    );
  }

  status(lang: Language, visitorZone?: string): string {
    return describeLineStatus(this.lineClock.status(this.clock.now()), lang, this.messages, visitorZone);
  }

  summary(lang: Language): string {
    return describeLineStatus(this.lineClock.status(this.clock.now()), lang, this.messages);
  }
}
