import { join } from 'node:path';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import { sentencesOf } from '../support/sentences';
import {
  message,
  newConversationId,
  type ReplyActivity,
  type RunningApp,
  startApp,
} from '../support/testApp';

const ROOT = join(__dirname, '..', '..');

/**
 * The replies' texts as a visitor reads them (Web Chat's tel: links as their number), without the italic source
 * line under an answer ("_From the department page: …_"), which says where the answer comes from, not what it says.
 */
function read(activities: readonly ReplyActivity[]): string {
  return activities
    .map((a) => (a.text ?? '').replace(/\[([^\]]*)\]\(tel:[^)]*\)/g, '$1').replace(/\n\n_[^\n]*_$/, ''))
    .join('\n\n');
}

/** How many times `pattern` occurs in `text`. */
const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern, 'gi')) ?? []).length;

describe('when the booking line is part of a reply (the line is open: Tuesday 10:00)', () => {
  let bot: RunningApp;
  let content: Content;
  beforeAll(async () => {
    content = await loadContent(ROOT);
    bot = await startApp();
  });
  afterAll(async () => {
    await bot.stop();
  });
  /** The reply to a question (a new conversation's privacy note, sent before it, left out). */
  const ask = async (text: string, locale = 'en-US') =>
    read((await bot.send(message(text, { locale }))).activities.slice(-1));

  test('asked whether the line is open now, the reply begins with the answer, then the number', async () => {
    const reply = await ask('is the booking line open now?');
    expect(sentencesOf(reply).slice(0, 2)).toEqual([
      'The booking line is open now until 16:00 Rome time.',
      `Its number is ${content.bookingLine.phone}, and it answers Monday to Friday, 08:00–16:00.`,
    ]);
    expect(count(reply, /open now/)).toBe(1);
    const it = await ask('il numero per le prenotazioni è aperto adesso?', 'it-IT');
    expect(sentencesOf(it)[0]).toBe(
      'Il numero per le prenotazioni è aperto adesso, fino alle 16:00 ora di Roma.',
    );
  });

  test('an answer that gives the number and hours ends with the status, without saying Rome time again', async () => {
    const reply = await ask('how do I book a visit?');
    expect(sentencesOf(reply).at(-1)).toBe('The booking line is open now until 16:00.');
    expect(count(reply, /Rome time/)).toBe(1);
  });

  test('"talk to a person" says to phone once, then the number, hours and status in one paragraph', async () => {
    const reply = await ask('talk to a person');
    expect(reply).toBe(
      'To speak to a person, please phone us.\n\n' +
        `Booking line: ${content.bookingLine.phone}, Monday to Friday 08:00–16:00 (Rome time). It is open now until 16:00.`,
    );
    const it = await ask('parlare con una persona', 'it-IT');
    expect(count(it, /numero per le prenotazioni/)).toBe(1);
    expect(count(it, /ora di Roma/)).toBe(1);
  });

  test('a pathway’s disposition names Rome time once', async () => {
    const conversationId = newConversationId();
    const mole = content.pathways.find((p) => p.id === 'suspicious-mole')!;
    let last: ReplyActivity[] = [];
    for (const text of [mole.title.it, 'Sì']) {
      last = (await bot.send(message(text, { conversationId, locale: 'it-IT' }))).activities;
    }
    const reply = read(last);
    expect(reply).toContain(`Numero per le prenotazioni: ${content.bookingLine.phone}`);
    expect(count(reply, /ora di Roma/)).toBe(1);
  });
});

describe('when a visitor opens the chat', () => {
  let bot: RunningApp;
  let content: Content;
  beforeAll(async () => {
    content = await loadContent(ROOT);
    bot = await startApp();
  });
  afterAll(async () => {
    await bot.stop();
  });
  const privacy = (lang: 'en' | 'it') => content.messages['privacy.note']![lang];
  const greet = async (conversationId: string, locale: string) =>
    (
      await bot.send({
        ...message('', { conversationId, locale }),
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: 'user-1' }],
      })
    ).activities;

  test('the welcome carries the privacy note, before its question and the doors', async () => {
    for (const [locale, lang] of [
      ['it-IT', 'it'],
      ['en-US', 'en'],
    ] as const) {
      const welcome = await greet(newConversationId(), locale);
      expect(welcome).toHaveLength(1);
      const paragraphs = (welcome[0]!.text ?? '').split('\n\n');
      expect(paragraphs[1]).toBe(privacy(lang));
      expect(paragraphs.at(-1)).toBe(content.messages['welcome.prompt']![lang]);
      expect(welcome[0]!.suggestedActions?.actions.map((a) => a.title)).toEqual(
        expect.arrayContaining(content.pathways.map((p) => p.title[lang])),
      );
    }
  });

  test('after the welcome, the first question is answered without the note again', async () => {
    const conversationId = newConversationId();
    await greet(conversationId, 'en-US');
    const { activities } = await bot.send(message('what is a sarcoma?', { conversationId, locale: 'en-US' }));
    expect(read(activities)).not.toContain(privacy('en'));
  });

  test('a conversation that starts with a question gets the note with the first answer, once', async () => {
    const conversationId = newConversationId();
    const first = await bot.send(message('what is a sarcoma?', { conversationId, locale: 'en-US' }));
    expect(read(first.activities)).toContain(privacy('en'));
    const second = await bot.send(message('where is the hospital?', { conversationId, locale: 'en-US' }));
    expect(read(second.activities)).not.toContain(privacy('en'));
  });

  test('in Italian, the buttons after a disposition speak as the rest does ("Lei")', async () => {
    const conversationId = newConversationId();
    const mole = content.pathways.find((p) => p.id === 'suspicious-mole')!;
    let last: ReplyActivity[] = [];
    for (const text of [mole.title.it, 'Sì']) {
      last = (await bot.send(message(text, { conversationId, locale: 'it-IT' }))).activities;
    }
    expect(last.at(-1)?.suggestedActions?.actions.map((a) => a.title)).toEqual([
      'Ricomincia',
      'Faccia una domanda',
    ]);
  });
});
