import { LANGUAGES } from '../content/language';
import { HoldBack, type RedFlagContext } from '../content/redFlagsSchema';
import { foldClauses, splitClausesAt } from '../text/clauseWords';
import { foldText } from '../text/foldText';
import { PhraseIndex, type PhraseMatch } from './phraseIndex';

/** What a context phrase is. */
enum Marker {
  Negator = 'negator',
  NotNegator = 'not-negator',
  Past = 'past',
  Recent = 'recent',
  Resolved = 'resolved',
  Current = 'current',
  Contrast = 'contrast',
}

/** Most words of a list a denial runs over before its last "or" ("no fever, chills or…"). */
const MAX_LISTED_WORDS = 6;

/** Which markers win when two overlap (longer first, then this order). */
const RANK: Readonly<Record<Marker, number>> = {
  [Marker.NotNegator]: 0,
  [Marker.Resolved]: 1,
  [Marker.Past]: 2,
  [Marker.Recent]: 3,
  [Marker.Current]: 4,
  [Marker.Negator]: 5,
  [Marker.Contrast]: 6,
};

/**
 * The context words of the red-flag screen (negators, fillers, past, resolved and current markers, contrasts),
 * folded and indexed once; {@link ContextRules.read} reads one message with them.
 */
export class ContextRules {
  private readonly markers: PhraseIndex<Marker>;
  private readonly fillers: ReadonlySet<string>;
  private readonly maxFillers: number;
  private readonly coordinators: ReadonlySet<string>;

  /** Folds and indexes the content's context words. */
  constructor(context: RedFlagContext) {
    const phrases: Array<{ phrase: string; value: Marker }> = [];
    const add = (list: RedFlagContext['negators'], value: Marker) => {
      for (const l of LANGUAGES) for (const phrase of list[l]) phrases.push({ phrase, value });
    };
    add(context.negators, Marker.Negator);
    add(context.notNegators, Marker.NotNegator);
    add(context.past, Marker.Past);
    if (context.recent) add(context.recent, Marker.Recent);
    add(context.resolved, Marker.Resolved);
    add(context.current, Marker.Current);
    add(context.contrasts, Marker.Contrast);
    this.markers = new PhraseIndex(phrases);
    this.fillers = new Set(LANGUAGES.flatMap((l) => context.fillers[l].map(foldText)));
    this.maxFillers = context.maxFillers;
    this.coordinators = new Set(LANGUAGES.flatMap((l) => context.coordinators?.[l] ?? []).map(foldText));
  }

  /** Reads a message: its words (as `foldWords` gives them), clauses and markers. */
  read(text: string): MessageContext {
    const { words, clauses } = foldClauses(text);
    const found = pickMarkers(this.markers.matches(words));
    const contrasts = new Set(found.filter((m) => m.value === Marker.Contrast).map((m) => m.start));
    return new MessageContext(
      words,
      splitClausesAt(clauses, contrasts),
      found,
      this.fillers,
      this.maxFillers,
      this.coordinators,
    );
  }
}

