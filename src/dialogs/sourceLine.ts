import type { DepartmentPage } from '../content/departmentPage';
import type { KnowledgeEntry } from '../content/knowledgeSchema';
import type { Language } from '../content/language';
import type { Messages } from '../content/messages';
import type { ReplySource } from './reply';

/** Characters that mean something in markdown, escaped in titles so they show as written. */
const MARKDOWN_SPECIAL = /[\\`*_[\]()#<>]/gu;

function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

/**
 * The short line shown below an answer: the department page's sections its quotes come from, and the external
 * source's title with its link. Undefined for an entry that states no fact (small talk, the kind answers).
 * @remarks The sentences are content (`source.page`, `source.external` in dialogs/messages); this only fills them.
 */
export function sourceLineOf(
  entry: KnowledgeEntry,
  lang: Language,
  page: DepartmentPage,
  messages: Messages,
): ReplySource | undefined {
  if (entry.factFree || entry.kind === 'smalltalk') return undefined;
  const markdown: string[] = [];
  const plain: string[] = [];
  const sections = page.sectionsOf(entry.evidence ?? []).map((s) => s.title[lang]);
  if (sections.length > 0) {
    const titles = sections.join('; ');
    markdown.push(`_${messages.text('source.page', lang, { sections: escapeMarkdown(titles) })}_`);
    plain.push(messages.text('source.page', lang, { sections: titles }));
  }
  const external = entry.externalSource;
  if (external) {
    const link = `[${escapeMarkdown(external.title)}](${external.url})`;
    markdown.push(`_${messages.text('source.external', lang, { source: link })}_`);
    plain.push(messages.text('source.external', lang, { source: `${external.title} (${external.url})` }));
  }
  if (markdown.length === 0) return undefined;
  return { markdown: markdown.join('\n\n'), plain: plain.join('\n') };
}
