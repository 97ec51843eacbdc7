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
