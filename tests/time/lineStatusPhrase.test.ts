import type { BookingLine } from '../../src/content/bookingLineSchema';
import { BookingLineClock } from '../../src/time/bookingLineClock';
import { fixedClock } from '../../src/time/clock';
import { describeBookingLine, describeLineStatus, LineStatusPlace } from '../../src/time/lineStatusPhrase';
import { line, messages, sayAt, sayWithClosuresAt, statusAt } from './lineFixtures';

describe('when the line is open', () => {
  test('it says until when, in Rome time', () => {
    expect(sayAt('2026-12-02T10:00')).toBe('The booking line is open now until 16:00 Rome time.');
    expect(sayAt('2026-12-02T10:00', 'it')).toBe(
      'Il numero per le prenotazioni è aperto adesso, fino alle 16:00 ora di Roma.',
    );
  });

  test('within the last 30 minutes it counts down to closing', () => {
    expect(sayAt('2026-12-02T15:40')).toBe(
      'The booking line is open now and closes in 20 minutes, at 16:00 Rome time.',
    );
    expect(sayAt('2026-12-02T15:40', 'it')).toBe(
      'Il numero per le prenotazioni è aperto adesso e chiude tra 20 minuti, alle 16:00 ora di Roma.',
    );
    expect(sayAt('2026-12-02T15:30')).toMatch(/closes in 30 minutes/);
  });

  test('31 minutes before closing it does not count down yet', () => {
    expect(sayAt('2026-12-02T15:29')).toBe('The booking line is open now until 16:00 Rome time.');
  });

  test('in the last minute it says "one minute", not "1 minutes"', () => {
    expect(sayAt('2026-12-02T15:59')).toBe(
      'The booking line is open now but closes in one minute, at 16:00 Rome time.',
    );
    expect(sayAt('2026-12-02T15:59', 'it')).toMatch(/chiude tra un minuto, alle 16:00 ora di Roma\.$/);
  });
});

describe('when the line is closed on a working day', () => {
  test('after hours on Friday it names Monday, with the date', () => {
    expect(sayAt('2026-11-27T16:00')).toBe(
      'The booking line is closed now. It opens again on Monday 30 November at 08:00 Rome time.',
    );
  });

  test('after hours on Tuesday it says "tomorrow"', () => {
    expect(sayAt('2026-12-01T18:30')).toBe(
      'The booking line is closed now. It opens again tomorrow at 08:00 Rome time.',
    );
    expect(sayAt('2026-12-01T18:30', 'it')).toBe(
      'Il numero per le prenotazioni adesso è chiuso. Riapre domani alle 08:00 ora di Roma.',
    );
  });

  test('early in the morning it says "today"', () => {
    expect(sayAt('2026-12-02T06:00')).toBe(
      'The booking line is not open yet. It opens today at 08:00 Rome time.',
    );
    expect(sayAt('2026-12-02T06:00', 'it')).toBe(
      'Il numero per le prenotazioni non è ancora aperto. Apre oggi alle 08:00 ora di Roma.',
    );
  });

  test('within 30 minutes of opening it counts down', () => {
    expect(sayAt('2026-12-02T07:45')).toBe(
      'The booking line is not open yet. It opens in 15 minutes, at 08:00 Rome time.',
    );
    expect(sayAt('2026-12-02T07:59', 'it')).toMatch(/Apre tra un minuto, alle 08:00 ora di Roma\.$/);
  });
});

describe('when the line is closed for the weekend, a holiday or an extra closure', () => {
  test('at the weekend it says so and names Monday', () => {
    expect(sayAt('2026-11-28T11:00')).toBe(
      'The booking line is closed at the weekend. It opens again on Monday 30 November at 08:00 Rome time.',
    );
  });

  test("on Sant'Ambrogio it names the holiday and the day after the Immacolata, in Italian with Italian names", () => {
    expect(sayAt('2026-12-07T09:00', 'it')).toBe(
      "Oggi il numero per le prenotazioni è chiuso per Sant'Ambrogio. Riapre mercoledì 9 dicembre alle 08:00 ora di Roma.",
    );
  });

  test('on Easter Monday it names the holiday in English and opens tomorrow', () => {
    expect(sayAt('2027-03-29T10:00')).toBe(
      'The booking line is closed today for Easter Monday. It opens again tomorrow at 08:00 Rome time.',
    );
  });

  test('on a closure the department announced it gives the announced reason', () => {
    expect(sayWithClosuresAt('2026-12-31T10:00')).toBe(
      "The booking line is closed today (San Silvestro / New Year's Eve). It opens again on Monday 4 January at 08:00 Rome time.",
    );
    expect(sayWithClosuresAt('2026-12-31T10:00', 'it')).toBe(
      "Oggi il numero per le prenotazioni è chiuso (San Silvestro / New Year's Eve). Riapre lunedì 4 gennaio alle 08:00 ora di Roma.",
    );
  });
});

