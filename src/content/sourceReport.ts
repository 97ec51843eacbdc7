import type { Content } from './content';
import { DEPARTMENT_PAGE_FILE } from './departmentPage';
import type { PageError } from './departmentPageSchema';
import type { KnowledgeEntry } from './knowledgeSchema';
import { LANGUAGES } from './language';

/** A knowledge file as the report groups entries: its path, its topic and its entry ids in order. */
export interface ReportFile {
  /** Path relative to the project, e.g. `knowledge/entries/about.json`. */
  readonly file: string;
  /** The file's topic line. */
  readonly topic: string;
  /** Its entry ids, in file order. */
  readonly ids: readonly string[];
}

/** What the report counted, also printed by `npm run kb:sources`. */
export interface SourceReportSummary {
  readonly entries: number;
  /** Entries whose facts all come from the page. */
  readonly pageOnly: number;
  /** Entries relying (also) on an external source. */
  readonly external: number;
  /** Entries that state no fact. */
  readonly factFree: number;
  /** Entries quoting a sentence listed under the page's errors. */
  readonly citingPageErrors: number;
  /** Errors listed on the page. */
  readonly pageErrors: number;
}

/** The review report: an HTML page and its counts. */
export interface SourceReport {
  readonly html: string;
  readonly summary: SourceReportSummary;
}

const LANGUAGE_NAMES = { en: 'English', it: 'Italiano' } as const;

