import type { KnowledgeEntry } from '../../src/content/knowledgeSchema';
import { ConfidenceBand } from '../../src/knowledge/confidenceBand';
import { KnowledgeMatcher } from '../../src/knowledge/knowledgeMatcher';
import { MATCHER_DEFAULTS } from '../../src/knowledge/matcherOptions';

interface Side {
  q: string;
  alts: string[];
  a: string;
}

function entry(id: string, en: Side, it: Side, kind: 'faq' | 'smalltalk' = 'faq'): KnowledgeEntry {
  const side = (s: Side) => ({ question: s.q, alternates: s.alts, answer: s.a });
  return {
    id,
    kind,
    factFree: true,
    reviewed: '2026-01-01',
    related: [],
    appendLineStatus: false,
    en: side(en),
    it: side(it),
  };
}

const ENTRIES: KnowledgeEntry[] = [
  entry(
    'liposarcoma',
    {
      q: 'What is liposarcoma?',
      alts: ['liposarcoma?', 'cancer of the fat', 'do you treat liposarcoma'],
      a: 'Liposarcoma is a sarcoma that starts in fat tissue.',
    },
    {
      q: "Che cos'è il liposarcoma?",
      alts: ['liposarcoma?', 'tumore del grasso', 'curate il liposarcoma?'],
      a: 'Il liposarcoma è un sarcoma del tessuto adiposo.',
    },
  ),
  entry(
    'leiomyosarcoma',
    {
      q: 'What is leiomyosarcoma?',
      alts: ['leiomyosarcoma?', 'smooth muscle sarcoma', 'do you treat leiomyosarcoma'],
      a: 'Leiomyosarcoma starts in smooth muscle.',
    },
    {
      q: "Che cos'è il leiomiosarcoma?",
      alts: ['leiomiosarcoma?', 'sarcoma della muscolatura liscia', 'curate il leiomiosarcoma?'],
      a: 'Il leiomiosarcoma nasce dalla muscolatura liscia.',
    },
  ),
  entry(
    'booking-line-hours',
    {
      q: "What is the booking line's phone number and when is it open?",
      alts: ['phone number', 'when can I call', 'is the line open on Saturday'],
      a: 'Call +39 02 5748 9001, Monday to Friday, 08:00–16:00.',
    },
    {
      q: 'Qual è il numero per le prenotazioni e quando risponde?',
      alts: ['numero di telefono', 'quando posso telefonare', 'siete aperti il sabato?'],
      a: 'Chiami il +39 02 5748 9001, dal lunedì al venerdì, 08:00–16:00.',
    },
  ),
  entry(
    'how-to-book-a-visit',
    {
      q: 'How do I book a visit?',
      alts: ['book an appointment', 'I want to book a visit', 'how can I get an appointment'],
      a: 'Book visits by phone on the booking line.',
    },
    {
      q: 'Come prenoto una visita?',
      alts: ['prenotare un appuntamento', 'vorrei prenotare una visita', 'come ottengo un appuntamento'],
      a: 'Le visite si prenotano per telefono.',
    },
  ),
  entry(
    'radiotherapy',
    {
      q: 'What does radiotherapy do for sarcoma?',
      alts: ['radiotherapy before or after surgery', 'do I need radiotherapy', 'radiotherapy for sarcoma'],
      a: 'With surgery, radiotherapy lowers the risk that the sarcoma comes back in the same place.',
    },
    {
      q: 'A cosa serve la radioterapia nel sarcoma?',
      alts: [
        'radioterapia prima o dopo l intervento',
        'devo fare la radioterapia',
        'radioterapia per il sarcoma',
      ],
      a: 'Con la chirurgia, la radioterapia riduce il rischio che il sarcoma ritorni nello stesso punto.',
    },
  ),
  entry(
    'greeting',
    { q: 'Hello', alts: ['hi', 'good morning', 'hey'], a: 'Hello! Ask me about sarcomas.' },
    { q: 'Ciao', alts: ['buongiorno', 'salve', 'buonasera'], a: 'Ciao! Mi chieda dei sarcomi.' },
    'smalltalk',
  ),
];

const PATHWAYS = [
  {
    id: 'suspicious-mole',
    openers: {
      en: ['I have a suspicious mole', 'my mole has changed', 'strange mole on my back'],
      it: ['ho un neo sospetto', 'il mio neo è cambiato', 'neo strano sulla schiena'],
    },
  },
];

const SYNONYMS = {
  en: {
    fat: ['fatty tissue', 'adipose'],
    radiotherapy: ['radiation', 'rays'],
    visit: ['appointment', 'appointments'],
  },
  it: { radioterapia: ['raggi', 'radiazioni'], visita: ['appuntamento'] },
};

const matcher = KnowledgeMatcher.build(ENTRIES, PATHWAYS, SYNONYMS);

describe("when a question is one of the entry's own phrasings", () => {
  test.each([
    ['What is liposarcoma?', 'en', 'liposarcoma'],
    ['phone number', 'en', 'booking-line-hours'],
    ['Come prenoto una visita?', 'it', 'how-to-book-a-visit'],
  ] as const)('it answers "%s" directly with %s', (text, lang, id) => {
    const result = matcher.match(text, lang);
    expect(result.band).toBe(ConfidenceBand.High);
    expect(result.best?.id).toBe(id);
    expect(result.candidates).toEqual([result.best]);
  });
});

