import fc from 'fast-check';
import { foldWords } from '../../src/safety/foldWords';
import { foldText } from '../../src/text/foldText';

describe('the words the red-flag screen reads', () => {
  test('they are exactly the words of foldText, for any text', () => {
    const pieces = fc.constantFrom(
      ...[
        'a',
        'Z',
        'è',
        'É',
        'ù',
        'İ',
        'ß',
        'ﬁ',
        '1',
        '3',
        '½',
        "'",
        '’',
        ' ',
        '\n',
        '-',
        ',',
        '?',
        '…',
        '😀',
        'ж',
        '字',
      ],
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.array(pieces).map((p) => p.join('')),
        ),
        (text) => {
          expect(foldWords(text)).toEqual(foldText(text).split(' ').filter(Boolean));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('accents, capitals, apostrophes and punctuation are folded away', () => {
    expect(foldWords("Non RIESCO più a respirare!! C'è sangue")).toEqual([
      'non',
      'riesco',
      'piu',
      'a',
      'respirare',
      'c',
      'e',
      'sangue',
    ]);
  });
});
