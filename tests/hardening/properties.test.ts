import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import pino from 'pino';
import { readVisitorActivity } from '../../src/channels/webchat/visitorActivity';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import { Messages } from '../../src/content/messages';
import { activityProblem } from '../../src/http/activityShape';
import { type App, createApp } from '../../src/index';
import { ConfidenceBand } from '../../src/knowledge/confidenceBand';
import { KnowledgeMatcher } from '../../src/knowledge/knowledgeMatcher';
import { detectLanguage } from '../../src/knowledge/languageDetector';
import { redact } from '../../src/knowledge/redact';
import { BookingLineClock } from '../../src/time/bookingLineClock';
import { fixedClock } from '../../src/time/clock';
import { LiveBookingLine } from '../../src/time/liveBookingLine';
import { message, newConversationId, OPEN_TUESDAY, type ReplyActivity } from '../support/testApp';
import { webVisitor } from './webVisitor';

const ROOT = join(__dirname, '..', '..');
/** Enough runs to explore, few enough that the suite stays fast (see the brief: modest numbers). */
const UNIT_RUNS = 200;
const TURN_RUNS = 50;

// ---- What visitors may type -------------------------------------------------------------------------------

/** Words and marks real visitors mix: questions, commands, red flags, choices, other scripts and junk. */
const VOCABULARY = [
  'when',
  'is',
  'the',
  'booking',
  'line',
  'open',
  'quando',
  'è',
  'aperto',
  'numero',
  'prenotare',
  'visita',
  'mole',
  'neo',
  'sarcoma',
  'liposarcoma',
  'GIST',
  'diagnosis',
  'diagnosi',
  'metastasis',
  'metastasi',
  'biopsy',
  'second',
  'opinion',
  'bleeding',
  'heavily',
  'chest',
  'pain',
  'dolore',
  'petto',
  "can't",
  'breathe',
  'help',
  'aiuto',
  'start',
  'over',
  'ricomincia',
  'forget',
  'me',
  'dimenticami',
  'talk',
  'to',
  'a',
  'person',
  'english',
  'italiano',
  'in',
  '1',
  '2',
  '3',
  '4',
  'yes',
  'no',
  'sì',
  'non',
  'so',
  '?',
  '!',
  '...',
  '😀',
  '🩺',
  '👨‍👩‍👧',
  '<script>',
  '</b>',
  '\u202e',
  '\u200b',
  '\u0000',
  "l'ospedale",
  'perché',
  'MY',
  'NAME',
  'IS',
  'Giulia',
  '+39 333 123 4567',
  'mario@example.com',
  'RSSMRA80A01F205X',
  '@bot',
  '**bold**',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const oddUnit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  loneSurrogate,
  fc.constantFrom('\u202e', '\u200f', '\u200b', '\u0000', '\u0007', '\ufeff', '\r\n', '🩺', '👨‍👩‍👧', 'é', 'È'),
);

/** Any string a visitor could send: sentences from the vocabulary, any graphemes, raw code units, long texts. */
const anyText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 14 }).map((w) => w.join(' ')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
  { weight: 2, arbitrary: fc.string({ unit: oddUnit, maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 2001, maxLength: 3000 }) },
);

const language = fc.constantFrom('en' as const, 'it' as const);

