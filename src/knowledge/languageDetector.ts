import type { Language } from '../content/language';
import { tokenize } from './tokenize';

/**
 * Words that mark a language on their own, with how strongly: function words, greetings and common verbs
 * that the other language does not share ("the", "il", "ciao", "thanks").
 * @remarks Words both languages use ("a", "i", "come", "no", "do") are left out on purpose.
 */
// prettier-ignore
const MARKERS: Readonly<Record<Language, Readonly<Record<string, number>>>> = Object.freeze({
  en: {
    the: 2, is: 2, are: 2, what: 2, who: 2, where: 2, when: 2, why: 2, how: 2, which: 1, my: 2, your: 2, you: 2,
    have: 2, has: 1, had: 1, can: 2, could: 1, should: 2, would: 1, will: 1, does: 2, did: 1, was: 1, were: 1,
    am: 1, be: 1, been: 1, it: 1, this: 2, that: 2, there: 1, of: 2, and: 2, or: 1, to: 1, for: 1, with: 2,
    in: 1, on: 1, at: 1, from: 1, about: 2, after: 1, before: 1, me: 1, we: 1, they: 1, he: 1, she: 1,
    hi: 3, hello: 3, hey: 2, thanks: 3, thank: 3, bye: 3, goodbye: 3, please: 2, yes: 2, not: 1, get: 1,
    book: 1, call: 1, open: 1, doctor: 1, mole: 2, lump: 2, treatment: 1, surgery: 1, cancer: 1, number: 1,
    phone: 1, hours: 1, appointment: 2,
  },
  it: {
    il: 2, lo: 2, la: 2, gli: 2, le: 1, un: 2, una: 2, uno: 2, di: 2, del: 2, della: 2, dei: 2, delle: 2, dello: 2,
    che: 2, e: 1, è: 3, non: 2, sono: 2, sei: 1, ho: 2, hai: 1, ha: 1, hanno: 2, mi: 2, ti: 1, ci: 1, mio: 2,
    mia: 2, miei: 2, suo: 1, sua: 1, cosa: 3, cos: 2, dove: 2, quando: 2, chi: 2, perché: 3, perche: 2,
    quale: 2, quali: 2, quanto: 2, per: 1, con: 2, nel: 2, nella: 2, sul: 2, sulla: 2, al: 1, alla: 2, dal: 2,
    dalla: 2, anche: 2, ma: 1, posso: 2, può: 3, puo: 2, devo: 2, vorrei: 3, siete: 2, fate: 1, ciao: 3,
    grazie: 3, buongiorno: 3, buonasera: 3, salve: 2, arrivederci: 3, sì: 2, prenotare: 2, visita: 1,
    neo: 2, tumore: 2, medico: 1, numero: 1, orari: 2, chiamare: 2, mamma: 2, padre: 1, madre: 1,
  },
});

/** Letter patterns typical of one language, weighed less than whole words. */
const PATTERNS: Readonly<Record<Language, readonly RegExp[]>> = Object.freeze({
  en: [/th/, /w/, /y/, /k/, /sh/, /ing$/, /tion$/, /ou/, /ee/, /[bdgkmpt]s$/],
  it: [/[àèéìòù]/, /zion[ei]$/, /gli/, /gn/, /cch/, /zz/, /[aeio]$/],
});

/** Least evidence (marker points) before the detector names a language. */
const MIN_EVIDENCE = 1.5;
/** How many times stronger one language's evidence must be than the other's. */
const MIN_RATIO = 1.6;
/** Weight of one letter pattern compared with a marker word. */
const PATTERN_WEIGHT = 0.25;

/**
 * Guesses whether a text is English or Italian from marker words and letter patterns; returns undefined when
 * the text is too short or too mixed to tell (e.g. "liposarcoma?").
 */
export function detectLanguage(text: string): Language | undefined {
  const words = tokenize(text.toLowerCase());
  const score: Record<Language, number> = { en: 0, it: 0 };
  for (const word of words) {
    for (const lang of ['en', 'it'] as const) {
      const marker = MARKERS[lang][word];
      if (marker !== undefined) score[lang] += marker;
      else if (word.length >= 4 && !/\d/.test(word)) {
        score[lang] += PATTERN_WEIGHT * PATTERNS[lang].filter((p) => p.test(word)).length;
      }
    }
  }
  const [top, other]: Language[] = score.en >= score.it ? ['en', 'it'] : ['it', 'en'];
  if (score[top] < MIN_EVIDENCE || score[top] < MIN_RATIO * score[other]) return undefined;
  return top;
}
