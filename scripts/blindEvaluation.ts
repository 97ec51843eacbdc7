/**
 * The blind evaluation of question answering: every question of `tests/blind/kb-blind-{en,it}.json` is sent to the
 * real bot, each in a new conversation, through `/api/messages` with expectReplies, and the reply is judged from
 * what a visitor would see (`channelData.triage` says which entry was answered, what was offered, or that a pathway
 * started). The labels (`*.labels.json`) were written after the questions were frozen, by an annotator who read the
 * knowledge base but never the matcher.
 */
import { startEvaluationBot } from './evaluationBot';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../src/content/language';

/** A blind question set as its writer froze it. */
interface BlindSet {
  readonly written: string;
  readonly lang: Language;
  readonly answerable: ReadonlyArray<{ text: string; form?: readonly string[] }>;
  readonly unanswerable: ReadonlyArray<{ text: string; category: string }>;
}

/** The annotator's labels, by position in the set. */
interface BlindLabels {
  readonly answerable: ReadonlyArray<{
    i: number;
    expected: readonly string[];
    pathwayOk?: readonly string[];
  }>;
  readonly unanswerable: ReadonlyArray<{ i: number; answeredBy: readonly string[] }>;
}

/** What the bot did with one question, read from its replies. */
interface Outcome {
  readonly kind: 'answered' | 'did-you-mean' | 'refused' | 'pathway' | 'emergency' | 'other';
  readonly entry?: string;
  readonly suggestions: readonly string[];
  readonly pathway?: string;
  readonly text: string;
  readonly choices: number;
}

/** One question to judge. */
export interface Case {
  readonly text: string;
  readonly forms: readonly string[];
  readonly expected: readonly string[];
  readonly pathways: readonly string[];
  readonly category?: string;
}

/** The figures of one language. */
export interface BlindFigures {
  readonly lang: Language;
  readonly answerable: number;
  readonly direct: number;
  readonly topThree: number;
  readonly wrongDirect: number;
  readonly pathwayFromInformation: number;
  readonly unanswerable: number;
  readonly honest: number;
  readonly honestWithWayOn: number;
  readonly bookingQuestions: number;
  readonly bookingWithNumber: number;
  readonly gaps: number;
  /** Misses of answerable questions, counted by the writer's form labels (typo, greeting, lay…). */
  readonly missesByForm: Readonly<Record<string, { misses: number; of: number }>>;
  /** Every question handled wrongly: its text, what was expected and what the bot did. */
  readonly failures: ReadonlyArray<{ text: string; expected: string; got: string }>;
  /** Unanswerable questions not refused honestly, by category. */
  readonly leaksByCategory: Readonly<Record<string, { leaks: number; of: number }>>;
}

/** The pathway ids the annotator's short names stand for. */
const PATHWAY_NAMES: Readonly<Record<string, string>> = Object.freeze({ lump: 'lump-or-swelling' });
const BOOKING_ENTRIES = new Set(['booking-line-hours', 'how-to-book-a-visit']);
const BOOKING_NUMBER = '5748 9001';

function outcomeOf(activities: ReadonlyArray<Record<string, unknown>>): Outcome {
  const messages = activities.filter((a) => a.type === 'message');
  const text = messages.map((a) => String(a.text ?? '')).join('\n');
  const last = messages[messages.length - 1] as { suggestedActions?: { actions: unknown[] } } | undefined;
  const choices = last?.suggestedActions?.actions.length ?? 0;
  for (const a of messages) {
    const triage = (a.channelData as { triage?: Record<string, unknown> } | undefined)?.triage;
    if (!triage) continue;
    if (triage.disposition === 'emergency-112') return { kind: 'emergency', suggestions: [], text, choices };
    const outcome = triage.outcome as string | undefined;
    if (outcome === 'answered')
      return { kind: 'answered', entry: triage.entry as string, suggestions: [], text, choices };
    if (outcome === 'did-you-mean')
      return { kind: 'did-you-mean', suggestions: (triage.suggestions as string[]) ?? [], text, choices };
    if (outcome === 'refused') return { kind: 'refused', suggestions: [], text, choices };
    if (outcome === 'pathway')
      return { kind: 'pathway', pathway: triage.pathway as string, suggestions: [], text, choices };
  }
  return { kind: 'other', suggestions: [], text, choices };
}

