import type { BookingLine } from '../content/bookingLineSchema';
import type { Language } from '../content/language';
import type { Messages } from '../content/messages';
import type { BookingLineDesk } from '../dialogs/triageServices';
import type { BookingLineClock } from './bookingLineClock';
import type { Clock } from './clock';
import type { LineStatus } from './lineStatus';
import { describeBookingLine, describeLineStatus, LineStatusPlace } from './lineStatusPhrase';

/** Milliseconds in a minute: the line's hours, zones and countdowns all change on whole minutes. */
const MINUTE_MS = 60_000;

/** Most sentences remembered within one minute (visitor zones come from the client; this bounds them). */
const MAX_SENTENCES_PER_MINUTE = 256;

/**
 * The booking line as the dialogs say it: number, hours and live status at the clock's current instant.
 * @remarks Every sentence depends only on the minute of the instant (hours, closures and zone offsets are whole
 * minutes and countdowns round up to the minute), so sentences are remembered until the clock's minute changes.
 */
export class LiveBookingLine implements BookingLineDesk {
  private minute = Number.NaN;
  private readonly sentences = new Map<string, string>();

  constructor(
    private readonly line: BookingLine,
    private readonly lineClock: BookingLineClock,
    private readonly messages: Messages,
    private readonly clock: Clock,
  ) {}

  describe(lang: Language, visitorZone?: string, forOperator = false): string {
    return this.remembered(`d ${lang} ${visitorZone ?? ''} ${forOperator ? 'o' : 'p'}`, (status) =>
      describeBookingLine(status, lang, this.messages, this.line, visitorZone, forOperator),
    );
  }

  status(lang: Language, visitorZone?: string, place: LineStatusPlace = LineStatusPlace.Alone): string {
    return this.remembered(`s ${lang} ${place} ${visitorZone ?? ''}`, (status) =>
      describeLineStatus(status, lang, this.messages, visitorZone, place),
    );
  }

  summary(lang: Language): string {
    return this.remembered(`u ${lang}`, (status) => describeLineStatus(status, lang, this.messages));
  }

  /** The sentence for `key` in the clock's current minute, computed on first use in that minute. */
  private remembered(key: string, sentence: (status: LineStatus) => string): string {
    const now = this.clock.now();
    const minute = Math.floor(now.toMillis() / MINUTE_MS);
    if (minute !== this.minute || this.sentences.size >= MAX_SENTENCES_PER_MINUTE) {
      this.minute = minute;
      this.sentences.clear();
    }
    const known = this.sentences.get(key);
    if (known !== undefined) return known;
    const text = sentence(this.lineClock.status(now));
    this.sentences.set(key, text);
    return text;
  }
}
