import type { AnswerWordsFile } from '../content/answerWordsSchema';
import { type Language, LANGUAGES } from '../content/language';
import {
  ABOUT_FACT,
  type Choice,
  type Pathway,
  type QuestionNode,
  RELATIVE_CHOICE_ID,
  SELF_CHOICE_ID,
  UNSURE_CHOICE_ID,
} from '../content/pathwaySchema';
import { stem } from '../knowledge/stem';
import { PhraseIndex, type PhraseMatch } from '../safety/phraseIndex';
import { foldClauses, splitClausesAt } from '../text/clauseWords';
import { foldText } from '../text/foldText';
import { longest, SizeReader, SizeVerdict } from './sizeReader';

/** What an answer was read as. */
export enum AnswerKind {
  /** One of the question's choices. */
  Choice = 'choice',
  /** "I don't know" to a question that offers no "unsure" choice: asked again, with a word of reassurance. */
  Hedge = 'hedge',
  /** A size that does not tell which side of the question's threshold it is ("bigger than a pea" against 5 cm). */
  SizeUnclear = 'size-unclear',
  /** Nothing the question can use. */
  Unclear = 'unclear',
}

/** How a choice was recognised, for the turn's log line. */
export enum AnswerCue {
  Number = 'number',
  Label = 'label',
  Words = 'words',
  YesNo = 'yes-no',
  Size = 'size',
  Hedge = 'hedge',
  Person = 'person',
}

/** An answer as read. */
export interface AnswerReading {
  /** What it was read as. */
  readonly kind: AnswerKind;
  /** The choice, when `kind` is `Choice`. */
  readonly choice?: Choice;
  /** How the choice was recognised. */
  readonly cue?: AnswerCue;
}

/** What a word of the answer-words file is. */
enum Tag {
  Hedge = 'hedge',
  Tentative = 'tentative',
  Yes = 'yes',
  No = 'no',
  NotNegator = 'not-negator',
  Negator = 'negator',
  Contrast = 'contrast',
  Interjection = 'interjection',
}

/** Which tag wins when two phrases of the same length cover the same words. */
const RANK: Readonly<Record<Tag, number>> = {
  [Tag.Hedge]: 0,
  [Tag.NotNegator]: 1,
  [Tag.No]: 2,
  [Tag.Yes]: 3,
  [Tag.Tentative]: 4,
  [Tag.Negator]: 5,
  [Tag.Contrast]: 6,
  [Tag.Interjection]: 7,
};

/** A choice's phrase: which choice, and whether it is the label (labels are read from both languages). */
interface ChoicePhrase {
  readonly choice: number;
}

/** Phrases of a question's choices, stemmed per language ("bleeding" and "bleeds" meet at "bleed"). */
type StemmedPhrases = Readonly<Record<Language, PhraseIndex<ChoicePhrase>>>;

/** A question's choices folded and indexed once. */
interface CompiledQuestion {
  /** Labels and listed words of every choice. */
  readonly phrases: StemmedPhrases;
  /** Listed words only, without the "unsure" choice's and without plain yes/no/hedge phrases: the strict reading. */
  readonly strictPhrases: StemmedPhrases;
  /** Each folded label (both languages) and its choice. */
  readonly labels: ReadonlyMap<string, number>;
  /** How many choices the question offers. */
  readonly count: number;
  readonly yes: number | undefined;
  readonly no: number | undefined;
  readonly unsure: number | undefined;
}

/** The answer's words and what they are. */
interface ReadWords {
  readonly words: readonly string[];
  readonly clauses: readonly number[];
  readonly choices: Array<PhraseMatch<ChoicePhrase>>;
  readonly tags: Array<PhraseMatch<Tag>>;
}

/** Evidence per choice: words for it, and words for it denied. */
type Scores = number[];

/**
 * Reads a typed answer to a pathway question by its meaning, with the language data of `dialogs/answer-words.json`:
 * the choice's number or label, the words a choice lists (a word after a negator in the same clause counts against
 * its choice: "no, it's not bleeding, just a bit crusty" is a no), yes and no in everyday words ("yep", "direi di
 * sì", "macché"), hedges ("not sure", "non lo so", never a no), and sizes on a question with a `measure`.
 * @remarks {@link AnswerReader.readStrict} reads a message that opened a pathway for the answers it already gives:
 * only words a choice lists, sizes and explicit words for a relative count there, never a bare yes, no or hedge.
 */
