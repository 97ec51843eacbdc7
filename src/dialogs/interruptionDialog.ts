import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
import type { Command } from '../content/commandsSchema';
import { DispositionCode } from '../content/dispositionCode';
import type { Language } from '../content/language';
import { RedFlagKind } from '../content/redFlagsSchema';
import type { RedFlagHit } from '../safety/redFlagScreen';
import type { ConversationData } from './conversationData';
import { languageFromLocale } from './languageFromLocale';
import type { ReplyBuilder } from './replyBuilder';
import type { TriageServices } from './triageServices';
import { type ReplySender, TurnSession } from './turnSession';

/** Default reply language when nothing else tells (the department is in Milan). */
export const DEFAULT_LANGUAGE: Language = 'it';

/**
 * The one place where global interruptions are handled, before the normal flow, on every turn:
 * red flags (112 at once), help, start over, talk to a person, language switch and "forget me".
 * @remarks Subclasses add the normal flow as child dialogs; nothing else checks these words.
 */
export abstract class InterruptionDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly services: TriageServices,
    protected readonly replies: ReplyBuilder,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly sender: ReplySender,
  ) {
    super(id);
  }

  /** Begins the quiet bottom dialog again after the stack was cleared. */
  protected abstract restart(innerDc: DialogContext): Promise<DialogTurnResult>;

  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: object,
  ): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  /** Reads the turn's language, audience and stored data, and shares them through `turnState`. */
  async openSession(context: TurnContext): Promise<TurnSession> {
    const existing = context.turnState.get(TurnSession.key) as TurnSession | undefined;
    if (existing) return existing;
    const activity = context.activity;
    const data = await this.conversationData.get(context, {});
    const text = (activity.text ?? '').trim();
    const lang =
      data.chosenLanguage ??
      languageFromLocale(activity.locale) ??
      this.services.detectLanguage(text) ??
      data.lastLanguage ??
      DEFAULT_LANGUAGE;
    const zone = (activity as { localTimezone?: unknown }).localTimezone;
    const s = new TurnSession(
      context,
      data,
      lang,
      typeof zone === 'string' ? zone : undefined,
      this.sender,
      {},
    );
    context.turnState.set(TurnSession.key, s);
    return s;
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const activity = innerDc.context.activity;
    const s = await this.openSession(innerDc.context);
    const { data, lang } = s;
    const text = (activity.text ?? '').trim();

    // A number or label picks one of the choices offered last turn.
    const picked = /^\d{1,2}$/.test(text) ? data.offered?.[Number(text) - 1] : undefined;
    if (picked) activity.text = picked.value;

    const idle = this.isIdle(data);
    data.lastSeenAt = this.services.now().toISOString();

    const flag = this.services.redFlags.check(activity.text ?? '');
    if (flag) return this.emergency(innerDc, s, flag);

    if (idle && innerDc.stack.length > 1) {
      await innerDc.cancelAllDialogs();
      await s.send({ text: this.replies.t('session.expired', lang) });
      s.telemetry.recognised = 'expired';
      return this.restartThenContinue(innerDc);
    }

    const command = this.services.commands.recognize(activity.text ?? '');
    return command ? this.command(innerDc, s, command) : undefined;
  }

  private isIdle(data: ConversationData): boolean {
    if (!data.lastSeenAt) return false;
    const last = Date.parse(data.lastSeenAt);
    return Number.isFinite(last) && this.services.now().getTime() - last > this.services.idleMinutes * 60_000;
  }

  private async emergency(
    innerDc: DialogContext,
    s: TurnSession,
    flag: RedFlagHit,
  ): Promise<DialogTurnResult> {
    s.telemetry.recognised = `red-flag:${flag.id}`;
    s.telemetry.outcome = 'emergency-112';
    await innerDc.cancelAllDialogs();
    const selfHarm = flag.kind === RedFlagKind.SelfHarm;
    const key = s.operator
      ? selfHarm
        ? 'emergency.operatorSelfHarm'
        : 'emergency.operator'
      : selfHarm
        ? 'emergency.selfHarm'
        : 'emergency.redFlag';
    await s.send({
      text: this.replies.t(key, s.lang),
      choices: [{ label: this.replies.t('choice.startOver', s.lang) }],
      disposition: DispositionCode.Emergency112,
    });
    return this.restart(innerDc);
  }

  private async command(innerDc: DialogContext, s: TurnSession, command: Command): Promise<DialogTurnResult> {
    s.telemetry.recognised = `command:${command}`;
    const t = (key: string) => this.replies.t(key, s.lang);
    switch (command) {
      case 'help': {
        const help = t(s.operator ? 'help.operator' : 'help.text');
        if (innerDc.stack.length > 1) {
          await s.send({ text: help });
          await innerDc.repromptDialog();
        } else {
          // The help says what the welcome would (and 112): only its question and choices follow.
          const prompt = s.operator ? '' : `\n\n${t('welcome.prompt')}`;
          await s.send({ text: help + prompt, choices: this.replies.welcomeChoices(s.lang) });
        }
        return this.keepWaiting(innerDc);
      }
      case 'startOver':
        await innerDc.cancelAllDialogs();
        await s.send({ text: t('startOver.done') }, this.replies.welcome(s));
        return this.restart(innerDc);
      case 'talkToPerson':
        await s.send({
          text: `${t(s.operator ? 'person.operator' : 'person.text')}\n\n${this.replies.bookingLine(s)}`,
          choices: [{ label: t('choice.startOver') }],
        });
        return this.keepWaiting(innerDc);
      case 'english':
      case 'italian':
        s.data.chosenLanguage = command === 'english' ? 'en' : 'it';
        s.lang = s.data.chosenLanguage;
        await s.send({ text: t('language.switched') });
        if (innerDc.stack.length > 1) await innerDc.repromptDialog();
        else await s.send(this.replies.welcome(s));
        return this.keepWaiting(innerDc);
      case 'forgetMe':
        await innerDc.cancelAllDialogs();
        await this.services.forget(innerDc.context);
        await s.send({ text: t('forget.done') });
        return { status: DialogTurnStatus.complete };
    }
  }

  /** Ends the turn with the conversation still open: the router is put back when the stack is empty. */
  private async keepWaiting(innerDc: DialogContext): Promise<DialogTurnResult> {
    return innerDc.stack.length === 0 ? this.restart(innerDc) : { status: DialogTurnStatus.waiting };
  }

  private async restartThenContinue(innerDc: DialogContext): Promise<DialogTurnResult> {
    await this.restart(innerDc);
    return innerDc.continueDialog();
  }
}
