import type { Language } from '../content/language';
import { ConfidenceBand } from './confidenceBand';
import type { EvaluationSet } from './evaluationSet';
import type { MatchResult } from './matchResult';

/** One evaluation question the matcher got wrong. */
export interface Confusion {
  /** The question. */
  readonly text: string;
  /** Its language. */
  readonly lang: Language;
  /** The entry that answers it, or undefined for an out-of-scope question. */
  readonly expected?: string;
  /** What the matcher chose (undefined when it refused). */
  readonly got?: string;
  /** When it refused: the nearest document, which it rightly did not offer or wrongly missed. */
  readonly nearest?: string;
  /** The confidence band of the matcher's answer. */
  readonly band: ConfidenceBand;
  /** Score of what it chose (or of the nearest document when it refused). */
  readonly score?: number;
  /** Coverage of what it chose (or of the nearest document). */
  readonly coverage?: number;
}

/** Counts over a part of the evaluation set. */
export interface Tally {
  /** Questions asked. */
  readonly total: number;
  /** Questions handled as expected. */
  readonly correct: number;
}

/** How the matcher did on the evaluation set. */
export interface EvaluationReport {
  /** In-scope questions whose best match is the expected entry, with a band that offers it (high or medium). */
  readonly top1: Tally;
  /** The same, per language. */
  readonly top1ByLanguage: Readonly<Record<Language, Tally>>;
  /** In-scope questions answered directly (high) with the expected entry. */
  readonly answeredDirectly: Tally;
  /** In-scope questions answered directly (high) with a WRONG entry: the costly mistake. */
  readonly wrongAnswers: number;
  /** Out-of-scope questions refused (band low). */
  readonly refusals: Tally;
  /** Every question handled wrongly. */
  readonly confusions: readonly Confusion[];
}

/** Runs every evaluation question through `match` and tallies top-1 accuracy and refusals. */
export function evaluateMatcher(
  set: EvaluationSet,
  match: (text: string, lang: Language) => MatchResult,
): EvaluationReport {
  const byLang: Record<Language, { total: number; correct: number }> = {
    en: { total: 0, correct: 0 },
    it: { total: 0, correct: 0 },
  };
  let direct = 0;
  let wrong = 0;
  const confusions: Confusion[] = [];
  for (const q of set.questions) {
    const result = match(q.text, q.lang);
    const ok = result.band !== ConfidenceBand.Low && result.best?.id === q.expected;
    byLang[q.lang].total += 1;
    if (ok) byLang[q.lang].correct += 1;
    if (ok && result.band === ConfidenceBand.High) direct += 1;
    if (!ok && result.band === ConfidenceBand.High) wrong += 1;
    if (!ok) confusions.push(confusionOf(q.text, q.lang, q.expected, result));
  }
  let refused = 0;
  for (const q of set.outOfScope) {
    const result = match(q.text, q.lang);
    if (result.band === ConfidenceBand.Low) refused += 1;
    else confusions.push(confusionOf(q.text, q.lang, undefined, result));
  }
  const total = set.questions.length;
  return {
    top1: { total, correct: byLang.en.correct + byLang.it.correct },
    top1ByLanguage: byLang,
    answeredDirectly: { total, correct: direct },
    wrongAnswers: wrong,
    refusals: { total: set.outOfScope.length, correct: refused },
    confusions,
  };
}

function confusionOf(
  text: string,
  lang: Language,
  expected: string | undefined,
  result: MatchResult,
): Confusion {
  const shown = result.best ?? result.nearest;
  return {
    text,
    lang,
    expected,
    got: result.best?.id,
    nearest: result.nearest?.id,
    band: result.band,
    score: shown?.score,
    coverage: shown?.coverage,
  };
}
