import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RunningApp, startApp } from '../support/testApp';
import { CHROMIUM, CHROMIUM_ARGS } from '../../bench/chromium';

const WAIT = { timeout: 15_000 };
const STAFF_KEY = 'correct horse battery staple 2026';
const ENV = { STAFF_ACCESS_KEY_HASH: `sha256:${createHash('sha256').update(STAFF_KEY).digest('hex')}` };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true') {
  throw new Error(
    `The browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium); CI must not skip them.`,
  );
}
const describeInBrowser = hasChromium ? describe : describe.skip;

const core = JSON.parse(readFileSync(join(__dirname, '../../dialogs/messages/core.json'), 'utf8')) as {
  messages: Record<string, { en: string; it: string }>;
};
const OPERATOR_WELCOME = core.messages['operator.welcome']!.en;

describeInBrowser('the call-centre page at /agent, in a browser', () => {
  let bot: RunningApp;
  let browser: Browser;
  let page: Page;
  const log = () => page.locator('#log li').allTextContents();
  const signIn = async (key = STAFF_KEY) => {
    await page.locator('#key').fill(key);
    await page.locator('#login-button').click();
  };

  beforeAll(async () => {
    bot = await startApp(ENV);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    const context = await browser.newContext({ locale: 'en-GB' });
    page = await context.newPage();
    await page.goto(`${bot.baseUrl}/agent`);
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  test('a wrong key is told in both languages', async () => {
    await signIn('not the key');
    await page.getByText('Chiave non valida. / Wrong key.').waitFor(WAIT);
  });

  test('when the token is refused mid-call (a restart or the end of the shift), the page says the session expired, in both languages, and keeps the call log through a reload and the next sign-in', async () => {
    await signIn();
    await page.getByText(OPERATOR_WELCOME).waitFor(WAIT);
    await page.getByRole('button', { name: 'I have a suspicious mole' }).click();
    await page
      .getByText(/Ask the caller/)
      .first()
      .waitFor(WAIT);
    const before = await log();
    expect(before.length).toBeGreaterThanOrEqual(3);

    // What a restarted server answers: the token's signing key is gone, so the token is refused.
    await page.route('**/agent/api/conversations/*/activities', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: '{"error":"unauthorized"}' }),
    );
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await page.getByText(/Sessione scaduta: .* \/ Session expired: /).waitFor(WAIT);
    await page.unroute('**/agent/api/conversations/*/activities');
    expect(await page.locator('#login').isVisible()).toBe(true);
    expect((await log()).slice(0, before.length)).toEqual(before);

    await page.reload();
    expect((await log()).slice(0, before.length)).toEqual(before);

    await signIn();
    await page.locator('#log li.note').waitFor(WAIT);
    const after = await log();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.filter((l) => l.includes(OPERATOR_WELCOME)).length).toBe(2);
  });

  test('"sign out" clears the log from the tab', async () => {
    await page.locator('#sign-out').click();
    expect(await log()).toEqual([]);
    await page.reload();
    expect(await log()).toEqual([]);
  });
});
