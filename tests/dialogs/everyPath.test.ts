import { loadContent } from '../../src/content/contentLoader';
import type { Content } from '../../src/content/content';
import { LANGUAGES, type Language } from '../../src/content/language';
import type { Pathway } from '../../src/content/pathwaySchema';
import { play } from '../support/conversation';
import { type RunningApp, startApp, textOf } from '../support/testApp';
import { join } from 'node:path';

/** One walk from a pathway's start to a leaf: the choices' labels and numbers, and the leaf's code. */
interface Walk {
  labels: Record<Language, string[]>;
  numbers: string[];
  code: string;
  /** True when the leaf lists what to bring. */
  bring: boolean;
}

function walks(p: Pathway): Walk[] {
  const out: Walk[] = [];
  const visit = (id: string, labels: Record<Language, string[]>, numbers: string[]) => {
    const node = p.nodes[id];
    if (!node) throw new Error(`${p.id}: missing node ${id}`);
    if (node.type === 'disposition')
      out.push({ labels, numbers, code: node.code, bring: node.bring.en.length > 0 });
    else if (node.type === 'info') visit(node.next, labels, numbers);
    else
      node.choices.forEach((c, i) =>
        visit(c.next, { en: [...labels.en, c.label.en], it: [...labels.it, c.label.it] }, [
          ...numbers,
          String(i + 1),
        ]),
      );
  };
  visit(p.start, { en: [], it: [] }, []);
  return out;
}

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
