import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bookingLineSchema, type BookingLine } from '../../src/content/bookingLineSchema';
import type { Language } from '../../src/content/language';
import { Messages } from '../../src/content/messages';
import { messagesFileSchema } from '../../src/content/messagesSchema';
import { BookingLineClock } from '../../src/time/bookingLineClock';
import { fixedClock } from '../../src/time/clock';
import type { LineStatus } from '../../src/time/lineStatus';
import { describeLineStatus } from '../../src/time/lineStatusPhrase';

/** Parsed JSON of a file under the project root. */
export function readProjectJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', relativePath), 'utf8'));
}

/** The booking line as the department publishes it (knowledge/booking-line.json). */
export const line: BookingLine = bookingLineSchema.parse(readProjectJson('knowledge/booking-line.json'));

/** The booking-line sentences (dialogs/messages/line.json). */
export const messages = new Messages(
  messagesFileSchema.parse(readProjectJson('dialogs/messages/line.json')).messages,
);

/** One clock for the real line, built once as the bot does. */
export const lineClock = new BookingLineClock(line);

/**
 * The real line plus two closures as a department notice would announce them (the real file has none: the
 * department announced none), to test how announced closures are kept.
 */
export const lineWithClosures: BookingLine = {
  ...line,
  extraClosures: [
    {
      date: '2026-12-24',
      reason: 'Vigilia di Natale / Christmas Eve',
      source: 'Test fixture: department notice of 1 December 2026',
    },
    {
      date: '2026-12-31',
      reason: "San Silvestro / New Year's Eve",
      source: 'Test fixture: department notice of 1 December 2026',
    },
  ],
};

/** A clock for {@link lineWithClosures}. */
export const closuresClock = new BookingLineClock(lineWithClosures);

/** The status of {@link lineWithClosures} at an ISO time (Rome when no offset). */
export function statusWithClosuresAt(iso: string): LineStatus {
  return closuresClock.status(fixedClock(iso).now());
}

/** The line's status at an ISO time; without an offset the time is read in Rome. */
export function statusAt(iso: string): LineStatus {
  return lineClock.status(fixedClock(iso).now());
}

/** What the bot says about the line at an ISO time (Rome when no offset), in a language, for a visitor's zone. */
export function sayAt(iso: string, lang: Language = 'en', visitorZone?: string): string {
  return describeLineStatus(statusAt(iso), lang, messages, visitorZone);
}

/** What the bot says about {@link lineWithClosures} at an ISO time. */
export function sayWithClosuresAt(iso: string, lang: Language = 'en'): string {
  return describeLineStatus(statusWithClosuresAt(iso), lang, messages);
}
