/**
 * Evaluates the knowledge matcher on a question set (run: `npm run eval`, or
 * `node dist/scripts/eval.js tests/knowledge/holdout-set.json` for another set): top-1 accuracy per language,
 * refusals of out-of-scope questions, every confusion, and match latency at 1× and 100× the content size.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/content/contentLoader';
import type { KnowledgeEntry } from '../src/content/knowledgeSchema';
import { evaluateMatcher, type Tally } from '../src/knowledge/evaluateMatcher';
import { evaluationSetSchema, type EvaluationSet } from '../src/knowledge/evaluationSet';
import { KnowledgeMatcher } from '../src/knowledge/knowledgeMatcher';
import { devCases, formatBlindFigures, runBlindEvaluation, runEvaluation } from './blindEvaluation';
import { BLIND_VIGNETTE_FILES, formatVignetteRuns, runBlindVignettes } from './blindVignettes';

const root = join(__dirname, '..', '..');

function pct(t: Tally): string {
  return `${((100 * t.correct) / Math.max(1, t.total)).toFixed(1)}% (${t.correct}/${t.total})`;
}

/** Percentile of sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Match latency over the evaluation texts, after warming up (three rounds over the entries' own phrasings): the first match of
 * each text (its words not yet remembered), then the median of four repeats (other processes on a shared machine
 * add noise to single runs); p50/p99 over texts.
 */
function latency(matcher: KnowledgeMatcher, entries: readonly KnowledgeEntry[], set: EvaluationSet): string {
  for (let round = 0; round < 3; round++) {
    for (const e of entries) {
      for (const lang of ['en', 'it'] as const) {
        for (const phrase of [e[lang].question, ...e[lang].alternates]) matcher.match(phrase, lang);
      }
    }
  }
  const first: number[] = [];
  const repeated: number[] = [];
  for (const q of [...set.questions, ...set.outOfScope]) {
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const start = performance.now();
      matcher.match(q.text, q.lang);
      runs.push(performance.now() - start);
    }
    first.push(runs[0] ?? 0);
    repeated.push(
      percentile(
        runs.slice(1).sort((a, b) => a - b),
        50,
      ),
    );
  }
  const summary = (samples: number[]): string => {
    samples.sort((a, b) => a - b);
    return `p50 ${percentile(samples, 50).toFixed(3)} ms, p99 ${percentile(samples, 99).toFixed(3)} ms`;
  };
  return `first time ${summary(first)}; repeated ${summary(repeated)} (${first.length} texts)`;
}

/** The entries copied `times` times, each copy marked with its own made-up word so the vocabulary grows too. */
function scaled(entries: readonly KnowledgeEntry[], times: number): KnowledgeEntry[] {
  const out: KnowledgeEntry[] = [...entries];
  for (let n = 1; n < times; n++) {
    const mark = `zq${n.toString(36)}x`;
    const side = (s: KnowledgeEntry['en']): KnowledgeEntry['en'] => ({
      question: `${s.question} ${mark}`,
      alternates: s.alternates.map((a) => `${a} ${mark}`),
      answer: `${s.answer} ${mark}`,
    });
    for (const e of entries) out.push({ ...e, id: `${e.id}-copy-${n}`, en: side(e.en), it: side(e.it) });
  }
  return out;
}

