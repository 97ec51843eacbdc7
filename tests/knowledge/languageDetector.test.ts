import { detectLanguage } from '../../src/knowledge/languageDetector';

describe('when the language of a message is detected', () => {
  test.each([
    ['What is a liposarcoma?', 'en'],
    ['my mum has a lump on her leg, what should she do', 'en'],
    ['hi', 'en'],
    ['thanks', 'en'],
    ["Che cos'è il liposarcoma?", 'it'],
    ['mia madre ha un nodulo sulla gamba, cosa deve fare', 'it'],
    ['ciao', 'it'],
    ['grazie', 'it'],
    ['perché?', 'it'],
  ])('it reads "%s" as %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  test.each([['liposarcoma?'], ['GIST'], ['ok'], [''], ['12345']])(
    'it says it cannot tell for "%s"',
    (text) => {
      expect(detectLanguage(text)).toBeUndefined();
    },
  );
});
