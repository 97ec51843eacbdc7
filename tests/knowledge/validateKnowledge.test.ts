import { join } from 'node:path';
import type { BookingLine } from '../../src/content/bookingLineSchema';
import type { KnowledgeEntry } from '../../src/content/knowledgeSchema';
import type { SynonymsFile } from '../../src/content/synonymsSchema';
import { validateKnowledge } from '../../src/content/validateKnowledge';
import { loadContent } from '../../src/content/contentLoader';

const PHONE = '+39 02 5748 9001';
const bookingLine = { phone: PHONE } as BookingLine;

function entry(id: string, overrides: Partial<KnowledgeEntry> = {}): KnowledgeEntry {
  return {
    id,
    kind: 'faq',
    factFree: true,
    reviewed: '2026-01-01',
    related: [],
    appendLineStatus: false,
    en: {
      question: `What is ${id}?`,
      alternates: [`${id} en 1`, `${id} en 2`, `${id} en 3`],
      answer: `About ${id}.`,
    },
    it: {
      question: `Che cos'è ${id}?`,
      alternates: [`${id} it 1`, `${id} it 2`, `${id} it 3`],
      answer: `Su ${id}.`,
    },
    ...overrides,
  };
}

const origins = { entry: (id: string) => `knowledge/entries/${id.startsWith('b') ? 'b' : 'a'}.json` };
const check = (entries: KnowledgeEntry[], synonyms: SynonymsFile = { en: {}, it: {} }) =>
  validateKnowledge({ entries, synonyms, bookingLine }, origins);

describe('when the knowledge base is consistent', () => {
  test('it reports nothing', () => {
    expect(check([entry('alpha', { related: ['beta'] }), entry('beta')])).toEqual([]);
  });
});

describe('when the knowledge base has a mistake', () => {
  test('it reports an id used twice, naming the file and the id', () => {
    const issues = check([entry('alpha'), entry('alpha', { reviewNote: 'other file' })]);
    expect(issues).toEqual([
      expect.objectContaining({ file: 'knowledge/entries/a.json', node: 'entries (id "alpha")' }),
    ]);
    expect(issues[0]?.problem).toMatch(/used by 2 entries/);
  });

  test('it reports lineStatusFirst on an entry that adds no status', () => {
    const issues = check([entry('alpha', { lineStatusFirst: true })]);
    expect(issues).toEqual([expect.objectContaining({ node: 'entries (id "alpha").lineStatusFirst' })]);
  });

  test('it reports a status placed after an answer that does not give the number and hours', () => {
    const issues = check([entry('alpha', { appendLineStatus: true })]);
    expect(issues.map((i) => i.node)).toEqual([
      'entries (id "alpha").en.answer',
      'entries (id "alpha").it.answer',
    ]);
    expect(issues[0]?.fix).toMatch(/lineStatusFirst/);
    const base = entry('beta', { appendLineStatus: true });
    const withHours = (answer: string) => ({ ...base.en, answer });
    expect(
      check([
        {
          ...base,
          en: withHours(`Call ${PHONE}, 08:00–16:00.`),
          it: { ...base.it, answer: `Chiami ${PHONE}.` },
        },
      ]),
    ).toEqual([]);
  });

  test('it reports a related id that does not exist', () => {
    const issues = check([entry('alpha', { related: ['gamma'] })]);
    expect(issues).toEqual([expect.objectContaining({ node: 'entries (id "alpha").related' })]);
    expect(issues[0]?.problem).toMatch(/"gamma"/);
  });

  test('it reports an answer left untranslated', () => {
    const base = entry('alpha');
    const issues = check([{ ...base, it: { ...base.it, answer: base.en.answer } }]);
    expect(issues.map((i) => i.node)).toEqual(['entries (id "alpha").it.answer']);
  });

  test('it reports a phrasing two entries share after normalisation', () => {
    const a = entry('alpha');
    const b = entry('beta');
    const issues = check([a, { ...b, en: { ...b.en, alternates: [...b.en.alternates, 'WHAT is alpha'] } }]);
    expect(issues).toEqual([
      expect.objectContaining({ file: 'knowledge/entries/b.json', node: 'entries (id "beta").en' }),
    ]);
    expect(issues[0]?.problem).toMatch(/also used by the entry "alpha"/);
  });

  test('it reports a phone number written differently from the booking line', () => {
    const base = entry('alpha');
    const issues = check([
      { ...base, en: { ...base.en, answer: 'Call 02 5748 9001, or +39 02 5748 9001.' } },
    ]);
    expect(issues).toEqual([expect.objectContaining({ node: 'entries (id "alpha").en.answer' })]);
    expect(issues[0]?.problem).toMatch(/"02 5748 9001"/);
  });

  test('it accepts the booking line, the emergency number, times and counts', () => {
    const base = entry('alpha');
    const answer = `Call ${PHONE}, 08:00–16:00; in an emergency 112. We operate on 600 people a year (2026).`;
    expect(check([{ ...base, en: { ...base.en, answer } }])).toEqual([]);
  });

  test('it reports a synonym variant listed under two canonical terms', () => {
    const issues = check([entry('alpha')], { en: { nodule: ['lump', 'bump'], swelling: ['Lump'] }, it: {} });
    expect(issues).toEqual([
      expect.objectContaining({ file: 'knowledge/synonyms.json', node: 'en["swelling"]' }),
    ]);
  });

  test('it reports a variant that is itself another canonical term', () => {
    const issues = check([entry('alpha')], { en: {}, it: { radioterapia: ['radio'], radio: ['raggi'] } });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.problem).toMatch(/canonical term "radio"/);
  });
});

describe('when the real knowledge base is checked', () => {
  test('it has no knowledge issue', async () => {
    const content = await loadContent(join(__dirname, '..', '..'));
    expect(validateKnowledge(content, { entry: () => 'knowledge/entries' })).toEqual([]);
  });
});
