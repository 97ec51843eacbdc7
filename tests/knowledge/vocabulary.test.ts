import { Vocabulary } from '../../src/knowledge/vocabulary';

/** A vocabulary shaped like the knowledge base's: short and long stems, the longest a rare subtype's name. */
function sampleVocabulary(): Vocabulary {
  const stems = [
    'sarcom',
    'liposarcom',
    'leiomyosarcom',
    'haemangioendotheliom',
    'radiotherap',
    'booking',
    'nodul',
  ];
  return Vocabulary.build(new Map(stems.map((s) => [s, 1])));
}

/** Letters that look like a word but are none (seeded, so every run sends the same text). */
function pseudoWord(length: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(97 + (x % 26));
  }
  return out;
}

/** Index probes one correction makes. */
function probesFor(vocabulary: Vocabulary, typed: string): number {
  const before = vocabulary.probeCount;
  vocabulary.correct(typed);
  return vocabulary.probeCount - before;
}

describe('Vocabulary typo correction', () => {
  test('it still corrects a long word typed two letters wrong', () => {
    expect(sampleVocabulary().resolve('haemangioendoteliom').term).toBe('haemangioendotheliom');
    expect(sampleVocabulary().resolve('liposarcon').term).toBe('liposarcom');
  });

  describe('when a visitor sends one enormous "word"', () => {
    test.each([200, 2000, 20000])('a %i-letter word costs no index probes at all', (length) => {
      const vocabulary = sampleVocabulary();
      expect(probesFor(vocabulary, pseudoWord(length, length))).toBe(0);
      expect(vocabulary.resolve(pseudoWord(length, length)).known).toBe(false);
    });

    test('work grows no faster than the square of the longest stem, whatever the text', () => {
      const vocabulary = sampleVocabulary();
      const longest = 'haemangioendotheliom'.length + 2;
      const bound = 1 + longest + longest * longest;
      const texts = [
        ...Array.from({ length: 40 }, (_, i) => pseudoWord(i + 1, i)),
        'a'.repeat(22),
        'ab'.repeat(11),
        'sarcoma'.repeat(3),
      ];
      for (const text of texts) expect(probesFor(vocabulary, text)).toBeLessThanOrEqual(bound);
    });
  });
});
