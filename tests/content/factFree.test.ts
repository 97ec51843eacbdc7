import { join } from 'node:path';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import type { KnowledgeEntry } from '../../src/content/knowledgeSchema';
import { LANGUAGES, type Language } from '../../src/content/language';

/** Words that name a treatment, as stems matched at the start of a word, in both languages. */
const TREATMENT_WORDS: Record<Language, readonly string[]> = {
  en: [
    'surgery',
    'surgical',
    'operation',
    'operate',
    'amputat',
    'chemo',
    'radiotherap',
    'radiation',
    'radiosurg',
    'brachytherap',
    'imrt',
    'proton',
    'carbon ion',
    'hadron',
    'immunotherap',
    'targeted therap',
    'vaccin',
    'drug',
    'medicine',
    'physiotherap',
    'reconstruct',
    'transplant',
    'stereotactic',
    'ablative',
  ],
  it: [
    'chirurgi',
    'interven',
    'operazion',
    'operar',
    'amputa',
    'chemio',
    'radioterap',
    'radiazion',
    'radiochirurg',
    'brachiterap',
    'imrt',
    'proton',
    'ioni carbonio',
    'adroterap',
    'immunoterap',
    'terapia mirata',
    'bersaglio molecolare',
    'vaccin',
    'farmac',
    'fisioterap',
    'ricostru',
    'trapiant',
    'stereotass',
    'ablativ',
  ],
};

/** The sentences that say who can answer, in each language. */
const WHO_CAN_ANSWER: Record<Language, RegExp> = {
  en: /(^|[^\p{L}])(doctors?|team|booking line)([^\p{L}]|$)/iu,
  it: /(^|[^\p{L}])(medic[io]|équipe|numero per le prenotazioni)([^\p{L}]|$)/iu,
};

/** The words of a treatment found in a text (start of a word, case-insensitive). */
function treatmentsNamed(text: string, lang: Language): string[] {
  const lower = text.toLowerCase();
  return TREATMENT_WORDS[lang].filter((w) => new RegExp(`(^|[^\\p{L}])${w}`, 'u').test(lower));
}

const texts = (e: KnowledgeEntry, lang: Language): string => [e[lang].answer, e[lang].detail ?? ''].join(' ');

let content: Content;
let factFree: KnowledgeEntry[];
beforeAll(async () => {
  content = await loadContent(join(__dirname, '..', '..'));
  factFree = content.entries.filter((e) => e.factFree);
});

describe('when an entry states no fact (factFree)', () => {
  test('there is one for each topic the page is silent on, and for thanks', () => {
    expect(factFree.map((e) => e.id).sort()).toEqual(
      [
        'best-treatment',
        'children-risk',
        'costs',
        'my-results',
        'my-stage',
        'practical-not-on-page',
        'prognosis-survival',
        'second-opinion',
        'side-effects',
        'thanks',
        'waiting-times',
      ].sort(),
    );
  });

  test.each(LANGUAGES)('no answer or detail states a number (%s)', (lang) => {
    const withNumbers = factFree.filter((e) => /\d/u.test(texts(e, lang))).map((e) => e.id);
    expect(withNumbers).toEqual([]);
  });

  test.each(LANGUAGES)('no answer or detail names a treatment (%s)', (lang) => {
    const named = factFree
      .map((e) => [e.id, treatmentsNamed(texts(e, lang), lang)] as const)
      .filter(([, words]) => words.length > 0);
    expect(named).toEqual([]);
  });

  test('the check would catch a treatment named in an answer, in either language', () => {
    expect(treatmentsNamed('Chemotherapy often causes tiredness.', 'en')).toEqual(['chemo']);
    expect(treatmentsNamed("Dopo l'intervento chirurgico si sta meglio.", 'it')).toEqual([
      'chirurgi',
      'interven',
    ]);
  });
});

describe('when a kind answer is given where the page is silent', () => {
  const kind = () => factFree.filter((e) => e.kind === 'faq');

  test.each(LANGUAGES)('it says who can answer (%s)', (lang) => {
    const silent = kind()
      .filter((e) => !WHO_CAN_ANSWER[lang].test(texts(e, lang)))
      .map((e) => e.id);
    expect(silent).toEqual([]);
  });

  test('it offers the booking line, with its number and live hours, as a way on', () => {
    const without = kind()
      .filter((e) => !e.related.includes('booking-line-hours') && !e.related.includes('how-to-book-a-visit'))
      .map((e) => e.id);
    expect(without).toEqual([]);
  });

  test('the Italian addresses the visitor with "Lei", never "tu"', () => {
    // Second-person "tu" forms ("chiama" is left out: it is also "Lei chiama").
    const informal =
      /(^|[^\p{L}])(puoi|devi|sei|hai|ti|tuo|tua|tuoi|tue|chiedi|scrivi|prenota)([^\p{L}]|$)/iu;
    const tu = kind()
      .filter((e) => informal.test(texts(e, 'it')))
      .map((e) => e.id);
    expect(tu).toEqual([]);
  });
});
