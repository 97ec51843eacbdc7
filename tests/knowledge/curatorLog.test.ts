import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfidenceBand } from '../../src/knowledge/confidenceBand';
import type { CuratorEvent } from '../../src/knowledge/curatorEvent';
import { CuratorLog } from '../../src/knowledge/curatorLog';
import { curatorReport } from '../../src/knowledge/curatorReport';

let dir: string;
let path: string;
let now: Date;
const clock = () => now;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curator-log-'));
  path = join(dir, 'var', 'curator-log.jsonl');
  now = new Date('2026-03-10T09:00:00Z');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lines(): Promise<CuratorEvent[]> {
  return (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CuratorEvent);
}

describe('when the bot cannot answer a question', () => {
  test('it appends one JSON line per miss, with personal data redacted', async () => {
    const log = new CuratorLog({ path, now: clock });
    await log.start();
    log.recordMiss({
      text: 'my name is Anna Rossi, call me on +39 333 123 4567 about parking',
      lang: 'en',
      band: ConfidenceBand.Low,
      nearest: 'hospital-address',
    });
    log.recordMiss({ text: 'mi chiamo Luca, RSSMRA85T10A562S', lang: 'it', band: ConfidenceBand.Medium });
    await log.flush();
    expect(await lines()).toEqual([
      {
        type: 'unanswered',
        at: '2026-03-10T09:00:00.000Z',
        lang: 'en',
        text: 'my name is [name], call me on [phone] about parking',
        band: 'low',
        nearest: 'hospital-address',
      },
      {
        type: 'low-confidence',
        at: '2026-03-10T09:00:00.000Z',
        lang: 'it',
        text: 'mi chiamo [name], [tax-code]',
        band: 'medium',
      },
    ]);
  });

  test('it does not log questions it answered directly', async () => {
    const log = new CuratorLog({ path, now: clock });
    await log.start();
    log.recordMiss({ text: 'what is liposarcoma', lang: 'en', band: ConfidenceBand.High });
    log.recordFeedback('liposarcoma', true);
    await log.flush();
    expect((await lines()).map((e) => e.type)).toEqual(['feedback']);
  });

  test('it returns before the file is written, and keeps the order of many quick events', async () => {
    const log = new CuratorLog({ path, now: clock });
    await log.start();
    for (let i = 0; i < 50; i++) log.recordFeedback(`entry-${i}`, i % 2 === 0);
    await log.flush();
    const events = await lines();
    expect(events.map((e) => (e.type === 'feedback' ? e.entryId : ''))).toEqual(
      Array.from({ length: 50 }, (_, i) => `entry-${i}`),
    );
  });

  test('it writes the events of a busy moment together, after a short wait, without being asked to', async () => {
    const log = new CuratorLog({ path, now: clock, writeDelayMs: 20 });
    await log.start();
    for (const text of ['parking refund', 'rimborso parcheggio', 'canteen menu'])
      log.recordMiss({ text, lang: 'en', band: ConfidenceBand.Low });
    const deadline = Date.now() + 5_000;
    while ((await CuratorLog.read(path)).length < 3 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await CuratorLog.read(path)).map((e) => (e.type === 'feedback' ? '' : e.text))).toEqual([
      'parking refund',
      'rimborso parcheggio',
      'canteen menu',
    ]);
  });

  test('it keeps events in memory until the wait is over or the log is flushed (at shutdown)', async () => {
    const log = new CuratorLog({ path, now: clock, writeDelayMs: 60_000 });
    await log.start();
    log.recordFeedback('gist', true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await CuratorLog.read(path)).toEqual([]);
    await log.flush();
    expect((await lines()).map((e) => e.type)).toEqual(['feedback']);
  });

  test('it reports a failed write instead of throwing on the turn', async () => {
    const errors: unknown[] = [];
    const log = new CuratorLog({
      path: join(dir, 'missing-folder', 'log.jsonl'),
      now: clock,
      onError: (e) => errors.push(e),
    });
    expect(() => log.recordFeedback('gist', false)).not.toThrow();
    await log.flush();
    expect(errors).toHaveLength(1);
  });
});

describe('when events are older than the retention period', () => {
  test('it drops them at start and keeps the recent ones', async () => {
    const old = { type: 'feedback', at: '2025-11-01T00:00:00.000Z', entryId: 'old', helpful: true };
    const recent = { type: 'feedback', at: '2026-03-01T00:00:00.000Z', entryId: 'recent', helpful: false };
    const log = new CuratorLog({ path, now: clock, retentionDays: 30 });
    await log.start();
    await writeFile(path, `${JSON.stringify(old)}\n${JSON.stringify(recent)}\n`);
    await new CuratorLog({ path, now: clock, retentionDays: 30 }).start();
    expect(await lines()).toEqual([recent]);
  });

  test('it drops them again once a day while the bot keeps running', async () => {
    const log = new CuratorLog({ path, now: clock, retentionDays: 1 });
    await log.start();
    log.recordFeedback('first', true);
    await log.flush();
    now = new Date('2026-03-12T09:00:00Z');
    log.recordFeedback('second', true);
    await log.flush();
    expect((await lines()).map((e) => (e.type === 'feedback' ? e.entryId : ''))).toEqual(['second']);
  });
});

describe('when the curator reads the log', () => {
  test('it skips lines that are not events', async () => {
    const log = new CuratorLog({ path, now: clock });
    await log.start();
    log.recordFeedback('gist', true);
    await log.flush();
    await writeFile(path, (await readFile(path, 'utf8')) + 'not json\n{"type":"other","at":"2026-01-01"}\n');
    expect(await CuratorLog.read(path)).toHaveLength(1);
  });

  test('it reads a missing log as empty', async () => {
    expect(await CuratorLog.read(join(dir, 'nothing.jsonl'))).toEqual([]);
  });

  test('it lists the most frequent misses first and the least helpful entries first', () => {
    const at = '2026-03-10T09:00:00.000Z';
    const miss = (text: string, type: 'unanswered' | 'low-confidence' = 'unanswered'): CuratorEvent => ({
      type,
      at,
      lang: 'en',
      text,
      band: type === 'unanswered' ? ConfidenceBand.Low : ConfidenceBand.Medium,
    });
    const feedback = (entryId: string, helpful: boolean): CuratorEvent => ({
      type: 'feedback',
      at,
      entryId,
      helpful,
    });
    const report = curatorReport([
      miss('Parking?'),
      miss('where can I park'),
      miss('parking', 'low-confidence'),
      feedback('gist', true),
      feedback('liposarcoma', false),
      feedback('liposarcoma', true),
      feedback('imrt', false),
    ]);
    expect(report.misses.map((m) => [m.example, m.count, m.refused])).toEqual([
      ['parking', 2, 1],
      ['where can I park', 1, 1],
    ]);
    expect(report.leastHelpful.map((f) => f.entryId)).toEqual(['imrt', 'liposarcoma', 'gist']);
  });
});
