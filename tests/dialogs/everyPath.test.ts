import { loadContent } from '../../src/content/contentLoader';
import type { Content } from '../../src/content/content';
import { LANGUAGES } from '../../src/content/language';
import { play } from '../support/conversation';
import { walks } from '../support/pathwayWalks';
import { type RunningApp, startApp, textOf } from '../support/testApp';
import { join } from 'node:path';

/** The most turns a visitor may need from the opener to a disposition. */
const MAX_TURNS = 8;
/** The walks of all trees are a few hundred conversations: more than jest's default per-test allowance on a busy machine. */
const WALKS_TIMEOUT_MS = 240_000;

describe('every walk of every pathway, through the real engine', () => {
  let bot: RunningApp;
  let content: Content;
  beforeAll(async () => {
    content = await loadContent(join(__dirname, '..', '..'));
    bot = await startApp();
  });
  afterAll(async () => {
    await bot.stop();
  });

  test('each pathway has walks to enumerate', () => {
    for (const p of content.pathways) expect(walks(p).length).toBeGreaterThan(1);
  });

  describe.each(LANGUAGES.map((l) => [l]))('in %s', (lang) => {
    test(
      'clicking the choices ends every walk in its disposition with the booking line, within 8 turns',
      async () => {
        for (const p of content.pathways) {
          for (const w of walks(p)) {
            const turns = [p.title[lang], ...w.labels[lang]];
            const result = await play(bot, turns, { locale: lang });
            const where = `${p.id}: ${turns.join(' → ')}`;
            expect({ where, disposition: result.disposition }).toEqual({ where, disposition: w.code });
            expect(result.turnsUsed).toBeLessThanOrEqual(MAX_TURNS);
            expect({ where, phone: textOf(result.last).includes(content.bookingLine.phone) }).toEqual({
              where,
              phone: true,
            });
            // What to bring is general guidance that the booking line confirms, never the department's own rule.
            if (w.bring) expect(textOf(result.last)).toContain(content.messages['disposition.bring']![lang]);
          }
        }
      },
      WALKS_TIMEOUT_MS,
    );

    test(
      'typing the choices’ numbers reaches the same dispositions',
      async () => {
        for (const p of content.pathways) {
          for (const w of walks(p)) {
            const result = await play(bot, [p.title[lang], ...w.numbers], { locale: lang });
            expect({ path: `${p.id} ${w.numbers.join(',')}`, disposition: result.disposition }).toEqual({
              path: `${p.id} ${w.numbers.join(',')}`,
              disposition: w.code,
            });
          }
        }
      },
      WALKS_TIMEOUT_MS,
    );
  });
});
