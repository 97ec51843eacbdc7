import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import { type Pathway, pathwaySchema, type QuestionNode } from '../../src/content/pathwaySchema';
import { AnswerKind, AnswerReader } from '../../src/dialogs/answerReader';

const root = join(__dirname, '..', '..');

/** A development example (tests/dialogs/typed-answers-dev.json). */
interface Example {
  pathway: string;
  node: string;
  lang: 'en' | 'it';
  text: string;
  expected: string;
}

const dev = JSON.parse(readFileSync(join(__dirname, 'typed-answers-dev.json'), 'utf8')) as {
  answers: Example[];
  openings: Array<{ pathway: string; text: string; facts: Record<string, string> }>;
};

const yesNo = (words: { yes: string[]; no: string[] }) => [
  { id: 'yes', label: { en: 'Yes', it: 'Sì' }, words: { en: words.yes, it: [] }, next: 'd-end' },
  { id: 'no', label: { en: 'No', it: 'No' }, words: { en: words.no, it: [] }, next: 'd-end' },
  { id: 'unsure', label: { en: 'Not sure', it: 'Non so' }, next: 'd-end' },
];
const texts = (en: string) => ({ text: { en, it: en }, operatorText: { en, it: en }, source: 'test' });
/** A question's texts and its call-summary label. */
const asked = (en: string) => ({ ...texts(en), summaryLabel: { en, it: en } });

/** A small lump pathway of the test's own, with the fields a fourth pathway uses: facts and a size threshold. */
const lump: Pathway = pathwaySchema.parse({
  id: 'lump',
  title: { en: 'I have a lump', it: 'Ho un nodulo' },
  situation: { en: 'Lump', it: 'Nodulo' },
  order: 9,
  openers: { en: ['I have a lump'], it: ['ho un nodulo'] },
  start: 'q-who',
  nodes: {
    'q-who': {
      type: 'question',
      ...asked('Are you asking for yourself or for someone else?'),
      fact: 'about',
      choices: [
        { id: 'self', label: { en: 'For me', it: 'Per me' }, next: 'q-growing' },
        { id: 'relative', label: { en: 'For someone else', it: 'Per un altro' }, next: 'q-growing' },
      ],
    },
    'q-growing': {
      type: 'question',
      ...asked('Is the lump getting bigger?'),
      fact: 'growing',
      choices: [
        {
          ...yesNo({ yes: [], no: [] })[0],
          words: {
            en: ['growing', 'getting bigger', 'grown', 'keeps growing'],
            it: ['cresce', 'sta crescendo', 'ingrandito'],
          },
        },
        { ...yesNo({ yes: [], no: [] })[1], words: { en: ['same size'], it: ['stessa misura'] } },
        yesNo({ yes: [], no: [] })[2],
      ],
    },
    'q-size': {
      type: 'question',
      ...asked('Is it bigger than 5 cm, about a golf ball?'),
      fact: 'size-over-5cm',
      measure: { threshold: 5, above: 'yes', below: 'no' },
      choices: yesNo({ yes: [], no: [] }),
    },
    'd-end': {
      type: 'disposition',
      code: 'book-specialist-visit',
      ...texts('Book a visit.'),
      bring: { en: [], it: [] },
    },
  },
});

