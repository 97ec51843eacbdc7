import {
  choicesOf,
  message,
  type ReplyActivity,
  type RunningApp,
  startApp,
  textOf,
} from '../support/testApp';
import { webVisitor } from './webVisitor';

const BOOKING_NUMBER = '+39 02 5748 9001';
const EMERGENCY = /\b112\b/;
/** The booking line's number, or its entry offered as a "did you mean" choice (button or card), in either language. */
const BOOKING_LINE_ANSWERED_OR_OFFERED =
  /\+39 02 5748 9001|booking line's phone number and when|numero per le prenotazioni e quando risponde/;

/** Everyday rambling that names no symptom, to bury a question or a red flag in. */
const RAMBLE_EN =
  'I am writing on behalf of my family because we have been worried for some weeks and we do not really know where to start, so please forgive the long message. ';
const RAMBLE_IT =
  'Le scrivo per conto della mia famiglia perché siamo preoccupati da alcune settimane e non sappiamo bene da dove cominciare, mi scusi per il messaggio lungo. ';

/** `filler` repeated to at least `length` characters. */
const padTo = (filler: string, length: number) => filler.repeat(Math.ceil(length / filler.length));

/** The channels a visitor can type on. */
const CHANNELS: [
  string,
  (bot: RunningApp, text: string, locale: string) => Promise<{ status: number; activities: ReplyActivity[] }>,
][] = [
  ['Bot Framework (/api/messages)', (bot, text, locale) => bot.send(message(text, { locale }))],
  ['the website chat', async (bot, text, locale) => (await webVisitor(bot.baseUrl, locale)).say(text)],
  ['Microsoft Teams', (bot, text, locale) => bot.send(message(text, { locale, channelId: 'msteams' }))],
];

