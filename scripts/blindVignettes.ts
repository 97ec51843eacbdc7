/**
 * The blind triage vignettes (`tests/blind/vignettes-blind.json`, written from the guidelines without seeing the
 * trees) played against the real bot by a simulated patient: it sends the person's first message, then answers
 * each pathway question from the vignette's facts, in the person's own words (or "I don't know" when the vignette
 * does not say). When its words are not understood twice it taps the button that means the same, as a person
 * would; when the first message does not open a door, it taps the expected door (the routing target is missed).
 */
import { startEvaluationBot } from './evaluationBot';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../src/content/contentLoader';
import { DISPOSITION_URGENCY, DispositionCode } from '../src/content/dispositionCode';
import type { Language } from '../src/content/language';
import type { Pathway, QuestionNode } from '../src/content/pathwaySchema';

/** One fact of a vignette. */
interface Fact {
  readonly value: string | number;
  readonly words: string;
}

/** A blind vignette as its writer froze it. */
interface Vignette {
  readonly id: string;
  readonly lang: Language;
  readonly first: string;
  readonly facts: Readonly<Record<string, Fact>>;
  readonly expectDoor: 'lump' | 'mole' | 'diagnosis' | 'metastasis' | 'emergency';
  readonly minimum: DispositionCode;
  readonly notEmergency: boolean;
  readonly source: string;
}

/** How one vignette went. */
export interface VignetteRun {
  readonly id: string;
  readonly lang: Language;
  /** The first message opened the expected door (or gave 112 for an emergency). */
  readonly routed: boolean;
  /** The disposition reached, if any. */
  readonly disposition?: string;
  /** At least as urgent as the least urgent acceptable, and no 112 where the guidance says a visit or a call. */
  readonly safe: boolean;
  /** Sent to 112 although the guidance says a visit or a call. */
  readonly overTriagedTo112: boolean;
  /** Answers in the person's own words that the bot did not understand (a button was tapped instead). */
  readonly tapsNeeded: number;
}

const DOORS: Readonly<Record<Vignette['expectDoor'], string | undefined>> = Object.freeze({
  lump: 'lump-or-swelling',
  mole: 'suspicious-mole',
  diagnosis: 'tumour-diagnosis',
  metastasis: 'metastasis',
  emergency: undefined,
});
/** Pathway facts named differently in the vignettes' vocabulary. */
const FACT_NAMES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'size-over-5cm': ['sizeCm'],
  'at-scar': ['atScar', 'removalPlanned', 'alreadyRemoved'],
  'neuro-signs': ['legWeakness', 'bladderBowel'],
  'already-removed': ['alreadyRemoved'],
  'on-treatment': ['onChemo'],
});
const DONT_KNOW: Readonly<Record<Language, string>> = Object.freeze({ en: "I don't know", it: 'non lo so' });
const MAX_TURNS = 14;

const camel = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The facts a question asks about, in the vignette's vocabulary. */
function factsFor(node: QuestionNode): readonly string[] {
  return node.fact ? (FACT_NAMES[node.fact] ?? [camel(node.fact)]) : [];
}

/** What the simulated person types to a question. */
function answerTo(node: QuestionNode, v: Vignette): string {
  const known = factsFor(node)
    .map((k) => v.facts[k])
    .filter((f): f is Fact => f !== undefined);
  const telling =
    known.find((f) => f.value === 'yes') ?? known.find((f) => typeof f.value === 'number') ?? known[0];
  return telling?.words ?? DONT_KNOW[v.lang];
}

/** The button the person taps when their words were not understood: the choice that means their fact. */
function tapFor(node: QuestionNode, v: Vignette): string {
  const fact = factsFor(node)
    .map((k) => v.facts[k])
    .find((f) => f !== undefined);
  const value = fact?.value;
  let id = 'unsure';
  if (node.measure && typeof value === 'number')
    id = value >= node.measure.threshold ? node.measure.above : node.measure.below;
  else if (value === 'yes' || value === 'no') id = value;
  else if (value === 'self' || value === 'relative') id = value;
  const choice =
    node.choices.find((c) => c.id === id) ??
    node.choices.find((c) => c.id === 'unsure') ??
    node.choices[node.choices.length - 1];
  return choice?.label[v.lang] ?? DONT_KNOW[v.lang];
}

/** The question node whose text a reply asks, if any. */
function askedNode(text: string, pathways: readonly Pathway[]): QuestionNode | undefined {
  for (const p of pathways) {
    for (const node of Object.values(p.nodes)) {
      if (node.type !== 'question') continue;
      const variants = [node.text, node.relativeText, node.operatorText].flatMap((t) =>
        t ? [t.en, t.it] : [],
      );
      if (variants.some((t) => text.includes(t))) return node;
    }
  }
  return undefined;
}

