import type { ReplyActivity } from './testApp';

/** The bot as Teams addresses it. */
export const TEAMS_BOT = { id: '28:5e3c1a2b-7d4f-4e1a-9b2c-3d4e5f6a7b8c', name: 'Sarcoma triage' };
/** A public tenant (not staff). */
export const PUBLIC_TENANT = '11111111-2222-4333-8444-555555555555';
/** The Adaptive Card content type. */
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** A Teams user as activities carry them. */
export interface TeamsMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

/** Two members of the same tenant. */
export const GIULIA: TeamsMember = {
  id: '29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06X1',
  name: 'Giulia Rossi',
  aadObjectId: '0b1c2d3e-aaaa-4bbb-8ccc-123456789abc',
};
export const MARCO: TeamsMember = {
  id: '29:1Hq7ZpLm_9Xc2Vb8Nn4Kk1Jj0Hh6Gg5Ff3Dd2Ss1Aa0Qq9Ww8Ee7Rr6Tt5Yy4Uu3Ii2Oo1Pp0Ll9Kk8Jj7Hh6',
  name: 'Marco Bianchi',
  aadObjectId: '5f6e7d8c-bbbb-4ccc-8ddd-987654321fed',
};

/** Where a Teams conversation happens. */
export type TeamsScope = 'personal' | 'groupChat' | 'channel';

/** What an activity of {@link teamsActivity} may set. */
export interface TeamsActivityOptions {
  /** The chat, or the channel (whose thread is `thread`). */
  readonly conversationId: string;
  readonly scope: TeamsScope;
  /** Who sends it (default Giulia). */
  readonly from?: TeamsMember;
  /** The channel thread's root message id (default one thread per channel). */
  readonly thread?: string;
  /** `locale` (default en-US); null leaves it out, as Teams does on conversationUpdate. */
  readonly locale?: string | null;
  readonly tenant?: string;
  /** Anything else (type, text, membersAdded, action, channelData…). */
  readonly extra?: Record<string, unknown>;
}

/**
 * An activity as Teams delivers it: ids, tenant, channel data, the clientInfo entity and, for a message outside a
 * personal chat, the bot's @mention in its text.
 */
export function teamsActivity(o: TeamsActivityOptions): Record<string, unknown> {
  const tenant = o.tenant ?? PUBLIC_TENANT;
  const from = o.from ?? GIULIA;
  const locale = o.locale === null ? undefined : (o.locale ?? 'en-US');
  const channel = `19:${o.conversationId}@thread.tacv2`;
  const { channelData, ...extra } = o.extra ?? {};
  return {
    type: 'message',
    id: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    ...(locale ? { locale } : {}),
    from,
    recipient: TEAMS_BOT,
    conversation: {
      id: o.scope === 'channel' ? `${channel};messageid=${o.thread ?? '1732770000000'}` : o.conversationId,
      conversationType: o.scope,
      isGroup: o.scope !== 'personal',
      tenantId: tenant,
    },
    entities: [
      {
        type: 'clientInfo',
        ...(locale ? { locale } : {}),
        country: 'IT',
        platform: 'Web',
        timezone: 'Europe/Rome',
      },
    ],
    channelData: {
      tenant: { id: tenant },
      ...(o.scope === 'channel'
        ? {
            teamsChannelId: channel,
            teamsTeamId: '19:team@thread.tacv2',
            channel: { id: channel },
            team: { id: '19:team@thread.tacv2' },
          }
        : {}),
      ...((channelData as object | undefined) ?? {}),
    },
    ...extra,
  };
}

/** A message typed in Teams (with the bot's @mention outside a personal chat). */
export function teamsMessage(text: string, o: Omit<TeamsActivityOptions, 'extra'>): Record<string, unknown> {
  const mention = `<at>${TEAMS_BOT.name}</at>`;
  const mentioned = o.scope !== 'personal';
  return teamsActivity({
    ...o,
    extra: {
      text: mentioned ? `${mention} ${text}\n` : text,
      textFormat: 'plain',
      ...(mentioned ? { entities: [{ type: 'mention', text: mention, mentioned: TEAMS_BOT }] } : {}),
    },
  });
}

/** One button of a Teams card. */
export interface CardButton {
  readonly type: string;
  readonly title: string;
  readonly data: { msteams?: { type: string; value: string }; [key: string]: unknown };
}

/** The parts of an Adaptive Card the tests read. */
export interface TeamsCard {
  readonly version: string;
  readonly fallbackText?: string;
  readonly body: {
    type: string;
    text?: string;
    color?: string;
    facts?: { title: string; value: string }[];
  }[];
  readonly actions?: CardButton[];
  readonly msteams?: { entities?: { type: string; text: string; mentioned: { id: string; name: string } }[] };
}

/** The Adaptive Cards of some replies. */
export function cardsOf(activities: readonly ReplyActivity[]): TeamsCard[] {
  return activities
    .flatMap((a) => a.attachments ?? [])
    .filter((x) => x.contentType === ADAPTIVE_CARD)
    .map((x) => x.content as unknown as TeamsCard);
}

/** Everything a person reads in some replies: texts and card texts. */
export function readTexts(activities: readonly ReplyActivity[]): string {
  return activities
    .flatMap((a) => [a.text ?? '', ...cardsOf([a]).flatMap((c) => c.body.map((b) => b.text ?? ''))])
    .filter((t) => t !== '')
    .join('\n');
}

/**
 * What Teams sends back when `label` is clicked on `card`: a message whose text is the button's imBack value
 * (the activity carries no other data of the button).
 */
export function click(
  card: TeamsCard | undefined,
  label: string,
  o: Omit<TeamsActivityOptions, 'extra'>,
): Record<string, unknown> {
  const button = card?.actions?.find((a) => a.title === label);
  if (!button?.data.msteams) throw new Error(`no "${label}" button on the card`);
  return teamsActivity({ ...o, extra: { text: button.data.msteams.value, textFormat: 'plain' } });
}
