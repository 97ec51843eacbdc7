import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../src/content/contentLoader';
import { ContentError } from '../../src/content/contentIssue';

const root = join(__dirname, '..', '..');

/** Copies the real content to a temporary root, lets a test break it, and loads it. */
async function loadBroken(breakIt: (dir: string) => void): Promise<ContentError> {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  try {
    cpSync(join(root, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
    cpSync(join(root, 'dialogs'), join(dir, 'dialogs'), { recursive: true });
    breakIt(dir);
    await loadContent(dir);
  } catch (err) {
    return err as ContentError;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('the broken content loaded without complaint');
}

const edit = (dir: string, file: string, change: (json: Record<string, unknown>) => void) => {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(json);
  writeFileSync(path, JSON.stringify(json));
};

describe('loading the content', () => {
  test('the committed content loads with no problem and has versions', async () => {
    const content = await loadContent(root);
    expect(content.entries.length).toBeGreaterThan(50);
    expect(content.pathways.map((p) => p.id).sort()).toEqual([
      'lump-or-swelling',
      'metastasis',
      'suspicious-mole',
      'tumour-diagnosis',
    ]);
    expect(content.versions.pathways['suspicious-mole']).toMatch(/^[0-9a-f]{12}$/);
  });

  describe('when a file is broken, start-up stops naming the file, the node and the fix', () => {
    test('invalid JSON', async () => {
      const err = await loadBroken((dir) =>
        writeFileSync(join(dir, 'dialogs', 'commands.json'), '{ "commands": '),
      );
      expect(err).toBeInstanceOf(ContentError);
      expect(err.message).toMatch(
        /dialogs\/commands\.json › \(file\): not valid JSON.*Fix: correct the JSON syntax/,
      );
    });

    test('a pathway choice leading nowhere', async () => {
      const err = await loadBroken((dir) =>
        edit(dir, 'dialogs/suspicious-mole.json', (p) => {
          const nodes = p.nodes as Record<string, { type: string; choices?: { next: string }[] }>;
          const q = Object.values(nodes).find((n) => n.type === 'question');
          if (q?.choices?.[0]) q.choices[0].next = 'q-nowhere';
        }),
      );
      expect(err.message).toMatch(
        /dialogs\/suspicious-mole\.json › nodes\.[a-z-]+: leads to "q-nowhere", which does not exist\. Fix: point it at an existing node id/,
      );
    });

    test('a missing Italian translation', async () => {
      const err = await loadBroken((dir) =>
        edit(dir, 'dialogs/metastasis.json', (p) => {
          delete (p.title as Record<string, string>).it;
        }),
      );
      expect(err.message).toMatch(/dialogs\/metastasis\.json › title\.it: .*Fix:/);
    });

    test('a cycle in a pathway', async () => {
      const err = await loadBroken((dir) =>
        edit(dir, 'dialogs/tumour-diagnosis.json', (p) => {
          const start = p.start as string;
          const nodes = p.nodes as Record<string, { type: string; choices?: { next: string }[] }>;
          const second = nodes[start]?.choices?.[0]?.next ?? '';
          const q = nodes[second];
          if (q?.choices?.[0]) q.choices[0].next = start;
        }),
      );
      expect(err.message).toMatch(/a cycle: .*Fix: make the tree lead forward to a disposition/);
    });

    test('a message whose placeholders differ between languages', async () => {
      const err = await loadBroken((dir) =>
        edit(dir, 'dialogs/messages/core.json', (m) => {
          (m.messages as Record<string, { en: string; it: string }>)['error.apology'] = {
            en: 'Sorry ({reference})',
            it: 'Scusi',
          };
        }),
      );
      expect(err.message).toMatch(/messages\.error\.apology: placeholders differ/);
    });

    test('a message the engine needs is missing', async () => {
      const err = await loadBroken((dir) =>
        edit(dir, 'dialogs/messages/core.json', (m) => {
          delete (m.messages as Record<string, unknown>)['welcome'];
        }),
      );
      expect(err.message).toMatch(/messages\.welcome: the engine needs this message.*Fix: add "welcome"/);
    });
    test('an answer-words file with a misspelt section', async () => {
      const err = await loadBroken((dir) =>
        edit(dir, 'dialogs/answer-words.json', (w) => {
          w.hedgez = w.hedges;
          delete w.hedges;
        }),
      );
      expect(err.message).toMatch(/dialogs\/answer-words\.json › .*hedge/);
    });

    test('a red-flag context word list left out', async () => {
      const err = await loadBroken((dir) =>
        edit(dir, 'dialogs/red-flags.json', (f) => {
          delete (f.context as Record<string, unknown>).negators;
        }),
      );
      expect(err.message).toMatch(/dialogs\/red-flags\.json › context\.negators/);
    });

    test('a red flag whose follow-up question does not exist', async () => {
      const err = await loadBroken((dir) =>
        edit(dir, 'dialogs/red-flags.json', (f) => {
          const flags = f.flags as Array<{ id: string; followUp?: { pathway: string; node: string } }>;
          const spinal = flags.find((x) => x.followUp);
          if (spinal) spinal.followUp = { pathway: 'metastasis', node: 'q-nowhere' };
        }),
      );
      expect(err.message).toMatch(
        /dialogs\/red-flags\.json › flags\.spinal-pain-metastases\.followUp: "q-nowhere" is not a question of pathway "metastasis".*Fix: name a question node/,
      );
    });

    test('an emergency flag that would ask a question before 112', async () => {
      const err = await loadBroken((dir) =>
        edit(dir, 'dialogs/red-flags.json', (f) => {
          const flags = f.flags as Array<{ id: string; followUp?: { pathway: string; node: string } }>;
          const chest = flags.find((x) => x.id === 'chest-pain');
          if (chest) chest.followUp = { pathway: 'metastasis', node: 'q-neuro' };
        }),
      );
      expect(err.message).toMatch(
        /flags\.chest-pain\.followUp: a flag of kind "emergency" cannot ask a question first/,
      );
    });

    test('two questions naming the same fact with different choices', async () => {
      const err = await loadBroken((dir) =>
        edit(dir, 'dialogs/metastasis.json', (p) => {
          const nodes = p.nodes as Record<string, { choices?: { id: string }[] }>;
          const who = nodes['q-who']?.choices?.[1];
          if (who) who.id = 'someone-else';
        }),
      );
      expect(err.message).toMatch(/metastasis\.json › nodes\.q-who\.choices: the question of fact "about"/);
      expect(err.message).toMatch(/the fact "about" is also asked in .* so an answer cannot carry over/);
    });
  });
});
