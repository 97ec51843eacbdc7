import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { type App, createApp } from '../../src/index';
import { type Clock, fixedClock } from '../../src/time/clock';

/** A started application on a free port, with helpers to talk to it as Bot Framework channels do. */
export interface RunningApp {
  readonly app: App;
  readonly baseUrl: string;
  /** POSTs an activity with expectReplies and returns the status and the replies. */
  send(activity: Record<string, unknown>): Promise<{ status: number; activities: ReplyActivity[] }>;
  stop(): Promise<void>;
}

/** The parts of a reply activity the tests read. */
export interface ReplyActivity {
  type: string;
  text?: string;
  suggestedActions?: { actions: { type: string; title: string; value: string }[] };
  attachments?: { contentType: string; content: Record<string, unknown> }[];
  [key: string]: unknown;
}

/** A Tuesday at 10:00 in Rome: the booking line is open. */
export const OPEN_TUESDAY = '2026-12-01T10:00:00';

/** Starts the app on port 0 (silent logs, fixed clock unless given). */
export async function startApp(
  env: Record<string, string> = {},
  clock: Clock = fixedClock(OPEN_TUESDAY),
): Promise<RunningApp> {
  const app = createApp({
    env: { LOG_LEVEL: 'silent', CURATOR_LOG_PATH: `/tmp/triage-test-curator-${process.pid}.jsonl`, ...env },
    clock,
    logger: pino({ level: 'silent' }),
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  await app.ready;
  const port = (app.server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    async send(activity) {
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ deliveryMode: 'expectReplies', ...activity }),
      });
      const text = await res.text();
      const body = text ? (JSON.parse(text) as { activities?: ReplyActivity[] }) : {};
      return { status: res.status, activities: (body.activities ?? []).filter((a) => a.type === 'message') };
    },
    async stop() {
      await app.close();
    },
  };
}

let counter = 0;

/** A message activity as Web Chat or Teams would send it. */
export function message(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const conversation = (extra.conversationId as string | undefined) ?? `conv-${process.pid}-${++counter}`;
  const { conversationId: _ignored, ...rest } = extra;
  return {
    type: 'message',
    text,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: 'user-1', name: 'Visitor' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: conversation },
    ...rest,
  };
}

/** A new conversation id. */
export function newConversationId(): string {
  return `conv-${process.pid}-${++counter}`;
}

/** The texts of the replies, joined, for readable assertions. */
export function textOf(activities: readonly ReplyActivity[]): string {
  return activities
    .map((a) => [a.text ?? '', ...(a.attachments ?? []).map((x) => JSON.stringify(x.content))].join(' '))
    .join('\n');
}

/** The labels of the suggested actions of the last reply. */
export function choicesOf(activities: readonly ReplyActivity[]): string[] {
  const last = activities[activities.length - 1];
  return last?.suggestedActions?.actions.map((a) => a.title) ?? [];
}
