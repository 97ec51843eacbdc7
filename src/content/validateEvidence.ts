import type { Content } from './content';
import type { ContentIssue } from './contentIssue';
import type { ContentOrigins } from './contentOrigins';
import { DEPARTMENT_PAGE_FILE, DEPARTMENT_PAGE_INDEX_FILE } from './departmentPage';
import { LANGUAGES } from './language';

/** The longest part of a missing quote repeated in a message. */
const MAX_QUOTED = 120;

/** The longest page sentence offered as the likely intended quote (a curator copies it whole). */
const MAX_SUGGESTED = 400;

/**
 * Checks that every fact is traceable: each entry quotes the department page (`evidence`), names a public-health
 * source (`externalSource`), or states no fact (`factFree`); each quote is on the page, word for word; the page's
 * sections and listed errors point at words the page holds.
 */
export function validateEvidence(
  content: Pick<Content, 'entries' | 'page'>,
  origins: Pick<ContentOrigins, 'entry'>,
): ContentIssue[] {
  return [
    ...pageIndexIssues(content.page),
    ...content.entries.flatMap((e) => entryIssues(e, content.page, origins)),
  ];
}

function entryIssues(
  entry: Content['entries'][number],
  page: Content['page'],
  origins: Pick<ContentOrigins, 'entry'>,
): ContentIssue[] {
  const file = origins.entry(entry.id);
  const node = `entries (id "${entry.id}")`;
  const issues: ContentIssue[] = [];
  const evidence = entry.evidence ?? [];
  if (evidence.length === 0 && !entry.externalSource && !entry.factFree) {
    issues.push({
      file,
      node,
      problem:
        'the entry has none of "evidence", "externalSource" and "factFree", so nothing shows where its facts come from',
      fix: `quote the department page word for word in "evidence" (${DEPARTMENT_PAGE_FILE}), name the public-health source in "externalSource" and word the fact as general information, or set "factFree": true if the answer states no fact at all`,
    });
  }
  if (entry.factFree && (evidence.length > 0 || entry.externalSource)) {
    issues.push({
      file,
      node: `${node}.factFree`,
      problem: '"factFree" says the entry states no fact, but it also gives sources for facts',
      fix: 'remove "factFree", or remove the facts from the answer together with their "evidence" and "externalSource"',
    });
  }
  if (entry.factFree) {
    for (const lang of LANGUAGES) {
      for (const field of ['answer', 'detail'] as const) {
        const text = entry[lang][field];
        if (text !== undefined && /\d/u.test(text)) {
          issues.push({
            file,
            node: `${node}.${lang}.${field}`,
            problem: 'a fact-free entry states a number',
            fix: 'leave numbers out of a fact-free answer (offer the booking line as a follow-up instead of its number), or give the number a source and remove "factFree"',
          });
        }
      }
    }
  }
  evidence.forEach((quote, i) => {
    if (page.locate(quote) !== undefined) return;
    const closest = page.closest(quote);
    issues.push({
      file,
      node: `${node}.evidence[${i}]`,
      problem: `the quote "${shorten(quote)}" is not on the department page (${DEPARTMENT_PAGE_FILE})`,
      fix:
        closest !== undefined
          ? `copy the page's words exactly (spaces and bullets may differ); the nearest sentence on the page is "${shorten(closest, MAX_SUGGESTED)}"`
          : 'copy the words exactly from the page; if the page does not say it, move the fact to "externalSource" as general information, or remove it from the answer',
    });
  });
  return issues;
}

function pageIndexIssues(page: Content['page']): ContentIssue[] {
  const issues: ContentIssue[] = [];
  let previous = -1;
  page.sections.forEach((section, i) => {
    const at = page.startOf(section.id);
    const node = `sections[${i}] (id "${section.id}").startsAt`;
    if (at === undefined) {
      issues.push({
        file: DEPARTMENT_PAGE_INDEX_FILE,
        node,
        problem: `"${shorten(section.startsAt)}" is not on the department page (${DEPARTMENT_PAGE_FILE})`,
        fix: 'copy the first words of the section exactly from the page',
      });
      return;
    }
    if (i === 0 && at !== 0) {
      issues.push({
        file: DEPARTMENT_PAGE_INDEX_FILE,
        node,
        problem:
          'the first section does not start at the top of the page, so the words before it belong to no section',
        fix: 'start the first section with the first words of the page',
      });
    }
    if (at <= previous) {
      issues.push({
        file: DEPARTMENT_PAGE_INDEX_FILE,
        node,
        problem: 'the section starts before the one listed above it',
        fix: 'list the sections in the order they appear on the page',
      });
    }
    previous = Math.max(previous, at);
  });
  page.errors.forEach((error, i) => {
    if (page.locate(error.quote) !== undefined) return;
    issues.push({
      file: DEPARTMENT_PAGE_INDEX_FILE,
      node: `errors[${i}].quote`,
      problem: `"${shorten(error.quote)}" is not on the department page (${DEPARTMENT_PAGE_FILE})`,
      fix: 'copy the wrong sentence exactly from the page; if the page was corrected, remove the error',
    });
  });
  return issues;
}

function shorten(text: string, max = MAX_QUOTED): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
