import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import AdmZip from 'adm-zip';
import {
  buildTeamsPackage,
  fillManifest,
  placeholderValues,
  TEAMS_SOURCE_DIR,
  TeamsPackageError,
  validateTeamsApp,
} from '../../scripts/teamsPackage';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import { LANGUAGES, type Language } from '../../src/content/language';
import type { Pathway } from '../../src/content/pathwaySchema';
import { readCardMark } from '../../src/channels/teamsCardMark';
import {
  message,
  newConversationId,
  type ReplyActivity,
  type RunningApp,
  startApp,
  textOf,
} from '../support/testApp';

const BOT_ID = '28:5e3c1a2b-7d4f-4e1a-9b2c-3d4e5f6a7b8c';
const BOT_NAME = 'Sarcoma triage';
const STAFF_TENANT = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const PUBLIC_TENANT = '11111111-2222-4333-8444-555555555555';
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Teams refuses messages (card included) larger than about 28 KB. */
const TEAMS_MAX_BYTES = 28 * 1024;

type Scope = 'personal' | 'groupChat' | 'channel';

/** A message as Teams delivers it: ids, tenant, channel data and, outside personal chat, the bot's @mention. */
function teamsMessage(
  text: string,
  o: { conversationId: string; scope: Scope; tenant?: string; locale?: string },
): Record<string, unknown> {
  const tenant = o.tenant ?? PUBLIC_TENANT;
  const mention = `<at>${BOT_NAME}</at>`;
  const mentioned = o.scope !== 'personal';
  return {
    ...message(mentioned ? `${mention} ${text}\n` : text, { conversationId: o.conversationId }),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    locale: o.locale ?? 'en-US',
    textFormat: 'plain',
    from: {
      id: '29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06X1-cHHle4zOE6U4ttcc',
      name: 'Giulia Rossi',
      aadObjectId: '0b1c2d3e-aaaa-4bbb-8ccc-123456789abc',
    },
    recipient: { id: BOT_ID, name: BOT_NAME },
    conversation: {
      id:
        o.scope === 'channel'
          ? `19:${o.conversationId}@thread.tacv2;messageid=1732770000000`
          : o.conversationId,
      conversationType: o.scope,
      isGroup: o.scope !== 'personal',
      tenantId: tenant,
    },
    entities: [
      ...(mentioned ? [{ type: 'mention', text: mention, mentioned: { id: BOT_ID, name: BOT_NAME } }] : []),
      {
        type: 'clientInfo',
        locale: o.locale ?? 'en-US',
        country: 'IT',
        platform: 'Web',
        timezone: 'Europe/Rome',
      },
    ],
    channelData: {
      tenant: { id: tenant },
      ...(o.scope === 'channel'
        ? {
            teamsChannelId: `19:${o.conversationId}@thread.tacv2`,
            teamsTeamId: '19:team@thread.tacv2',
            channel: { id: `19:${o.conversationId}@thread.tacv2` },
            team: { id: '19:team@thread.tacv2' },
          }
        : {}),
    },
  };
}

interface Card {
  version: string;
  body: { type: string; text?: string }[];
  actions?: { type: string; title: string; data: { msteams?: { type: string; value: string } } }[];
}

/** What a click on a Teams button sends back: its imBack text, which must read as the label once its card mark is removed. */
const imBackOf = (action: NonNullable<Card['actions']>[number]) => ({
  type: action.data.msteams?.type,
  value: readCardMark(action.data.msteams?.value ?? '').text,
});

const cardsOf = (activities: readonly ReplyActivity[]) =>
  activities
    .flatMap((a) => a.attachments ?? [])
    .filter((x) => x.contentType === ADAPTIVE_CARD)
    .map((x) => x.content as unknown as Card);

/** What a person sees of a reply, whatever the channel: its text and the buttons offered. */
function seen(a: ReplyActivity): { text: string; choices: string[] } {
  const card = cardsOf([a])[0];
  if (card)
    return {
      // The card's text blocks, read top to bottom (the answer, then its source line).
      text:
        a.text ??
        card.body
          .filter((b) => b.type === 'TextBlock')
          .map((b) => b.text)
          .join('\n\n'),
      choices: (card.actions ?? []).map((x) => x.title),
    };
  // Web Chat shows phone numbers as tap-to-call links; Teams drops tel: links, so it gets the plain number.
  const text = (a.text ?? '').replace(/\[([^\]]+)\]\(tel:[^)]+\)/g, '$1');
  return { text, choices: a.suggestedActions?.actions.map((x) => x.title) ?? [] };
}

