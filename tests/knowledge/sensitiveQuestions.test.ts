import { join } from 'node:path';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import type { KnowledgeEntry } from '../../src/content/knowledgeSchema';
import type { Language } from '../../src/content/language';
import {
  choicesOf,
  message,
  type ReplyActivity,
  type RunningApp,
  startApp,
  textOf,
} from '../support/testApp';

/**
 * Questions the department page does not answer, worded here for this test (not copied from any phrasing of
 * the knowledge base or of the evaluation sets), with the kind answer each should get.
 */
const QUESTIONS: Record<Language, readonly (readonly [string, string])[]> = {
  en: [
    ['how many years can someone live with a synovial sarcoma?', 'prognosis-survival'],
    ['honestly, is my wife going to survive this?', 'prognosis-survival'],
    ['what are the odds of beating liposarcoma', 'prognosis-survival'],
    ['which stage would you say my cancer is at', 'my-stage'],
    ["what's the best therapy for my father's sarcoma", 'best-treatment'],
    ['will the treatment give me bad side effects', 'side-effects'],
    ['could my two sons inherit this from me', 'children-risk'],
    ['what will a consultation with you cost', 'costs'],
    ['do I have to pay the ticket for the visit', 'costs'],
    ['how long do you usually have to wait for a first appointment', 'waiting-times'],
    ['please tell me what my CT scan report means', 'my-results'],
    ['can your doctors give me a second opinion on my histology', 'second-opinion'],
  ],
  it: [
    ['quanti anni si vive con un sarcoma sinoviale?', 'prognosis-survival'],
    ['mia moglie sopravviverà?', 'prognosis-survival'],
    ['che probabilità ci sono di guarire dal liposarcoma', 'prognosis-survival'],
    ['mi sa dire in che stadio sono?', 'my-stage'],
    ['qual è la cura migliore per il sarcoma di mio padre', 'best-treatment'],
    ['la terapia avrà effetti collaterali pesanti?', 'side-effects'],
    ['i miei due figli potrebbero ereditarlo da me?', 'children-risk'],
    ['quanto costa una visita con voi?', 'costs'],
    ['devo pagare il ticket per la visita?', 'costs'],
    ['di solito quanto si aspetta per la prima visita?', 'waiting-times'],
    ['cosa significa il referto della mia tac?', 'my-results'],
    ["i vostri medici possono darmi un secondo parere sull'istologico?", 'second-opinion'],
  ],
};

/** The questions quoted in issue 17, which got a cold reply, a refusal or a triage pathway. */
const FROM_THE_ISSUE = [
  ['quanto si vive con un liposarcoma?', 'it', 'prognosis-survival'],
  ["what's the survival rate for sarcoma", 'en', 'prognosis-survival'],
  ['quanto costa un secondo parere', 'it', 'costs'],
] as const;

/**
 * Least share of the questions per language that get the kind answer at once; the others (those naming a
 * subtype, whose name the kind answer does not hold) get "did you mean" with the kind answer first.
 */
const MIN_DIRECT_SHARE = 0.75;

const LOCALES: Record<Language, string> = { en: 'en-GB', it: 'it-IT' };

let bot: RunningApp;
let content: Content;
const entry = (id: string): KnowledgeEntry => content.entries.find((e) => e.id === id)!;

beforeAll(async () => {
  content = await loadContent(join(__dirname, '..', '..'));
  bot = await startApp();
});
afterAll(async () => {
  await bot.stop();
});

/** What the visitor sees for a question: answered directly, offered first as "did you mean", or neither. */
async function ask(text: string, lang: Language, id: string) {
  const { activities } = await bot.send(message(text, { locale: LOCALES[lang] }));
  const kind = entry(id)[lang];
  const all = textOf(activities);
  return {
    activities,
    all,
    direct: all.includes(kind.answer),
    offeredFirst: choicesOf(activities)[0] === kind.question,
  };
}

function startedPathway(activities: readonly ReplyActivity[], lang: Language): boolean {
  const firstQuestions = content.pathways.map((p) => {
    let node = p.nodes[p.start]!;
    while (node.type === 'info') node = p.nodes[node.next]!;
    return node.text[lang];
  });
  const all = textOf(activities);
  const triage = (a: ReplyActivity) =>
    (a.channelData as { triage?: { outcome?: string; disposition?: string } } | undefined)?.triage;
  return (
    firstQuestions.some((q) => all.includes(q)) ||
    activities.some((a) => triage(a)?.outcome === 'pathway' || triage(a)?.disposition !== undefined)
  );
}

describe.each(['en', 'it'] as const)('when a visitor asks, in %s, what the page does not answer', (lang) => {
  test.each(QUESTIONS[lang])(
    '"%s" gets the kind answer %s (or, when unsure, offers it first)',
    async (text, id) => {
      const { activities, all, direct, offeredFirst } = await ask(text, lang, id);
      expect(direct || offeredFirst).toBe(true);
      expect(all).not.toMatch(/\d/u);
      expect(startedPathway(activities, lang)).toBe(false);
      expect(all).not.toContain(content.messages['answer.refusal']![lang]);
    },
  );

  test('at least three quarters of them get the kind answer at once, not "did you mean"', async () => {
    const direct: string[] = [];
    for (const [text, id] of QUESTIONS[lang]) if ((await ask(text, lang, id)).direct) direct.push(text);
    expect(direct.length / QUESTIONS[lang].length).toBeGreaterThanOrEqual(MIN_DIRECT_SHARE);
  });
});

describe('when the questions quoted in issue 17 are asked again', () => {
  test.each(FROM_THE_ISSUE)(
    '"%s" (%s) gets the kind answer %s (or, naming a subtype, offers it first), with no pathway and no refusal',
    async (text, lang, id) => {
      const { activities, all, direct, offeredFirst } = await ask(text, lang, id);
      expect(direct || offeredFirst).toBe(true);
      expect(all).not.toMatch(/\d/u);
      expect(startedPathway(activities, lang)).toBe(false);
    },
  );
});

describe('when a kind answer is given', () => {
  test('it offers the booking line among the ways on, and shows no source line (it states no fact)', async () => {
    const { activities } = await ask(
      'honestly, is my wife going to survive this?',
      'en',
      'prognosis-survival',
    );
    expect(choicesOf(activities)).toContain(entry('booking-line-hours').en.question);
    expect(textOf(activities)).not.toMatch(/From the department page|General information/u);
  });
});