describe('the answer reader', () => {
  let content: Content;
  let reader: AnswerReader;
  const pathways = new Map<string, Pathway>();
  const question = (pathway: string, node: string) => {
    const q = pathways.get(pathway)?.nodes[node];
    if (q?.type !== 'question') throw new Error(`${pathway}/${node} is not a question`);
    return q as QuestionNode;
  };
  beforeAll(async () => {
    content = await loadContent(root);
    reader = new AnswerReader(content.answerWords);
    for (const p of [...content.pathways, lump]) pathways.set(p.id, p);
  });

  /** What an answer is read as: the choice id, or the kind. */
  const read = (e: Pick<Example, 'pathway' | 'node' | 'text'>) => {
    const r = reader.read(e.text, question(e.pathway, e.node));
    return r.kind === AnswerKind.Choice ? r.choice?.id : r.kind;
  };

  describe('on the development examples (both languages)', () => {
    test.each(dev.answers.map((e) => [e.lang, e.pathway, e.node, e.text, e.expected] as const))(
      '[%s] %s/%s: "%s" is read as %s',
      (_lang, pathway, node, text, expected) => {
        expect(read({ pathway, node, text })).toBe(expected);
      },
    );

    test('every language has examples of hedges, negation and sizes', () => {
      for (const lang of ['en', 'it'] as const) {
        const mine = dev.answers.filter((e) => e.lang === lang);
        expect(mine.filter((e) => e.expected === 'unsure').length).toBeGreaterThanOrEqual(5);
        expect(
          mine.filter((e) => /\bnot?\b|\bnon\b/i.test(e.text) && e.expected === 'no').length,
        ).toBeGreaterThan(3);
        expect(mine.filter((e) => e.node === 'q-size').length).toBeGreaterThan(4);
      }
    });
  });

  describe('when the answer is a hedge', () => {
    const hedges = [
      'not sure',
      'no idea',
      "I don't know",
      'maybe',
      'boh',
      'non lo so',
      'non so',
      'forse',
      'non saprei',
      'difficile dirlo',
      'chissà',
      'no idea, sorry',
      'non lo so, boh',
    ];

    test('it is never read as No, on any yes/no question of any pathway', () => {
      const asNo: string[] = [];
      for (const p of pathways.values()) {
        for (const [id, node] of Object.entries(p.nodes)) {
          if (node.type !== 'question' || !node.choices.some((c) => c.id === 'no')) continue;
          for (const h of hedges) {
            const r = reader.read(h, node);
            if (r.choice?.id === 'no') asNo.push(`${p.id}/${id}: "${h}"`);
          }
        }
      }
      expect(asNo).toEqual([]);
    });

    test('it goes to the "unsure" choice where the question has one', () => {
      const q = question('suspicious-mole', 'q-bleeding');
      for (const h of hedges) expect({ h, id: reader.read(h, q).choice?.id }).toEqual({ h, id: 'unsure' });
    });

    test('where the question has none, the answer is a hedge, to be asked again', () => {
      expect(reader.read('forse', question('tumour-diagnosis', 'q-type')).kind).toBe(AnswerKind.Hedge);
    });
  });

  describe('when the answer holds a negation or a contrast', () => {
    test('a choice word after a negator in the same clause counts against its choice', () => {
      expect(read({ pathway: 'suspicious-mole', node: 'q-bleeding', text: 'not bleeding' })).toBe('no');
      expect(read({ pathway: 'suspicious-mole', node: 'q-bleeding', text: 'bleeding' })).toBe('yes');
    });

    test('the negation stops at a comma or a contrast word', () => {
      expect(
        read({ pathway: 'suspicious-mole', node: 'q-speed', text: 'not over months, but within weeks' }),
      ).toBe('fast');
      expect(read({ pathway: 'suspicious-mole', node: 'q-itch', text: 'no pain, but it itches' })).toBe(
        'yes',
      );
    });
  });

  describe('when the answer is a number or a label', () => {
    test('"2" picks the second choice and a label works in either language', () => {
      const q = question('suspicious-mole', 'q-changed');
      expect(reader.read('2', q).choice?.id).toBe(q.choices[1]?.id);
      expect(reader.read('No change', q).choice?.id).toBe('no');
      expect(reader.read('Nessun cambiamento', q).choice?.id).toBe('no');
    });

    test('a number beyond the choices is unclear', () => {
      expect(reader.read('9', question('suspicious-mole', 'q-changed')).kind).toBe(AnswerKind.Unclear);
    });
  });

  describe('when a message opens a pathway (the strict reading)', () => {
    test.each(dev.openings.map((o) => [o.pathway, o.text, o.facts] as const))(
      '%s: "%s" gives %j',
      (pathway, text, facts) => {
        const p = pathways.get(pathway)!;
        expect(Object.fromEntries(reader.readOpening(text, p))).toEqual(facts);
      },
    );
  });
});
