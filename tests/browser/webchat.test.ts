import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { DateTime } from 'luxon';
import type { Clock } from '../../src/time/clock';
import { OPEN_TUESDAY, type RunningApp, startApp } from '../support/testApp';
import { CHROMIUM, CHROMIUM_ARGS } from '../../bench/chromium';

const ARTIFACTS = join(__dirname, '..', 'artifacts');
const BOOKING_LINE = '+39 02 5748 9001';
const WAIT = { timeout: 15_000 };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === 'true') {
  throw new Error(
    `The browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH); CI must not skip them.`,
  );
}
if (!hasChromium) {
  process.stdout.write(
    `Skipping the Web Chat browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).\n`,
  );
}
const describeInBrowser = hasChromium ? describe : describe.skip;

/** Problems the page reported: script errors and Content-Security-Policy violations. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
  });
  return problems;
}

/** Serious or critical accessibility violations found by axe-core, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Waits until `text` shows; on time-out saves a screenshot named after the step, to look at. */
async function see(
  page: Page,
  text: string | RegExp,
  step: string,
  nth: 'first' | 'last' = 'first',
): Promise<void> {
  // Only what is on screen: the first screen stays in the page, hidden, once Web Chat has taken over.
  const target = page.getByText(text).filter({ visible: true });
  try {
    await (nth === 'first' ? target.first() : target.last()).waitFor(WAIT);
  } catch (err) {
    await page.screenshot({ path: join(ARTIFACTS, `FAILED-${step}.png`) }).catch(() => undefined);
    throw err;
  }
}

/** Waits until Web Chat has taken over from the page's first screen. */
async function webChatShown(page: Page): Promise<void> {
  await page.locator('html[data-chat="webchat"]').waitFor({ state: 'attached', ...WAIT });
}

/** Saves a screenshot once Web Chat is connected and has finished scrolling to the newest message. */
async function shot(page: Page, name: string): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const el = document.querySelector('.webchat__basic-transcript__scrollable');
        // Web Chat shows a connectivity notice only while connecting or after a failure.
        const connecting = document.querySelector('.webchat__connectivityStatus') !== null;
        return !connecting && (!el || el.scrollTop + el.clientHeight >= el.scrollHeight - 2);
      },
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

