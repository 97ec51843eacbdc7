import type { Content } from './content';
import type { ContentIssue } from './contentIssue';
import type { ContentOrigins } from './contentOrigins';
import { LANGUAGES } from './language';
import { normalizeText } from '../knowledge/normalizeText';

/** Where the synonyms are kept. */
const SYNONYMS_FILE = 'knowledge/synonyms.json';

/** A phone-like run: optional +, then at least 6 digits with spaces, dots, dashes or brackets between. */
const PHONE_LIKE = /(?:\+|\b00)?\d[\d ().-]{4,}\d/g;

/** Least digits for a run to count as a phone number (so "112", "600" and years are not). */
const MIN_PHONE_DIGITS = 6;

/**
 * Cross-checks the knowledge base: entry ids unique across files, the two languages translated, related ids
 * resolve, no phrasing that leads to two places, the booking number written identically everywhere, and no
 * synonym variant listed under two canonical terms.
 */
export function validateKnowledge(
  content: Pick<Content, 'entries' | 'synonyms' | 'bookingLine'>,
  origins: Pick<ContentOrigins, 'entry'>,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const ids = new Map<string, number>();
  for (const e of content.entries) ids.set(e.id, (ids.get(e.id) ?? 0) + 1);

  for (const [id, count] of ids) {
    if (count > 1) {
      issues.push({
        file: origins.entry(id),
        node: `entries (id "${id}")`,
        problem: `the id is used by ${count} entries (ids are unique across all knowledge files)`,
        fix: 'rename one of them; ids are stored in logs and feedback, so keep the older one',
      });
    }
  }

  const phone = content.bookingLine.phone;
  for (const e of content.entries) {
    const file = origins.entry(e.id);
    const node = `entries (id "${e.id}")`;
    if (normalizeText(e.en.answer) === normalizeText(e.it.answer)) {
      issues.push({
        file,
        node: `${node}.it.answer`,
        problem: 'the Italian answer is the same as the English one',
        fix: 'translate the answer into Italian',
      });
    }
    if (e.lineStatusFirst && !e.appendLineStatus) {
      issues.push({
        file,
        node: `${node}.lineStatusFirst`,
        problem: 'lineStatusFirst places the live status, but appendLineStatus does not add it',
        fix: 'add "appendLineStatus": true, or remove lineStatusFirst',
      });
    }
    if (e.appendLineStatus && !e.lineStatusFirst) {
      for (const lang of LANGUAGES) {
        if (e[lang].answer.includes(phone)) continue;
        issues.push({
          file,
          node: `${node}.${lang}.answer`,
          problem:
            'the live status follows this answer without naming the time zone again, but the answer does not give the booking line and its hours',
          fix: `give the number "${phone}" and the hours (Rome time) in the answer, or set "lineStatusFirst": true`,
        });
      }
    }
    for (const related of e.related) {
      if (related === e.id || !ids.has(related)) {
        issues.push({
          file,
          node: `${node}.related`,
          problem: related === e.id ? 'the entry lists itself as related' : `"${related}" is not an entry id`,
          fix: 'list ids of other existing entries',
        });
      }
    }
    for (const lang of LANGUAGES) {
      for (const field of ['answer', 'detail'] as const) {
        const text = e[lang][field];
        for (const number of text?.match(PHONE_LIKE) ?? []) {
          if ((number.match(/\d/g) ?? []).length < MIN_PHONE_DIGITS || number.trim() === phone) continue;
          issues.push({
            file,
            node: `${node}.${lang}.${field}`,
            problem: `the phone number "${number.trim()}" differs from the booking line "${phone}"`,
            fix: `write the booking line exactly as "${phone}" (knowledge/booking-line.json)`,
          });
        }
      }
    }
  }

  issues.push(...sharedPhrasings(content.entries, origins), ...synonymConflicts(content.synonyms));
  return issues;
}

/** Questions and alternates that normalise to the same text in two entries (the matcher could not choose). */
function sharedPhrasings(
  entries: Content['entries'],
  origins: Pick<ContentOrigins, 'entry'>,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const lang of LANGUAGES) {
    const owners = new Map<string, string>();
    for (const e of entries) {
      for (const phrase of [e[lang].question, ...e[lang].alternates]) {
        const key = normalizeText(phrase);
        const first = owners.get(key);
        if (first === undefined) owners.set(key, e.id);
        else if (first !== e.id) {
          issues.push({
            file: origins.entry(e.id),
            node: `entries (id "${e.id}").${lang}`,
            problem: `the phrasing "${phrase}" is also used by the entry "${first}"`,
            fix: 'keep each phrasing in one entry, so the question leads to one answer',
          });
        }
      }
    }
  }
  return issues;
}

/** Synonym variants listed under two canonical terms, or listed as a variant and as a canonical term. */
function synonymConflicts(synonyms: Content['synonyms']): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const lang of LANGUAGES) {
    const canonicals = new Map(Object.keys(synonyms[lang]).map((c) => [normalizeText(c), c]));
    const seen = new Map<string, string>();
    for (const [canonical, variants] of Object.entries(synonyms[lang])) {
      for (const variant of variants) {
        const key = normalizeText(variant);
        const first = seen.get(key);
        const node = `${lang}["${canonical}"]`;
        if (first !== undefined && first !== canonical) {
          issues.push({
            file: SYNONYMS_FILE,
            node,
            problem: `the variant "${variant}" is also listed under "${first}"`,
            fix: 'list each variant under one canonical term only',
          });
        }
        const other = canonicals.get(key);
        if (other !== undefined && other !== canonical) {
          issues.push({
            file: SYNONYMS_FILE,
            node,
            problem: `the variant "${variant}" is itself the canonical term "${other}"`,
            fix: 'merge the two groups, or remove the variant',
          });
        }
        if (first === undefined) seen.set(key, canonical);
      }
    }
  }
  return issues;
}