function esc(text: string): string {
  return text.replace(
    /[&<>"']/gu,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

function paragraphs(text: string | undefined): string {
  return text === undefined ? '' : `<p>${esc(text)}</p>`;
}

function errorsCited(entry: KnowledgeEntry, content: Content): PageError[] {
  const found = new Set<PageError>();
  for (const quote of entry.evidence ?? []) for (const e of content.page.errorsIn(quote)) found.add(e);
  return [...found];
}

function flags(entry: KnowledgeEntry, cited: readonly PageError[]): string[] {
  const out: string[] = [];
  if (entry.externalSource) out.push('<span class="flag external">external source</span>');
  if (entry.factFree) out.push('<span class="flag factfree">states no fact</span>');
  if (cited.length > 0) out.push('<span class="flag error">quotes a sentence the page must correct</span>');
  if (entry.reviewNote) out.push('<span class="flag note">note for reviewers</span>');
  return out;
}

function entrySection(entry: KnowledgeEntry, content: Content): string {
  const cited = errorsCited(entry, content);
  const answers = LANGUAGES.map(
    (lang) =>
      `<div class="lang"><h4>${LANGUAGE_NAMES[lang]}: ${esc(entry[lang].question)}</h4>${paragraphs(entry[lang].answer)}${paragraphs(entry[lang].detail)}</div>`,
  ).join('');
  const quotes = (entry.evidence ?? []).map((q) => {
    const at = content.page.locate(q);
    const section = at === undefined ? undefined : content.page.sectionAt(at);
    const wrong = content.page.errorsIn(q).length > 0 ? ' class="cites-error"' : '';
    return `<li${wrong}><q>${esc(q)}</q> <span class="section">${esc(section?.title.en ?? 'not on the page')}</span></li>`;
  });
  const evidence =
    quotes.length > 0
      ? `<h4>Evidence from the department page</h4><ul class="quotes">${quotes.join('')}</ul>`
      : entry.factFree
        ? '<h4>Evidence</h4><p class="muted">None needed: the entry states no fact. Check that it states none.</p>'
        : '';
  const external = entry.externalSource
    ? `<h4>External source (presented as general information)</h4><p><a href="${esc(entry.externalSource.url)}">${esc(entry.externalSource.title)}</a><br><span class="muted">${esc(entry.externalSource.url)}, read ${esc(entry.externalSource.retrieved)}</span></p>`
    : '';
  const note = entry.reviewNote ? `<h4>Note for reviewers</h4><p>${esc(entry.reviewNote)}</p>` : '';
  const errors =
    cited.length > 0
      ? `<h4>Page errors quoted</h4><ul>${cited.map((e) => `<li>${esc(e.problem)}</li>`).join('')}</ul>`
      : '';
  return `<section class="entry" id="${esc(entry.id)}">
<h3>${esc(entry.id)} ${flags(entry, cited).join(' ')}</h3>
<p class="muted">${esc(entry.kind)}, reviewed ${esc(entry.reviewed)}</p>
<div class="columns"><div class="answers">${answers}</div><div class="sources">${evidence}${external}${note}${errors}</div></div>
</section>`;
}

/**
 * Builds the page clinicians review (`npm run kb:sources`): every answer in both languages beside its
 * evidence, the entries relying on external sources flagged, and the errors on the department page itself.
 */
export function buildSourceReport(
  content: Content,
  files: readonly ReportFile[],
  generatedAt: Date,
): SourceReport {
  const byId = new Map(content.entries.map((e) => [e.id, e]));
  const cited = content.entries.filter((e) => errorsCited(e, content).length > 0);
  const external = content.entries.filter((e) => e.externalSource);
  const summary: SourceReportSummary = {
    entries: content.entries.length,
    pageOnly: content.entries.filter((e) => !e.externalSource && !e.factFree).length,
    external: external.length,
    factFree: content.entries.filter((e) => e.factFree).length,
    citingPageErrors: cited.length,
    pageErrors: content.page.errors.length,
  };
  const pageErrors = content.page.errors
    .map((e) => {
      const users = content.entries.filter((x) =>
        (x.evidence ?? []).some((q) => content.page.errorsIn(q).includes(e)),
      );
      const list =
        users.length > 0 ? users.map((u) => `<a href="#${esc(u.id)}">${esc(u.id)}</a>`).join(', ') : 'none';
      return `<li><q>${esc(e.quote)}</q><p><strong>Problem:</strong> ${esc(e.problem)}</p><p><strong>Until corrected:</strong> ${esc(e.handling)}</p><p class="muted">Entries quoting it: ${list}</p></li>`;
    })
    .join('');
  const externalList = external
    .map(
      (e) =>
        `<li><a href="#${esc(e.id)}">${esc(e.id)}</a>: <a href="${esc(e.externalSource!.url)}">${esc(e.externalSource!.title)}</a> (read ${esc(e.externalSource!.retrieved)})</li>`,
    )
    .join('');
  const closures = content.bookingLine.extraClosures;
  const line =
    closures.length === 0
      ? '<p>No extra closure: the department announced none. The line is open Monday to Friday, 08:00–16:00, except Italian public holidays and 7 December (knowledge/booking-line.json).</p>'
      : `<ul>${closures.map((c) => `<li>${esc(c.date)}: ${esc(c.reason)} <span class="muted">source: ${esc(c.source)}</span></li>`).join('')}</ul>`;
  const groups = files
    .map((f) => {
      const entries = f.ids.map((id) => byId.get(id)).filter((e): e is KnowledgeEntry => e !== undefined);
      return `<h2>${esc(f.file)}</h2><p class="muted">${esc(f.topic)}</p>${entries.map((e) => entrySection(e, content)).join('\n')}`;
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Knowledge base sources – review report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h2{border-bottom:2px solid #005a70;padding-bottom:.2rem;margin-top:2.5rem}
.entry{border:1px solid #d0d7de;border-radius:.4rem;padding:.6rem 1rem;margin:1rem 0}
.columns{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.lang h4,.sources h4{margin:.6rem 0 .2rem;font-size:.95rem}
.quotes li{margin:.25rem 0}
q{background:#f4f6f8}
.section,.muted{color:#57606a;font-size:.85rem}
.flag{font-size:.75rem;font-weight:600;border-radius:.25rem;padding:.1rem .4rem;vertical-align:middle}
.external{background:#fff3cd}.factfree{background:#e7f5e9}.error{background:#fde2e1}.note{background:#e8eefc}
.cites-error q{background:#fde2e1}
</style>
</head>
<body>
<h1>Knowledge base sources – review report</h1>
<p>Generated ${esc(generatedAt.toISOString())} from the content the bot loads. Every answer, in both languages, is shown beside the quotes of the department page (<code>${esc(DEPARTMENT_PAGE_FILE)}</code>) that support it; each quote has been found on the page, word for word. Read each answer against its evidence: the check proves a quote is on the page, not that the answer says no more than the quote.</p>
<ul>
<li>${summary.entries} entries: ${summary.pageOnly} from the page only, ${summary.external} relying on an external source, ${summary.factFree} stating no fact.</li>
<li>${summary.citingPageErrors} entries quote a sentence listed below as an error on the page.</li>
</ul>
<h2>Errors on the department page</h2>
<p>Sentences of the page that are wrong or unclear, for the department to correct (knowledge/source/department-page.json).</p>
<ol>${pageErrors}</ol>
<h2>Entries relying on external sources</h2>
<p>Facts the page does not state, presented to users as general information with the source's link.</p>
<ul>${externalList}</ul>
<h2>Booking line: extra closures</h2>
${line}
${groups}
</body>
</html>
`;
  return { html, summary };
}
