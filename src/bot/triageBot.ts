import {
  ActivityTypes,
  type BotState,
  type StatePropertyAccessor,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import type { DialogContext, DialogState } from 'botbuilder-dialogs';
// Deep paths: the package's main entry also loads its text recognisers (~0.3 s and ~40 MB at start-up), unused here.
import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
import type { Logger } from 'pino';
import { readCardMark } from '../channels/teamsCardMark';
import { CardClick } from '../dialogs/cardClick';
import { DialogStateConfiguration } from '../dialogs/dialogStateConfiguration';
import type { RootDialog } from '../dialogs/rootDialog';
import { TurnSession } from '../dialogs/turnSession';
import { isSharedConversation } from '../state/conversationScope';
import type { AudienceResolver } from './audienceResolver';

/** Turn-state flag set when the user's data was deleted this turn, so nothing is saved again. */
export const FORGOTTEN = Symbol('forgotten');

/**
 * The thin bot: decides the turn's audience, runs the root dialog for messages, welcomes people, saves
 * state at the end of each turn and logs one line per turn (never the message text).
 * @remarks Messages go straight to the dialogs; other activities (members added, Teams events) go through the
 * activity handler's dispatch, whose half-dozen nested async steps were a twentieth of a turn's CPU.
 *
 * A person is welcomed in a personal chat (opened, or the app installed there); a group chat or team the bot is
 * added to gets a short introduction once, never the welcome, and people joining it later get nothing. Removing
 * the app deletes what was stored for that person. An edited message (`messageUpdate`) is screened for red flags.
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
      const added = context.activity.membersAdded ?? [];
      if (isSharedConversation(context.activity)) {
        const bot = context.activity.recipient?.id;
        if (added.some((m) => m.id === bot)) await this.withDialogs(context, (dc) => this.root.introduce(dc));
      } else if (added.length > 0) await this.withDialogs(context, (dc) => this.root.welcome(dc));
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      // An upgrade to a new app version ("add-upgrade") is no new arrival: nothing is said and nothing ends.
      if (context.activity.action === 'add') {
        await this.withDialogs(context, (dc) =>
          isSharedConversation(context.activity) ? this.root.introduce(dc) : this.root.welcome(dc),
        );
      }
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      for (const state of this.states) await state.delete(context);
      context.turnState.set(FORGOTTEN, true);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const started = this.clock();
    await this.audience.apply(context);
    if (context.activity.type === ActivityTypes.Message) await this.message(context);
    else if (context.activity.type === ActivityTypes.MessageUpdate) await this.edited(context);
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
    await this.withDialogs(context, async (dc) => {
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.root.id);
    });
  }

  /** An edited message: screened for red flags like a new one (nothing else is answered again). */
  private async edited(context: TurnContext): Promise<void> {
    normaliseInput(context);
    await this.withDialogs(context, (dc) => this.root.screenEdit(dc));
  }

  /** Runs `work` with the turn's dialog context. */
  private async withDialogs(
    context: TurnContext,
    work: (dc: DialogContext) => Promise<unknown>,
  ): Promise<void> {
    this.dialogMemory.applyTo(context);
    await work(await this.dialogs.createContext(context));
  }
}

/**
 * Takes the answer from card submissions, notes which card a click came from (the button's data, or the mark at the
 * end of its Teams imBack text) and strips the bot's @mention in Teams channels and group chats.
 */
function normaliseInput(context: TurnContext): void {
  const activity = context.activity;
  if (activity.channelId === 'msteams') TurnContext.removeRecipientMention(activity);
  const value =
    activity.value && typeof activity.value === 'object' ? (activity.value as Record<string, unknown>) : {};
  if ((activity.text ?? '').trim() === '') {
    const picked = value.choice ?? value.text;
    if (typeof picked === 'string') activity.text = picked;
  }
  if (typeof activity.text === 'string') {
    const { text, cardId } = readCardMark(activity.text.trimEnd());
    const card = cardId ?? (typeof value.card === 'string' ? value.card : undefined);
    if (card) context.turnState.set(CardClick.key, card);
    activity.text = text.replace(/\s+/g, ' ').trim();
  }
}