export class AnswerReader {
  private readonly tags: PhraseIndex<Tag>;
  private readonly plainAnswers: ReadonlySet<string>;
  private readonly degree: PhraseIndex<true>;
  private readonly relatives: PhraseIndex<true>;
  private readonly selves: PhraseIndex<true>;
  private readonly sizes: SizeReader;
  private readonly compiled = new WeakMap<QuestionNode, CompiledQuestion>();

  /** Folds and indexes the answer words once. */
  constructor(words: AnswerWordsFile) {
    const entries: Array<{ phrase: string; value: Tag }> = [];
    const add = (list: AnswerWordsFile['yes'], value: Tag) => {
      for (const l of LANGUAGES) for (const phrase of list[l]) entries.push({ phrase, value });
    };
    add(words.hedges, Tag.Hedge);
    add(words.tentative, Tag.Tentative);
    add(words.yes, Tag.Yes);
    add(words.no, Tag.No);
    add(words.notNegators, Tag.NotNegator);
    add(words.negators, Tag.Negator);
    add(words.contrasts, Tag.Contrast);
    add(words.interjections, Tag.Interjection);
    this.tags = new PhraseIndex(entries);
    this.plainAnswers = new Set(
      [words.yes, words.no, words.hedges, words.tentative].flatMap((list) =>
        LANGUAGES.flatMap((l) => list[l].map(foldText)),
      ),
    );
    const people = (list: AnswerWordsFile['yes']) =>
      new PhraseIndex(LANGUAGES.flatMap((l) => list[l].map((phrase) => ({ phrase, value: true as const }))));
    this.degree = people(words.degree);
    this.relatives = people(words.people.relative);
    this.selves = people(words.people.self);
    this.sizes = new SizeReader(words);
  }

  /** Reads an answer to `node`. */
  read(text: string, node: QuestionNode): AnswerReading {
    const q = this.compile(node);
    const folded = foldText(text);
    if (folded === '') return { kind: AnswerKind.Unclear };
    const number = /^(\d{1,2})$/.exec(folded);
    if (number) return this.pick(node, Number(number[1]) - 1, AnswerCue.Number);
    const byLabel = q.labels.get(folded);
    if (byLabel !== undefined) return this.pick(node, byLabel, AnswerCue.Label);

    const r = this.readWords(text, q.phrases);
    const size = this.size(node, r);
    if (size?.choice) return size;

    const evidence = decide(this.score(r, q, 0));
    // Hedges: the answer words for "I don't know", and the words the "unsure" choice lists.
    const hedges = [
      ...r.tags.filter((t) => t.value === Tag.Hedge || t.value === Tag.Tentative).map((t) => t.start),
      ...r.choices.filter((m) => m.value.choice === q.unsure).map((m) => m.start),
    ];
    const yesNo = q.yes !== undefined && q.no !== undefined;
    // A hedge on a yes/no question is a hedge even beside a symptom word ("I don't know if it's bleeding"), unless
    // a contrast follows it ("not sure, but it has grown"); on other questions the choices' words decide.
    if (hedges.length > 0 && (yesNo || evidence === undefined)) {
      const last = Math.max(...hedges);
      const contrast = r.tags.find((t) => t.value === Tag.Contrast && t.start > last);
      const late = contrast ? decide(this.score(r, q, contrast.start)) : undefined;
      if (late !== undefined) return this.pick(node, late, AnswerCue.Words);
      if (q.unsure !== undefined) return this.pick(node, q.unsure, AnswerCue.Hedge);
      return { kind: AnswerKind.Hedge };
    }
    if (evidence !== undefined) {
      const plain = r.choices.length === 0;
      return this.pick(node, evidence, plain ? AnswerCue.YesNo : AnswerCue.Words);
    }
    if (size) return size;
    return { kind: AnswerKind.Unclear };
  }

