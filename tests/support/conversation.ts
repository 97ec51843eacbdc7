import { DISPOSITION_URGENCY, type DispositionCode } from '../../src/content/dispositionCode';
import type { ReplyActivity, RunningApp } from './testApp';
import { message, newConversationId } from './testApp';

/** The disposition code a set of replies delivers (`channelData.triage.disposition`), if any. */
export function dispositionOf(activities: readonly ReplyActivity[]): string | undefined {
  for (const a of activities) {
    const triage = (a.channelData as { triage?: { disposition?: string } } | undefined)?.triage;
    if (triage?.disposition) return triage.disposition;
  }
  return undefined;
}

/** Plays user turns in one new conversation; stops at the first disposition. */
export async function play(
  bot: RunningApp,
  turns: readonly string[],
  extra: Record<string, unknown> = {},
): Promise<{ disposition?: string; turnsUsed: number; last: ReplyActivity[] }> {
  const conversationId = newConversationId();
  let last: ReplyActivity[] = [];
  for (const [i, text] of turns.entries()) {
    const { status, activities } = await bot.send(message(text, { conversationId, ...extra }));
    if (status !== 200) throw new Error(`turn ${i + 1} ("${text}") answered HTTP ${status}`);
    last = activities;
    const disposition = dispositionOf(activities);
    if (disposition) return { disposition, turnsUsed: i + 1, last };
  }
  return { turnsUsed: turns.length, last };
}

/**
 * Plays every user turn in one new conversation, whatever dispositions come on the way, and returns the most urgent
 * disposition reached: what a person who says all of it is told at worst. A pathway may reach its disposition
 * before the last turn when the person already said the answers (the opening is read for them); what they say
 * after it is still screened.
 */
export async function playAll(
  bot: RunningApp,
  turns: readonly string[],
  extra: Record<string, unknown> = {},
): Promise<{ disposition?: string; dispositions: string[] }> {
  const conversationId = newConversationId();
  const dispositions: string[] = [];
  for (const [i, text] of turns.entries()) {
    const { status, activities } = await bot.send(message(text, { conversationId, ...extra }));
    if (status !== 200) throw new Error(`turn ${i + 1} ("${text}") answered HTTP ${status}`);
    const disposition = dispositionOf(activities);
    if (disposition) dispositions.push(disposition);
  }
  const rank = (code: string) => DISPOSITION_URGENCY[code as DispositionCode] ?? 0;
  const disposition = [...dispositions].sort((a, b) => rank(b) - rank(a))[0];
  return { disposition, dispositions };
}
