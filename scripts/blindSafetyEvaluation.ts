/**
 * The blind measurement of issue 16 (run: `npm run eval:safety`): typed answers to yes/no triage questions
 * (`tests/blind/typed-answers-blind.json`) through the answer reader, and messages for the red-flag screen
 * (`tests/blind/red-flags-blind.json`). Prints figures only, never a text, so that nobody tunes on what fails.
 * @remarks The blind answers come with the writer's own question, not a node of ours. Each is read twice: against a
 * plain yes/no/"unsure" question whose choices list no words (only yes, no, hedges and negation decide), and against
 * one whose "yes" choice lists the question's content words, as a content author would ("Is it bleeding?" →
 * "bleeding"), so that "it's not bleeding" can be read.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../src/content/contentLoader';
import type { Language } from '../src/content/language';
import { type QuestionNode, questionNodeSchema } from '../src/content/pathwaySchema';
import { RedFlagKind } from '../src/content/redFlagsSchema';
import { AnswerKind, AnswerReader } from '../src/dialogs/answerReader';
import { STOPWORDS } from '../src/knowledge/stopwords';
import { RedFlagScreen } from '../src/safety/redFlagScreen';
import { foldText } from '../src/text/foldText';

const root = join(__dirname, '..', '..');

interface TypedAnswer {
  readonly lang: Language;
  readonly question: string;
  readonly text: string;
  readonly means: 'yes' | 'no' | 'unsure';
}

interface FlagMessage {
  readonly lang: Language;
  readonly text: string;
  readonly expect: 'emergency' | 'self-harm' | 'low-mood' | 'none';
}

/** A yes/no/"unsure" question; with `yesWords`, its "yes" choice lists them. */
function yesNoQuestion(text: string, yesWords: Readonly<Record<Language, string[]>>): QuestionNode {
  const same = { en: text, it: text };
  return questionNodeSchema.parse({
    type: 'question',
    text: same,
    operatorText: same,
    summaryLabel: { en: 'Blind question', it: 'Domanda cieca' },
    source: 'blind evaluation',
    choices: [
      { id: 'yes', label: { en: 'Yes', it: 'Sì' }, words: yesWords, next: 'end' },
      { id: 'no', label: { en: 'No', it: 'No' }, next: 'end' },
      { id: 'unsure', label: { en: 'Not sure', it: 'Non so' }, next: 'end' },
    ],
  });
}

/** The question's content words (folded, no stopwords, at least three letters). */
function contentWords(question: string, lang: Language): string[] {
  return [...new Set(foldText(question).split(' '))].filter((w) => w.length >= 3 && !STOPWORDS[lang].has(w));
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}% (${n}/${of})`;

async function main(): Promise<void> {
  const content = await loadContent(root);
  const reader = new AnswerReader(content.answerWords);
  const screen = new RedFlagScreen(content.redFlags);
  const answers = (
    JSON.parse(await readFile(join(root, 'tests/blind/typed-answers-blind.json'), 'utf8')) as {
      answers: TypedAnswer[];
    }
  ).answers;
  const flags = (
    JSON.parse(await readFile(join(root, 'tests/blind/red-flags-blind.json'), 'utf8')) as {
      messages: FlagMessage[];
    }
  ).messages;

  console.log('Typed answers (tests/blind/typed-answers-blind.json), through the answer reader:');
  for (const [name, words] of [
    ['plain yes/no/unsure question (no choice words)', () => ({ en: [], it: [] })],
    [
      "'yes' choice listing the question's content words",
      (a: TypedAnswer) => ({ en: [], it: [], [a.lang]: contentWords(a.question, a.lang) }),
    ],
  ] as const) {
    console.log(`  ${name}:`);
    for (const lang of ['en', 'it'] as const) {
      const mine = answers.filter((a) => a.lang === lang);
      const read = mine.map((a) => {
        const r = reader.read(a.text, yesNoQuestion(a.question, words(a)));
        return { means: a.means, got: r.kind === AnswerKind.Choice ? (r.choice?.id ?? 'unclear') : r.kind };
      });
      const correct = read.filter((r) => r.got === r.means).length;
      const count = (means: string, got: string) =>
        read.filter((r) => r.means === means && r.got === got).length;
      const hedges = read.filter((r) => r.means === 'unsure').length;
      const unclear = read.filter((r) => r.got !== 'yes' && r.got !== 'no' && r.got !== 'unsure').length;
      console.log(
        `    [${lang}] correct ${pct(correct, read.length)}; hedges read as No: ${count('unsure', 'no')} of ${hedges}; ` +
          `no read as yes: ${count('no', 'yes')}; yes read as no: ${count('yes', 'no')}; ` +
          `yes/no read as unsure: ${count('yes', 'unsure') + count('no', 'unsure')}; asked again (unclear): ${unclear}`,
      );
    }
  }

  console.log('Red flags (tests/blind/red-flags-blind.json), through the red-flag screen:');
  for (const lang of ['en', 'it', undefined] as const) {
    const mine = flags.filter((m) => !lang || m.lang === lang);
    const kinds = mine.map((m) => ({ expect: m.expect, got: screen.check(m.text)?.kind }));
    const of = (expect: string) => kinds.filter((k) => k.expect === expect);
    const to112 = (k: { got?: RedFlagKind }) =>
      k.got === RedFlagKind.Emergency || k.got === RedFlagKind.SelfHarm;
    const urgentNo112 = [...of('emergency'), ...of('self-harm')].filter(
      (k) => k.got === RedFlagKind.Urgent,
    ).length;
    const alarms = of('none').filter((k) => k.got !== undefined && k.got !== RedFlagKind.LowMood).length;
    const supported = of('none').filter((k) => k.got === RedFlagKind.LowMood).length;
    const lowMood = of('low-mood');
    console.log(
      `  [${lang ?? 'all'}] emergency + self-harm sent to 112: ${pct([...of('emergency'), ...of('self-harm')].filter(to112).length, of('emergency').length + of('self-harm').length)} ` +
        `(emergency ${pct(of('emergency').filter(to112).length, of('emergency').length)}, of them a same-day call instead: ${urgentNo112}); ` +
        `self-harm answered with the crisis line: ${pct(of('self-harm').filter((k) => k.got === RedFlagKind.SelfHarm).length, of('self-harm').length)}; ` +
        `low mood answered as support: ${pct(lowMood.filter((k) => k.got === RedFlagKind.LowMood).length, lowMood.length)} ` +
        `(sent to 112 instead: ${lowMood.filter(to112).length}, nothing: ${lowMood.filter((k) => k.got === undefined).length}); ` +
        `ordinary, negated or past messages raising an alarm: ${pct(alarms, of('none').length)} (given support for low mood: ${supported})`,
    );
  }
}

void main();
