import type { StatePropertyAccessor } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { CallSummaryBuilder } from './callSummaryBuilder';
import type { ConversationData } from './conversationData';
import { InterruptionDialog } from './interruptionDialog';
import { PathwayDialog } from './pathwayDialog';
import { ReplyBuilder } from './replyBuilder';
import { RouterDialog, type RouterOptions } from './routerDialog';
import type { TriageServices } from './triageServices';
import type { ReplySender, TurnSession } from './turnSession';

/**
 * How long after a welcome another install or members-added event is taken as the same arrival: Teams sends an
 * `installationUpdate` and a `conversationUpdate` for one install, and the person should be welcomed once.
 */
export const WELCOME_REPEAT_MS = 2 * 60_000;

/** The bot's root dialog: interruptions first, then the router with pathways on top of it. */
export class RootDialog extends InterruptionDialog {
  /** Dialog id. */
  static readonly id = 'root';

  constructor(
    services: TriageServices,
    conversationData: StatePropertyAccessor<ConversationData>,
    sender: ReplySender,
  ) {
    const replies = new ReplyBuilder(services);
    const summaries = new CallSummaryBuilder(services);
    super(RootDialog.id, services, replies, conversationData, sender, summaries);
    this.addDialog(new RouterDialog(services, replies));
    this.addDialog(new PathwayDialog(services, replies, summaries));
    this.initialDialogId = RouterDialog.id;
  }

  /**
   * Welcomes a person who installed the bot or opened a personal chat with it. A pathway still under way (from
   * before a reinstall, say) ends first, and the welcome says so: its question is no longer on screen.
   * @param dc the bot's outer dialog context
   */
  async welcome(dc: DialogContext): Promise<void> {
    const s = await this.openSession(dc.context);
    if (this.justWelcomed(s)) return;
    const ended = await this.endPathway(dc);
    s.telemetry.recognised = 'welcome';
    s.data.welcomedAt = this.services.now().toISOString();
    const note = ended ? [{ text: this.replies.t('pathway.closed', s.lang) }] : [];
    await s.send(...note, this.replies.welcome(s));
  }

  /**
   * Introduces the bot, once, to a group chat or a team it was added to: a short note on how to use it there, never
   * the personal welcome (people joining later get nothing; each is welcomed in their personal chat).
   * @param dc the bot's outer dialog context
   */
  async introduce(dc: DialogContext): Promise<void> {
    const s = await this.openSession(dc.context);
    if (this.justWelcomed(s)) return;
    await this.endPathway(dc);
    s.telemetry.recognised = 'introduction';
    s.data.welcomedAt = this.services.now().toISOString();
    await s.send({ text: this.replies.t('shared.intro', s.lang), everyone: true });
  }

  protected override async restart(innerDc: DialogContext): Promise<DialogTurnResult> {
    return innerDc.beginDialog(RouterDialog.id, { quiet: true } satisfies RouterOptions);
  }

  /** True when this person was welcomed moments ago and has not written since (the same install's second event). */
  private justWelcomed(s: TurnSession): boolean {
    const at = s.data.welcomedAt ? Date.parse(s.data.welcomedAt) : Number.NaN;
    return Number.isFinite(at) && this.services.now().getTime() - at < WELCOME_REPEAT_MS;
  }

  /** Ends whatever is under way; true when that included a pathway. */
  private async endPathway(dc: DialogContext): Promise<boolean> {
    const inPathway = dc.child?.stack.some((d) => d.id === PathwayDialog.id) ?? false;
    if (dc.stack.length > 0) await dc.cancelAllDialogs();
    return inPathway;
  }
}