  /**
   * Reads a message that started a pathway for the answer it already gives to `node`, strictly: the words a choice
   * lists (not denied, not in a hedged clause), a size for a question with a `measure`, and for the `about` fact
   * explicit words for a relative or for oneself. Never a bare yes, no or hedge. Undefined when it does not tell.
   */
  readStrict(text: string, node: QuestionNode): Choice | undefined {
    const q = this.compile(node);
    const r = this.readWords(text, q.strictPhrases);
    const relatives = this.relatives.matches(r.words);
    if (node.fact === ABOUT_FACT) {
      const relative = relatives.length > 0;
      const self = this.selves.matches(r.words).length > 0;
      if (relative && self) return undefined;
      const id = relative ? RELATIVE_CHOICE_ID : self ? SELF_CHOICE_ID : undefined;
      const choice = node.choices.find((c) => c.id === id);
      if (choice) return choice;
    }
    const size = this.size(node, r);
    if (size?.choice) return size.choice;
    const hedged = new Set(
      r.tags.filter((t) => t.value === Tag.Hedge || t.value === Tag.Tentative).map((t) => r.clauses[t.start]),
    );
    const masked = new Set<number>();
    if (node.fact !== ABOUT_FACT)
      for (const m of relatives) for (let i = m.start; i < m.end; i++) masked.add(i);
    const scores: Scores = node.choices.map(() => 0);
    const negators = this.negators(r);
    for (const m of r.choices) {
      if (hedged.has(r.clauses[m.start])) continue;
      let overlaps = false;
      for (let i = m.start; i < m.end; i++) if (masked.has(i)) overlaps = true;
      if (overlaps) continue;
      const denied = this.denied(r, negators, m.start);
      scores[m.value.choice] = (scores[m.value.choice] ?? 0) + (denied ? -1 : 1) * (m.end - m.start);
    }
    const best = decide(scores);
    return best === undefined ? undefined : node.choices[best];
  }

  /**
   * The facts a message that opened `pathway` already answers, read strictly ({@link AnswerReader.readStrict})
   * against each question that names a fact: fact id → choice id.
   */
  readOpening(text: string, pathway: Pathway): Map<string, string> {
    const facts = new Map<string, string>();
    for (const node of Object.values(pathway.nodes)) {
      if (node.type !== 'question' || !node.fact || facts.has(node.fact)) continue;
      const choice = this.readStrict(text, node);
      if (choice) facts.set(node.fact, choice.id);
    }
    return facts;
  }

  private pick(node: QuestionNode, index: number, cue: AnswerCue): AnswerReading {
    const choice = node.choices[index];
    return choice ? { kind: AnswerKind.Choice, choice, cue } : { kind: AnswerKind.Unclear };
  }

  /** The size in the answer, against the question's threshold. */
  private size(node: QuestionNode, r: ReadWords): AnswerReading | undefined {
    const measure = node.measure;
    if (!measure) return undefined;
    const ends = new Set(r.tags.filter((t) => t.value === Tag.Negator).map((t) => t.end));
    const size = this.sizes.read(r.words, r.clauses, ends);
    if (!size) return undefined;
    const verdict = SizeReader.verdict(size, measure.threshold);
    if (verdict === SizeVerdict.Undecided) return { kind: AnswerKind.SizeUnclear };
    const id = verdict === SizeVerdict.Above ? measure.above : measure.below;
    const index = node.choices.findIndex((c) => c.id === id);
    return index < 0 ? undefined : this.pick(node, index, AnswerCue.Size);
  }

