import type { TurnContext } from 'botbuilder';
import type { Language } from '../content/language';
import { foldText } from '../text/foldText';
import { CardClick, MAX_REMEMBERED_CARDS, type SentCard } from './cardClick';
import { AudienceMode, type ConversationData } from './conversationData';
import { FactMemory } from './factMemory';
import type { Reply } from './reply';

/** Renders engine replies as activities for the turn's channel and sends them. */
export type ReplySender = (context: TurnContext, replies: readonly Reply[]) => Promise<void>;

/** What was recognised and decided in a turn, for the one log line per turn. */
export interface TurnTelemetry {
  /** What the message was recognised as (red-flag, command:help, entry, pathway, answer, refusal…). */
  recognised?: string;
  /** The outcome (answered, did-you-mean, refused, disposition code…). */
  outcome?: string;
}

/**
 * The state of one turn as the dialogs see it: language, audience, stored data and the sender.
 * @remarks Built once per turn by the root dialog and shared through `turnState`.
 */
export class TurnSession {
  /** Key under which the session is kept in `turnState`. */
  static readonly key = Symbol('TurnSession');

  constructor(
    /** The turn. */
    readonly context: TurnContext,
    /** Per-conversation data (persisted). */
    readonly data: ConversationData,
    /** Reply language for this turn. */
    public lang: Language,
    /** The visitor's IANA time zone when the channel sent one. */
    readonly visitorZone: string | undefined,
    private readonly sender: ReplySender,
    /** Telemetry of this turn. */
    readonly telemetry: TurnTelemetry,
  ) {}

  /** True once a supportive word for low mood was sent this turn: the reply that follows is gentler. */
  supportGiven = false;

  private factMemory: FactMemory | undefined;

  /** What this person already told the bot in this conversation (pathway facts). */
  get facts(): FactMemory {
    this.factMemory ??= FactMemory.of(this.data, this.context.activity.from?.id);
    return this.factMemory;
  }

  /** True when an operator is using the bot as a call script. */
  get operator(): boolean {
    return this.data.mode === AudienceMode.Operator;
  }

  /**
   * Sends replies; the last reply's choices become the offered choices for the next turn. Each reply with choices
   * gets a card id, remembered with its labels, so that a click on an older card is recognised.
   */
  async send(...replies: Reply[]): Promise<void> {
    if (replies.length === 0) return;
    const last = replies[replies.length - 1];
    this.data.offered = last?.choices?.map((c) => ({ label: c.label, value: c.label })) ?? [];
    this.data.lastLanguage = this.lang;
    const sent = replies.map((reply) => {
      if (!reply.choices || reply.choices.length === 0) return reply;
      const card = CardClick.newId();
      this.rememberCard(
        reply.asks ? { id: card, asks: reply.asks, labels: reply.choices.map((c) => c.label) } : { id: card },
      );
      return { ...reply, card };
    });
    await this.sender(this.context, sent);
  }

  /** The card of choices sent last, if it is still remembered. */
  get latestCard(): SentCard | undefined {
    return this.data.cards?.at(-1);
  }

  /** A card sent to this person earlier (not the latest), by id. */
  earlierCard(id: string): SentCard | undefined {
    const cards = this.data.cards ?? [];
    return cards.slice(0, -1).find((c) => c.id === id);
  }

  /**
   * True when `text` is exactly a button of an earlier card of another pathway question and not one of the latest
   * card's: what a click on an old card sends when the channel returns only the label.
   */
  isEarlierQuestionLabel(text: string): boolean {
    const folded = foldText(text);
    if (folded === '') return false;
    const same = (label: string) => foldText(label) === folded;
    if (this.data.offered?.some((c) => same(c.label))) return false;
    const asking = this.latestCard?.asks;
    return (this.data.cards ?? [])
      .slice(0, -1)
      .some((c) => c.asks !== undefined && c.asks !== asking && (c.labels ?? []).some(same));
  }

  private rememberCard(card: SentCard): void {
    const cards = [...(this.data.cards ?? []), card];
    this.data.cards = cards.slice(-MAX_REMEMBERED_CARDS);
  }

  /** The session of a turn. */
  static of(context: TurnContext): TurnSession {
    const s = context.turnState.get(TurnSession.key) as TurnSession | undefined;
    if (!s) throw new Error('TurnSession missing: the root dialog creates it at the start of each turn');
    return s;
  }
}