describeInBrowser('the Web Chat page in a real browser (Chromium)', () => {
  let bot: RunningApp;
  let browser: Browser;
  let hostSite: Server;
  let hostUrl = '';
  let otherSite: Server;
  let otherUrl = '';
  let widgetSrc = '';
  // The server's clock, which a test moves forward to make the page's token expire.
  let now = DateTime.fromISO(OPEN_TUESDAY, { zone: 'Europe/Rome' });
  const clock: Clock = { now: () => now };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // A plain page of "the hospital's site", on another origin, that only includes the widget snippet.
    hostSite = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hospital page</title></head>` +
          `<body><main><h1>Opening hours and contacts</h1><p>A page of the hospital's website.</p></main>` +
          `<script src="${widgetSrc}" async></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => hostSite.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://127.0.0.1:${(hostSite.address() as AddressInfo).port}`;
    // Another site, on another origin, that FRAME_ANCESTORS does not list.
    otherSite = createServer(hostSite.listeners('request')[0] as Parameters<typeof createServer>[0]);
    await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
    otherUrl = `http://127.0.0.1:${(otherSite.address() as AddressInfo).port}`;
    bot = await startApp({ FRAME_ANCESTORS: `'self' ${hostUrl}` }, clock);
    widgetSrc = `${bot.baseUrl}/widget.js`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await new Promise((resolve) => hostSite?.close(resolve));
    await new Promise((resolve) => otherSite?.close(resolve));
  });

  describe('when an English-speaking visitor opens the page on a phone', () => {
    let context: BrowserContext;
    let page: Page;
    let problems: string[];

    beforeAll(async () => {
      context = await browser.newContext({
        locale: 'en-US',
        timezoneId: 'Europe/Rome',
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 1,
        isMobile: true,
        hasTouch: true,
      });
      page = await context.newPage();
      problems = watchProblems(page);
      await page.goto(`${bot.baseUrl}/`);
      await webChatShown(page);
    });

    afterAll(async () => {
      await context.close();
    });

    test('the page is in English, names the department and the bot greets with the four doors', async () => {
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page
        .getByRole('heading', { level: 1, name: 'Soft Tissue Sarcoma and Rare Tumours' })
        .waitFor(WAIT);
      await see(page, 'I do not make diagnoses', 'i-do-not-make-diagnoses');
      for (const door of [
        'I have a suspicious mole',
        'I received a tumour diagnosis',
        'I discovered I have a metastasis',
        'I have a lump or swelling',
      ]) {
        await page.getByRole('button', { name: door }).first().waitFor(WAIT);
      }
      await shot(page, 'webchat-phone-welcome');
    });

    test('the suspicious-mole pathway ends with the booking line', async () => {
      await page.getByRole('button', { name: 'I have a suspicious mole' }).first().click();
      await see(page, 'Is the mole bleeding', 'is-the-mole-bleeding');
      await page.getByRole('button', { name: 'Yes', exact: true }).first().click();
      await see(page, 'Please call the booking line today', 'please-call-the-booking-line-today');
      await see(page, BOOKING_LINE, 'booking-line', 'last');
      await shot(page, 'webchat-phone-mole-disposition');
    });

    test('a typed question gets its answer', async () => {
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await input.fill('Where is the hospital?');
      await input.press('Enter');
      await see(page, 'via Ripamonti 435', 'via-ripamonti-435');
      await shot(page, 'webchat-phone-typed-question');
    });

    test('the open chat has no serious or critical accessibility violation', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('nothing was blocked by the Content-Security-Policy and no script failed', () => {
      expect(problems).toEqual([]);
    });
  });

  describe('when Web Chat is slow to arrive (an Italian visitor on a phone on a slow network)', () => {
    let context: BrowserContext;
    let page: Page;
    let problems: string[];
    let release: () => void = () => undefined;

    beforeAll(async () => {
      context = await browser.newContext({
        locale: 'it-IT',
        timezoneId: 'Europe/Rome',
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 1,
        isMobile: true,
        hasTouch: true,
      });
      page = await context.newPage();
      problems = watchProblems(page);
      // Web Chat's bundle is held back until the test lets it through.
      const arrived = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/webchat/webchat.js', async (route) => {
        await arrived;
        await route.continue();
      });
      await page.goto(`${bot.baseUrl}/`);
    });

    afterAll(async () => {
      release();
      await context.close();
    });

    test('the page itself shows the welcome, the privacy note and the doors, in Italian ("Lei")', async () => {
      await see(page, 'Non faccio diagnosi', 'lite-welcome');
      await see(page, /Una breve nota sulla privacy/, 'lite-privacy');
      for (const door of [
        'Ho un neo sospetto',
        'Ho ricevuto una diagnosi di tumore',
        'Ho scoperto di avere una metastasi',
      ]) {
        await page.getByRole('button', { name: door }).waitFor(WAIT);
      }
      expect(await page.getByLabel('Il suo messaggio').getAttribute('placeholder')).toBe(
        'Scriva qui il suo messaggio',
      );
      expect(await page.locator('html').getAttribute('data-chat')).toBeNull();
      await page.locator('html[data-first-screen="ready"]').waitFor({ state: 'attached', ...WAIT });
      await shot(page, 'first-screen-phone-it');
    });

    test('the welcome has no serious or critical accessibility violation', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a door clicked before Web Chat has loaded starts the conversation', async () => {
      await page.getByRole('button', { name: 'Ho un neo sospetto' }).click();
      await see(page, 'Il neo sanguina', 'lite-first-question');
      await page.getByRole('button', { name: 'No', exact: true }).waitFor(WAIT);
      await shot(page, 'first-screen-phone-it-door');
    });

    test('a typed answer is sent too, and the number in the reply is a tap-to-call link', async () => {
      const box = page.getByLabel('Il suo messaggio');
      await box.fill('Quando posso telefonare?');
      await box.press('Enter');
      await page.locator('a[href="tel:+390257489001"]').filter({ visible: true }).first().waitFor(WAIT);
    });

    test('Web Chat then takes over the same conversation, keeping what was said and what is being typed', async () => {
      await page.getByLabel('Il suo messaggio').fill('dove si trova');
      release();
      await webChatShown(page);
      await see(page, 'Il neo sanguina', 'takeover-kept-question');
      await see(page, 'Quando posso telefonare?', 'takeover-kept-typed');
      expect(await page.locator('#first-screen').isHidden()).toBe(true);
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      expect(await input.inputValue()).toBe('dove si trova');
      expect(await input.getAttribute('placeholder')).toBe('Scriva qui il suo messaggio');
      await shot(page, 'takeover-phone-it');
    });

    test('in Web Chat, long follow-up buttons wrap instead of being cut off', async () => {
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await input.fill('ricomincia');
      await input.press('Enter');
      await see(page, /D.accordo, ricominciamo/, 'start-over');
      await input.fill("cos'è un sarcoma?");
      await input.press('Enter');
      const longest = page
        .locator('.webchat__suggested-action')
        .filter({ hasText: 'Quanti tipi di sarcoma dei tessuti molli esistono?' });
      await longest.first().waitFor(WAIT);
      const fits = await longest.first().evaluate((button) => {
        const text = button.querySelector('.webchat__suggested-action__text') as HTMLElement;
        const box = button.getBoundingClientRect();
        return text.scrollWidth <= text.clientWidth + 1 && box.right <= window.innerWidth && box.left >= 0;
      });
      expect(fits).toBe(true);
      await shot(page, 'webchat-phone-it-wrapped-buttons');
    });

    test('the Web Chat transcript has no serious or critical accessibility violation either', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('nothing was blocked by the Content-Security-Policy and no script failed', () => {
      expect(problems).toEqual([]);
    });
  });

  describe('when an English-speaking visitor opens the page on a desktop', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({
        locale: 'en-GB',
        timezoneId: 'Europe/Rome',
        viewport: { width: 1280, height: 800 },
      });
      page = await context.newPage();
      await page.goto(`${bot.baseUrl}/`);
      await webChatShown(page);
    });

    afterAll(async () => {
      await context.close();
    });

    test('Web Chat opens at the greeting, with the booking line a tap-to-call link in the answers', async () => {
      const greeting = page
        .getByText(/^Hello, I am the virtual assistant/)
        .filter({ visible: true })
        .first();
      await greeting.waitFor(WAIT);
      const box = await greeting.boundingBox();
      expect(box !== null && box.y >= 0 && box.y < 800).toBe(true);
      await shot(page, 'webchat-desktop-en-welcome');
      await page.getByRole('button', { name: 'When can I call?' }).first().click();
      const tel = page.locator('a[href="tel:+390257489001"]').filter({ visible: true }).first();
      await tel.waitFor(WAIT);
      expect(await tel.textContent()).toBe(BOOKING_LINE);
      await shot(page, 'webchat-desktop-en-booking-line');
    });

    test('the desktop page has no serious or critical accessibility violation', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  describe('when a visitor comes back to a tab left open past the token lifetime', () => {
    test('the next message still gets its answer, in a new conversation', async () => {
      const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Rome' });
      const page = await context.newPage();
      await page.goto(`${bot.baseUrl}/`);
      await webChatShown(page);
      await see(page, 'I do not make diagnoses', 'expiry-welcome');
      now = now.plus({ hours: 1 });
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await input.fill('Where is the hospital?');
      await input.press('Enter');
      await see(page, 'via Ripamonti 435', 'expiry-answer');
      await context.close();
    });
  });

  describe('when a visitor switches to Italian', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({
        locale: 'en-GB',
        timezoneId: 'Europe/London',
        viewport: { width: 1280, height: 860 },
      });
      page = await context.newPage();
      await page.goto(`${bot.baseUrl}/`);
      await webChatShown(page);
      await see(page, 'I do not make diagnoses', 'i-do-not-make-diagnoses');
    });

    afterAll(async () => {
      await context.close();
    });

    test('the page, Web Chat and the bot all change to Italian without losing the conversation', async () => {
      await page.getByRole('link', { name: 'Italiano' }).click();
      // Web Chat typesets the apostrophe (’).
      await see(page, /D.ora in poi risponderò in italiano/, 'd-ora-in-poi-risponder-in-italiano');
      expect(await page.locator('html').getAttribute('lang')).toBe('it');
      await page
        .getByRole('heading', { level: 1, name: 'Sarcomi dei tessuti molli e tumori rari' })
        .waitFor(WAIT);
      expect(await page.getByRole('link', { name: 'Italiano' }).getAttribute('aria-current')).toBe('true');
      expect(await page.locator('[data-id="webchat-sendbox-input"]').getAttribute('placeholder')).not.toMatch(
        /type your message/i,
      );
      await see(page, 'Non faccio diagnosi', 'non-faccio-diagnosi');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('it');
      await page.getByRole('button', { name: 'Ho un neo sospetto' }).first().waitFor(WAIT);
      await shot(page, 'webchat-desktop-italian');
    });
  });

  describe('when a visitor uses only the keyboard', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({
        locale: 'it-IT',
        timezoneId: 'Europe/Rome',
        viewport: { width: 1024, height: 800 },
      });
      page = await context.newPage();
      await page.goto(`${bot.baseUrl}/`);
      await webChatShown(page);
      await see(page, 'Non faccio diagnosi', 'non-faccio-diagnosi');
    });

    afterAll(async () => {
      await context.close();
    });

    test('the first Tab shows a skip link that takes focus to the chat', async () => {
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Vai alla chat' });
      expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
      const box = await skip.boundingBox();
      expect(box && box.y >= 0).toBe(true);
      const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe('none');
      await shot(page, 'webchat-keyboard-skip-link');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('chat');
    });

    test('Tab reaches the doors, arrow keys move between them, Enter picks one, and Tab reaches the send box', async () => {
      const isFocused = (selector: string) =>
        page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
      let inDoors = false;
      for (let i = 0; i < 15 && !inDoors; i++) {
        await page.keyboard.press('Tab');
        inDoors = await isFocused('.webchat__suggested-action');
      }
      expect(inDoors).toBe(true);
      const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim());
      let focusedDoor = (await focusedText()) === 'Ho un neo sospetto';
      for (let i = 0; i < 6 && !focusedDoor; i++) {
        await page.keyboard.press('ArrowRight');
        focusedDoor = (await focusedText()) === 'Ho un neo sospetto';
      }
      expect(focusedDoor).toBe(true);
      await shot(page, 'webchat-keyboard-focus-door');
      await page.keyboard.press('Enter');
      await see(page, 'Il neo sanguina', 'il-neo-sanguina');
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      let inSendBox = false;
      for (let i = 0; i < 20 && !inSendBox; i++) {
        await page.keyboard.press('Tab');
        inSendBox = await input.evaluate((el) => el === document.activeElement);
      }
      expect(inSendBox).toBe(true);
      await page.keyboard.type('no');
      await page.keyboard.press('Enter');
      await see(page, 'nodulo nuovo sotto la pelle', 'nodulo-nuovo-sotto-la-pelle');
    });

    test('the page before and during the chat has no serious or critical accessibility violation', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  describe('when the widget snippet is on another page of the hospital site', () => {
    let context: BrowserContext;
    let page: Page;
    let problems: string[];

    beforeAll(async () => {
      context = await browser.newContext({
        locale: 'en-US',
        timezoneId: 'Europe/Rome',
        viewport: { width: 1280, height: 860 },
      });
      page = await context.newPage();
      problems = watchProblems(page);
      await page.goto(`${hostUrl}/`);
    });

    afterAll(async () => {
      await context.close();
    });

    test('a floating button opens the same chat in a panel, and the bot greets', async () => {
      const launcher = page.getByRole('button', { name: 'Open the chat with the virtual assistant' });
      await launcher.waitFor(WAIT);
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      await shot(page, 'widget-closed');
      await launcher.click();
      const chat = page.frameLocator('iframe[title="Chat with the virtual assistant"]');
      await chat.locator('html[data-chat="webchat"]').waitFor({ state: 'attached', ...WAIT });
      await chat.getByText('I do not make diagnoses').filter({ visible: true }).first().waitFor(WAIT);
      await chat.getByRole('button', { name: 'I have a suspicious mole' }).first().waitFor(WAIT);
      await shot(page, 'widget-open');
    });

    test('the chat in the panel answers a typed question', async () => {
      const chat = page.frameLocator('iframe[title="Chat with the virtual assistant"]');
      const input = chat.locator('[data-id="webchat-sendbox-input"]');
      await input.fill('When can I call?');
      await input.press('Enter');
      await chat.getByText(BOOKING_LINE).first().waitFor(WAIT);
    });

    test('the host page with the open panel has no serious or critical accessibility violation', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('closing the panel gives focus back to the button', async () => {
      await page.getByRole('button', { name: 'Close the chat' }).click();
      const launcher = page.getByRole('button', { name: 'Open the chat with the virtual assistant' });
      await launcher.waitFor(WAIT);
      expect(await launcher.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    });

    test('Escape pressed inside the chat closes the panel and gives focus back to the button', async () => {
      const launcher = page.getByRole('button', { name: 'Open the chat with the virtual assistant' });
      await launcher.click();
      const chat = page.frameLocator('iframe[title="Chat with the virtual assistant"]');
      const input = chat.locator('[data-id="webchat-sendbox-input"]');
      await input.click();
      await input.press('Escape');
      await launcher.waitFor(WAIT);
      expect(await launcher.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.locator('#sarcoma-chat-panel').isHidden()).toBe(true);
    });

    test('nothing was blocked and no script failed on the host page or in the frame', () => {
      expect(problems).toEqual([]);
    });
  });

  describe('when the widget is on a site that FRAME_ANCESTORS does not list', () => {
    let context: BrowserContext;
    let page: Page;
    let problems: string[];

    beforeAll(async () => {
      context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 } });
      page = await context.newPage();
      problems = watchProblems(page);
      await page.goto(`${otherUrl}/`);
    });

    afterAll(async () => {
      await context.close();
    });

    test('the panel says the chat cannot be shown here, links to it, and names FRAME_ANCESTORS for the owner', async () => {
      await page.getByRole('button', { name: 'Open the chat with the virtual assistant' }).click();
      const notice = page.getByRole('alert');
      await notice.waitFor(WAIT);
      expect(await notice.textContent()).toContain('The chat cannot be shown on this page.');
      expect(await notice.textContent()).toContain(`${otherUrl} is not among the sites`);
      expect(await notice.textContent()).toContain('FRAME_ANCESTORS');
      const link = page.getByRole('link', { name: 'Open the chat in a new window' });
      expect(await link.getAttribute('href')).toBe(`${bot.baseUrl}/?lang=en`);
      expect(await page.locator('iframe').count()).toBe(0);
      expect(problems.join('\n')).toMatch(/FRAME_ANCESTORS="'self' http:\/\/127\.0\.0\.1:\d+"/);
      await shot(page, 'widget-not-allowed');
    });
  });
});