/** Placeholders or artefacts that mean a reply was built from something missing. */
const BROKEN = /undefined|\[object Object\]|NaN|Invalid DateTime|\{\{|\{[a-zA-Z]+\}/;

// ---- Units ---------------------------------------------------------------------------------------------------

describe('properties: any string, in either language', () => {
  let content: Content;
  let matcher: KnowledgeMatcher;
  let messages: Messages;
  beforeAll(async () => {
    content = await loadContent(ROOT);
    matcher = KnowledgeMatcher.build(content.entries, content.pathways, content.synonyms);
    messages = new Messages(content.messages);
  });

  test('the matcher returns a well-formed result and never throws', () => {
    const ids = new Set([...content.entries.map((e) => e.id), ...content.pathways.map((p) => p.id)]);
    fc.assert(
      fc.property(anyText, language, (text, lang) => {
        const result = matcher.match(text, lang);
        expect(Object.values(ConfidenceBand)).toContain(result.band);
        if (result.band === ConfidenceBand.High) expect(result.best).toBeDefined();
        if (result.band === ConfidenceBand.Low) expect(result.candidates).toEqual([]);
        expect(result.candidates.length).toBeLessThanOrEqual(3);
        for (const c of [...result.candidates, ...(result.best ? [result.best] : [])]) {
          expect(ids.has(c.id)).toBe(true);
          expect(Number.isFinite(c.score)).toBe(true);
          expect(c.score).toBeGreaterThanOrEqual(0);
          expect(c.score).toBeLessThanOrEqual(1);
        }
        expect(new Set(result.candidates.map((c) => c.id)).size).toBe(result.candidates.length);
      }),
      { numRuns: UNIT_RUNS },
    );
  });

  test('the booking-line sentence is well formed at any instant, in either language, for any visitor zone', () => {
    let now: DateTime = DateTime.now();
    const line = new LiveBookingLine(
      content.bookingLine,
      new BookingLineClock(content.bookingLine),
      messages,
      {
        now: () => now,
      },
    );
    const zone = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom(
        'Europe/Rome',
        'America/New_York',
        'Asia/Kolkata',
        'Australia/Lord_Howe',
        'Pacific/Kiritimati',
        'UTC',
      ),
      anyText,
    );
    const instant = fc.date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2035-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, language, zone, (at, lang, visitorZone) => {
        now = DateTime.fromJSDate(at);
        const described = line.describe(lang, visitorZone);
        expect(described).toContain(content.bookingLine.phone);
        expect(described).not.toMatch(BROKEN);
        expect(described).toMatch(/\d{2}:\d{2}/);
        const status = line.status(lang, visitorZone);
        expect(status.trim().length).toBeGreaterThan(10);
        expect(status).not.toMatch(BROKEN);
      }),
      { numRuns: UNIT_RUNS },
    );
  });

  test('language detection and redaction never throw', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(['en', 'it', undefined]).toContain(detectLanguage(text));
        expect(typeof redact(text)).toBe('string');
      }),
      { numRuns: UNIT_RUNS },
    );
  });

  test('redaction removes any e-mail address, phone number or tax code, wherever it sits in a text', () => {
    const email = fc
      .tuple(
        fc.stringMatching(/^[a-z][a-z0-9._-]{1,12}$/),
        fc.stringMatching(/^[a-z][a-z0-9-]{1,10}\.(it|com|org|eu)$/),
      )
      .map(([local, domain]) => `${local}@${domain}`);
    const phone = fc.stringMatching(/^(\+39 )?3\d{2}[ .-]?\d{3}[ .-]?\d{4}$/);
    const taxCode = fc.stringMatching(/^[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]$/);
    const words = fc.array(fc.constantFrom(...VOCABULARY.filter((w) => !/@|\d{3}|[A-Z]{6}/.test(w))), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(words, fc.oneof(email, phone, taxCode), words, (before, secret, after) => {
        const text = [...before, secret, ...after].join(' ');
        expect(redact(text)).not.toContain(secret);
      }),
      { numRuns: UNIT_RUNS },
    );
  });

  test('the request checks refuse or accept any JSON value without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(['string', 'undefined']).toContain(typeof activityProblem(value));
        expect(readVisitorActivity(value)).toEqual(expect.any(Object));
      }),
      { numRuns: UNIT_RUNS },
    );
  });
});

// ---- Whole turns --------------------------------------------------------------------------------------------

/** Log lines at error level and above. */
class ErrorSink extends Writable {
  readonly errors: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as { level: number; msg: string; err?: { message?: string } };
      if (entry.level >= 50) this.errors.push(`${entry.msg}: ${entry.err?.message ?? ''}`);
    }
    done();
  }
}

describe('properties: any string, in any channel and language, as a turn', () => {
  let app: App;
  let baseUrl: string;
  const sink = new ErrorSink();
  beforeAll(async () => {
    app = createApp({
      env: { LOG_LEVEL: 'error', CURATOR_LOG_PATH: `/tmp/triage-hardening-properties-${process.pid}.jsonl` },
      clock: fixedClock(OPEN_TUESDAY),
      logger: pino({ level: 'error' }, sink),
    });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    await app.ready;
    baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.close();
  });

  const wellFormed = (activities: readonly ReplyActivity[]) => {
    expect(activities.length).toBeGreaterThan(0);
    for (const a of activities) {
      const shown = `${a.text ?? ''}${JSON.stringify(a.attachments ?? [])}`;
      expect(shown.trim().length).toBeGreaterThan(0);
      expect(a.text ?? '').not.toMatch(BROKEN);
    }
  };

  const channel = fc.constantFrom('webchat', 'msteams', 'directline', 'emulator', 'web channel');
  const locale = fc.constantFrom(undefined, 'it-IT', 'en-US', 'it', 'en', 'en-GB', 'fr-FR', 'zz', '');

  test('every turn gets a well-formed reply (or a 4xx for an empty web message), and nothing fails', async () => {
    await fc.assert(
      fc.asyncProperty(
        channel,
        locale,
        fc.array(anyText, { minLength: 1, maxLength: 4 }),
        async (via, loc, texts) => {
          if (via === 'web channel') {
            const visitor = await webVisitor(baseUrl, loc || 'en-US');
            for (const text of texts) {
              const { status, activities } = await visitor.say(text);
              if (text.trim() === '' || text.length > 5000) expect(status).toBe(400);
              else {
                expect(status).toBe(200);
                wellFormed(activities);
              }
            }
            return;
          }
          const conversationId = newConversationId();
          for (const text of texts) {
            const res = await fetch(`${baseUrl}/api/messages`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                ...message(text, { conversationId, channelId: via, locale: loc }),
                deliveryMode: 'expectReplies',
              }),
            });
            expect(res.status).toBe(200);
            const body = (await res.json()) as { activities: ReplyActivity[] };
            wellFormed(body.activities.filter((a) => a.type === 'message'));
          }
        },
      ),
      { numRuns: TURN_RUNS },
    );
    expect(sink.errors).toEqual([]);
  });
});
