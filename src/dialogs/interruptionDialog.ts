import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
import type { Command } from '../content/commandsSchema';
import { DispositionCode } from '../content/dispositionCode';
import type { Language } from '../content/language';
import { RedFlagKind } from '../content/redFlagsSchema';
import type { RedFlagHit } from '../safety/redFlagScreen';
import { isSharedConversation } from '../state/conversationScope';
import { foldText } from '../text/foldText';
import type { CallSummaryBuilder, PathwayProgress } from './callSummaryBuilder';
import { CardClick } from './cardClick';
import type { ConversationData } from './conversationData';
import { languageFromLocale } from './languageFromLocale';
import { PathwayDialog, type PathwayOptions, type PathwayState } from './pathwayDialog';
import { RECENT_EMERGENCY_REPLY, RED_FLAG_REPLIES } from './redFlagReplies';
import type { Reply } from './reply';
import type { ReplyBuilder } from './replyBuilder';
import type { TriageServices } from './triageServices';
import { type ReplySender, TurnSession } from './turnSession';

/** Default reply language when nothing else tells (the department is in Milan). */
export const DEFAULT_LANGUAGE: Language = 'it';

/** The locale a Teams activity's `clientInfo` entity carries (Teams events often have no `locale` of their own). */
function clientInfoLocale(entities: readonly { type?: string }[] | undefined): string | undefined {
  const info = entities?.find((e) => e.type === 'clientInfo') as { locale?: unknown } | undefined;
  return typeof info?.locale === 'string' ? info.locale : undefined;
}

/**
 * The one place where global interruptions are handled, before the normal flow, on every turn:
 * red flags (112 at once, with a crisis line for self-harm; a same-day call for an urgent sign; a supportive word
 * for low mood, after which the conversation goes on), help, start over, talk to a person, language switch and
 * "forget me"; a door's label while a pathway is under way (that pathway ends, saying so, and the door opens);
 * a click on an old card's button, which never answers the current question.
 * @remarks Subclasses add the normal flow as child dialogs; nothing else checks these words.
 */
export abstract class InterruptionDialog extends ComponentDialog {
  /** Pathway ids by their folded door label, in both languages. */
  private readonly doors: ReadonlyMap<string, string>;

  constructor(
    id: string,
    protected readonly services: TriageServices,
    protected readonly replies: ReplyBuilder,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
    private readonly sender: ReplySender,
    protected readonly summaries: CallSummaryBuilder,
  ) {
    super(id);
    this.doors = new Map(
      services.content.pathways.flatMap((p) => [
        [foldText(p.title.en), p.id] as const,
        [foldText(p.title.it), p.id] as const,
      ]),
    );
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
    // The words decide when they clearly say a language (Italian staff often run Teams in English); the
    // client's locale only when they do not ("liposarcoma?", "ok").
    const lang =
      data.chosenLanguage ??
      this.services.detectLanguage(text) ??
      languageFromLocale(activity.locale ?? clientInfoLocale(activity.entities)) ??
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
    delete data.welcomedAt;

    const flag = this.services.redFlags.check(activity.text ?? '');
    if (flag?.kind === RedFlagKind.LowMood) await this.support(s, flag);
    else if (flag?.kind === RedFlagKind.Urgent) return this.urgent(innerDc, s, flag);
    else if (flag) return this.emergency(innerDc, s, flag);

    if (idle) s.facts.clear();
    if (idle && innerDc.stack.length > 1) {
      await innerDc.cancelAllDialogs();
      await s.send({ text: this.replies.t('session.expired', lang) });
      s.telemetry.recognised = 'expired';
      return this.restartThenContinue(innerDc);
    }

    const command = this.services.commands.recognize(activity.text ?? '');
    if (command) return this.command(innerDc, s, command);
    const door = this.doors.get(foldText(activity.text ?? ''));
    if (door && innerDc.stack.some((d) => d.id === PathwayDialog.id)) {
      // A door's label (typed, or clicked on an old welcome) starts that guide afresh, ending the one under way.
      s.telemetry.recognised = `pathway-closed:${door}`;
      await innerDc.cancelAllDialogs();
      await s.send({ text: this.replies.t('pathway.closed', lang) });
      return this.restartThenContinue(innerDc);
    }
    return door ? undefined : this.staleClick(innerDc, s);
  }

