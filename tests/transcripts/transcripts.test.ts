import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispositionOf } from '../support/conversation';
import {
  choicesOf,
  message,
  newConversationId,
  type ReplyActivity,
  type RunningApp,
  startApp,
  textOf,
} from '../support/testApp';

/**
 * A turn table: what the user says, what the bot's replies must contain (`bot`), and optionally what they must not
 * contain (`absent`), the disposition code they deliver (`disposition`, "none" for none) and the kind of red flag
 * they answer (`safety`, from `channelData.triage`).
 */
interface Transcript {
  title: string;
  locale?: string;
  channel?: string;
  turns: {
    user: string;
    bot: string[];
    choices?: string[];
    absent?: string[];
    disposition?: string;
    safety?: string;
  }[];
}

/** The kind of red flag a set of replies answers (`channelData.triage.safety`), if any. */
function safetyOf(activities: readonly ReplyActivity[]): string | undefined {
  for (const a of activities) {
    const triage = (a.channelData as { triage?: { safety?: string } } | undefined)?.triage;
    if (triage?.safety) return triage.safety;
  }
  return undefined;
}

const dir = __dirname;
const transcripts = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Transcript) }));

describe('conversation transcripts (turn tables in tests/transcripts/*.json)', () => {
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startApp();
  });
  afterAll(async () => {
    await bot.stop();
  });

  test.each(transcripts.map((t) => [t.title, t] as const))('%s', async (_title, t) => {
    const conversationId = newConversationId();
    for (const [i, turn] of t.turns.entries()) {
      const { status, activities } = await bot.send(
        message(turn.user, { conversationId, locale: t.locale, channelId: t.channel ?? 'webchat' }),
      );
      const where = `${t.file}, turn ${i + 1} ("${turn.user}")`;
      expect({ where, status }).toEqual({ where, status: 200 });
      // Web Chat shows a tel: link as its number.
      const text = textOf(activities)
        .replace(/\[([^\]]*)\]\(tel:[^)]*\)/g, '$1')
        .toLowerCase();
      for (const expected of turn.bot) {
        expect({
          where,
          text,
          contains: text.includes(expected.toLowerCase()) ? expected : undefined,
        }).toEqual({
          where,
          text,
          contains: expected,
        });
      }
      if (turn.choices)
        expect({ where, choices: choicesOf(activities) }).toEqual({
          where,
          choices: expect.arrayContaining(turn.choices),
        });
      for (const unwanted of turn.absent ?? [])
        expect({ where, text, absent: unwanted, found: text.includes(unwanted.toLowerCase()) }).toEqual({
          where,
          text,
          absent: unwanted,
          found: false,
        });
      if (turn.disposition)
        expect({ where, disposition: dispositionOf(activities) ?? 'none' }).toEqual({
          where,
          disposition: turn.disposition,
        });
      if (turn.safety)
        expect({ where, safety: safetyOf(activities) }).toEqual({ where, safety: turn.safety });
    }
  });
});
