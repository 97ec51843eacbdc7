import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import { LANGUAGES } from '../../src/content/language';
import { fixedClock } from '../../src/time/clock';
import { walks } from '../support/pathwayWalks';
import { repeatedSentences, sentencesOf, textsOf } from '../support/sentences';
import {
  message,
  newConversationId,
  OPEN_TUESDAY,
  type ReplyActivity,
  type RunningApp,
  startApp,
} from '../support/testApp';

const ROOT = join(__dirname, '..', '..');
const TRANSCRIPTS = join(ROOT, 'tests', 'transcripts');

/** What a turn said twice: within one reply, or across the replies of the turn. */
function repeatsIn(activities: readonly ReplyActivity[]): string[] {
  const texts = textsOf(activities);
  return [...texts.flatMap((t) => repeatedSentences([t])), ...repeatedSentences(texts)].filter(
    (r, i, all) => all.indexOf(r) === i,
  );
}

/** Collects every turn that repeated a sentence, so one failure lists them all. */
class Repeats {
  readonly found: string[] = [];
  turns = 0;

  check(where: string, activities: readonly ReplyActivity[]): void {
    this.turns += 1;
    for (const r of repeatsIn(activities)) this.found.push(`${where}: ${r}`);
  }
}

/** Plays `turns` in a new conversation on `channelId`, checking each turn's replies. */
async function play(
  bot: RunningApp,
  repeats: Repeats,
  where: string,
  turns: readonly string[],
  extra: Record<string, unknown> = {},
): Promise<void> {
  const conversationId = newConversationId();
  for (const [i, text] of turns.entries()) {
    const { status, activities } = await bot.send(message(text, { conversationId, ...extra }));
    expect({ where, status }).toEqual({ where, status: 200 });
    repeats.check(`${where}, turn ${i + 1} ("${text}")`, activities);
  }
}

describe('the sentence splitter the check relies on', () => {
  test('it reads links as their text and splits paragraphs, list items and sentences', () => {
    expect(
      sentencesOf('Call [112](tel:112) now. Or not!\n\nWhat to bring:\n\n- A card\n- Reports\n1. One: two'),
    ).toEqual(['Call 112 now.', 'Or not!', 'What to bring:', 'A card', 'Reports', 'One:', 'two']);
  });

  test('a sentence said twice is found, whatever its case, spacing or closing stop', () => {
    expect(repeatedSentences(['It is closed now.  Call us.', 'it is  closed now'])).toEqual([
      '2× "it is closed now"',
    ]);
    expect(repeatedSentences(['It is closed now. It opens tomorrow.'])).toEqual([]);
  });
});

describe.each([
  ['the line is open (a Tuesday at 10:00)', OPEN_TUESDAY],
  ['the line is closed for a holiday (7 December)', '2026-12-07T10:00:00'],
  ['the line is closed for the night (a Tuesday at 20:00)', '2026-12-01T20:00:00'],
])('when %s, no reply says a sentence twice', (_when, at) => {
  let bot: RunningApp;
  let content: Content;
  beforeAll(async () => {
    content = await loadContent(ROOT);
    bot = await startApp({}, fixedClock(at));
  });
  afterAll(async () => {
    await bot.stop();
  });

  test('in the welcome of a new conversation, on the website and in Teams', async () => {
    const repeats = new Repeats();
    for (const lang of LANGUAGES) {
      for (const channelId of ['webchat', 'msteams']) {
        const { activities } = await bot.send({
          ...message('', { locale: lang, channelId }),
          type: 'conversationUpdate',
          text: undefined,
          membersAdded: [{ id: 'user-1' }],
        });
        expect(activities.length).toBeGreaterThan(0);
        repeats.check(`welcome (${lang}, ${channelId})`, activities);
      }
    }
    expect(repeats.found).toEqual([]);
  });

  test('in every transcript of tests/transcripts', async () => {
    const repeats = new Repeats();
    for (const file of readdirSync(TRANSCRIPTS).filter((f) => f.endsWith('.json'))) {
      const t = JSON.parse(readFileSync(join(TRANSCRIPTS, file), 'utf8')) as {
        locale?: string;
        channel?: string;
        turns: { user: string }[];
      };
      await play(
        bot,
        repeats,
        file,
        t.turns.map((turn) => turn.user),
        { locale: t.locale, channelId: t.channel ?? 'webchat' },
      );
    }
    expect(repeats.turns).toBeGreaterThan(30);
    expect(repeats.found).toEqual([]);
  });

  test('in every walk of every pathway, both languages, clicked', async () => {
    const repeats = new Repeats();
    for (const lang of LANGUAGES) {
      for (const p of content.pathways) {
        for (const w of walks(p)) {
          const turns = [p.title[lang], ...w.labels[lang]];
          await play(bot, repeats, `${p.id} (${lang}): ${turns.join(' → ')}`, turns, { locale: lang });
        }
      }
    }
    expect(repeats.found).toEqual([]);
  });

  test('in the answer to every knowledge-base question and after every command, both languages', async () => {
    const repeats = new Repeats();
    for (const lang of LANGUAGES) {
      const questions = content.entries.map((e) => e[lang].question);
      const commands = Object.values(content.commands.commands).map((phrasings) => phrasings[lang][0] ?? '');
      for (const text of [...questions, ...commands.filter((c) => c !== '')]) {
        await play(bot, repeats, `"${text}" (${lang})`, [text], { locale: lang });
      }
      // Mid-pathway, a command and a question are answered and the question asked again.
      const p = content.pathways[0]!;
      await play(bot, repeats, `${p.id} interrupted (${lang})`, [p.title[lang], ...commands, questions[0]!], {
        locale: lang,
      });
    }
    expect(repeats.found).toEqual([]);
  });
});
