import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content } from '../../src/content/content';
import { ContentError } from '../../src/content/contentIssue';
import { loadContent } from '../../src/content/contentLoader';
import { DepartmentPage } from '../../src/content/departmentPage';

const root = join(__dirname, '..', '..');
const pageFile = join(root, 'knowledge/source/department-page.txt');

interface EntryJson {
  id: string;
  evidence?: string[];
  externalSource?: unknown;
  factFree?: boolean;
  en: { answer: string };
}
type FileJson = { entries: EntryJson[] };

/** Copies the real content, lets the test change one knowledge file, and returns the start-up error. */
async function loadChanged(file: string, change: (json: FileJson) => void): Promise<ContentError> {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
  try {
    cpSync(join(root, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
    cpSync(join(root, 'dialogs'), join(dir, 'dialogs'), { recursive: true });
    const path = join(dir, file);
    const json = JSON.parse(readFileSync(path, 'utf8')) as FileJson;
    change(json);
    writeFileSync(path, JSON.stringify(json));
    await loadContent(dir);
  } catch (err) {
    return err as ContentError;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('the changed content loaded without complaint');
}

const byId = (json: FileJson, id: string): EntryJson => json.entries.find((e) => e.id === id)!;

let content: Content;
beforeAll(async () => {
  content = await loadContent(root);
});

describe('when the committed knowledge base is checked against the department page', () => {
  test('every entry has evidence found on the page, an external source, or states no fact', () => {
    const untraced = content.entries
      .filter((e) => (e.evidence ?? []).length === 0 && !e.externalSource && !e.factFree)
      .map((e) => e.id);
    expect(untraced).toEqual([]);
    const missing = content.entries.flatMap((e) =>
      (e.evidence ?? []).filter((q) => content.page.locate(q) === undefined).map((q) => `${e.id}: ${q}`),
    );
    expect(missing).toEqual([]);
  });

  test('every external source is an https page with the date it was read', () => {
    for (const e of content.entries.filter((x) => x.externalSource)) {
      expect(e.externalSource?.url).toMatch(/^https:\/\//);
      expect(e.externalSource?.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('an answer relying on an external source words it as general information, in both languages', () => {
    const marker = { en: /general|European emergency number/iu, it: /general|numero unico europeo/iu };
    const unmarked = content.entries
      .filter((e) => e.externalSource)
      .flatMap((e) =>
        (['en', 'it'] as const)
          .filter((lang) => !marker[lang].test(`${e[lang].answer} ${e[lang].detail ?? ''}`))
          .map((lang) => `${e.id} (${lang})`),
      );
    expect(unmarked).toEqual([]);
  });

  test("no answer calls IMRT this centre's standard (the page's sentence is another hospital's)", () => {
    const imrt = content.entries.find((e) => e.id === 'imrt')!;
    for (const text of [imrt.en.answer, imrt.en.detail ?? '', imrt.it.answer, imrt.it.detail ?? '']) {
      expect(text).not.toMatch(/standard/iu);
    }
    expect(content.page.errors.map((e) => e.quote).join(' ')).toMatch(/Memorial Sloan Kettering/);
  });
});

describe('when a quote is not on the page', () => {
  test('start-up fails naming the file, the entry and the quote, with the nearest page sentence as the fix', async () => {
    const err = await loadChanged('knowledge/entries/risk-symptoms.json', (json) => {
      byId(json, 'sarcoma-screening').evidence = [
        'there is still no routine screening test for identifying these tumours',
      ];
    });
    expect(err).toBeInstanceOf(ContentError);
    expect(err.message).toContain(
      'knowledge/entries/risk-symptoms.json › entries (id "sarcoma-screening").evidence[0]: the quote "there is still no routine screening test for identifying these tumours" is not on the department page',
    );
    expect(err.message).toMatch(
      /Fix: copy the page's words exactly .*nearest sentence on the page is "Soft tissue sarcomas often have no symptoms in the initial phases and there is still no routine screening test available for identifying these tumours\."/,
    );
  });

  test('a quote of facts the page never states points to externalSource or removal', async () => {
    const err = await loadChanged('knowledge/entries/sensitive.json', (json) => {
      const e = byId(json, 'costs');
      delete e.factFree;
      e.evidence = ['A first visit costs nothing with a referral'];
    });
    expect(err.message).toMatch(
      /entries \(id "costs"\)\.evidence\[0\]: the quote "A first visit costs nothing with a referral"/,
    );
    expect(err.message).toMatch(/move the fact to "externalSource" as general information, or remove it/);
  });
});

describe('when an entry shows no source at all', () => {
  test('start-up fails naming the entry and the three fields to choose from', async () => {
    const err = await loadChanged('knowledge/entries/about.json', (json) => {
      delete byId(json, 'who-gets-sarcoma').evidence;
    });
    expect(err.message).toMatch(
      /knowledge\/entries\/about\.json › entries \(id "who-gets-sarcoma"\): the entry has none of "evidence", "externalSource" and "factFree".*Fix: quote the department page/,
    );
  });
});

describe('when an entry says it states no fact', () => {
  test('it may not also give sources', async () => {
    const err = await loadChanged('knowledge/entries/sensitive.json', (json) => {
      byId(json, 'costs').evidence = ['For reservations of visits and examinations'];
    });
    expect(err.message).toMatch(/entries \(id "costs"\)\.factFree: "factFree" says the entry states no fact/);
  });

  test('it may not state a number', async () => {
    const err = await loadChanged('knowledge/entries/sensitive.json', (json) => {
      byId(json, 'waiting-times').en.answer = 'Most people wait about 10 days.';
    });
    expect(err.message).toMatch(
      /entries \(id "waiting-times"\)\.en\.answer: a fact-free entry states a number/,
    );
  });
});

describe('when an external source is not an https page', () => {
  test('start-up fails on the url', async () => {
    const err = await loadChanged('knowledge/entries/treatment.json', (json) => {
      byId(json, 'brachytherapy').externalSource = {
        title: 'NCI',
        url: 'http://www.cancer.gov/',
        retrieved: '2026-12-04',
      };
    });
    expect(err.message).toMatch(
      /entries\[\d+\] \(id "brachytherapy"\)\.externalSource\.url: must be an https address/,
    );
  });
});

describe('when quotes are compared with the page', () => {
  const page = new DepartmentPage(readFileSync(pageFile, 'utf8'));

  test('whitespace, line breaks and the page’s bullets may differ', () => {
    expect(page.locate('Tumours of vascular structures Angiosarcoma Haemangioendothelioma')).toBeDefined();
    expect(page.locate('Combined therapy studies:   Immunotherapy with conventional x-ray')).toBeDefined();
    expect(page.locate('GIST surgery laparoscopy v/s open surgery')).toBeDefined();
  });

  test('typographic apostrophes count as straight ones', () => {
    expect(page.locate('Ewing’s sarcoma')).toBeDefined();
  });

  test('a changed word, or a word cut in half, is not found', () => {
    expect(
      page.locate('Surgery is the standard treatment for localized soft tissue sarcoma.'),
    ).toBeUndefined();
    expect(page.locate('IMRT is the standard of care at this centre')).toBeUndefined();
    expect(page.locate('iposarcoma')).toBeUndefined();
  });
});

describe('when the source line names the page’s sections', () => {
  test('a quote is placed in the section it comes from, in both languages', () => {
    const sections = content.page.sectionsOf([
      'The first evident symptom is usually a painless nodule.',
      'The majority of soft tissue sarcomas have no identifiable risk factors.',
    ]);
    expect(sections.map((s) => s.title.en)).toEqual(['Symptoms', 'Risk factors']);
    expect(sections.map((s) => s.title.it)).toEqual(['Sintomi', 'Fattori di rischio']);
  });
});
