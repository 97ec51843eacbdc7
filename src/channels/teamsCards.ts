import type { CallSummary, ReplyChoice } from '../dialogs/reply';

/** Adaptive Card schema version used for Teams (Teams supports up to 1.5 on all clients). */
export const ADAPTIVE_CARD_VERSION = '1.5';

/** A JSON object. */
type Json = Record<string, unknown>;

function submitActions(choices: readonly ReplyChoice[]): Json[] {
  return choices.map((c) => ({
    type: 'Action.Submit',
    title: c.label,
    data: { msteams: { type: 'imBack', value: c.label } },
  }));
}

/**
 * A card with the reply text, the answer's source line (small, subtle, markdown link) when there is one, and
 * one `Action.Submit` (Teams imBack) per choice.
 */
export function buildChoiceCard(text: string, choices: readonly ReplyChoice[], source?: string): Json {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body: [
      { type: 'TextBlock', text, wrap: true },
      ...(source
        ? [{ type: 'TextBlock', text: source, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' }]
        : []),
    ],
    actions: submitActions(choices),
  };
}

/** The operator's call summary as a card: a fact set, then the choices. */
export function buildSummaryCard(summary: CallSummary, choices: readonly ReplyChoice[]): Json {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body: [
      { type: 'TextBlock', text: summary.title, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts: summary.facts.map((f) => ({ title: f.label, value: f.value })) },
    ],
    actions: submitActions(choices),
  };
}