  /**
   * Evidence for each choice from the words at or after `from`: a choice's words count for it, or against it after
   * a negator in the same clause; yes and no at the edge of a clause count for the yes and no choices; a denied
   * yes is a no and a denied no a yes.
   */
  private score(r: ReadWords, q: CompiledQuestion, from: number): Scores {
    const affirmed: Scores = Array.from({ length: q.count }, () => 0);
    const deniedBy: Scores = Array.from({ length: q.count }, () => 0);
    const negators = this.negators(r);
    for (const m of r.choices) {
      if (m.start < from || m.value.choice === q.unsure) continue;
      const into = this.denied(r, negators, m.start) ? deniedBy : affirmed;
      into[m.value.choice] = (into[m.value.choice] ?? 0) + (m.end - m.start);
    }
    for (const t of r.tags) {
      if (t.start < from || !this.atClauseEdge(r, t)) continue;
      // A "no" that denies a choice's word after it ("no pain") is a negator there, not an answer of its own.
      const denies = r.choices.some((m) => m.start >= t.end && r.clauses[m.start] === r.clauses[t.start]);
      if (t.value === Tag.Yes && q.yes !== undefined) affirmed[q.yes] = (affirmed[q.yes] ?? 0) + 1;
      if (t.value === Tag.No && q.no !== undefined && !denies) affirmed[q.no] = (affirmed[q.no] ?? 0) + 1;
    }
    const scores = affirmed.map((a, i) => a - (deniedBy[i] ?? 0));
    if (q.yes !== undefined && q.no !== undefined) {
      // On a yes/no question one symptom present is a yes, whatever else is denied ("no pain, but it itches");
      // a denied symptom with none present is a no ("it's not bleeding"), and a denied no is a yes ("not stable").
      const yes = affirmed[q.yes] ?? 0;
      const no = affirmed[q.no] ?? 0;
      scores[q.yes] = yes > 0 ? yes : (deniedBy[q.no] ?? 0) - (deniedBy[q.yes] ?? 0);
      scores[q.no] = no + (yes > 0 ? 0 : (deniedBy[q.yes] ?? 0)) - (deniedBy[q.no] ?? 0);
    }
    // Only denials ("it's not new", "non è cambiato") on a question with a "no" choice: that is the no.
    const anyDenied = deniedBy.some((d, i) => d > 0 && i !== q.no && i !== q.unsure);
    if (q.no !== undefined && anyDenied && scores.every((x) => x <= 0) && (deniedBy[q.no] ?? 0) === 0)
      scores[q.no] = 1;
    return scores;
  }

  /** The negators (and each "no", which also denies what follows it in its clause). */
  private negators(r: ReadWords): Array<PhraseMatch<Tag>> {
    return r.tags.filter((t) => t.value === Tag.Negator || t.value === Tag.No);
  }

  /** True when a negator stands before `at` in its clause. */
  private denied(r: ReadWords, negators: ReadonlyArray<PhraseMatch<Tag>>, at: number): boolean {
    return negators.some((n) => n.end <= at && r.clauses[n.start] === r.clauses[at]);
  }

  /** True when a yes or no phrase starts its clause (after interjections only) or ends it. */
  private atClauseEdge(r: ReadWords, t: PhraseMatch<Tag>): boolean {
    const clause = r.clauses[t.start];
    const endsClause = t.end >= r.words.length || r.clauses[t.end] !== clause;
    if (endsClause) return true;
    for (let i = t.start - 1; i >= 0 && r.clauses[i] === clause; i--) {
      const interjection = r.tags.some((x) => x.value === Tag.Interjection && x.start <= i && i < x.end);
      if (!interjection) return false;
    }
    return true;
  }

  /** The answer's words, the choices' phrases found in them (by stem), and the answer words around them. */
  private readWords(text: string, phrases: StemmedPhrases): ReadWords {
    const { words, clauses } = foldClauses(text, { numbers: true });
    // A phrase is read within one clause: "no, it's not…" is a "no" and a "not", never the phrase "no it's not".
    const inOneClause = (m: PhraseMatch<unknown>) => clauses[m.start] === clauses[m.end - 1];
    // Choices' phrases are also looked for with degree words left out: "fa un po' male" holds "fa male".
    const degree = new Set<number>();
    for (const m of this.degree.matches(words)) for (let i = m.start; i < m.end; i++) degree.add(i);
    const kept = words.map((_, i) => i).filter((i) => !degree.has(i));
    const found = LANGUAGES.flatMap((l) => {
      const stems = words.map((w) => stem(w, l));
      const whole = phrases[l].matches(stems);
      if (kept.length === words.length) return whole;
      const shortened = phrases[l].matches(kept.map((i) => stems[i] as string)).map((m) => ({
        value: m.value,
        start: kept[m.start] as number,
        end: (kept[m.end - 1] as number) + 1,
      }));
      return [...whole, ...shortened];
    });
    const choices = longest(found.filter(inOneClause));
    const taken = new Set<number>();
    for (const m of choices) for (let i = m.start; i < m.end; i++) taken.add(i);
    const tags = pickTags(this.tags.matches(words).filter(inOneClause), taken);
    // A choice's phrase that opens with a negator ("nessuno", "no one") also denies what follows it.
    for (const m of choices) {
      const opening = this.tags.matches(words.slice(m.start, m.end)).find((t) => t.start === 0);
      if (opening?.value === Tag.Negator || opening?.value === Tag.No)
        tags.push({ value: Tag.Negator, start: m.start, end: m.start + opening.end });
    }
    tags.sort((a, b) => a.start - b.start);
    const contrasts = new Set(tags.filter((t) => t.value === Tag.Contrast).map((t) => t.start));
    return { words, clauses: splitClausesAt(clauses, contrasts), choices, tags };
  }

