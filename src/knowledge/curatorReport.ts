import type { Language } from '../content/language';
import type { CuratorEvent } from './curatorEvent';
import { normalizeText } from './normalizeText';

/** A question asked (in some wording) and not answered directly. */
export interface FrequentMiss {
  /** The wording seen most recently. */
  readonly example: string;
  /** How many times it was asked (same wording after normalisation). */
  readonly count: number;
  /** Of those, how many were refused outright (the rest got "did you mean"). */
  readonly refused: number;
  /** Languages it was asked in. */
  readonly langs: readonly Language[];
  /** The closest entries the matcher found, most frequent first. */
  readonly nearest: readonly string[];
}

/** How users rated one entry. */
export interface EntryFeedback {
  /** The entry. */
  readonly entryId: string;
  /** Verdicts "helpful". */
  readonly helpful: number;
  /** Verdicts "not helpful". */
  readonly unhelpful: number;
}

/** What a curator should look at first. */
export interface CuratorReport {
  /** Events read. */
  readonly events: number;
  /** Unanswered and low-confidence questions, most frequent first. */
  readonly misses: readonly FrequentMiss[];
  /** Entries with feedback, least helpful first (share of "not helpful", then count). */
  readonly leastHelpful: readonly EntryFeedback[];
}

/** Summarises curator events: the most frequent misses and the least helpful entries. */
export function curatorReport(events: readonly CuratorEvent[]): CuratorReport {
  const misses = new Map<
    string,
    { example: string; count: number; refused: number; langs: Set<Language>; nearest: Map<string, number> }
  >();
  const feedback = new Map<string, { helpful: number; unhelpful: number }>();
  for (const e of events) {
    if (e.type === 'feedback') {
      const f = feedback.get(e.entryId) ?? { helpful: 0, unhelpful: 0 };
      if (e.helpful) f.helpful += 1;
      else f.unhelpful += 1;
      feedback.set(e.entryId, f);
      continue;
    }
    const key = normalizeText(e.text);
    const m = misses.get(key) ?? {
      example: e.text,
      count: 0,
      refused: 0,
      langs: new Set(),
      nearest: new Map(),
    };
    m.example = e.text;
    m.count += 1;
    if (e.type === 'unanswered') m.refused += 1;
    m.langs.add(e.lang);
    if (e.nearest) m.nearest.set(e.nearest, (m.nearest.get(e.nearest) ?? 0) + 1);
    misses.set(key, m);
  }
  return {
    events: events.length,
    misses: [...misses.values()]
      .map((m) => ({
        example: m.example,
        count: m.count,
        refused: m.refused,
        langs: [...m.langs].sort(),
        nearest: [...m.nearest].sort((a, b) => b[1] - a[1]).map(([id]) => id),
      }))
      .sort((a, b) => b.count - a.count || a.example.localeCompare(b.example)),
    leastHelpful: [...feedback]
      .map(([entryId, f]) => ({ entryId, ...f }))
      .sort(
        (a, b) =>
          unhelpfulShare(b) - unhelpfulShare(a) ||
          b.unhelpful - a.unhelpful ||
          a.entryId.localeCompare(b.entryId),
      ),
  };
}

function unhelpfulShare(f: EntryFeedback): number {
  return f.unhelpful / Math.max(1, f.helpful + f.unhelpful);
}
