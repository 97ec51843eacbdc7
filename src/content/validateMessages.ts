import type { Content } from './content';
import type { ContentIssue } from './contentIssue';
import type { ContentOrigins } from './contentOrigins';
import { MESSAGE_KEYS } from './messageKeys';
import { placeholdersOf } from './messages';

/** Checks that every engine message exists and has the same placeholders in both languages. */
export function validateMessages(content: Content, origins: ContentOrigins): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const key of MESSAGE_KEYS) {
    if (!content.messages[key])
      issues.push({
        file: 'dialogs/messages',
        node: `messages.${key}`,
        problem: 'the engine needs this message and no file defines it',
        fix: `add "${key}" with "en" and "it" to a file in dialogs/messages/`,
      });
  }
  for (const [key, text] of Object.entries(content.messages)) {
    const en = placeholdersOf(text.en).join(', ');
    const it = placeholdersOf(text.it).join(', ');
    if (en !== it)
      issues.push({
        file: origins.message(key),
        node: `messages.${key}`,
        problem: `placeholders differ: en has {${en}}, it has {${it}}`,
        fix: 'use the same {placeholders} in both languages',
      });
  }
  return issues;
}