async function main(): Promise<void> {
  const content = await loadContent(root);
  const entries = [...content.entries];
  const setPath = resolve(
    root,
    process.argv.slice(2).find((a) => !a.startsWith('--')) ??
      join('tests', 'knowledge', 'evaluation-set.json'),
  );
  const set = evaluationSetSchema.parse(JSON.parse(await readFile(setPath, 'utf8')));
  let start = performance.now();
  const matcher = KnowledgeMatcher.build(entries, [], content.synonyms);
  const buildMs = performance.now() - start;
  const report = evaluateMatcher(set, (text, lang) => matcher.match(text, lang));

  console.log(
    `Knowledge matcher evaluation of ${relative(root, setPath)}: ${entries.length} entries, ${set.questions.length} questions, ${set.outOfScope.length} out of scope`,
  );
  console.log(
    `  top-1 accuracy          ${pct(report.top1)}   (best match is the expected entry, band high or medium)`,
  );
  console.log(`    English               ${pct(report.top1ByLanguage.en)}`);
  console.log(`    Italian               ${pct(report.top1ByLanguage.it)}`);
  console.log(
    `  answered directly       ${pct(report.answeredDirectly)}   (band high with the expected entry)`,
  );
  console.log(`  wrong direct answers    ${report.wrongAnswers}   (band high with another entry)`);
  console.log(`  out-of-scope refused    ${pct(report.refusals)}   (band low)`);
  console.log('');
  console.log('Confusions (expected → got [band score/coverage]):');
  for (const c of report.confusions) {
    const got = c.band === 'low' ? `refused (nearest ${c.nearest ?? '-'})` : c.got;
    const numbers = c.score === undefined ? '' : ` ${c.score.toFixed(2)}/${(c.coverage ?? 0).toFixed(2)}`;
    console.log(`  [${c.lang}] "${c.text}": ${c.expected ?? 'out of scope'} → ${got} [${c.band}${numbers}]`);
    if (c.expected) {
      const missing = matcher.missingWords(c.text, c.lang, c.expected);
      const parts = [
        missing.unknown.length > 0 ? `unknown to the knowledge base: ${missing.unknown.join(', ')}` : '',
        missing.elsewhere.length > 0 ? `only in other entries: ${missing.elsewhere.join(', ')}` : '',
      ].filter(Boolean);
      if (parts.length > 0) console.log(`      ${c.expected} lacks: ${parts.join('; ')}`);
    }
  }

  const withPathways = KnowledgeMatcher.build(entries, content.pathways, content.synonyms);
  const toPathway = set.questions.filter((q) => withPathways.match(q.text, q.lang).best?.kind === 'pathway');
  console.log('');
  console.log(
    `With the ${content.pathways.length} pathways' openers indexed too, ${toPathway.length} in-scope questions start a pathway:`,
  );
  for (const q of toPathway) {
    console.log(
      `  [${q.lang}] "${q.text}" (${q.expected}) → pathway ${withPathways.match(q.text, q.lang).best?.id}`,
    );
  }

  console.log('');
  console.log(
    `Latency at 1× (${entries.length} entries, built in ${buildMs.toFixed(0)} ms): ${latency(matcher, entries, set)}`,
  );
  console.log('');
  console.log(
    'Development set (tests/knowledge/dev-set.json, chat-style wording; tuned on, so not a measure):',
  );
  const dev = await runEvaluation(root, (lang) => devCases(root, lang));
  for (const line of formatBlindFigures(dev)) console.log(`  ${line}`);
  if (process.argv.includes('--dev-failures'))
    for (const f of dev.flatMap((d) => d.failures.map((x) => ({ ...x, lang: d.lang }))))
      console.log(`    [${f.lang}] "${f.text}": ${f.expected} → ${f.got}`);
  if (process.argv.includes('--dev-only')) return;
  console.log('');
  console.log('Blind sets (tests/blind, frozen 2026-12-04, never tuned on):');
  for (const line of formatBlindFigures(await runBlindEvaluation(root))) console.log(`  ${line}`);
  for (const name of BLIND_VIGNETTE_FILES)
    for (const line of formatVignetteRuns(await runBlindVignettes(root, name), name))
      console.log(`  ${line}`);

  const big = scaled(entries, 100);
  start = performance.now();
  const bigMatcher = KnowledgeMatcher.build(big, content.pathways, content.synonyms);
  const bigBuildMs = performance.now() - start;
  console.log(
    `Latency at 100× (${big.length} entries, built in ${bigBuildMs.toFixed(0)} ms): ${latency(bigMatcher, entries, set)}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
