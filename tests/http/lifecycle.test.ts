import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../src/index';
import { InFlight } from '../../src/server';
import { message } from '../support/testApp';

describe('before the content is loaded', () => {
  test('/healthz answers 503 and /api/messages 503 with Retry-After; a content error is reported, not crashed on', async () => {
    const app = createApp({
      env: { CONTENT_ROOT: '/nonexistent-content-root', LOG_LEVEL: 'silent' },
      logger: pino({ level: 'silent' }),
    });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    await expect(app.ready).rejects.toThrow(/knowledge\/entries.*no knowledge files found/s);
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string }).status).toBe('starting');
    const turn = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message('hello')),
    });
    expect(turn.status).toBe(503);
    expect(turn.headers.get('retry-after')).toBe('2');
    await app.close();
  });
});

describe('graceful shutdown', () => {
  test('draining waits for the turns in flight and then resolves', async () => {
    const inFlight = new InFlight();
    const endTurn = inFlight.begin();
    let drained = false;
    const drain = inFlight.drain(5_000).then((ok) => {
      drained = ok;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBe(false);
    expect(inFlight.closing).toBe(true);
    endTurn();
    await drain;
    expect(drained).toBe(true);
  });

  test('draining gives up after the grace period when a turn never ends', async () => {
    const inFlight = new InFlight();
    inFlight.begin();
    await expect(inFlight.drain(30)).resolves.toBe(false);
  });

  test('a request arriving while draining is refused with 503, not dropped', async () => {
    const app = createApp({ env: { LOG_LEVEL: 'silent' }, logger: pino({ level: 'silent' }) });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    await app.ready;
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const closing = app.inFlight.drain(1_000);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    await closing;
    await app.close();
  });
});
