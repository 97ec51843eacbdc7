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
const readSet = (file: string) =>
  evaluationSetSchema.parse(JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as unknown);
const set = readSet('evaluation-set.json');
/** Written before any tuning, from the plan and the department page; measured, never tuned on. */
const holdout = readSet('holdout-set.json');

let content: Content;
let matcher: KnowledgeMatcher;
let report: EvaluationReport;
let holdoutReport: EvaluationReport;

beforeAll(async () => {
  content = await loadContent(root);
  matcher = KnowledgeMatcher.build(content.entries, [], content.synonyms);
  report = evaluateMatcher(set, (text, lang) => matcher.match(text, lang));
  holdoutReport = evaluateMatcher(holdout, (text, lang) => matcher.match(text, lang));
});

const rate = (t: { correct: number; total: number }): number => t.correct / t.total;
const confusions = (): string =>
  report.confusions
    .map((c) => `[${c.lang}] "${c.text}": ${c.expected ?? 'out of scope'} → ${c.got ?? 'refused'}`)
    .join('\n');

describe('when the matcher answers the evaluation questions, its development set (npm run eval shows the details)', () => {
  test('it picks the expected entry for at least 95% of them', () => {
    if (rate(report.top1) < 0.95) console.log(confusions());
    expect(rate(report.top1)).toBeGreaterThanOrEqual(0.95);
  });

  test('it refuses at least 85% of the out-of-scope questions (88.4% when the kind answers came in)', () => {
    expect(rate(report.refusals)).toBeGreaterThanOrEqual(0.85);
  });

  test('it asks about every knowledge entry', () => {
    const asked = new Set(set.questions.map((q) => q.expected));
    const missing = content.entries.map((e) => e.id).filter((id) => !asked.has(id));
    expect(missing).toEqual([]);
  });
});

describe('when the matcher answers the held-out questions, written before any tuning and never tuned on', () => {
  test('it picks the expected entry for at least 94% of them (96.2% of 183 when the floor was set; 95.0% of 219 with the kind answers)', () => {
    expect(rate(holdoutReport.top1)).toBeGreaterThanOrEqual(0.94);
  });

  // The kind answers (costs, waiting times, side effects…) draw questions near their topic into "did you mean";
  // they offer an entry that states no fact, and none is answered directly (the test below).
  test('it refuses at least 65% of the out-of-scope ones (86.7% of 30 when the floor was set; 68.8% of 32 with the kind answers)', () => {
    expect(rate(holdoutReport.refusals)).toBeGreaterThanOrEqual(0.65);
  });

  test('it asks about every knowledge entry', () => {
    const asked = new Set(holdout.questions.map((q) => q.expected));
    expect(content.entries.map((e) => e.id).filter((id) => !asked.has(id))).toEqual([]);
  });
});

describe('when an out-of-scope question is asked', () => {
  test.each([
    ['development', () => report],
    ['held-out', () => holdoutReport],
  ] as const)(
    'no question of the %s set is answered directly with an entry (at most "did you mean")',
    (_name, get) => {
      const direct = get()
        .confusions.filter((c) => c.expected === undefined && c.band === ConfidenceBand.High)
        .map((c) => `${c.text} → ${c.got ?? ''}`);
      expect(direct).toEqual([]);
    },
  );
});

describe('when the evaluation and held-out sets are compared with the knowledge base', () => {
  const phrasings = (): Set<string> =>
    new Set(
      content.entries.flatMap((e) =>
        (['en', 'it'] as const).flatMap((lang) =>
          [e[lang].question, ...e[lang].alternates].map((p) => `${lang}:${normalizeText(p)}`),
        ),
      ),
    );

  test.each([
    ['evaluation', set],
    ['held-out', holdout],
  ] as const)('no %s question is a copy of a knowledge-base phrasing (after normalisation)', (_name, s) => {
    const known = phrasings();
    const copies = [...s.questions, ...s.outOfScope].filter((q) =>
      known.has(`${q.lang}:${normalizeText(q.text)}`),
    );
    expect(copies.map((q) => q.text)).toEqual([]);
  });

  test('every expected id names an entry', () => {
    const ids = new Set(content.entries.map((e) => e.id));
    const expected = [...set.questions, ...holdout.questions].map((q) => q.expected);
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
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
