import {
  ActivityTypes,
  type BotState,
  type StatePropertyAccessor,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
// Deep paths: the package's main entry also loads its text recognisers (~0.3 s and ~40 MB at start-up), unused here.
import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
import type { Logger } from 'pino';
import { DialogStateConfiguration } from '../dialogs/dialogStateConfiguration';
import type { RootDialog } from '../dialogs/rootDialog';
import type { AudienceResolver } from './audienceResolver';
import { TurnSession } from '../dialogs/turnSession';

/** Turn-state flag set when the user's data was deleted this turn, so nothing is saved again. */
export const FORGOTTEN = Symbol('forgotten');

/**
 * The thin bot: decides the turn's audience, runs the root dialog for messages, greets new members, saves
 * state at the end of each turn and logs one line per turn (never the message text).
 * @remarks Messages go straight to the dialogs; other activities (members added, Teams events) go through the
 * activity handler's dispatch, whose half-dozen nested async steps were a twentieth of a turn's CPU.
 *
 * The root dialog runs through a `DialogSet` built once, as in the Bot Framework samples, not through
 * `runDialog`: that helper also loads and saves every memory scope and sends a "Bot State" trace with a snapshot
 * of the turn (the visitor's message included) on every turn, which `expectReplies` callers receive in the
 * response body. The bot uses none of it, and it was about a tenth of a turn's CPU (bench/results.md).
 */
export class TriageBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogMemory = new DialogStateConfiguration();

  constructor(
    private readonly root: RootDialog,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly states: readonly BotState[],
    private readonly logger: Logger,
    private readonly audience: AudienceResolver,
    private readonly clock: () => number = () => performance.now(),
  ) {
    super();
    this.dialogs = new DialogSet(this.dialogState).add(this.root);
    this.onMembersAdded(async (context, next) => {
      const recipient = context.activity.recipient?.id;
      const someoneElse = (context.activity.membersAdded ?? []).some((m) => m.id !== recipient);
      if (someoneElse) await this.root.greet(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const started = this.clock();
    await this.audience.apply(context);
    if (context.activity.type === ActivityTypes.Message) await this.message(context);
    else await super.run(context);
    if (!context.turnState.get(FORGOTTEN)) {
      for (const state of this.states) await state.saveChanges(context, false);
    }
    const session = context.turnState.get(TurnSession.key) as TurnSession | undefined;
    this.logger.info(
      {
        channel: context.activity.channelId,
        activityType: context.activity.type,
        locale: context.activity.locale,
        lang: session?.lang,
        mode: session?.data.mode,
        recognised: session?.telemetry.recognised,
        outcome: session?.telemetry.outcome,
        durationMs: Math.round((this.clock() - started) * 10) / 10,
      },
      'turn',
    );
  }

  /** A message: the root dialog continues, or begins when nothing is running. */
  private async message(context: TurnContext): Promise<void> {
    normaliseInput(context);
    this.dialogMemory.applyTo(context);
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.root.id);
  }
}

/** Takes the answer from card submissions and strips the bot's @mention in Teams channels and group chats. */
function normaliseInput(context: TurnContext): void {
  const activity = context.activity;
  if (activity.channelId === 'msteams') TurnContext.removeRecipientMention(activity);
  if ((activity.text ?? '').trim() === '' && activity.value && typeof activity.value === 'object') {
    const value = activity.value as Record<string, unknown>;
    const picked = value.choice ?? value.text;
    if (typeof picked === 'string') activity.text = picked;
  }
  if (typeof activity.text === 'string') activity.text = activity.text.replace(/\s+/g, ' ').trim();
}
