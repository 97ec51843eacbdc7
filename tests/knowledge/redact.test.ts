import { REDACTED, redact } from '../../src/knowledge/redact';

describe('when a message is redacted for the curator log', () => {
  test('it removes phone numbers, with or without country code', () => {
    expect(redact('call me on +39 333 123 4567 please')).toBe(`call me on ${REDACTED.phone} please`);
    expect(redact('il mio numero è 333-1234567')).toBe(`il mio numero è ${REDACTED.phone}`);
  });

  test('it removes e-mail addresses', () => {
    expect(redact('write to mario.rossi@example.it today')).toBe(`write to ${REDACTED.email} today`);
  });

  test('it removes Italian tax codes, in any case and with omocodia letters', () => {
    expect(redact('CF RSSMRA85T10A562S')).toBe(`CF ${REDACTED.taxCode}`);
    expect(redact('codice fiscale rssmra85t10a562s')).toBe(`codice fiscale ${REDACTED.taxCode}`);
    expect(redact('RSSMRALMT10A562S')).toBe(REDACTED.taxCode);
  });

  test('it removes names after "my name is" and "mi chiamo", in any case', () => {
    expect(redact('my name is john smith and I have a lump')).toBe(
      `my name is ${REDACTED.name} and I have a lump`,
    );
    expect(redact('Mi chiamo Giulia Bianchi, ho un neo')).toBe(`Mi chiamo ${REDACTED.name}, ho un neo`);
  });

  test('it removes a capitalised name after "sono" or "I am", but keeps "sono preoccupata"', () => {
    expect(redact('Sono Marco, mio padre ha un sarcoma')).toBe(
      `Sono ${REDACTED.name}, mio padre ha un sarcoma`,
    );
    expect(redact('sono preoccupata per un neo')).toBe('sono preoccupata per un neo');
    expect(redact('I am Anna')).toBe(`I am ${REDACTED.name}`);
  });

  test('it removes long digit runs such as health-card numbers', () => {
    expect(redact('tessera 80380')).toBe(`tessera ${REDACTED.number}`);
  });

  test('it keeps what the curator needs: short numbers, times and the question itself', () => {
    const text = 'is the line open at 08:00 on 7 December? stage 3, 600 patients';
    expect(redact(text)).toBe(text);
  });
});