/** Keeps non-overlapping markers, longest first, then by rank. */
function pickMarkers(all: ReadonlyArray<PhraseMatch<Marker>>): Array<PhraseMatch<Marker>> {
  const sorted = [...all].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || RANK[a.value] - RANK[b.value] || a.start - b.start,
  );
  const taken = new Set<number>();
  const kept: Array<PhraseMatch<Marker>> = [];
  for (const m of sorted) {
    let free = true;
    for (let i = m.start; i < m.end && free; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = m.start; i < m.end; i++) taken.add(i);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * One message as the screen reads it: its words, clauses and context markers, and whether a symptom found at given
 * word positions is denied, long past or over.
 */
export class MessageContext {
  private readonly negators: Array<PhraseMatch<Marker>>;
  private readonly resolved: Array<PhraseMatch<Marker>>;
  private readonly pastClauses = new Set<number>();
  private readonly recentClauses = new Set<number>();
  private readonly currentClauses = new Set<number>();
  private readonly resolvedClauses = new Set<number>();

  constructor(
    /** The folded words (exactly `foldWords(text)`). */
    readonly words: readonly string[],
    /** The clause of each word, contrast words included. */
    readonly clauses: readonly number[],
    markers: ReadonlyArray<PhraseMatch<Marker>>,
    private readonly fillers: ReadonlySet<string>,
    private readonly maxFillers: number,
    private readonly coordinators: ReadonlySet<string> = new Set(),
  ) {
    const negatorEnds = new Set(markers.filter((m) => m.value === Marker.Negator).map((m) => m.end));
    // A past or resolved marker right after a negator is not one: "hasn't stopped", "non è passata".
    const denied = (m: PhraseMatch<Marker>) => negatorEnds.has(m.start);
    this.negators = markers.filter((m) => m.value === Marker.Negator);
    this.resolved = markers.filter((m) => m.value === Marker.Resolved && !denied(m));
    for (const m of markers) {
      const clause = clauses[m.start] as number;
      if (m.value === Marker.Past && !denied(m)) this.pastClauses.add(clause);
      if (m.value === Marker.Recent && !denied(m)) this.recentClauses.add(clause);
      if (m.value === Marker.Current) this.currentClauses.add(clause);
    }
    for (const m of this.resolved) this.resolvedClauses.add(clauses[m.start] as number);
  }

  /**
   * True when the message holds a negator, a past, recent or resolved marker: only then can anything be held back
   * (or told of as days ago).
   */
  get mayHoldBack(): boolean {
    return (
      this.negators.length > 0 ||
      this.resolved.length > 0 ||
      this.pastClauses.size > 0 ||
      this.recentClauses.size > 0
    );
  }

  /**
   * True when a symptom found at `positions` is told of only as days ago: every clause its words stand in holds a
   * recent-past marker ("last week", "qualche giorno fa") and none of them a current one ("since", "still", "now").
   */
  recent(positions: readonly number[]): boolean {
    return (
      positions.length > 0 &&
      positions.every((p) => {
        const clause = this.clauses[p] as number;
        return this.recentClauses.has(clause) && !this.currentClauses.has(clause);
      })
    );
  }

  /**
   * True when a symptom found at `positions` (sorted word positions) is held back for one of `reasons`.
   * @param others positions of every symptom word found in the message, so that "over" is said of the right one
   */
  holdsBack(
    positions: readonly number[],
    reasons: ReadonlySet<HoldBack>,
    others: ReadonlySet<number>,
  ): boolean {
    if (positions.length === 0 || reasons.size === 0) return false;
    return (
      (reasons.has(HoldBack.Negated) && this.negated(positions, others)) ||
      (reasons.has(HoldBack.Past) && this.past(positions)) ||
      (reasons.has(HoldBack.Resolved) && this.over(positions, others))
    );
  }

  /**
   * A negator denies the symptom: right before its first word (only fillers between), or among its words, in the
   * clause of the word after it ("she is not short of breath", "my back pain is not worse"). A negator that is
   * one of the symptom's own words ("can't feel my legs") denies nothing.
   */
  private negated(positions: readonly number[], others: ReadonlySet<number>): boolean {
    const first = positions[0] as number;
    const last = positions[positions.length - 1] as number;
    return this.negators.some((m) => {
      for (let i = m.start; i < m.end; i++) if (positions.includes(i)) return false;
      if (m.start > first && m.end <= last) {
        const next = positions.find((p) => p >= m.end) as number;
        return this.clauses[m.start] === this.clauses[next];
      }
      if (m.end > first || this.clauses[m.start] !== this.clauses[first]) return false;
      // A denial runs on over a short list: "no chest pain or breathing trouble", "non ho né febbre né affanno":
      // the items before the last "or" / "né" are denied with the symptom after it.
      let from = m.end;
      for (let i = first - 1; i >= m.end; i--)
        if (this.coordinators.has(this.words[i] as string)) {
          if (i - m.end > MAX_LISTED_WORDS) return false;
          from = i + 1;
          break;
        }
      let fillers = 0;
      for (let i = from; i < first; i++) {
        if (others.has(i)) continue;
        if (!this.fillers.has(this.words[i] as string)) return false;
        fillers += 1;
      }
      return fillers <= this.maxFillers;
    });
  }

  /** Every clause the words stand in tells of the past, and none of them of now. */
  private past(positions: readonly number[]): boolean {
    return positions.every((p) => {
      const clause = this.clauses[p] as number;
      return this.pastClauses.has(clause) && !this.currentClauses.has(clause);
    });
  }

  /**
   * A resolved marker after the first word, in the last word's clause or the next, with no other symptom between,
   * and no later clause saying it is back ("…, but now it has started again").
   */
  private over(positions: readonly number[], others: ReadonlySet<number>): boolean {
    const first = positions[0] as number;
    const last = positions[positions.length - 1] as number;
    const from = this.clauses[first] as number;
    const to = (this.clauses[last] as number) + 1;
    return this.resolved.some((m) => {
      const clause = this.clauses[m.start] as number;
      if (m.start <= first || clause < from || clause > to) return false;
      for (let i = last + 1; i < m.start; i++) if (others.has(i) && !positions.includes(i)) return false;
      for (const later of this.currentClauses)
        if (later > clause && !this.resolvedClauses.has(later)) return false;
      return true;
    });
  }
}
