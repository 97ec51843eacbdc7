import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import { DISPOSITION_URGENCY, type DispositionCode } from '../../src/content/dispositionCode';
import { LANGUAGES, type Language } from '../../src/content/language';
import type { Choice, Pathway, QuestionNode } from '../../src/content/pathwaySchema';
import { dispositionOf } from '../support/conversation';
import { cardsOf, teamsMessage } from '../support/teams';
import { newConversationId, type ReplyActivity, type RunningApp, startApp } from '../support/testApp';

const STAFF_KEY = 'correct horse battery staple 2026';
const STAFF_TENANT = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const ENV = {
  STAFF_ACCESS_KEY_HASH: `sha256:${createHash('sha256').update(STAFF_KEY).digest('hex')}`,
  STAFF_TENANT_IDS: STAFF_TENANT,
};

/** Every engine sentence, to build the expected lines from content rather than copy them here. */
const MESSAGES: Record<string, Record<Language, string>> = Object.assign(
  {},
  ...readdirSync(join(__dirname, '../../dialogs/messages')).map(
    (f) =>
      (JSON.parse(readFileSync(join(__dirname, '../../dialogs/messages', f), 'utf8')) as { messages: object })
        .messages,
  ),
);
const m = (key: string, lang: Language, vars: Record<string, string | number> = {}) =>
  MESSAGES[key]![lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
/** The part of a message before its first placeholder. */
const lead = (key: string, lang: Language) => MESSAGES[key]![lang].split('{')[0]!;

/** The time every summary shows: the test clock's Tuesday 1 December 2026, 10:00 in Rome. */
const TIME: Record<Language, string> = {
  en: '1 Dec 2026, 10:00 (Europe/Rome)',
  it: '1 dic 2026, 10:00 (Europe/Rome)',
};

/** One walk to a leaf: each question with the choice taken, and the leaf's code. */
interface Walk {
  readonly steps: { id: string; question: QuestionNode; choice: Choice }[];
  readonly code: DispositionCode;
}

function walks(p: Pathway): Walk[] {
  const out: Walk[] = [];
  const visit = (id: string, steps: Walk['steps']) => {
    const node = p.nodes[id]!;
    if (node.type === 'disposition') out.push({ steps, code: node.code });
    else if (node.type === 'info') visit(node.next, steps);
    else for (const choice of node.choices) visit(choice.next, [...steps, { id, question: node, choice }]);
  };
  visit(p.start, []);
  return out;
}

/** Words that would put a summary line in the first person (the caller may be a relative). */
const FIRST_PERSON: Record<Language, RegExp> = {
  en: /\b(I|I'm|I've|me|my|myself)\b/,
  it: /\b(io|me|mi|mio|mia|miei|mie|ho|sono|saprei)\b/i,
};
/** What Markdown would turn into a list, a heading, a quote or emphasis. */
const MARKDOWN = /^\s*([-*+#>]|\d+[.)])\s|\*\*|__/;

describe('the call summary an operator pastes into the hospital system', () => {
  let bot: RunningApp;
  let content: Content;

  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${bot.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { token: string; conversationId: string; activities: ReplyActivity[] };
  };
  /** A new call at /agent in a language; `say` sends one turn of it. */
  const call = async (lang: Language, token?: string) => {
    const locale = lang === 'it' ? 'it-IT' : 'en-GB';
    const started = token
      ? await post('/agent/api/conversations', { locale }, token)
      : await post('/agent/api/session', { key: STAFF_KEY, locale });
    const session = { token: started.token, conversationId: started.conversationId };
    const say = async (text: string) =>
      (
        await post(
          `/agent/api/conversations/${session.conversationId}/activities`,
          { text, locale },
          session.token,
        )
      ).activities;
    return { token: started.token, say };
  };
  const summaryOf = (replies: readonly ReplyActivity[], lang: Language) =>
    replies
      .map((a) => a.text ?? '')
      .find((t) =>
        t.split('\n').some((l) => l === m('summary.title', lang) || l === m('summary.redFlagTitle', lang)),
      );

  beforeAll(async () => {
    content = await loadContent(join(__dirname, '..', '..'));
    bot = await startApp(ENV);
  });
  afterAll(async () => {
    await bot.stop();
  });

  test('every pathway names its situation, and every question its answer, in short third-person words', () => {
    const problems: string[] = [];
    for (const p of content.pathways) {
      for (const lang of LANGUAGES) {
        const words = [p.situation[lang]];
        for (const [id, node] of Object.entries(p.nodes)) {
          if (node.type !== 'question') continue;
          if (node.summaryLabel[lang].length > 60)
            problems.push(`${p.id} ${id}: summaryLabel longer than 60`);
          words.push(node.summaryLabel[lang], ...node.choices.map((c) => (c.summary ?? c.label)[lang]));
        }
        for (const w of words)
          if (FIRST_PERSON[lang].test(w)) problems.push(`${p.id} (${lang}): "${w}" is in the first person`);
      }
    }
    expect(problems).toEqual([]);
  });

  describe.each(LANGUAGES.map((l) => [l]))('in %s', (lang) => {
    test("every walk of every pathway ends with a summary of short labels, the answers in words, the outcome with its urgency and the time, in the operator's voice", async () => {
      const problems: string[] = [];
      let token: string | undefined;
      let checked = 0;
      for (const p of content.pathways) {
        for (const w of walks(p)) {
          const where = `${p.id} ${w.steps.map((s) => s.choice.id).join('>')}`;
          const c = await call(lang, token);
          token = c.token;
          let replies = await c.say(p.title[lang]);
          for (const step of w.steps) replies = await c.say(step.choice.label[lang]);
          const summary = summaryOf(replies, lang);
          if (!summary) {
            problems.push(`${where}: no summary`);
            continue;
          }
          checked += 1;
          const lines = summary.split('\n');
          const expected = [
            m('summary.title', lang),
            `${m('summary.pathway', lang)}: ${p.situation[lang]}`,
            ...w.steps.map(
              (s) => `${s.question.summaryLabel[lang]}: ${(s.choice.summary ?? s.choice.label)[lang]}`,
            ),
            `${m('summary.disposition', lang)}: ${m(`disposition.${w.code}`, lang)}`,
            `${m('summary.urgency', lang)}: ${m('summary.urgencyValue', lang, {
              level: DISPOSITION_URGENCY[w.code],
              words: m(`urgency.${DISPOSITION_URGENCY[w.code]}`, lang),
            })}`,
          ];
          if (lines.slice(0, expected.length).join('\n') !== expected.join('\n'))
            problems.push(
              `${where}: summary starts\n${lines.slice(0, expected.length).join('\n')}\nnot\n${expected.join('\n')}`,
            );
          if (!lines.includes(`${m('summary.time', lang)}: ${TIME[lang]}`))
            problems.push(`${where}: no time line`);
          if (!lines.some((l) => l.startsWith(`${m('summary.line', lang)}: `)))
            problems.push(`${where}: no line status`);
          if (summary.includes(w.code)) problems.push(`${where}: the raw code is shown`);
          for (const l of lines) if (MARKDOWN.test(l)) problems.push(`${where}: Markdown in "${l}"`);
          for (const s of w.steps)
            if (summary.includes(s.question.operatorText[lang]) || summary.includes(s.question.text[lang]))
              problems.push(`${where}: a whole question is in the summary`);
          // The disposition before it speaks to the operator, who passes the booking line on.
          const disposition = replies.find((a) => dispositionOf([a]) === w.code)?.text ?? '';
          if (!disposition.includes(lead('line.phoneOperator', lang)))
            problems.push(`${where}: the booking line is not worded for the operator`);
          if (disposition.includes(lead('line.phone', lang)))
            problems.push(`${where}: the booking line speaks to the patient`);
        }
      }
      expect(problems).toEqual([]);
      expect(checked).toBe(content.pathways.reduce((n, p) => n + walks(p).length, 0));
    }, 120_000);

    test('a red-flag call gets its own summary: the alarm first, in capitals, then what was known, the words that raised it (redacted), 112 and the time', async () => {
      const mole = content.pathways.find((p) => p.id === 'suspicious-mole')!;
      const first = mole.nodes[mole.start] as QuestionNode;
      const c = await call(lang);
      await c.say(mole.title[lang]);
      const answered = first.choices.find((x) => x.id === 'no')!;
      await c.say(answered.label[lang]);
      const words =
        lang === 'en'
          ? 'she is bleeding a lot and feels faint, call her back on 347 765 4321'
          : 'sta sanguinando molto e si sente svenire, la richiami al 347 765 4321';
      const replies = await c.say(words);
      expect(dispositionOf(replies)).toBe('emergency-112');
      const summary = summaryOf(replies, lang)!;
      const lines = summary.split('\n');
      expect(lines[0]).toBe(m('summary.alarm', lang));
      expect(lines[0]).toBe(lines[0]!.toUpperCase());
      expect(lines[0]).toMatch(/^!!! 112 /);
      expect(lines[1]).toBe(m('summary.redFlagTitle', lang));
      const second = mole.nodes[answered.next] as QuestionNode;
      expect(lines).toEqual(
        expect.arrayContaining([
          `${m('summary.pathway', lang)}: ${mole.situation[lang]}`,
          `${first.summaryLabel[lang]}: ${(answered.summary ?? answered.label)[lang]}`,
          `${m('summary.stoppedAt', lang)}: ${second.summaryLabel[lang]}`,
          `${m('summary.disposition', lang)}: ${m('disposition.emergency-112', lang)}`,
          `${m('summary.time', lang)}: ${TIME[lang]}`,
        ]),
      );
      const said = lines.find((l) => l.startsWith(`${m('summary.alarmWords', lang)}: `))!;
      expect(said).toContain(lang === 'en' ? 'bleeding a lot' : 'sanguinando molto');
      expect(said).toContain('[phone]');
      expect(said).not.toContain('4321');
    });

    test('a red flag before any pathway, and a risk of self-harm, have their own alarm lines', async () => {
      const c = await call(lang);
      const chest = await c.say(
        lang === 'en' ? 'crushing chest pain right now' : 'dolore al petto fortissimo adesso',
      );
      const lines = summaryOf(chest, lang)!.split('\n');
      expect(lines[0]).toBe(m('summary.alarm', lang));
      expect(lines.some((l) => l.startsWith(`${m('summary.pathway', lang)}:`))).toBe(false);

      const self = await (await call(lang)).say(lang === 'en' ? 'I want to kill myself' : 'voglio uccidermi');
      expect(summaryOf(self, lang)!.split('\n')[0]).toBe(m('summary.alarmSelfHarm', lang));
    });
  });

  test('what the operator types is kept word for word next to the answer it gave, with identifiers redacted', async () => {
    const metastasis = content.pathways.find((p) => p.id === 'metastasis')!;
    const c = await call('it');
    await c.say(metastasis.title.it);
    await c.say('per mia madre, codice fiscale RSSMRA80A01F205X, tel. 333 123 4567');
    await c.say('No');
    await c.say('un liposarcoma retroperitoneale');
    await c.say('sì, chemioterapia al Policlinico di Bari');
    const replies = await c.say('Studi clinici');
    const lines = summaryOf(replies, 'it')!.split('\n');
    const node = (id: string) => metastasis.nodes[id] as QuestionNode;
    const answer = (q: string, choice: string) => {
      const x = node(q).choices.find((y) => y.id === choice)!;
      return (x.summary ?? x.label).it;
    };
    expect(lines).toEqual(
      expect.arrayContaining([
        `${node('q-who').summaryLabel.it}: ${m('summary.withNote', 'it', { answer: answer('q-who', 'relative'), note: 'per mia madre, codice fiscale [tax-code], tel. [phone]' })}`,
        `${node('q-worse').summaryLabel.it}: No`,
        `${node('q-primary').summaryLabel.it}: ${m('summary.withNote', 'it', { answer: answer('q-primary', 'sarcoma'), note: 'un liposarcoma retroperitoneale' })}`,
        `${node('q-treatment').summaryLabel.it}: ${m('summary.withNote', 'it', { answer: answer('q-treatment', 'yes'), note: 'sì, chemioterapia al Policlinico di Bari' })}`,
        `${node('q-want-treated').summaryLabel.it}: ${answer('q-want-treated', 'studies')}`,
      ]),
    );
  });

  test('in Teams every line of the summary is its own paragraph, and the alarm stands out on the card and in the preview', async () => {
    const conversationId = newConversationId();
    const where = { conversationId, scope: 'personal' as const, tenant: STAFF_TENANT, locale: 'en-US' };
    await bot.send(teamsMessage('I have a suspicious mole', where));
    const { activities } = await bot.send(teamsMessage('the caller is bleeding a lot', where));
    const withSummary = activities.find((a) =>
      cardsOf([a]).some((c) => c.body.some((b) => b.type === 'FactSet')),
    )!;
    const text = withSummary.text ?? '';
    expect(text.split('\n\n')[0]).toBe(m('summary.alarm', 'en'));
    expect(text.replace(/\n\n/g, '')).not.toContain('\n');
    const card = cardsOf([withSummary])[0]!;
    expect(card.body[0]).toMatchObject({
      type: 'TextBlock',
      text: m('summary.alarm', 'en'),
      color: 'Attention',
    });
    expect(withSummary.summary).toBe(m('summary.alarm', 'en'));
    expect(card.body.find((b) => b.type === 'FactSet')?.facts?.map((f) => f.title)).toEqual(
      expect.arrayContaining([m('summary.disposition', 'en'), m('summary.time', 'en')]),
    );
  });
});
