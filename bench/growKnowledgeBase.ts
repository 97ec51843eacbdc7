import type { KnowledgeEntry, KnowledgeSide } from '../src/content/knowledgeSchema';

/** Size of the pool of invented words clones draw from, per language side. */
export const SYNTHETIC_VOCABULARY = 50_000;
/** Share of words (four letters or more) a clone replaces with an invented word. */
export const REPLACED_SHARE = 0.5;

const SYLLABLES = [
  'ba',
  'ke',
  'di',
  'fo',
  'gu',
  'la',
  'me',
  'ni',
  'po',
  'ru',
  'sa',
  'te',
  'vi',
  'zo',
  'qu',
  'xa',
  'ju',
  'wy',
  'ho',
  'ce',
] as const;

/**
 * A knowledge base `factor` times the size of `entries`: the originals, then clones with new ids in which about
 * half the longer words are replaced by invented ones, so the vocabulary, postings and documents really grow.
 * @remarks Invented words come from a pool of {@link SYNTHETIC_VOCABULARY}, so the vocabulary grows fast at first
 * and then levels off, as a real knowledge base's does; the words the clones keep make them compete with the
 * originals for the same queries (the worst case for match time).
 */
export function growKnowledgeBase(entries: readonly KnowledgeEntry[], factor: number): KnowledgeEntry[] {
  const grown: KnowledgeEntry[] = [...entries];
  for (let copy = 1; copy < factor; copy += 1) {
    for (const entry of entries) {
      grown.push({
        ...entry,
        id: `${entry.id}-g${copy}`,
        related: [],
        en: perturbSide(entry.en, copy),
        it: perturbSide(entry.it, copy),
      });
    }
  }
  return grown;
}

function perturbSide(side: KnowledgeSide, copy: number): KnowledgeSide {
  return {
    question: perturb(side.question, copy),
    alternates: side.alternates.map((a) => perturb(a, copy)),
    answer: perturb(side.answer, copy),
    ...(side.detail === undefined ? {} : { detail: perturb(side.detail, copy) }),
  };
}

/** Replaces about half the words of four letters or more, the same word the same way within one copy. */
function perturb(text: string, copy: number): string {
  return text.replace(/\p{L}{4,}/gu, (word) => {
    const h = hash(`${word.toLowerCase()}#${copy}`);
    if ((h & 0xffff) / 0x10000 >= REPLACED_SHARE) return word;
    return inventedWord(((h >>> 16) * 7919) % SYNTHETIC_VOCABULARY);
  });
}

/** The n-th invented word: `n` written in base 20 with syllables, behind a marker syllable ("zu"). */
function inventedWord(n: number): string {
  let word = '';
  let rest = n;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return `zu${word}`;
}

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