/** The questions of one language to judge. */
export interface CaseSet {
  readonly lang: Language;
  readonly answerable: readonly Case[];
  readonly unanswerable: readonly Case[];
  /** Answerable questions no entry answers (not counted). */
  readonly gaps: number;
}

/** One language of the frozen blind set, with its labels. */
async function blindCases(root: string, lang: Language): Promise<CaseSet> {
  const set = JSON.parse(
    await readFile(join(root, 'tests', 'blind', `kb-blind-${lang}.json`), 'utf8'),
  ) as BlindSet;
  const labels = JSON.parse(
    await readFile(join(root, 'tests', 'blind', `kb-blind-${lang}.labels.json`), 'utf8'),
  ) as BlindLabels;
  const answerable: Case[] = [];
  const unanswerable: Case[] = [];
  let gaps = 0;
  for (const l of labels.answerable) {
    const q = set.answerable[l.i];
    if (!q) continue;
    const pathways = (l.pathwayOk ?? []).map((p) => PATHWAY_NAMES[p] ?? p);
    if (l.expected.length === 0 && pathways.length === 0) gaps += 1;
    else answerable.push({ text: q.text, forms: q.form ?? [], expected: l.expected, pathways });
  }
  for (const l of labels.unanswerable) {
    const q = set.unanswerable[l.i];
    if (!q) continue;
    // Questions the writer thought unanswerable but an entry does answer are judged as answerable.
    if (l.answeredBy.length > 0)
      answerable.push({ text: q.text, forms: [], expected: l.answeredBy, pathways: [] });
    else unanswerable.push({ text: q.text, forms: [], expected: [], pathways: [], category: q.category });
  }
  return { lang, answerable, unanswerable, gaps };
}

/** One language of the development set (`tests/knowledge/dev-set.json`), which tuning may read. */
export async function devCases(root: string, lang: Language): Promise<CaseSet> {
  const file = JSON.parse(await readFile(join(root, 'tests', 'knowledge', 'dev-set.json'), 'utf8')) as {
    questions: Array<{
      lang: Language;
      text: string;
      answerable: boolean;
      expected: string[];
      pathwayOk?: string[];
      form?: string[];
    }>;
  };
  const mine = file.questions.filter((q) => q.lang === lang);
  const toCase = (q: (typeof mine)[number]): Case => ({
    text: q.text,
    forms: q.form ?? [],
    expected: q.expected,
    pathways: (q.pathwayOk ?? []).map((p) => PATHWAY_NAMES[p] ?? p),
  });
  const answerable = mine.filter(
    (q) => q.answerable && (q.expected.length > 0 || (q.pathwayOk ?? []).length > 0),
  );
  return {
    lang,
    answerable: answerable.map(toCase),
    unanswerable: mine.filter((q) => !q.answerable).map(toCase),
    gaps: mine.filter((q) => q.answerable).length - answerable.length,
  };
}

/** Runs both languages' blind sets through a fresh bot and returns the figures. */
export async function runBlindEvaluation(root: string): Promise<BlindFigures[]> {
  return runEvaluation(root, (lang) => blindCases(root, lang));
}

/** Runs both languages' question sets through a fresh bot and returns the figures. */
export async function runEvaluation(
  root: string,
  load: (lang: Language) => Promise<CaseSet>,
): Promise<BlindFigures[]> {
  const bot = await startEvaluationBot('blind-eval');
  const factFree = await factFreeEntries(root);
  let n = 0;
  const ask = async (text: string, lang: Language): Promise<Outcome> =>
    outcomeOf(await bot.say(`blind-${++n}`, text, lang));
  try {
    const figures: BlindFigures[] = [];
    for (const lang of ['en', 'it'] as const) figures.push(await judge(await load(lang), factFree, ask));
    return figures;
  } finally {
    await bot.stop();
  }
}

async function factFreeEntries(root: string): Promise<Set<string>> {
  const { loadContent } = await import('../src/content/contentLoader');
  const content = await loadContent(root);
  return new Set(
    content.entries
      .filter((e) => e.kind === 'smalltalk' || (e as { factFree?: boolean }).factFree === true)
      .map((e) => e.id),
  );
}

