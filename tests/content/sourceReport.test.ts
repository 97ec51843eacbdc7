import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import { buildSourceReport, type ReportFile, type SourceReport } from '../../src/content/sourceReport';

const root = join(__dirname, '..', '..');

/** The HTML escaping the report applies, to find content texts in it. */
const html = (text: string) =>
  text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;');

let content: Content;
let files: ReportFile[];
let report: SourceReport;

beforeAll(async () => {
  content = await loadContent(root);
  const dir = join(root, 'knowledge', 'entries');
  files = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => {
      const json = JSON.parse(readFileSync(join(dir, n), 'utf8')) as {
        topic: string;
        entries: { id: string }[];
      };
      return { file: `knowledge/entries/${n}`, topic: json.topic, ids: json.entries.map((e) => e.id) };
    });
  report = buildSourceReport(content, files, new Date('2026-12-04T12:00:00Z'));
});

/** The part of the report about one entry. */
function sectionOf(id: string): string {
  const start = report.html.indexOf(`<section class="entry" id="${id}">`);
  return report.html.slice(start, report.html.indexOf('</section>', start));
}

describe('when the clinicians open the review report (npm run kb:sources)', () => {
  test('it lists every entry once, with its answer and detail in both languages', () => {
    for (const e of content.entries) {
      const section = sectionOf(e.id);
      expect(section).not.toBe('');
      for (const lang of ['en', 'it'] as const) {
        expect(section).toContain(html(e[lang].answer));
        if (e[lang].detail) expect(section).toContain(html(e[lang].detail!));
      }
    }
    expect(report.summary.entries).toBe(content.entries.length);
  });

  test('each answer sits beside its quotes of the page and the section each comes from', () => {
    const section = sectionOf('sarcoma-screening');
    for (const q of content.entries.find((e) => e.id === 'sarcoma-screening')!.evidence!) {
      expect(section).toContain(`<q>${html(q)}</q>`);
    }
    expect(section).toContain('Symptoms');
  });

  test('entries relying on an external source are flagged, with the link and the date it was read', () => {
    const section = sectionOf('leiomyosarcoma');
    expect(section).toContain('external source</span>');
    expect(section).toContain(
      'href="https://www.cancerresearchuk.org/about-cancer/soft-tissue-sarcoma/types"',
    );
    expect(section).toContain('read 2026-12-04');
    expect(report.summary.external).toBe(content.entries.filter((e) => e.externalSource).length);
  });

  test('a section lists the errors on the department page, the IMRT sentence of another hospital first', () => {
    const errors = report.html.slice(report.html.indexOf('<h2>Errors on the department page</h2>'));
    expect(errors).toMatch(/<ol><li><q>[^<]*Memorial Sloan Kettering[^<]*<\/q>/u);
    const imrtError = errors.slice(0, errors.indexOf('</li>'));
    expect(imrtError).toContain('Entries quoting it: none');
  });

  test('an entry quoting a sentence the page must correct is flagged', () => {
    expect(sectionOf('proton-and-carbon-ion-therapy')).toContain('quotes a sentence the page must correct');
    expect(sectionOf('sarcoma-screening')).not.toContain('quotes a sentence the page must correct');
  });

  test('fact-free entries say so, for the reviewers to check that they state none', () => {
    expect(sectionOf('costs')).toContain('states no fact</span>');
  });

  test('it shows that the booking line has no extra closure the department did not announce', () => {
    expect(report.html).toContain('No extra closure: the department announced none.');
  });
});
