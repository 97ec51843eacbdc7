import { LANGUAGES } from '../content/language';
import type { Pathway } from '../content/pathwaySchema';
import { foldText } from '../text/foldText';

/** One door's word starts, folded. */
interface DoorWords {
  readonly id: string;
  readonly rank: number;
  /** A story naming it opens it even when it asks a question nothing answers (see `questionOpens`). */
  readonly questionOpens: boolean;
  /** Word starts: a folded word beginning with one names the door. */
  readonly starts: readonly string[];
  /** Whole words ("=spot"). */
  readonly whole: ReadonlySet<string>;
}

/**
 * Recognises which door a person's story is about from the words that name each door's situation (content:
 * each pathway's `signals`), for stories too long or too much in the person's own words for the matcher:
 * "there's a bump on my back the size of a golf ball, my wife says it's got bigger since Christmas".
 */
export class DoorSignals {
  private readonly doors: readonly DoorWords[];

  /** Folds every signal once. */
  constructor(pathways: readonly Pathway[]) {
    this.doors = pathways
      .filter((p) => p.signals)
      .map((p) => {
        const all = LANGUAGES.flatMap((l) => p.signals?.[l] ?? []);
        return {
          id: p.id,
          rank: p.signalRank ?? Number.MAX_SAFE_INTEGER,
          questionOpens: p.questionOpens === true,
          starts: all.filter((w) => !w.startsWith('=')).map(foldText),
          whole: new Set(all.filter((w) => w.startsWith('=')).map((w) => foldText(w.slice(1)))),
        };
      })
      .sort((a, b) => a.rank - b.rank);
  }

  /** The door the folded text names (the most specific when it names several), if any. */
  doorOf(folded: string): string | undefined {
    return this.named(folded)?.id;
  }

  /**
   * The door the folded text names, when that door opens on a question nothing answers (`questionOpens`: a lump, a
   * mole); undefined when the most specific door named is another.
   */
  questionDoorOf(folded: string): string | undefined {
    const door = this.named(folded);
    return door?.questionOpens ? door.id : undefined;
  }

  private named(folded: string): DoorWords | undefined {
    const words = folded.split(' ').filter((w) => w.length > 0);
    return this.doors.find((d) => words.some((w) => d.whole.has(w) || d.starts.some((s) => w.startsWith(s))));
  }
}
