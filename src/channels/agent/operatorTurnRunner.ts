import { type Activity, ActivityTypes, type CloudAdapter, DeliveryModes } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import { AudienceResolver } from '../../bot/audienceResolver';
import { DirectTurnRunner, type TurnHandler } from '../directTurn';

export type { TurnHandler } from '../directTurn';

/**
 * Runs one turn of an operator's conversation through the bot's own CloudAdapter, with `expectReplies`,
 * and returns that turn's message replies.
 * @remarks Only the `/agent` API calls this, after checking the operator token, so the turn is marked
 * with {@link AudienceResolver.operatorGrant}. Built like the website chat's turns (`WebChatTurns`), which
 * never set that mark.
 */
export class OperatorTurnRunner {
  private readonly turns: DirectTurnRunner;

  constructor(adapter: CloudAdapter, auth: BotFrameworkAuthentication, appId: string | undefined) {
    this.turns = new DirectTurnRunner(adapter, auth, appId);
  }

  /** Runs the activity as an operator's turn; resolves to the bot's message replies. */
  async run(activity: Partial<Activity>, bot: TurnHandler): Promise<Partial<Activity>[]> {
    const expecting = { ...activity, deliveryMode: DeliveryModes.ExpectReplies } as Activity;
    const replies = await this.turns.run(expecting, bot, (context) =>
      context.turnState.set(AudienceResolver.operatorGrant, true),
    );
    return replies.map((a) => ({
      type: ActivityTypes.Message,
      text: a.text,
      locale: a.locale,
      suggestedActions: a.suggestedActions,
      attachments: a.attachments,
      // The disposition code, as on /api/messages (the page ignores it; tools reading the API do not).
      ...(a.channelData?.triage ? { channelData: { triage: a.channelData.triage } } : {}),
    }));
  }
}
