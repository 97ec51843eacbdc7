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

/** The line's status at an ISO time; without an offset the time is read in Rome. */
export function statusAt(iso: string): LineStatus {
  return lineClock.status(fixedClock(iso).now());
}

/** What the bot says about the line at an ISO time (Rome when no offset), in a language, for a visitor's zone. */
export function sayAt(iso: string, lang: Language = 'en', visitorZone?: string): string {
  return describeLineStatus(statusAt(iso), lang, messages, visitorZone);
}