async function judge(
  { lang, answerable, unanswerable, gaps }: CaseSet,
  factFree: ReadonlySet<string>,
  ask: (text: string, lang: Language) => Promise<Outcome>,
): Promise<BlindFigures> {
  let direct = 0;
  let topThree = 0;
  let wrongDirect = 0;
  let pathwayFromInformation = 0;
  let bookingQuestions = 0;
  let bookingWithNumber = 0;
  const missesByForm: Record<string, { misses: number; of: number }> = {};
  const failures: Array<{ text: string; expected: string; got: string }> = [];
  const got = (o: Outcome) => `${o.kind} ${o.entry ?? o.pathway ?? o.suggestions.join(',')}`;
  for (const c of answerable) {
    const o = await ask(c.text, lang);
    const ok =
      (o.kind === 'answered' && c.expected.includes(o.entry ?? '')) ||
      (o.kind === 'pathway' && c.pathways.includes(o.pathway ?? ''));
    const offered = o.kind === 'did-you-mean' && o.suggestions.some((s) => c.expected.includes(s));
    if (ok) direct += 1;
    else failures.push({ text: c.text, expected: [...c.expected, ...c.pathways].join('|'), got: got(o) });
    if (ok || offered) topThree += 1;
    if (o.kind === 'answered' && !ok) wrongDirect += 1;
    if (o.kind === 'pathway' && !ok) pathwayFromInformation += 1;
    if (c.expected.some((e) => BOOKING_ENTRIES.has(e))) {
      bookingQuestions += 1;
      if (o.text.includes(BOOKING_NUMBER)) bookingWithNumber += 1;
    }
    for (const form of c.forms.length > 0 ? c.forms : ['(none)']) {
      const tally = (missesByForm[form] ??= { misses: 0, of: 0 });
      tally.of += 1;
      if (!ok) tally.misses += 1;
    }
  }
  let honest = 0;
  let honestWithWayOn = 0;
  const leaksByCategory: Record<string, { leaks: number; of: number }> = {};
  for (const c of unanswerable) {
    const o = await ask(c.text, lang);
    const isHonest = o.kind === 'refused' || (o.kind === 'answered' && factFree.has(o.entry ?? ''));
    const tally = (leaksByCategory[c.category ?? 'other'] ??= { leaks: 0, of: 0 });
    tally.of += 1;
    if (!isHonest) {
      tally.leaks += 1;
      failures.push({ text: c.text, expected: '(refusal)', got: got(o) });
    }
    if (isHonest) honest += 1;
    if (isHonest && (o.choices > 0 || o.text.includes(BOOKING_NUMBER))) honestWithWayOn += 1;
  }
  return {
    lang,
    answerable: answerable.length,
    direct,
    topThree,
    wrongDirect,
    pathwayFromInformation,
    unanswerable: unanswerable.length,
    honest,
    honestWithWayOn,
    bookingQuestions,
    bookingWithNumber,
    gaps,
    failures,
    missesByForm,
    leaksByCategory,
  };
}

/** The figures as the lines `npm run eval` prints. */
export function formatBlindFigures(figures: readonly BlindFigures[]): string[] {
  const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}% (${n}/${of})`;
  const lines: string[] = [];
  for (const f of figures) {
    lines.push(`[${f.lang}] through the real bot:`);
    lines.push(`  answered directly with the right entry   ${pct(f.direct, f.answerable)}   (target ≥ 95%)`);
    lines.push(
      `  right entry among the top three          ${pct(f.topThree, f.answerable)}   (target ≥ 99%)`,
    );
    lines.push(`  answered with a wrong entry              ${f.wrongDirect}`);
    lines.push(`  pathway started by an information question ${f.pathwayFromInformation}   (target 0)`);
    lines.push(
      `  unanswerable refused honestly            ${pct(f.honest, f.unanswerable)}   (target ≥ 92%)`,
    );
    lines.push(`    … with a way on                        ${pct(f.honestWithWayOn, f.unanswerable)}`);
    lines.push(`  booking questions given the number       ${pct(f.bookingWithNumber, f.bookingQuestions)}`);
    lines.push(`  questions the knowledge base has no entry for (not counted): ${f.gaps}`);
    const forms = Object.entries(f.missesByForm)
      .sort((a, b) => b[1].of - a[1].of)
      .map(([form, t]) => `${form} ${t.misses}/${t.of}`);
    lines.push(`  misses by form: ${forms.join(', ')}`);
    const leaks = Object.entries(f.leaksByCategory)
      .filter(([, t]) => t.leaks > 0)
      .map(([cat, t]) => `${cat} ${t.leaks}/${t.of}`);
    lines.push(`  unanswerable not refused, by category: ${leaks.join(', ') || 'none'}`);
  }
  return lines;
}
