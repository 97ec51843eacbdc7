import { type Activity, ActivityTypes, type CloudAdapter, DeliveryModes, type TurnContext } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  type BotFrameworkAuthentication,
  ClaimsIdentity,
} from 'botframework-connector';
import { AudienceResolver } from '../../bot/audienceResolver';

/** What runs a turn: the bot. */
export interface TurnHandler {
  /** Handles one turn. */
  run(context: TurnContext): Promise<void>;
}

/**
 * Runs one turn of an operator's conversation through the bot's own CloudAdapter, with `expectReplies`,
 * and returns that turn's message replies.
 * @remarks Only the `/agent` API calls this, after checking the operator token, so the turn is marked
 * with {@link AudienceResolver.operatorGrant}. Built like the website chat's turns (`WebChatTurns`), which
 * never set that mark.
 */
export class OperatorTurnRunner {
  private readonly request: AuthenticateRequestResult;

  constructor(
    private readonly adapter: CloudAdapter,
    auth: BotFrameworkAuthentication,
    appId: string | undefined,
  ) {
    const claimsIdentity = appId
      ? new ClaimsIdentity(
          [
            { type: AuthenticationConstants.AudienceClaim, value: appId },
            { type: AuthenticationConstants.AppIdClaim, value: appId },
          ],
          true,
        )
      : new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
    this.request = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity,
      connectorFactory: auth.createConnectorFactory(claimsIdentity),
    };
  }

  /** Runs the activity as an operator's turn; resolves to the bot's message replies. */
  async run(activity: Partial<Activity>, bot: TurnHandler): Promise<Partial<Activity>[]> {
    // The turn context is revoked when the turn ends, so keep the buffer itself (the error handler adds to it too).
    let buffered: Partial<Activity>[] = [];
    const expecting = { ...activity, deliveryMode: DeliveryModes.ExpectReplies } as Activity;
    await this.adapter.processActivityDirect(this.request, expecting, async (context) => {
      buffered = context.bufferedReplyActivities;
      context.turnState.set(AudienceResolver.operatorGrant, true);
      await bot.run(context);
    });
    return buffered
      .filter((a) => a.type === ActivityTypes.Message)
      .map((a) => ({
        type: ActivityTypes.Message,
        text: a.text,
        locale: a.locale,
        suggestedActions: a.suggestedActions,
        attachments: a.attachments,
      }));
  }
}