describe('when the visitor is in another time zone', () => {
  test('in New York in winter it adds the visitor’s time, six hours earlier', () => {
    expect(sayAt('2026-11-27T16:00', 'en', 'America/New_York')).toBe(
      'The booking line is closed now. It opens again on Monday 30 November at 08:00 in Rome, 02:00 your time.',
    );
    expect(sayAt('2026-11-27T16:00', 'it', 'America/New_York')).toBe(
      'Il numero per le prenotazioni adesso è chiuso. Riapre lunedì 30 novembre alle 08:00 ora di Roma, le 02:00 nel suo fuso orario.',
    );
  });

  test('in London it is one hour earlier', () => {
    expect(sayAt('2026-12-02T10:00', 'en', 'Europe/London')).toBe(
      'The booking line is open now until 16:00 in Rome, 15:00 your time.',
    );
  });

  test('in Tokyo closing time falls after midnight, so the visitor’s weekday is named', () => {
    expect(sayAt('2026-12-02T10:00', 'en', 'Asia/Tokyo')).toBe(
      'The booking line is open now until 16:00 in Rome, Thursday at 00:00 your time.',
    );
    expect(sayAt('2026-12-02T10:00', 'it', 'Asia/Tokyo')).toBe(
      'Il numero per le prenotazioni è aperto adesso, fino alle 16:00 ora di Roma, giovedì alle 00:00 nel suo fuso orario.',
    );
  });

  test('in Tokyo in summer (Italy on daylight time, Japan not) closing is 23:00 the same day', () => {
    expect(sayAt('2026-06-03T10:00', 'en', 'Asia/Tokyo')).toBe(
      'The booking line is open now until 16:00 in Rome, 23:00 your time.',
    );
  });

  test('in Tokyo, when Rome’s "tomorrow" is already the visitor’s today, it names the date instead', () => {
    // Tuesday 20:00 in Rome is Wednesday 04:00 in Tokyo: "tomorrow" would be wrong for the visitor.
    expect(sayAt('2026-12-01T20:00', 'en', 'Asia/Tokyo')).toBe(
      'The booking line is closed now. It opens again on Wednesday 2 December at 08:00 in Rome, 16:00 your time.',
    );
    expect(sayAt('2026-12-01T20:00', 'en', 'Europe/London')).toBe(
      'The booking line is closed now. It opens again tomorrow at 08:00 in Rome, 07:00 your time.',
    );
  });

  test('in Los Angeles Monday 08:00 in Rome is still Sunday evening, and it says so', () => {
    expect(sayAt('2026-11-27T20:00', 'en', 'America/Los_Angeles')).toBe(
      'The booking line is closed now. It opens again on Monday 30 November at 08:00 in Rome, Sunday at 23:00 your time.',
    );
    expect(sayAt('2026-11-27T20:00', 'it', 'America/Los_Angeles')).toMatch(
      /Riapre lunedì 30 novembre alle 08:00 ora di Roma, domenica alle 23:00 nel suo fuso orario\.$/,
    );
  });

  test('in a zone with Rome’s offset (Paris) it gives Rome time only', () => {
    expect(sayAt('2026-12-02T10:00', 'en', 'Europe/Paris')).toBe(
      'The booking line is open now until 16:00 Rome time.',
    );
  });

  test.each([['Mars/Olympus'], [''], ['not a zone'], ['+01:00']])(
    'with an invalid zone (%j) it falls back to Rome time without complaint',
    (zone) => {
      expect(sayAt('2026-11-27T16:00', 'en', zone)).toBe(sayAt('2026-11-27T16:00'));
      expect(sayAt('2026-11-27T16:00', 'en', zone)).toMatch(/08:00 Rome time\.$/);
    },
  );
});