describe('when a question is worded differently', () => {
  test.each([
    ['LIPOSARCOMA, what is it??', 'en', 'liposarcoma'],
    ['che cosa e il liposarcoma', 'it', 'liposarcoma'],
    ['liposacroma', 'en', 'liposarcoma'],
    ['is radiation used before or after the surgery', 'en', 'radiotherapy'],
    [
      'my father is 70 and they told him he needs radiotherapy for his sarcoma, what does it do',
      'en',
      'radiotherapy',
    ],
    ['how can i make an appointment', 'en', 'how-to-book-a-visit'],
  ] as const)('it still finds the entry for "%s"', (text, lang, id) => {
    const result = matcher.match(text, lang);
    expect(result.band).not.toBe(ConfidenceBand.Low);
    expect(result.best?.id).toBe(id);
  });
});

describe('when the question is about something the knowledge base does not explain', () => {
  test.each([
    ['what is the survival rate of liposarcoma stage 3', 'en'],
    ['can you prescribe painkillers', 'en'],
    ['percentuale di sopravvivenza liposarcoma stadio 3', 'it'],
    ['recipe for risotto', 'en'],
    ['asdfgh', 'en'],
    ['', 'en'],
  ] as const)('it refuses "%s" without naming an entry to answer with', (text, lang) => {
    const result = matcher.match(text, lang);
    expect(result.band).toBe(ConfidenceBand.Low);
    expect(result.best).toBeUndefined();
    expect(result.candidates).toEqual([]);
  });
});

describe('when two entries fit equally well', () => {
  test('it asks "did you mean" with both, at most three candidates', () => {
    const result = matcher.match('sarcoma', 'en');
    expect(result.band).toBe(ConfidenceBand.Medium);
    expect(result.candidates.length).toBeGreaterThanOrEqual(2);
    expect(result.candidates.length).toBeLessThanOrEqual(3);
    expect(result.candidates[0]).toEqual(result.best);
  });
});

describe('when the text opens a guided pathway', () => {
  test('it names the pathway, as a pathway', () => {
    const result = matcher.match('I think my mole has changed', 'en');
    expect(result.best).toMatchObject({ id: 'suspicious-mole', kind: 'pathway' });
  });

  test('it recognises the opener in Italian too', () => {
    expect(matcher.match('ho un neo strano', 'it').best).toMatchObject({
      id: 'suspicious-mole',
      kind: 'pathway',
    });
  });
});

describe('when the user writes in the other language', () => {
  test('it still finds the entry, in the language the user wrote', () => {
    const result = matcher.match('vorrei prenotare una visita', 'en');
    expect(result.best).toMatchObject({ id: 'how-to-book-a-visit', lang: 'it' });
  });
});

describe('when the message is small talk', () => {
  test('it recognises a greeting on its own', () => {
    expect(matcher.match('Good morning!', 'en').best?.id).toBe('greeting');
  });

  test('it answers the question, not the greeting, when both come together', () => {
    const result = matcher.match('buongiorno, vorrei prenotare una visita', 'it');
    expect(result.best?.id).toBe('how-to-book-a-visit');
  });
});

describe('when one entry has the very question asked and another only its words', () => {
  const tied = KnowledgeMatcher.build(
    [
      entry(
        'what-is-soft-tissue-sarcoma',
        {
          q: 'What is a soft tissue sarcoma?',
          alts: ['what is a sarcoma', 'sarcoma?', 'sarcoma meaning'],
          a: 'A rare tumour.',
        },
        {
          q: "Che cos'è un sarcoma?",
          alts: ['sarcoma?', 'cosa vuol dire sarcoma', 'sarcoma significato'],
          a: 'Un tumore raro.',
        },
      ),
      entry(
        'sarcoma-subtypes',
        {
          q: 'How many types of sarcoma are there?',
          alts: ['are all sarcomas the same', 'names of sarcomas', 'list of sarcomas'],
          a: 'More than 70.',
        },
        {
          q: 'Quanti tipi di sarcoma esistono?',
          alts: ['i sarcomi sono tutti uguali?', 'nomi dei sarcomi', 'elenco dei sarcomi'],
          a: 'Più di 70.',
        },
      ),
    ],
    [],
    { en: {}, it: {} },
  );

  test('it answers the entry whose phrasing it is, directly', () => {
    const result = tied.match('What is a sarcoma?', 'en');
    expect(result.band).toBe(ConfidenceBand.High);
    expect(result.best?.id).toBe('what-is-soft-tissue-sarcoma');
  });
});

describe('when a word is typed unusually', () => {
  test.each([
    ['hiiii', 'en', 'greeting'],
    ['ciaooo', 'it', 'greeting'],
    ['leio myosarcoma', 'en', 'leiomyosarcoma'],
    ['leiomysarcma', 'en', 'leiomyosarcoma'],
  ] as const)('it still recognises "%s"', (text, lang, id) => {
    const result = matcher.match(text, lang);
    expect(result.band).not.toBe(ConfidenceBand.Low);
    expect(result.best?.id).toBe(id);
  });
});

describe('when a message holds a whole pathway opener inside a longer story', () => {
  const story = 'my mole has changed since the summer in Sardinia and my cousin says it is nothing';

  test('it offers the pathway rather than refusing', () => {
    expect(matcher.match(story, 'en').best).toMatchObject({ id: 'suspicious-mole', kind: 'pathway' });
  });

  test('without the allowance for a named document, the story around the opener would hide it', () => {
    const strict = KnowledgeMatcher.build(ENTRIES, PATHWAYS, SYNONYMS, {
      namedBonus: 0,
      namedLowScore: MATCHER_DEFAULTS.lowScore,
      namedLowCoverage: MATCHER_DEFAULTS.lowCoverage,
    });
    expect(strict.match(story, 'en').band).toBe(ConfidenceBand.Low);
  });
});
