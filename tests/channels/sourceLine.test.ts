import { createHash } from 'node:crypto';
import {
  message,
  newConversationId,
  type ReplyActivity,
  type RunningApp,
  startApp,
  textOf,
} from '../support/testApp';

const STAFF_KEY = 'source line staff key 2026';
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** A Teams personal-chat message from a public tenant. */
function teamsMessage(text: string, locale = 'en-US'): Record<string, unknown> {
  const tenant = '11111111-2222-4333-8444-555555555555';
  return {
    ...message(text, { conversationId: newConversationId() }),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    locale,
    from: { id: '29:1a2b3c', name: 'Giulia Rossi', aadObjectId: '0b1c2d3e-aaaa-4bbb-8ccc-123456789abc' },
    recipient: { id: '28:bot-app-id', name: 'Sarcoma triage' },
    conversation: { id: newConversationId(), conversationType: 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant } },
  };
}

/** The text blocks of the Adaptive Cards of the replies. */
function cardBlocks(activities: readonly ReplyActivity[]): { text: string; isSubtle?: boolean }[] {
  return activities.flatMap((a) =>
    (a.attachments ?? [])
      .filter((x) => x.contentType === ADAPTIVE_CARD)
      .flatMap((x) => (x.content.body as { type: string; text: string; isSubtle?: boolean }[]) ?? []),
  );
}

let bot: RunningApp;
beforeAll(async () => {
  bot = await startApp({
    STAFF_ACCESS_KEY_HASH: `sha256:${createHash('sha256').update(STAFF_KEY).digest('hex')}`,
  });
});
afterAll(async () => {
  await bot.stop();
});

describe('when Web Chat gets an answer from the department page', () => {
  test('a short line below the answer names the page section, in English', async () => {
    const { activities } = await bot.send(
      message('what are the risk factors for soft tissue sarcoma?', { locale: 'en-GB' }),
    );
    const answer = activities.find((a) => a.text?.includes('no risk factor can be identified'));
    expect(answer?.text).toMatch(
      /no risk factor can be identified[\s\S]*\n\n_From the department page: Risk factors; Services_$/u,
    );
  });

  test('and in Italian', async () => {
    const { activities } = await bot.send(
      message('quali sono i fattori di rischio del sarcoma?', { locale: 'it-IT' }),
    );
    expect(textOf(activities)).toContain('_Dalla pagina del reparto: Fattori di rischio; Servizi_');
  });
});

describe('when Web Chat gets an answer that relies on an external source', () => {
  test('the line gives the source as general information, with its title as a markdown link', async () => {
    const { activities } = await bot.send(message('what is brachytherapy?', { locale: 'en-GB' }));
    expect(textOf(activities)).toContain(
      '_General information: [US National Cancer Institute, Dictionary of Cancer Terms: radiation brachytherapy](https://www.cancer.gov/publications/dictionaries/cancer-terms/def/radiation-brachytherapy)_',
    );
    expect(textOf(activities)).toContain('_From the department page: Treatment; Multidisciplinary Group_');
  });
});

describe('when small talk is answered', () => {
  test('no source line is added', async () => {
    const { activities } = await bot.send(message('thank you', { locale: 'en-GB' }));
    expect(textOf(activities)).not.toMatch(/From the department page|General information/u);
  });
});

describe('when Teams gets an answer', () => {
  test('the card shows the source line as a small, subtle text block below the answer, with the link', async () => {
    const { activities } = await bot.send(teamsMessage('what is brachytherapy?'));
    const blocks = cardBlocks(activities);
    const answerAt = blocks.findIndex((b) => b.text.includes('brachytherapy is a type of radiotherapy'));
    const source = blocks[answerAt + 1];
    expect(answerAt).toBeGreaterThanOrEqual(0);
    expect(source?.isSubtle).toBe(true);
    expect(source?.text).toMatch(
      /^_From the department page: Treatment; Multidisciplinary Group_\n\n_General information: \[US National Cancer Institute/u,
    );
    expect(source?.text).toContain(
      '(https://www.cancer.gov/publications/dictionaries/cancer-terms/def/radiation-brachytherapy)',
    );
  });
});

describe('when an operator uses the call script page (/agent), which shows plain text', () => {
  test('the source line is plain, with the address written out', async () => {
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${bot.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return (await res.json()) as { token: string; conversationId: string; activities: ReplyActivity[] };
    };
    const session = await post('/agent/api/session', { key: STAFF_KEY, locale: 'en-GB' });
    const turn = await post(
      `/agent/api/conversations/${session.conversationId}/activities`,
      { text: 'what is brachytherapy?', locale: 'en-GB' },
      session.token,
    );
    const text = textOf(turn.activities);
    expect(text).toContain(
      'General information: US National Cancer Institute, Dictionary of Cancer Terms: radiation brachytherapy (https://www.cancer.gov/publications/dictionaries/cancer-terms/def/radiation-brachytherapy)',
    );
    expect(text).toContain('From the department page: Treatment; Multidisciplinary Group');
    expect(text).not.toMatch(/\]\(https|_From/u);
  });
});