/** Every walk from a pathway's start to a leaf, as the labels picked, in one language. */
function walks(p: Pathway, lang: Language): string[][] {
  const out: string[][] = [];
  const visit = (id: string, labels: string[]) => {
    const node = p.nodes[id]!;
    if (node.type === 'disposition') out.push(labels);
    else if (node.type === 'info') visit(node.next, labels);
    else for (const c of node.choices) visit(c.next, [...labels, c.label[lang]]);
  };
  visit(p.start, []);
  return out;
}

/** Decodes an 8-bit RGBA PNG (all five row filters). */
function decodePng(file: Buffer): { width: number; height: number; colourType: number; pixels: Buffer } {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9]!;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x += 1) {
      const byte = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (byte + predictor) & 0xff;
    }
  }
  return { width, height, colourType, pixels };
}

describe('Microsoft Teams', () => {
  let bot: RunningApp;
  let content: Content;
  beforeAll(async () => {
    content = await loadContent(join(__dirname, '..', '..'));
    bot = await startApp({ STAFF_TENANT_IDS: STAFF_TENANT });
  });
  afterAll(async () => {
    await bot.stop();
  });

  describe('when the bot is @mentioned in a channel or a group chat', () => {
    test.each([
      ['a mention with no one mentioned', { type: 'mention', text: '<at>x</at>', mentioned: null }],
      ['a mention whose text is a number', { type: 'mention', text: 5, mentioned: { id: BOT_ID } }],
      ['a mention with nothing in it', { type: 'mention' }],
    ])(
      '%s is refused with a 400 that says so, and the conversation keeps its state',
      async (_what, entity) => {
        const conversationId = newConversationId();
        const opened = await bot.send(
          teamsMessage('I have a suspicious mole', { conversationId, scope: 'channel' }),
        );
        expect(cardsOf(opened.activities).length).toBeGreaterThan(0);
        const bad = { ...teamsMessage('2', { conversationId, scope: 'channel' }), entities: [entity] };
        const refused = await bot.send(bad);
        expect(refused.status).toBe(400);
        const next = await bot.send(teamsMessage('2', { conversationId, scope: 'channel' }));
        expect(textOf(next.activities)).not.toMatch(/something went wrong/i);
        expect(cardsOf(next.activities).length).toBeGreaterThan(0);
      },
    );

    test('in a channel, the mention is stripped: the opener starts the pathway and "2" picks the second answer', async () => {
      const conversationId = newConversationId();
      const mole = content.pathways.find((p) => p.id === 'suspicious-mole')!;
      const first = mole.nodes[mole.start]!;
      if (first.type !== 'question') throw new Error('the mole pathway starts with a question');
      const second = mole.nodes[first.choices[1]!.next]!;
      if (second.type !== 'question') throw new Error('the second answer leads to a question');

      const opened = await bot.send(
        teamsMessage('I have a suspicious mole', { conversationId, scope: 'channel' }),
      );
      expect(
        cardsOf(opened.activities)
          .map((c) => c.body[0]?.text)
          .join('\n'),
      ).toContain(first.text.en);
      const picked = await bot.send(teamsMessage('2', { conversationId, scope: 'channel' }));
      expect(
        cardsOf(picked.activities)
          .map((c) => c.body[0]?.text)
          .join('\n'),
      ).toContain(second.text.en);
      expect(textOf([...opened.activities, ...picked.activities])).not.toContain(`<at>${BOT_NAME}</at>`);
    });

    test('in a group chat, "@bot help" is understood as the help command, and the reply @mentions who asked', async () => {
      const viaTeams = await bot.send(
        teamsMessage('help', { conversationId: newConversationId(), scope: 'groupChat' }),
      );
      const viaWeb = await bot.send(message('help', { locale: 'en-US' }));
      const reply = viaTeams.activities[0]!;
      expect(seen(reply).text).toBe(`<at>Giulia Rossi</at> ${seen(viaWeb.activities[0]!).text}`);
      expect(reply.entities).toEqual([
        expect.objectContaining({
          type: 'mention',
          text: '<at>Giulia Rossi</at>',
          mentioned: expect.objectContaining({ name: 'Giulia Rossi' }),
        }),
      ]);
    });
  });

  describe('when a visitor writes to the bot in a personal chat', () => {
    test('the conversation is the Web Chat one: same texts, same choices (as card buttons whose imBack sends the label and the card it is on)', async () => {
      const teamsId = newConversationId();
      const webId = newConversationId();
      const turns = ['when is the booking line open?', 'I have a suspicious mole', 'No', 'No'];
      for (const text of turns) {
        const t = await bot.send(teamsMessage(text, { conversationId: teamsId, scope: 'personal' }));
        const w = await bot.send(message(text, { conversationId: webId, locale: 'en-US' }));
        expect(t.activities.map(seen)).toEqual(w.activities.map(seen));
        for (const card of cardsOf(t.activities)) {
          for (const action of card.actions ?? []) {
            expect(imBackOf(action)).toEqual({ type: 'imBack', value: action.title });
            expect(readCardMark(action.data.msteams?.value ?? '').cardId).toMatch(/^[0-9a-f]{6}$/);
          }
        }
      }
    });

    test('a staff member of a listed tenant gets the call script instead', async () => {
      const { activities } = await bot.send(
        teamsMessage('I have a suspicious mole', {
          conversationId: newConversationId(),
          scope: 'personal',
          tenant: STAFF_TENANT,
        }),
      );
      expect(textOf(activities)).toMatch(/Ask the caller/);
    });
  });

  describe('when the biggest real replies are rendered as Adaptive Cards', () => {
    const measured: { bytes: number; what: string; text: string }[] = [];
    const cardsSeen: Card[] = [];
    const measure = (activities: readonly ReplyActivity[], what: string) => {
      for (const a of activities) {
        measured.push({ bytes: Buffer.byteLength(JSON.stringify(a)), what, text: textOf([a]) });
        cardsSeen.push(...cardsOf([a]));
      }
    };

    beforeAll(async () => {
      // Every knowledge answer (the longest texts), in both languages, as the public sees them.
      for (const lang of LANGUAGES) {
        for (const entry of content.entries) {
          const { activities } = await bot.send(
            teamsMessage(entry[lang].question, {
              conversationId: newConversationId(),
              scope: 'personal',
              locale: lang,
            }),
          );
          measure(activities, `${lang} answer ${entry.id}`);
        }
      }
      // Every walk of every pathway, in both languages, as an operator: the call summary cards.
      for (const lang of LANGUAGES) {
        for (const p of content.pathways) {
          for (const labels of walks(p, lang)) {
            const conversationId = newConversationId();
            const o = { conversationId, scope: 'personal' as const, tenant: STAFF_TENANT, locale: lang };
            measure((await bot.send(teamsMessage(p.title[lang], o))).activities, `${lang} ${p.id} start`);
            for (const label of labels)
              measure(
                (await bot.send(teamsMessage(label, o))).activities,
                `${lang} ${p.id} ${labels.join(' > ')}`,
              );
          }
        }
      }
    }, 120_000);

    test('the longest knowledge answers and every call summary were among the replies measured', () => {
      for (const lang of LANGUAGES) {
        const longest = [...content.entries].sort(
          (a, b) =>
            (b[lang].answer + (b[lang].detail ?? '')).length -
            (a[lang].answer + (a[lang].detail ?? '')).length,
        )[0]!;
        const answer = JSON.stringify(longest[lang].answer).slice(1, -1);
        expect(measured.some((m) => m.text.includes(answer) || m.text.includes(longest[lang].answer))).toBe(
          true,
        );
      }
      const summaries = cardsSeen.filter((c) => c.body.some((b) => b.type === 'FactSet'));
      const walkCount = content.pathways.reduce((n, p) => n + walks(p, 'en').length, 0);
      expect(summaries.length).toBe(LANGUAGES.length * walkCount);
    });

    test('every message, card included, stays under 28 KB', () => {
      const biggest = [...measured].sort((a, b) => b.bytes - a.bytes)[0]!;
      expect(biggest.bytes).toBeLessThan(TEAMS_MAX_BYTES);
    });

    test('every card is Adaptive Card 1.5 or lower and every button is an Action.Submit carrying an msteams imBack', () => {
      expect(cardsSeen.length).toBeGreaterThan(0);
      for (const card of cardsSeen) {
        expect(Number(card.version)).toBeLessThanOrEqual(1.5);
        for (const action of card.actions ?? []) {
          expect(action.type).toBe('Action.Submit');
          expect(imBackOf(action)).toEqual({ type: 'imBack', value: action.title });
        }
      }
    });
  });
});