describe('long and odd messages', () => {
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startApp();
  });
  afterAll(async () => {
    await bot.stop();
  });

  describe.each(CHANNELS)('on %s', (_channel, say) => {
    describe('when the text is over 2,000 characters', () => {
      test('it is answered politely', async () => {
        const text = `${padTo(RAMBLE_EN, 2500)} When is the booking line open?`;
        expect(text.length).toBeGreaterThan(2000);
        const { status, activities } = await say(bot, text, 'en-US');
        expect(status).toBe(200);
        expect(activities.length).toBeGreaterThan(0);
        expect(textOf(activities).length).toBeGreaterThan(20);
      });

      test('a red flag buried in the middle is still caught', async () => {
        const text = `${padTo(RAMBLE_EN, 1500)} Since last night my father is bleeding heavily from the wound. ${padTo(RAMBLE_EN, 1500)}`;
        const { status, activities } = await say(bot, text, 'en-US');
        expect(status).toBe(200);
        expect(textOf(activities)).toMatch(EMERGENCY);
      });

      test('a red flag at the very end is still caught, in Italian', async () => {
        const text = `${padTo(RAMBLE_IT, 3000)} Da stamattina mia madre non riesce a respirare.`;
        const { status, activities } = await say(bot, text, 'it-IT');
        expect(status).toBe(200);
        expect(textOf(activities)).toMatch(EMERGENCY);
      });
    });

    describe("when the client's locale and the words disagree", () => {
      test('an Italian question from an English client is answered in Italian', async () => {
        const { activities } = await say(bot, "che cos'è un sarcoma dei tessuti molli?", 'en-US');
        expect(textOf(activities)).toMatch(/tumore|tessut/);
        expect(textOf(activities)).not.toMatch(/\bthe\b/);
      });

      test('an English question from an Italian client is answered in English', async () => {
        const { activities } = await say(bot, 'what is a soft tissue sarcoma?', 'it-IT');
        expect(textOf(activities)).toMatch(/\bthe\b/);
      });

      test('a word that belongs to no language keeps the client language', async () => {
        const { activities } = await say(bot, 'liposarcoma?', 'it-IT');
        expect(textOf(activities)).not.toMatch(/\bthe\b/);
      });
    });

    describe('when the text is one enormous made-up word', () => {
      test('it gets an honest answer, and the next question is answered as usual', async () => {
        let x = 7;
        const word = Array.from({ length: 2000 }, () =>
          String.fromCharCode(97 + ((x = (x * 48271) % 2147483647) % 26)),
        ).join('');
        const first = await say(bot, word, 'en-US');
        expect(first.status).toBe(200);
        expect(textOf(first.activities).length).toBeGreaterThan(20);
        const next = await say(bot, 'When is the booking line open?', 'en-US');
        expect(textOf(next.activities)).toContain(BOOKING_NUMBER);
      });
    });

    describe('when invisible characters hide inside a red flag', () => {
      test.each([
        ['a zero-width space', 'my father can\u2019t brea\u200bthe', 'en-US'],
        ['a soft hyphen', 'mia madre non riesce a respi\u00adrare', 'it-IT'],
      ])('%s does not hide it from the 112 answer', async (_name, text, locale) => {
        const { status, activities } = await say(bot, text, locale);
        expect(status).toBe(200);
        expect(textOf(activities)).toMatch(EMERGENCY);
      });
    });

    describe('when the text has emoji, mixed languages or capitals', () => {
      test.each([
        ['emoji around a question', '📞😀 when is the booking line open? 🙏🏽👨‍👩‍👧', 'en-US'],
        ['an Italian question with emoji', '🙏 quando è aperto il numero per le prenotazioni? 📞', 'it-IT'],
        ['all capitals', 'WHEN IS THE BOOKING LINE OPEN?', 'en-US'],
        ['all capitals in Italian', 'QUANDO È APERTO IL NUMERO PER LE PRENOTAZIONI?', 'it-IT'],
      ])('%s gets the booking line', async (_name, text, locale) => {
        const { status, activities } = await say(bot, text, locale);
        expect(status).toBe(200);
        expect(textOf(activities)).toContain(BOOKING_NUMBER);
      });

      test.each([
        ['Italian and English mixed', 'Hi, vorrei sapere when the booking line is open', 'it-IT'],
        ['English and Italian mixed', 'Buongiorno, what time does the booking line open?', 'en-US'],
      ])(
        '%s gets the booking line, or is asked whether that is what they meant',
        async (_name, text, locale) => {
          const { status, activities } = await say(bot, text, locale);
          expect(status).toBe(200);
          expect([textOf(activities), ...choicesOf(activities)].join('\n')).toMatch(
            BOOKING_LINE_ANSWERED_OR_OFFERED,
          );
        },
      );

      test.each([
        ['all capitals', 'MY HUSBAND IS BLEEDING HEAVILY', 'en-US'],
        ['all capitals in Italian', 'HO UN DOLORE AL PETTO FORTISSIMO', 'it-IT'],
        ['emoji', '😱😱 chest pain 😱 help', 'en-US'],
        ['mixed languages', 'help please, mio padre non riesce a respirare', 'en-US'],
      ])('a red flag in %s is caught', async (_name, text, locale) => {
        const { status, activities } = await say(bot, text, locale);
        expect(status).toBe(200);
        expect(textOf(activities)).toMatch(EMERGENCY);
      });

      test.each([
        ['only emoji', '😀😀😀🎉'],
        ['another script', '预约电话什么时候开放？'],
        ['right-to-left script', 'متى يكون خط الحجز مفتوحا؟'],
        ['combining marks', 'b̸̢̛o̵͖͝o̷̧̓k̶̙͑i̸̳͊n̵̰̈́g̴̱̈ ̴l̶i̴n̵e̶'],
        ['a single punctuation mark', '?'],
      ])('%s gets a polite reply', async (_name, text) => {
        const { status, activities } = await say(bot, text, 'en-US');
        expect(status).toBe(200);
        expect(activities.length).toBeGreaterThan(0);
        expect(textOf(activities).trim().length).toBeGreaterThan(0);
      });
    });
  });
});
