import type { Language } from '../content/language';
import { type RedFlagsFile, RedFlagKind } from '../content/redFlagsSchema';
import { containsPhrase, foldText } from '../text/foldText';

/** A red flag found in a message. */
export interface RedFlagHit {
  /** Id of the flag (e.g. "chest-pain"). */
  readonly id: string;
  /** How it must be answered. */
  readonly kind: RedFlagKind;
}

/**
 * Finds red-flag phrases in any message, in either language, wherever they stand in the text.
 * @remarks Both languages are always searched: a frightened person may switch language mid-sentence.
 */
export class RedFlagScreen {
  private readonly phrases: ReadonlyArray<{ phrase: string; hit: RedFlagHit }>;

  /** Folds every phrase once. */
  constructor(file: RedFlagsFile) {
    this.phrases = file.flags.flatMap((f) =>
      (['en', 'it'] as Language[]).flatMap((lang) =>
        f.phrases[lang].map((p) => ({ phrase: foldText(p), hit: { id: f.id, kind: f.kind } })),
      ),
    );
  }

  /** The most serious flag raised by the text (self-harm first), or undefined. */
  check(text: string): RedFlagHit | undefined {
    const folded = foldText(text);
    let found: RedFlagHit | undefined;
    for (const { phrase, hit } of this.phrases) {
      if (!containsPhrase(folded, phrase)) continue;
      if (hit.kind === RedFlagKind.SelfHarm) return hit;
      found ??= hit;
    }
    return found;
  }
}
