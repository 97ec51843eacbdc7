import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandsFileSchema } from '../../src/content/commandsSchema';
import { CommandRecognizer } from '../../src/safety/commandRecognizer';

const root = join(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
const recognizer = new CommandRecognizer(commandsFileSchema.parse(readJson('dialogs/commands.json')));

describe('global commands recognised by meaning', () => {
  test.each([
    ['can I speak to a human', 'talkToPerson'],
    ['I want to talk to someone', 'talkToPerson'],
    ['could I chat with a real person?', 'talkToPerson'],
    ['buongiorno, vorrei parlare con una persona', 'talkToPerson'],
    ['posso sentire un operatore?', 'talkToPerson'],
    ['dimentica i miei dati', 'forgetMe'],
    ['hi, forget me please', 'forgetMe'],
    ['please erase my details', 'forgetMe'],
    ['cancellate le mie informazioni grazie', 'forgetMe'],
    ['can we start again?', 'startOver'],
    ['ricominciamo da capo', 'startOver'],
  ])('"%s" is the %s command', (text, command) => {
    expect(recognizer.recognize(text)).toBe(command);
  });

  test.each([
    'the doctor told me to start chemo again',
    'who do I call to book a visit',
    'can someone talk to me about the emotional side of a sarcoma diagnosis and what support is there for my family',
    'how do you remove a lump',
    'what is a sarcoma',
    'mia madre deve ricominciare la chemio',
  ])('an ordinary question is not a command: "%s"', (text) => {
    expect(recognizer.recognize(text)).toBeUndefined();
  });

  test("the knowledge base's own questions and phrasings are never taken for a command", () => {
    const dir = join(root, 'knowledge', 'entries');
    const phrasings = readdirSync(dir).flatMap((file) =>
      (readJson(join('knowledge', 'entries', file)) as { entries: Array<Record<string, unknown>> }).entries
        .filter((e) => e.kind !== 'smalltalk')
        .flatMap((e) =>
          (['en', 'it'] as const).flatMap((l) => {
            const side = e[l] as { question: string; alternates: string[] };
            return [side.question, ...side.alternates];
          }),
        ),
    );
    expect(phrasings.length).toBeGreaterThan(500);
    expect(phrasings.filter((p) => recognizer.recognize(p) !== undefined)).toEqual([]);
  });

  test('every command the bot itself tells people to type (in quotes in its messages) works', () => {
    const dir = join(root, 'dialogs', 'messages');
    const quoted = readdirSync(dir).flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/\\"([^"\\{}]{3,40})\\"/g)].map(
        (m) => m[1] as string,
      ),
    );
    expect(quoted.length).toBeGreaterThan(4);
    expect(quoted.filter((q) => recognizer.recognize(q) === undefined)).toEqual([]);
  });
});