  /**
   * A click on a card that is not the latest one sent to this person: it never answers the current question.
   * @remarks Old buttons stay clickable in Teams. A click on an earlier question's card, or on any card (another
   * person's, in a group chat) whose label is also one of the current choices, gets a kind note and the current
   * question again. After a pathway ended, an old answer button says so and offers the doors. Other old buttons
   * (follow-up questions) are read as if typed. Clicks whose card is not known are handled by their label in
   * {@link PathwayDialog} ({@link TurnSession.isEarlierQuestionLabel}).
   */
  private async staleClick(innerDc: DialogContext, s: TurnSession): Promise<DialogTurnResult | undefined> {
    const clicked = CardClick.of(innerDc.context);
    const latest = s.latestCard;
    if (!clicked || latest?.id === clicked) return undefined;
    const earlier = s.earlierCard(clicked);
    // The same question asked again (after an unclear answer, say): its earlier card still answers it.
    if (earlier?.asks !== undefined && earlier.asks === latest?.asks) return undefined;
    const folded = foldText(innerDc.context.activity.text ?? '');
    if (innerDc.activeDialog?.id === PathwayDialog.id) {
      const current = s.data.offered?.some((c) => foldText(c.label) === folded) ?? false;
      if (earlier?.asks === undefined && !current) return undefined;
      s.telemetry.recognised = 'stale-click';
      await s.send({ text: this.replies.t('click.stale', s.lang) });
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (earlier?.asks === undefined) return undefined;
    s.telemetry.recognised = 'stale-click';
    await s.send({
      text: this.replies.t('click.staleEnded', s.lang),
      choices: this.replies.welcome(s).choices,
    });
    return this.keepWaiting(innerDc);
  }

  /**
   * Screens an edited message (Teams `messageUpdate`) for red flags as if it were new: an edit that adds
   * "bleeding a lot and I feel faint" gets 112 at once and ends the pathway; any other edit changes nothing.
   * @param dc the bot's outer dialog context (the root dialog may be under way)
   */
  async screenEdit(dc: DialogContext): Promise<void> {
    const s = await this.openSession(dc.context);
    const text = dc.context.activity.text ?? '';
    const found = this.services.redFlags.check(text);
    const flag =
      found?.kind === RedFlagKind.Emergency || found?.kind === RedFlagKind.SelfHarm ? found : undefined;
    s.telemetry.recognised = flag ? `edit-red-flag:${flag.id}` : 'edit';
    if (!flag) return;
    s.telemetry.outcome = DispositionCode.Emergency112;
    const progress = dc.child ? this.progressOf(dc.child) : undefined;
    await dc.cancelAllDialogs();
    await s.send(...this.emergencyReplies(s, flag, text, progress));
  }

  /** Where the pathway under way stands (for a red-flag call summary), if one is. */
  private progressOf(innerDc: DialogContext): PathwayProgress | undefined {
    const instance = innerDc.stack.find((d) => d.id === PathwayDialog.id);
    const state = instance?.state as PathwayState | undefined;
    return state ? { pathwayId: state.pathwayId, nodeId: state.nodeId, answers: state.answers } : undefined;
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
    s.telemetry.outcome = DispositionCode.Emergency112;
    const progress = this.progressOf(innerDc);
    await innerDc.cancelAllDialogs();
    await s.send(...this.emergencyReplies(s, flag, innerDc.context.activity.text ?? '', progress));
    return this.restart(innerDc);
  }

  /**
   * The 112 instruction; for an operator, worded for the operator and followed by the red-flag call summary
   * (the words that raised the alarm, redacted, and the answers taken so far).
   */
  private emergencyReplies(
    s: TurnSession,
    flag: RedFlagHit,
    words: string,
    progress: PathwayProgress | undefined,
  ): Reply[] {
    const selfHarm = flag.kind === RedFlagKind.SelfHarm;
    const next = { choices: [{ label: this.replies.t('choice.startOver', s.lang) }] };
    const text = this.replies.t(this.redFlagKey(s, flag), s.lang);
    const emergency = { text, disposition: DispositionCode.Emergency112, safety: flag.kind };
    if (!s.operator) return [{ ...emergency, ...next }];
    const summary = this.summaries.redFlag(s, { selfHarm, words, progress });
    return [emergency, { text: summary.plainText, summary, ...next }];
  }

  /**
   * An urgent sign that is not an emergency (new or worse spinal pain with metastases): a same-day call, with the
   * booking line's live status, as the disposition `urgent-call-today`; the pathway in progress is left.
   */
  private async urgent(innerDc: DialogContext, s: TurnSession, flag: RedFlagHit): Promise<DialogTurnResult> {
    s.telemetry.recognised = `red-flag:${flag.id}`;
    if (flag.followUp) {
      // Its answer decides between a same-day call and 112, so the question comes before any advice.
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(PathwayDialog.id, {
        pathwayId: flag.followUp.pathway,
        startNode: flag.followUp.node,
        openingText: innerDc.context.activity.text ?? '',
      } satisfies PathwayOptions);
    }
    s.telemetry.outcome = DispositionCode.UrgentCallToday;
    await innerDc.cancelAllDialogs();
    await s.send({
      text: `${this.replies.t(this.redFlagKey(s, flag), s.lang)}\n\n${this.replies.bookingLine(s)}`,
      choices: [
        { label: this.replies.t('choice.startOver', s.lang) },
        { label: this.replies.t('choice.askQuestion', s.lang) },
      ],
      disposition: DispositionCode.UrgentCallToday,
      safety: flag.kind,
    });
    return this.restart(innerDc);
  }

  /** Low mood: a supportive word with the booking line; the turn then goes on as if it had not been interrupted. */
  private async support(s: TurnSession, flag: RedFlagHit): Promise<void> {
    s.telemetry.recognised = `red-flag:${flag.id}`;
    s.supportGiven = true;
    const text = this.replies.t(this.redFlagKey(s, flag), s.lang);
    await s.send({
      text: s.operator ? text : `${text}\n\n${this.replies.bookingLine(s)}`,
      safety: flag.kind,
    });
  }

  private redFlagKey(s: TurnSession, flag: RedFlagHit): string {
    const keys = flag.recent ? RECENT_EMERGENCY_REPLY : RED_FLAG_REPLIES[flag.kind];
    return s.operator ? keys.operator : keys.public;
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
        s.facts.clear();
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
        // In a group chat only the asker's own state was deleted; the chat's messages stay in Teams.
        await s.send({
          text: t(isSharedConversation(innerDc.context.activity) ? 'forget.doneShared' : 'forget.done'),
        });
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
