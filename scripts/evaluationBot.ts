/**
 * The real bot, started in this process for an evaluation: silent logs, its own curator log, the clock pinned to an
 * open Tuesday (so figures do not depend on when they are measured), talked to through `/api/messages` with
 * expectReplies as an outside check would.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino from 'pino';
import type { Language } from '../src/content/language';
import { createApp } from '../src/index';
import { fixedClock } from '../src/time/clock';

/** A Tuesday at 10:00 in Rome: the booking line is open. */
const OPEN_TUESDAY = '2026-12-01T10:00:00';

/** A reply activity as an evaluation reads it. */
export type EvaluationActivity = Record<string, unknown>;

/** A started bot an evaluation talks to. */
export interface EvaluationBot {
  /** Sends one message of a conversation (in the web chat) and returns the message replies. */
  say(conversation: string, text: string, lang: Language): Promise<EvaluationActivity[]>;
  /** Stops the bot. */
  stop(): Promise<void>;
}

/** Starts the bot on a free loopback port; `name` keeps its curator log apart. */
export async function startEvaluationBot(name: string): Promise<EvaluationBot> {
  const app = createApp({
    env: { LOG_LEVEL: 'silent', CURATOR_LOG_PATH: join('/tmp', `${name}-${process.pid}.jsonl`) },
    clock: fixedClock(OPEN_TUESDAY),
    logger: pino({ level: 'silent' }),
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  await app.ready;
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/messages`;
  return {
    async say(conversation, text, lang) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          deliveryMode: 'expectReplies',
          text,
          locale: lang === 'it' ? 'it-IT' : 'en-US',
          channelId: 'webchat',
          serviceUrl: 'http://127.0.0.1:9/',
          from: { id: `visitor-${conversation}` },
          recipient: { id: 'bot' },
          conversation: { id: conversation },
        }),
      });
      const body = (await res.json()) as { activities?: EvaluationActivity[] };
      return (body.activities ?? []).filter((a) => a.type === 'message');
    },
    stop: () => app.close(),
  };
}
