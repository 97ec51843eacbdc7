import { bookingLineSchema } from '../../src/content/bookingLineSchema';
import { placeholdersOf } from '../../src/content/messages';
import { messagesFileSchema } from '../../src/content/messagesSchema';
import { LineMessageKey } from '../../src/time/lineMessageKey';
import { readProjectJson } from './lineFixtures';

describe('the booking line facts (knowledge/booking-line.json)', () => {
  const line = bookingLineSchema.parse(readProjectJson('knowledge/booking-line.json'));

  test('it gives the number and the hours published on the department page', () => {
    expect(line.phone).toBe('+39 02 5748 9001');
    expect(line.timeZone).toBe('Europe/Rome');
    expect(line.weeklyHours.map((h) => `${h.weekday} ${h.opens}-${h.closes}`)).toEqual([
      '1 08:00-16:00',
      '2 08:00-16:00',
      '3 08:00-16:00',
      '4 08:00-16:00',
      '5 08:00-16:00',
    ]);
  });

  test("it uses Milan's public holidays and adds no closure the department did not announce", () => {
    expect(line.holidays).toEqual({ country: 'IT', state: '25', region: 'MI' });
    expect(line.extraClosures).toEqual([]);
  });

  test('a closure without a source is refused, naming the field', () => {
    const parsed = bookingLineSchema.safeParse({
      ...line,
      extraClosures: [{ date: '2026-12-24', reason: 'Christmas Eve' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['extraClosures.0.source']);
  });
});

describe('the booking-line sentences (dialogs/messages/line.json)', () => {
  const file = messagesFileSchema.parse(readProjectJson('dialogs/messages/line.json'));
  const keys = Object.keys(file.messages);

  test('it has every sentence the engine uses, and no other', () => {
    expect([...keys].sort()).toEqual([...Object.values(LineMessageKey)].sort());
  });

  test.each(keys)('%s has the same placeholders in English and Italian', (key) => {
    const text = file.messages[key]!;
    expect(placeholdersOf(text.it)).toEqual(placeholdersOf(text.en));
  });
});
