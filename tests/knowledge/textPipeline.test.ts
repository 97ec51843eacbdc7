import { normalizeText } from '../../src/knowledge/normalizeText';
import { stem } from '../../src/knowledge/stem';
import { SynonymExpander } from '../../src/knowledge/synonymExpander';
import { TextAnalyzer } from '../../src/knowledge/textAnalyzer';
import { tokenize } from '../../src/knowledge/tokenize';

const stems = (analyzer: TextAnalyzer, text: string, lang: 'en' | 'it'): string[] =>
  analyzer.analyze(text, lang).map((t) => t.stem);

describe('when text is normalised', () => {
  test('it lower-cases and folds accents', () => {
    expect(normalizeText('Perché il NEO è cambiato?')).toBe('perche il neo e cambiato');
  });

  test('it turns apostrophes into spaces ("dell\'arto" → "dell arto"), typographic ones too', () => {
    expect(normalizeText("chirurgia dell'arto")).toBe('chirurgia dell arto');
    expect(normalizeText('l’intervento')).toBe('l intervento');
  });

  test('it turns punctuation into single spaces and trims', () => {
    expect(normalizeText('  GIST?!  (tumore) -- stromale...  ')).toBe('gist tumore stromale');
  });

  test('it folds letters that have no accent to strip', () => {
    expect(normalizeText('Œsophagus')).toBe('oesophagus');
  });
});

describe('when text is tokenised', () => {
  test('it keeps accented letters inside words ("perché")', () => {
    expect(tokenize('Perché il neo è cambiato?')).toEqual(['Perché', 'il', 'neo', 'è', 'cambiato']);
  });

  test('it splits on apostrophes and keeps digits', () => {
    expect(tokenize("dell'arto, 60%")).toEqual(['dell', 'arto', '60']);
  });
});

describe('when words are stemmed', () => {
  test('it reduces English plurals and inflections to one stem', () => {
    expect(stem('sarcomas', 'en')).toBe(stem('sarcoma', 'en'));
    expect(stem('treatments', 'en')).toBe(stem('treatment', 'en'));
  });

  test('it reduces Italian plurals and inflections to one stem', () => {
    expect(stem('tumori', 'it')).toBe(stem('tumore', 'it'));
    expect(stem('prenotazione', 'it')).toBe(stem('prenotare', 'it'));
  });

  test('it leaves numbers alone', () => {
    expect(stem('112', 'it')).toBe('112');
  });
});

describe('when a question is analysed', () => {
  const analyzer = new TextAnalyzer();

  test('it drops stopwords and conversational filler of both languages', () => {
    expect(stems(analyzer, 'Can you please tell me what is a liposarcoma?', 'en')).toEqual([
      stem('liposarcoma', 'en'),
    ]);
    expect(stems(analyzer, 'vorrei sapere cosa è il liposarcoma', 'it')).toEqual([stem('liposarcoma', 'it')]);
  });

  test('it keeps question words as weak hints', () => {
    const tokens = analyzer.analyze('where do sarcomas grow', 'en');
    expect(tokens.find((t) => t.surface === 'where')?.weak).toBe(true);
    expect(tokens.find((t) => t.surface === 'sarcomas')?.weak).toBeUndefined();
  });

  test('it keeps before and after as weak hints (treatment before the operation, physiotherapy after it)', () => {
    const tokens = analyzer.analyze('terapia prima dell intervento o radioterapia after surgery', 'it');
    expect(tokens.filter((t) => t.weak).map((t) => t.surface)).toEqual(['prima', 'after']);
  });

  test('it gives the same signature to the same question written differently', () => {
    expect(analyzer.signature('Chi sei?', 'it')).toBe(analyzer.signature('chi sei', 'it'));
  });
});

describe('when synonyms are expanded', () => {
  const expander = SynonymExpander.build({
    en: { nodule: ['lump', 'bump'], retroperitoneum: ['back of the tummy'], abdomen: ['tummy'] },
    it: { testa: ['viso', 'faccia'], visita: ['appuntamento'] },
  });
  const analyzer = new TextAnalyzer(expander);

  test('it replaces a lay word, in any inflection, with the canonical term', () => {
    expect(stems(analyzer, 'I found lumps on my arm', 'en')).toContain(stem('nodule', 'en'));
    expect(stems(analyzer, 'I found lumps on my arm', 'en')).not.toContain(stem('lumps', 'en'));
  });

  test('it prefers the longest variant ("back of the tummy" over "tummy")', () => {
    const result = stems(analyzer, 'a mass at the back of the tummy', 'en');
    expect(result).toContain(stem('retroperitoneum', 'en'));
    expect(result).not.toContain(stem('abdomen', 'en'));
  });

  test('it does not confuse words that merely share a short stem ("visita" is not "viso")', () => {
    expect(stems(analyzer, 'prima visita', 'it')).not.toContain(stem('testa', 'it'));
  });

  test('it never turns a stopword into a topic ("come faccio" is not "faccia")', () => {
    expect(stems(analyzer, 'come faccio a prenotare', 'it')).not.toContain(stem('testa', 'it'));
  });

  test('it only applies the synonyms of the language being analysed', () => {
    expect(stems(analyzer, 'lump', 'it')).not.toContain(stem('nodule', 'en'));
  });
});

describe('when an intent is written only in stopwords', () => {
  const analyzer = new TextAnalyzer(
    SynonymExpander.build({
      en: { 'next steps': ['what should I do', 'what next'] },
      it: { 'prossimi passi': ['cosa devo fare'] },
    }),
  );

  test('it keeps the intent as its canonical term ("what should I do" → next steps)', () => {
    expect(stems(analyzer, 'I have a strange mole, what should I do?', 'en')).toEqual(
      stems(analyzer, 'strange mole next steps', 'en'),
    );
    expect(stems(analyzer, 'neo strano, cosa devo fare?', 'it')).toContain(stem('passi', 'it'));
  });

  test('without the synonym, the same words are dropped as filler', () => {
    expect(stems(new TextAnalyzer(), 'what should I do', 'en')).toEqual([]);
  });

  test('it does not stretch a phrase of stopwords over another word ("what is next" is not "what next")', () => {
    expect(stems(analyzer, 'what is next generation sequencing', 'en')).not.toContain(stem('steps', 'en'));
  });
});

describe('when a synonym variant is typed with small differences', () => {
  const analyzer = new TextAnalyzer(
    SynonymExpander.build({
      en: {},
      it: {
        prenotare: ['prendere appuntamento'],
        intervento: ['operare'],
        persona: ['operatore'],
        'consulenza genetica': ['genetista'],
      },
    }),
  );

  test('it still matches with an article in between ("prendere un appuntamento")', () => {
    expect(stems(analyzer, 'vorrei prendere un appuntamento', 'it')).toEqual([stem('prenotare', 'it')]);
  });

  test('it prefers the variant typed word for word over one sharing its stem ("operatore" is not "operare")', () => {
    expect(stems(analyzer, 'sei un operatore?', 'it')).toEqual([stem('persona', 'it')]);
  });

  test('it treats words sharing a stem as one only when they differ by an ending ("genetico" is not "genetista")', () => {
    expect(stems(analyzer, 'è genetico?', 'it')).toEqual([stem('genetico', 'it')]);
    expect(stems(analyzer, 'due genetisti', 'it')).toContain(stem('consulenza', 'it'));
  });
});
