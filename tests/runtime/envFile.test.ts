import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvFileIfPresent } from '../../src/runtime/envFile';
import { startMain, stopMain } from '../support/mainProcess';

const SITE = 'https://www.hospital.example';

/** The `frame-ancestors` directive of the chat page's Content-Security-Policy. */
async function frameAncestors(baseUrl: string): Promise<string | undefined> {
  const res = await fetch(`${baseUrl}/`);
  return (res.headers.get('content-security-policy') ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('frame-ancestors'));
}

describe('when the bot starts in a folder with or without a .env file', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'triage-envfile-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('without one, nothing is read and nothing is required', () => {
    expect(loadEnvFileIfPresent(dir)).toEqual({ read: false });
  });

  test('a .env that cannot be read is reported with its path', () => {
    const folder = join(dir, '.env');
    mkdirSync(folder);
    const outcome = loadEnvFileIfPresent(dir);
    expect(outcome).toMatchObject({ read: false, path: folder });
    expect('problem' in outcome && outcome.problem).toBeTruthy();
  });

  test('npm start (main) reads it and says so; the page then carries its FRAME_ANCESTORS', async () => {
    writeFileSync(join(dir, '.env'), `# the hospital's site\nFRAME_ANCESTORS="'self' ${SITE}"\n`);
    const bot = await startMain({}, dir);
    try {
      expect(bot.lines.map((l) => l.msg)).toContainEqual(
        expect.stringMatching(/^settings read from .*\.env/),
      );
      expect(await frameAncestors(bot.baseUrl)).toBe(`frame-ancestors 'self' ${SITE}`);
    } finally {
      await stopMain(bot.child);
    }
  }, 90_000);

  test('a variable already set in the environment wins over the file', async () => {
    writeFileSync(join(dir, '.env'), `FRAME_ANCESTORS="'self' ${SITE}"\n`);
    const bot = await startMain({ FRAME_ANCESTORS: "'self' https://intranet.hospital.example" }, dir);
    try {
      expect(await frameAncestors(bot.baseUrl)).toBe(
        "frame-ancestors 'self' https://intranet.hospital.example",
      );
    } finally {
      await stopMain(bot.child);
    }
  }, 90_000);
});
