import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { loadContent } from '../../src/content/contentLoader';
import { LANGUAGES } from '../../src/content/language';
import { FuzzyPattern, FuzzyRecord, type FuzzyFields } from '../../src/knowledge/fuzzyRecord';
import { MATCHER_DEFAULTS } from '../../src/knowledge/matcherOptions';
import { normalizeText } from '../../src/knowledge/normalizeText';
import { SynonymExpander } from '../../src/knowledge/synonymExpander';
import { TextAnalyzer } from '../../src/knowledge/textAnalyzer';

const ROOT = join(__dirname, '..', '..');
const { fuseKeyWeights: WEIGHTS, fuseThreshold: THRESHOLD, maxFuzzyPatternLength } = MATCHER_DEFAULTS;

/** A small document: "how much does a visit cost?", as the matcher writes it. */
const COST_OF_A_VISIT: FuzzyFields = {
  canonical: 'cost visit',
  phrases: ['much visit cost'],
  body: 'visit cost nation health',
};

/** What the matcher did before: a fuse.js search over the document's one record. */
function fuseSearch(fields: FuzzyFields, pattern: string): number {
  const fuse = new Fuse([fields], FuzzyRecord.fuseOptions(WEIGHTS, THRESHOLD));
  return fuse.search(pattern)[0]?.score ?? 1;
}

describe('a document’s fuzzy score is exactly fuse.js’s, for less work', () => {
  test('on every knowledge entry, against the evaluation questions (as the matcher writes them), in both languages', async () => {
    const content = await loadContent(ROOT);
    const analyzer = new TextAnalyzer(SynonymExpander.build(content.synonyms));
    const stems = (text: string, lang: 'en' | 'it') =>
      analyzer
        .analyze(text, lang)
        .map((t) => t.stem)
        .join(' ');
    const sets = ['evaluation-set.json', 'holdout-set.json'].map(
      (f) =>
        JSON.parse(readFileSync(join(ROOT, 'tests', 'knowledge', f), 'utf8')) as {
          questions: { text: string; lang: 'en' | 'it' }[];
          outOfScope: { text: string; lang: 'en' | 'it' }[];
        },
    );
    let compared = 0;
    let matched = 0;
    let settledByBound = 0;
    for (const lang of LANGUAGES) {
      const records = content.entries.map((e) => {
        const fields: FuzzyFields = {
          canonical: stems(e[lang].question, lang),
          phrases: e[lang].alternates.map((a) => stems(a, lang)),
          body: [...new Set(stems(e[lang].answer, lang).split(' '))]
            .join(' ')
            .slice(0, MATCHER_DEFAULTS.maxFuzzyBodyLength),
        };
        return { fields, record: FuzzyRecord.build(fields, WEIGHTS, THRESHOLD) };
      });
      const patterns = sets
        .flatMap((s) => [...s.questions, ...s.outOfScope])
        .filter((q) => q.lang === lang)
        .filter((_, i) => i % 3 === 0)
        .map((q) => stems(q.text, lang))
        .filter((p) => p.length > 0 && p.length <= maxFuzzyPatternLength);
      // A few typed with typos, which is what fuse.js is there for.
      patterns.push(...patterns.slice(0, 20).map((p) => p.replace(/[aeiou](?=[a-z])/, '')));
      for (const text of patterns) {
        const pattern = new FuzzyPattern(text, THRESHOLD);
        for (const { fields, record } of records) {
          const expected = fuseSearch(fields, text);
          expect({ text, doc: fields.canonical, score: record.score(pattern) }).toEqual({
            text,
            doc: fields.canonical,
            score: expected,
          });
          compared += 1;
          if (expected < 1) matched += 1;
          // Told that only a score under `atLeast` matters, it returns the exact score, or (only when that is
          // not under `atLeast`) a value from `atLeast` up to it, found without searching.
          for (const atLeast of [0.05, 0.3, 0.6, 0.9]) {
            const bounded = record.score(pattern, atLeast);
            if (bounded === expected) continue;
            expect({
              text,
              atLeast,
              expected,
              boundedInRange: atLeast <= bounded && bounded <= expected,
            }).toEqual({
              text,
              atLeast,
              expected,
              boundedInRange: true,
            });
            settledByBound += 1;
          }
        }
      }
    }
    // The comparison covered matches as well as misses, and scores settled by the bound.
    expect(compared).toBeGreaterThan(10_000);
    expect(matched).toBeGreaterThan(300);
    expect(settledByBound).toBeGreaterThan(1_000);
  });

  test('it does not search a record whose texts cannot score under the bound it is given', () => {
    const fields = COST_OF_A_VISIT;
    const record = FuzzyRecord.build(fields, WEIGHTS, THRESHOLD);
    const pattern = new FuzzyPattern('cost visit', THRESHOLD);
    const search = jest.spyOn(Fuse, 'match');
    try {
      // The canonical question is the very text: its score is about 0, so a bound of 0.5 needs the search.
      expect(record.score(pattern, 0.5)).toBe(fuseSearch(fields, 'cost visit'));
      expect(search).toHaveBeenCalled();
      search.mockClear();
      // "much visit cost" and the answer's words could score no better than a few errors in ten letters.
      const typo = new FuzzyPattern('cots visir', THRESHOLD);
      const exact = record.score(typo);
      search.mockClear();
      const bounded = record.score(typo, 1e-9);
      expect(search).not.toHaveBeenCalled();
      expect(bounded).toBeGreaterThanOrEqual(1e-9);
      expect(bounded).toBeLessThanOrEqual(exact);
    } finally {
      search.mockRestore();
    }
  });

  test('normalised text is already what fuse.js would fold it to, so the record can skip fuse.js’s folding', () => {
    const samples = [
      'Perché è già così? Può darsi',
      'ÆØÅ œuvre Straße',
      'İstanbul ılık',
      'Łódź Đorđe ħabib ŧest',
      'ﬁnal ligature, Ｆｕｌｌｗｉｄｔｈ',
      'Ångström Å naïve café',
      'Ωμέγα Йод ё',
      'mole 🙂 bleeding!!',
    ];
    for (const sample of samples) {
      const n = normalizeText(sample);
      // fuse.js lower-cases, decomposes (NFD), drops combining marks and maps ł, đ, ø, ħ, ŧ, ı and ß.
      expect({ sample, n: n.normalize('NFD').toLowerCase() }).toEqual({ sample, n });
      expect(n).not.toMatch(/[\p{M}łŁđĐøØħĦŧŦıß]/u);
    }
  });

  test('an empty query matches nothing, as with fuse.js', () => {
    const fields = COST_OF_A_VISIT;
    const record = FuzzyRecord.build(fields, WEIGHTS, THRESHOLD);
    expect(record.score(new FuzzyPattern('', THRESHOLD))).toBe(1);
    expect(record.score(new FuzzyPattern('   ', THRESHOLD))).toBe(fuseSearch(fields, '   '));
  });

  test('a typo still matches, and an unrelated query does not', () => {
    const fields = COST_OF_A_VISIT;
    const record = FuzzyRecord.build(fields, WEIGHTS, THRESHOLD);
    expect(record.score(new FuzzyPattern('cots visit', THRESHOLD))).toBeLessThan(1);
    expect(record.score(new FuzzyPattern('liposarcoma', THRESHOLD))).toBe(1);
  });
});