  private compile(node: QuestionNode): CompiledQuestion {
    let q = this.compiled.get(node);
    if (q) return q;
    const labels = new Map<string, number>();
    const all = { en: [] as Stemmed[], it: [] as Stemmed[] };
    const strict = { en: [] as Stemmed[], it: [] as Stemmed[] };
    node.choices.forEach((c, choice) => {
      for (const l of LANGUAGES) {
        const stemmed = (phrase: string): Stemmed => ({ phrase: stemPhrase(phrase, l), value: { choice } });
        labels.set(foldText(c.label[l]), choice);
        // Plain yes/no labels ("Yes", "Sì", "No") are read as yes and no words, not as phrases of their choice.
        if (!this.plainAnswers.has(foldText(c.label[l]))) all[l].push(stemmed(c.label[l]));
        for (const phrase of c.words?.[l] ?? []) {
          all[l].push(stemmed(phrase));
          if (c.id !== UNSURE_CHOICE_ID && !this.plainAnswers.has(foldText(phrase)))
            strict[l].push(stemmed(phrase));
        }
      }
    });
    const plain = (c: Choice) => LANGUAGES.some((l) => this.plainAnswers.has(foldText(c.label[l])));
    const index = (id: string, label: (c: Choice) => boolean) => {
      const i = node.choices.findIndex((c) => c.id === id);
      return i >= 0 ? i : positive(node.choices.findIndex(label));
    };
    const yes = index('yes', (c) => plain(c) && this.tagOf(c.label.en) === Tag.Yes);
    const no = index('no', (c) => plain(c) && this.tagOf(c.label.en) === Tag.No);
    const unsure = positive(node.choices.findIndex((c) => c.id === UNSURE_CHOICE_ID));
    q = {
      phrases: { en: new PhraseIndex(all.en), it: new PhraseIndex(all.it) },
      count: node.choices.length,
      strictPhrases: { en: new PhraseIndex(strict.en), it: new PhraseIndex(strict.it) },
      labels,
      yes,
      no,
      unsure,
    };
    this.compiled.set(node, q);
    return q;
  }

  private tagOf(text: string): Tag | undefined {
    const words = foldText(text).split(' ');
    return this.tags.matches(words).find((m) => m.start === 0 && m.end === words.length)?.value;
  }
}

/** A choice's phrase with its words stemmed. */
interface Stemmed {
  readonly phrase: string;
  readonly value: ChoicePhrase;
}

/** The phrase folded and stemmed word by word in its language. */
function stemPhrase(phrase: string, lang: Language): string {
  return foldText(phrase)
    .split(' ')
    .map((w) => stem(w, lang))
    .join(' ');
}

function positive(i: number): number | undefined {
  return i >= 0 ? i : undefined;
}

/** The one choice with the most evidence, when it has some and no other has as much. */
function decide(scores: Scores): number | undefined {
  let best: number | undefined;
  let tie = false;
  scores.forEach((s, i) => {
    if (s <= 0) return;
    if (best === undefined || s > (scores[best] ?? 0)) {
      best = i;
      tie = false;
    } else if (s === scores[best]) tie = true;
  });
  return tie ? undefined : best;
}

/** Answer words that do not overlap a choice's phrase, nor each other (longer first, then by rank). */
function pickTags(all: ReadonlyArray<PhraseMatch<Tag>>, taken: ReadonlySet<number>): Array<PhraseMatch<Tag>> {
  const used = new Set(taken);
  const kept: Array<PhraseMatch<Tag>> = [];
  const sorted = [...all].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || RANK[a.value] - RANK[b.value] || a.start - b.start,
  );
  for (const m of sorted) {
    let free = true;
    for (let i = m.start; i < m.end && free; i++) if (used.has(i)) free = false;
    if (!free) continue;
    for (let i = m.start; i < m.end; i++) used.add(i);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
