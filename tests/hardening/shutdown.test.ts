import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { CuratorLog } from '../../src/knowledge/curatorLog';
import { startMain, stopMain } from '../support/mainProcess';
import { message } from '../support/testApp';

/** Waits until `/healthz` answers 200 (content loaded). */
async function healthy(baseUrl: string): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    const res = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
    if (res?.status === 200) return;
    await sleep(50);
  }
  throw new Error('the bot never became healthy');
}

describe('when the bot is stopped as a deployment stops it (SIGTERM)', () => {
  const curatorPath = `/tmp/triage-hardening-shutdown-curator-${process.pid}.jsonl`;

  afterAll(() => rmSync(curatorPath, { force: true }));

  test('the questions it could not answer just before are in the curator log once it has exited', async () => {
    rmSync(curatorPath, { force: true });
    const bot = await startMain({ CURATOR_LOG_PATH: curatorPath });
    await healthy(bot.baseUrl);
    const question = 'how much does a cappuccino cost at the cafeteria';
    const res = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...message(question), deliveryMode: 'expectReplies' }),
    });
    expect(res.status).toBe(200);
    expect(await stopMain(bot.child)).toBe(0);
    const events = await CuratorLog.read(curatorPath);
    expect(events.map((e) => (e.type === 'feedback' ? undefined : e.text))).toContain(question);
  }, 90_000);
});
