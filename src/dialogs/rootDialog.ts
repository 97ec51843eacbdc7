import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { CallSummaryBuilder } from './callSummaryBuilder';
import type { ConversationData } from './conversationData';
import { InterruptionDialog } from './interruptionDialog';
import { PathwayDialog } from './pathwayDialog';
import { ReplyBuilder } from './replyBuilder';
import { RouterDialog, type RouterOptions } from './routerDialog';
import type { TriageServices } from './triageServices';
import type { ReplySender } from './turnSession';

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
    super(RootDialog.id, services, replies, conversationData, sender);
    this.addDialog(new RouterDialog(services, replies));
    this.addDialog(new PathwayDialog(services, replies, new CallSummaryBuilder(services)));
    this.initialDialogId = RouterDialog.id;
  }

  /** Greets a new conversation with the welcome and its choices. */
  async greet(context: TurnContext): Promise<void> {
    const s = await this.openSession(context);
    s.telemetry.recognised = 'welcome';
    await s.send(this.replies.welcome(s));
  }

  protected override async restart(innerDc: DialogContext): Promise<DialogTurnResult> {
    return innerDc.beginDialog(RouterDialog.id, { quiet: true } satisfies RouterOptions);
  }
}
