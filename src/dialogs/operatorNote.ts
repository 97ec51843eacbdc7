import type { Choice } from '../content/pathwaySchema';
import { redact } from '../knowledge/redact';
import { foldText } from '../text/foldText';

/**
 * What an operator typed for an answer, when it says more than the choice itself: kept word for word for the call
 * summary ("sì, chemioterapia al Policlinico di Bari" for "Sì"), with phone numbers, e-mails, tax codes, long
 * numbers and names redacted. A click, the choice's number or its bare label (either language) adds nothing.
 */
export function operatorNote(typed: string, choice: Choice): string | undefined {
  const folded = foldText(typed);
  if (folded === '' || /^\d{1,2}$/.test(folded)) return undefined;
  if (folded === foldText(choice.label.en) || folded === foldText(choice.label.it)) return undefined;
  return redact(typed.replace(/\s+/g, ' ').trim());
}