describe('when the clocks change and the visitor is abroad', () => {
  test('while America has changed and Europe has not, New York is five hours behind Rome', () => {
    expect(sayAt('2026-03-20T16:00', 'en', 'America/New_York')).toMatch(
      /Monday 23 March at 08:00 in Rome, 03:00 your time\.$/,
    );
  });

  test('once Europe has changed too (Sunday 29 March), New York is six hours behind again', () => {
    expect(sayAt('2026-03-27T16:00', 'en', 'America/New_York')).toMatch(
      /Monday 30 March at 08:00 in Rome, 02:00 your time\.$/,
    );
  });

  test('after Europe goes back in October and before America does, New York is five hours behind', () => {
    expect(sayAt('2026-10-23T16:00', 'en', 'America/New_York')).toMatch(
      /Monday 26 October at 08:00 in Rome, 03:00 your time\.$/,
    );
  });

  test('London changes with Rome, so it stays one hour behind across the change', () => {
    expect(sayAt('2026-03-27T16:00', 'en', 'Europe/London')).toMatch(/08:00 in Rome, 07:00 your time\.$/);
    expect(sayAt('2026-10-23T16:00', 'en', 'Europe/London')).toMatch(/08:00 in Rome, 07:00 your time\.$/);
  });

  test('Lagos has Rome’s offset in winter but not at the Monday opening after the change: it compares at that instant', () => {
    expect(sayAt('2026-03-20T16:00', 'en', 'Africa/Lagos')).toMatch(
      /on Monday 23 March at 08:00 Rome time\.$/,
    );
    // On Friday 27 March Lagos and Rome still agree, but on Monday 30 March at 08:00 Rome is an hour ahead.
    expect(sayAt('2026-03-27T16:00', 'en', 'Africa/Lagos')).toMatch(
      /on Monday 30 March at 08:00 in Rome, 07:00 your time\.$/,
    );
  });
});

describe('when another part of the bot says whom to call', () => {
  test('it gives the number and the weekly hours, then whether the line is open now, as one paragraph', () => {
    const status = statusAt('2026-12-02T10:00');
    expect(describeBookingLine(status, 'en', messages, line)).toBe(
      'Booking line: +39 02 5748 9001, Monday to Friday 08:00–16:00 (Rome time). It is open now until 16:00.',
    );
    expect(describeBookingLine(status, 'it', messages, line)).toBe(
      'Numero per le prenotazioni: +39 02 5748 9001, da lunedì a venerdì, dalle 08:00 alle 16:00 (ora di Roma). ' +
        'Adesso è aperto, fino alle 16:00.',
    );
  });

  test('closed, it names neither the line nor Rome time a second time', () => {
    const status = statusAt('2026-12-07T10:00');
    const en = describeBookingLine(status, 'en', messages, line);
    const it = describeBookingLine(status, 'it', messages, line);
    expect(en).toBe(
      'Booking line: +39 02 5748 9001, Monday to Friday 08:00–16:00 (Rome time). ' +
        'It is closed today for Saint Ambrose. It opens again on Wednesday 9 December at 08:00.',
    );
    expect(it).toMatch(/\(ora di Roma\)\. Oggi è chiuso per .+\. Riapre mercoledì 9 dicembre alle 08:00\.$/);
    for (const text of [en, it]) {
      expect(text.match(/booking line|numero per le prenotazioni/gi)).toHaveLength(1);
      expect(text.match(/Rome time|ora di Roma/g)).toHaveLength(1);
    }
  });

  test('it passes the visitor’s zone on to the status sentence', () => {
    expect(describeBookingLine(statusAt('2026-11-28T10:00'), 'en', messages, line, 'Asia/Tokyo')).toMatch(
      /^Booking line: .*\. It is closed at the weekend\. It opens again on Monday 30 November at 08:00 in Rome, 16:00 your time\.$/,
    );
  });

  test('hours that differ on some days are listed as separate runs', () => {
    const shortFriday: BookingLine = {
      ...line,
      weeklyHours: [
        ...line.weeklyHours.filter((h) => h.weekday !== 5),
        { weekday: 5, opens: '08:00', closes: '12:00' },
      ],
    };
    const status = new BookingLineClock(shortFriday).status(fixedClock('2026-11-27T11:40').now());
    expect(describeBookingLine(status, 'en', messages, shortFriday)).toBe(
      'Booking line: +39 02 5748 9001, Monday to Thursday 08:00–16:00; Friday 08:00–12:00 (Rome time). ' +
        'It is open now and closes in 20 minutes, at 12:00.',
    );
  });
});

describe('when the status follows an answer that already gave the hours in Rome time', () => {
  const after = (iso: string, lang: 'en' | 'it', zone?: string) =>
    describeLineStatus(statusAt(iso), lang, messages, zone, LineStatusPlace.AfterHours);

  test('it names the line but not the zone again', () => {
    expect(after('2026-12-02T10:00', 'en')).toBe('The booking line is open now until 16:00.');
    expect(after('2026-12-02T10:00', 'it')).toBe(
      'Il numero per le prenotazioni è aperto adesso, fino alle 16:00.',
    );
    expect(after('2026-11-27T16:00', 'en')).toBe(
      'The booking line is closed now. It opens again on Monday 30 November at 08:00.',
    );
  });

  test('a visitor in another zone still gets both times', () => {
    expect(after('2026-11-28T10:00', 'en', 'Asia/Tokyo')).toMatch(/at 08:00 in Rome, 16:00 your time\.$/);
  });
});
