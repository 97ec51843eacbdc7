import { readFileSync } from 'node:fs';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import { join } from 'node:path';
import { evaluateMatcher, type EvaluationReport } from '../../src/knowledge/evaluateMatcher';
import { evaluationSetSchema } from '../../src/knowledge/evaluationSet';
import { ConfidenceBand } from '../../src/knowledge/confidenceBand';
import { KnowledgeMatcher } from '../../src/knowledge/knowledgeMatcher';
import { MATCHER_DEFAULTS } from '../../src/knowledge/matcherOptions';
import { normalizeText } from '../../src/knowledge/normalizeText';

const root = join(__dirname, '..', '..');
const set = evaluationSetSchema.parse(
  JSON.parse(readFileSync(join(__dirname, 'evaluation-set.json'), 'utf8')) as unknown,
);

let content: Content;
let matcher: KnowledgeMatcher;
let report: EvaluationReport;

beforeAll(async () => {
  content = await loadContent(root);
  matcher = KnowledgeMatcher.build(content.entries, [], content.synonyms);
  report = evaluateMatcher(set, (text, lang) => matcher.match(text, lang));
});

const rate = (t: { correct: number; total: number }): number => t.correct / t.total;
const confusions = (): string =>
  report.confusions
    .map((c) => `[${c.lang}] "${c.text}": ${c.expected ?? 'out of scope'} → ${c.got ?? 'refused'}`)
    .join('\n');

describe('when the matcher answers the held-out evaluation questions (npm run eval shows the details)', () => {
  test('it picks the expected entry for at least 95% of them', () => {
    if (rate(report.top1) < 0.95) console.log(confusions());
    expect(rate(report.top1)).toBeGreaterThanOrEqual(0.95);
  });

  test('it refuses at least 90% of the out-of-scope questions', () => {
    expect(rate(report.refusals)).toBeGreaterThanOrEqual(0.9);
  });

  test('it asks about every knowledge entry', () => {
    const asked = new Set(set.questions.map((q) => q.expected));
    const missing = content.entries.map((e) => e.id).filter((id) => !asked.has(id));
    expect(missing).toEqual([]);
  });
});

describe('when the evaluation set is compared with the knowledge base', () => {
  test('no evaluation question is a copy of a knowledge-base phrasing (after normalisation)', () => {
    const phrasings = new Set(
      content.entries.flatMap((e) =>
        (['en', 'it'] as const).flatMap((lang) =>
          [e[lang].question, ...e[lang].alternates].map((p) => `${lang}:${normalizeText(p)}`),
        ),
      ),
    );
    const copies = [...set.questions, ...set.outOfScope].filter((q) =>
      phrasings.has(`${q.lang}:${normalizeText(q.text)}`),
    );
    expect(copies.map((q) => q.text)).toEqual([]);
  });

  test('every expected id names an entry', () => {
    const ids = new Set(content.entries.map((e) => e.id));
    expect(set.questions.map((q) => q.expected).filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('when the real knowledge base is asked what a sarcoma is', () => {
  test.each([
    ['What is a sarcoma?', 'en'],
    ["Cos'è un sarcoma?", 'it'],
  ] as const)(
    'it answers "%s" directly with what-is-soft-tissue-sarcoma, not the list of subtypes',
    (text, lang) => {
      const result = matcher.match(text, lang);
      expect(result.band).toBe(ConfidenceBand.High);
      expect(result.best?.id).toBe('what-is-soft-tissue-sarcoma');
    },
  );
});

describe('when a question names a subtype inside a story about the patient', () => {
  const stories = [
    ['my sister was diagnosed last month with a leiomyosarcoma of the thigh', 'en', 'leiomyosarcoma'],
    ['a mia zia hanno tolto un liposarcoma dalla gamba il mese scorso, voi lo seguite?', 'it', 'liposarcoma'],
    [
      "il chirurgo ha parlato di un tumore desmoide nella parete dell'addome, cos'è",
      'it',
      'desmoid-fibromatosis',
    ],
  ] as const;

  test.each(stories)('it offers the subtype\'s entry for "%s"', (text, lang, id) => {
    const result = matcher.match(text, lang);
    expect(result.band).not.toBe(ConfidenceBand.Low);
    expect(result.best?.id).toBe(id);
  });

  test('without the allowance for a named entry, the story around the name would hide it', () => {
    const strict = KnowledgeMatcher.build(content.entries, [], content.synonyms, {
      namedBonus: 0,
      namedLowScore: MATCHER_DEFAULTS.lowScore,
      namedLowCoverage: MATCHER_DEFAULTS.lowCoverage,
    });
    const found = stories.filter(([text, lang, id]) => {
      const result = strict.match(text, lang);
      return result.band !== ConfidenceBand.Low && result.best?.id === id;
    });
    expect(found).toEqual([]);
  });
});