describe('the Teams app package (deploy/teams)', () => {
  const env = {
    MicrosoftAppId: '5e3c1a2b-7d4f-4e1a-9b2c-3d4e5f6a7b8c',
    TEAMS_WEBSITE_URL: 'https://triage.example.org/',
    TEAMS_PRIVACY_URL: 'https://triage.example.org/privacy',
    TEAMS_TERMS_URL: 'https://triage.example.org/terms',
  };
  const template = readFileSync(join(TEAMS_SOURCE_DIR, 'manifest.json'), 'utf8');
  const italian = JSON.parse(readFileSync(join(TEAMS_SOURCE_DIR, 'it-it.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const filled = () =>
    JSON.parse(fillManifest(template, placeholderValues(env, '1.2.3'))) as Record<string, unknown>;

  test('the manifest uses schema v1.17 or newer and takes the bot id from {{MicrosoftAppId}}', () => {
    const raw = JSON.parse(template) as { manifestVersion: string; bots: { botId: string }[] };
    const [major, minor] = raw.manifestVersion.split('.').map(Number);
    expect(major! * 100 + minor!).toBeGreaterThanOrEqual(117);
    expect(raw.bots[0]!.botId).toBe('{{MicrosoftAppId}}');
  });

  test('once filled, the manifest and its Italian strings are valid against the schema bundled in @microsoft/app-manifest', () => {
    expect(validateTeamsApp(filled(), [italian])).toEqual([]);
  });

  test('the validator does catch a broken manifest', () => {
    const broken = {
      ...filled(),
      name: { short: 'A name far longer than the thirty characters Teams allows' },
      bots: [{ botId: 'not-a-guid', scopes: ['personal'] }],
    };
    const failures = validateTeamsApp(broken, [{ ...italian, 'name.short': undefined }]);
    expect(failures.join('\n')).toMatch(/\/name\/short/);
    expect(failures.join('\n')).toMatch(/\/bots\/0\/botId/);
  });

  test('the colour icon is 192×192 and opaque; the outline icon is 32×32, white on transparent', () => {
    const colour = decodePng(readFileSync(join(TEAMS_SOURCE_DIR, 'color.png')));
    expect([colour.width, colour.height, colour.colourType]).toEqual([192, 192, 6]);
    for (let i = 3; i < colour.pixels.length; i += 4) expect(colour.pixels[i]).toBe(255);
    const outline = decodePng(readFileSync(join(TEAMS_SOURCE_DIR, 'outline.png')));
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a === 0) transparent += 1;
      else {
        expect([r, g, b]).toEqual([255, 255, 255]);
        white += 1;
      }
    }
    expect(transparent).toBeGreaterThan(0);
    expect(white).toBeGreaterThan(0);
  });

  test('`npm run teams:package` zips the filled manifest, both icons and the Italian strings', async () => {
    const out = mkdtempSync(join(tmpdir(), 'teams-package-'));
    try {
      const { zipPath } = await buildTeamsPackage({ env, outputDir: out });
      const zip = new AdmZip(zipPath);
      expect(
        zip
          .getEntries()
          .map((e) => e.entryName)
          .sort(),
      ).toEqual(['color.png', 'it-it.json', 'manifest.json', 'outline.png']);
      const manifest = zip.readAsText('manifest.json');
      expect(manifest).not.toContain('{{');
      expect((JSON.parse(manifest) as { bots: { botId: string }[] }).bots[0]!.botId).toBe(env.MicrosoftAppId);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('without MicrosoftAppId or the https addresses the package is refused, naming each variable', async () => {
    const out = mkdtempSync(join(tmpdir(), 'teams-package-'));
    try {
      const attempt = buildTeamsPackage({
        env: { TEAMS_WEBSITE_URL: 'http://insecure.example.org' },
        outputDir: out,
      });
      await expect(attempt).rejects.toThrow(TeamsPackageError);
      await expect(attempt).rejects.toThrow(
        /MicrosoftAppId[\s\S]*TEAMS_WEBSITE_URL[\s\S]*TEAMS_PRIVACY_URL[\s\S]*TEAMS_TERMS_URL/,
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
