import { randomUUID } from 'node:crypto';
import { type Activity, ActivityTypes, type CloudAdapter, DeliveryModes } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import { DirectTurnRunner, type TurnHandler } from '../directTurn';
import type { VisitorActivity } from './visitorActivity';

/** The channel id of turns from the website chat (so replies carry `suggestedActions`). */
export const WEBCHAT_CHANNEL_ID = 'webchat';

/**
 * The `serviceUrl` of web-channel turns.
 * @remarks Never called: every turn is run with `expectReplies`, so the adapter buffers the replies instead of
 * posting them. The reserved `.invalid` domain makes any accidental outbound call fail at once.
 */
export const WEB_CHANNEL_SERVICE_URL = 'https://webchat.invalid/';

export type { TurnHandler } from '../directTurn';

/** What {@link WebChatTurns} needs. */
export interface WebChatTurnsDeps {
  /** The same adapter `/api/messages` uses, so middleware and the turn-error handler apply. */
  readonly adapter: CloudAdapter;
  /** The adapter's authentication, used to build the (never used) outbound connector. */
  readonly auth: BotFrameworkAuthentication;
  /** The bot's Microsoft App ID, when configured. */
  readonly appId?: string;
  /** The bot, once content is loaded. */
  readonly bot: () => TurnHandler | undefined;
  /** The current time (the injected clock). */
  readonly now: () => Date;
}

/** A reply as the browser receives it. */
export type WebChatReply = Partial<Activity> & { readonly id: string; readonly type: string };

/** The outcome of one turn: the id given to the visitor's activity (for Web Chat's echo) and the replies. */
export interface WebChatTurnResult {
  /** The id of the visitor's activity. */
  readonly id: string;
  /** The bot's message replies, in order. */
  readonly activities: WebChatReply[];
}

/**
 * Runs website visitors' turns through the same CloudAdapter and bot as `/api/messages`, with
 * `expectReplies`, and returns that turn's replies.
 * @remarks The activity is built here from an allow-list: the conversation id comes from the verified token,
 * the user id is derived from it, and nothing from the browser can set the audience mode, so these turns
 * are always public.
 */
export class WebChatTurns {
  private readonly botId: string;
  private readonly turns: DirectTurnRunner;

  constructor(private readonly deps: WebChatTurnsDeps) {
    this.botId = deps.appId ?? 'bot';
    this.turns = new DirectTurnRunner(deps.adapter, deps.auth, deps.appId);
  }

  /** The user id of the visitor of a conversation (stable, derived, never chosen by the browser). */
  static visitorId(conversationId: string): string {
    return `visitor-${conversationId}`;
  }

  /**
   * Runs one turn for the visitor of `conversationId`.
   * @returns the activity's id and the bot's message replies, or undefined when the bot is not ready yet
   */
  async run(conversationId: string, input: VisitorActivity): Promise<WebChatTurnResult | undefined> {
    const bot = this.deps.bot();
    if (!bot) return undefined;
    const id = randomUUID();
    const visitor = { id: WebChatTurns.visitorId(conversationId), name: '', role: 'user' };
    const activity: Partial<Activity> = {
      type: input.type,
      id,
      timestamp: this.deps.now(),
      channelId: WEBCHAT_CHANNEL_ID,
      serviceUrl: WEB_CHANNEL_SERVICE_URL,
      deliveryMode: DeliveryModes.ExpectReplies,
      from: visitor,
      recipient: { id: this.botId, name: 'Bot', role: 'bot' },
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      locale: input.locale,
      localTimezone: input.localTimezone,
      ...(input.type === ActivityTypes.Message
        ? { text: input.text, textFormat: 'plain' }
        : { membersAdded: [visitor] }),
    };
    const replies = await this.turns.run(activity as Activity, bot);
    return { id, activities: replies.map((reply) => this.forBrowser(reply, conversationId, id)) };
  }

  /** Keeps only what the browser shows, with an id and the bot as sender. */
  private forBrowser(reply: Partial<Activity>, conversationId: string, replyToId: string): WebChatReply {
    return {
      type: ActivityTypes.Message,
      id: randomUUID(),
      timestamp: this.deps.now(),
      channelId: WEBCHAT_CHANNEL_ID,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: this.botId, name: 'Bot', role: 'bot' },
      replyToId,
      text: reply.text,
      textFormat: reply.textFormat,
      locale: reply.locale,
      inputHint: reply.inputHint,
      suggestedActions: reply.suggestedActions,
      attachments: reply.attachments,
      attachmentLayout: reply.attachmentLayout,
    };
  }
}
