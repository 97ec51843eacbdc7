import { type Activity, ActivityTypes, type CloudAdapter, type TurnContext } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  type BotFrameworkAuthentication,
  ClaimsIdentity,
} from 'botframework-connector';

/** What runs a turn: the bot. */
export interface TurnHandler {
  /** Handles one turn. */
  run(context: TurnContext): Promise<void>;
}

/**
 * Runs turns that arrived through our own authenticated endpoints (the website chat, the operator page) through
 * the bot's CloudAdapter with `expectReplies`, and returns the turn's message replies.
 * @remarks There is no Bot Framework JWT on these turns: the endpoint has already checked its own token, so the
 * identity is the bot's own (or anonymous in local mode) and the outbound connector is never used.
 */
export class DirectTurnRunner {
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

  /**
   * Runs one turn; `prepare` may mark the turn context before the bot sees it. Resolves to the message replies.
   * @remarks The activity must ask for `expectReplies`, so the adapter buffers the replies instead of posting them.
   */
  async run(
    activity: Activity,
    bot: TurnHandler,
    prepare: (context: TurnContext) => void = () => undefined,
  ): Promise<Partial<Activity>[]> {
    // The turn context is revoked when the turn ends: keep its reply buffer (an ordinary array), which the
    // turn-error handler also writes to.
    let buffered: Partial<Activity>[] = [];
    await this.adapter.processActivityDirect(this.request, activity, async (context) => {
      buffered = context.bufferedReplyActivities;
      prepare(context);
      await bot.run(context);
    });
    return buffered.filter((a) => a.type === ActivityTypes.Message);
  }
}