/** The frozen blind vignette sets, oldest first (`tests/blind/README.md`). */
export const BLIND_VIGNETTE_FILES: readonly string[] = Object.freeze([
  'vignettes-blind.json',
  'vignettes-blind2.json',
]);

/** Plays every vignette of one blind set (a file of `tests/blind/`) against a fresh bot. */
export async function runBlindVignettes(root: string, name = 'vignettes-blind.json'): Promise<VignetteRun[]> {
  const content = await loadContent(root);
  const file = JSON.parse(await readFile(join(root, 'tests', 'blind', name), 'utf8')) as {
    vignettes: Vignette[];
  };
  const bot = await startEvaluationBot('blind-vignettes');
  const runs: VignetteRun[] = [];
  try {
    for (const v of file.vignettes) {
      const conversation = `vignette-${process.pid}-${v.id}`;
      const say = (text: string) => bot.say(conversation, text, v.lang);
      const triageOf = (replies: ReadonlyArray<Record<string, unknown>>) =>
        replies.map((a) => (a.channelData as { triage?: Record<string, unknown> } | undefined)?.triage ?? {});
      let replies = await say(v.first);
      const first = triageOf(replies);
      const door = DOORS[v.expectDoor];
      const disposition = () => triageOf(replies).find((t) => typeof t.disposition === 'string')?.disposition;
      const routed =
        v.expectDoor === 'emergency'
          ? first.some((t) => t.disposition === DispositionCode.Emergency112)
          : first.some((t) => t.outcome === 'pathway' && t.pathway === door) ||
            (first.some((t) => typeof t.disposition === 'string') &&
              DISPOSITION_URGENCY[first.find((t) => t.disposition)?.disposition as DispositionCode] >=
                DISPOSITION_URGENCY[v.minimum]);
      let reached = disposition() as string | undefined;
      if (!reached && !routed && door) {
        const title = content.pathways.find((p) => p.id === door)?.title[v.lang];
        if (title) replies = await say(title);
        reached = disposition() as string | undefined;
      }
      let taps = 0;
      let last: QuestionNode | undefined;
      for (let turn = 0; turn < MAX_TURNS && !reached; turn++) {
        const text = replies.map((a) => String(a.text ?? JSON.stringify(a.attachments ?? ''))).join('\n');
        const node = askedNode(text, content.pathways);
        if (!node) break;
        const repeated = node === last;
        if (repeated) taps += 1;
        replies = await say(repeated ? tapFor(node, v) : answerTo(node, v));
        last = node;
        reached = disposition() as string | undefined;
      }
      const urgency = reached ? (DISPOSITION_URGENCY[reached as DispositionCode] ?? 0) : 0;
      const overTriagedTo112 = v.notEmergency && reached === DispositionCode.Emergency112;
      runs.push({
        id: v.id,
        lang: v.lang,
        routed,
        disposition: reached,
        safe: urgency >= DISPOSITION_URGENCY[v.minimum] && !overTriagedTo112,
        overTriagedTo112,
        tapsNeeded: taps,
      });
    }
  } finally {
    await bot.stop();
  }
  return runs;
}

/** The figures as `npm run eval` prints them. */
export function formatVignetteRuns(runs: readonly VignetteRun[], name = 'vignettes-blind.json'): string[] {
  const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}% (${n}/${of})`;
  const lines: string[] = [];
  for (const lang of ['en', 'it'] as const) {
    const r = runs.filter((x) => x.lang === lang);
    lines.push(`[${lang}] blind vignettes (${name}), a simulated patient against the real bot:`);
    lines.push(
      `  safe (at least the least urgent acceptable, no needless 112)  ${pct(r.filter((x) => x.safe).length, r.length)}   (target 100%)`,
    );
    lines.push(
      `  routed from the first message                                ${pct(r.filter((x) => x.routed).length, r.length)}   (target ≥ 95%)`,
    );
    lines.push(
      `  sent to 112 where the guidance says a visit or a call        ${r.filter((x) => x.overTriagedTo112).length}   (target 0)`,
    );
    lines.push(
      `  own-word answers not understood (a button tapped instead)    ${r.reduce((n, x) => n + x.tapsNeeded, 0)}`,
    );
    const unsafe = r.filter((x) => !x.safe).map((x) => `${x.id} → ${x.disposition ?? 'no disposition'}`);
    if (unsafe.length > 0) lines.push(`  not safe: ${unsafe.join('; ')}`);
  }
  return lines;
}
