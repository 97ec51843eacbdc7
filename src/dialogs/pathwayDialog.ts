import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from 'botbuilder-dialogs/lib/dialog';
import type { LocalizedText } from '../content/language';
import {
  ABOUT_FACT,
  type DispositionNode,
  type Pathway,
  type PathwayNode,
  type QuestionNode,
  RELATIVE_CHOICE_ID,
  UNSURE_CHOICE_ID,
} from '../content/pathwaySchema';
import { foldText } from '../text/foldText';
import { AnswerKind } from './answerReader';
import { ConfidenceBand } from '../knowledge/confidenceBand';
import { QuestionOutcome, type Reply, type ReplyMatch } from './reply';
import type { ReplyBuilder } from './replyBuilder';
import type { CallSummaryBuilder } from './callSummaryBuilder';
import { operatorNote } from './operatorNote';
import type { TriageServices } from './triageServices';
import { TurnSession } from './turnSession';

/** Options to begin a pathway. */
export interface PathwayOptions {
  /** Which pathway. */
  readonly pathwayId: string;
  /** The free-text message that started it, read for the answers it already gives (never a button's label). */
  readonly openingText?: string;
  /** The node to begin at instead of the pathway's start (a red flag's follow-up question). */
  readonly startNode?: string;
}

/** One answered question, kept for the call summary. */
export interface PathwayAnswer {
  /** Question node id. */
  readonly nodeId: string;
  /** Choice id picked. */
  readonly choiceId: string;
  /** What the operator typed, when it says more than the choice (redacted), for the call summary. */
  readonly note?: string;
  /** True when the question was not asked: the person had already said it. */
  readonly known?: boolean;
}

/** The pathway's place, kept in dialog state. */
export interface PathwayState {
  /** Which pathway. */
  pathwayId: string;
  /** Content version of the pathway when it began. */
  version: string;
  /** The question being asked. */
  nodeId: string;
  /** Unclear answers to the current question. */
  misses: number;
  /** Answers so far. */
  answers: PathwayAnswer[];
}

/** What a finished pathway returns to its parent. */
export interface PathwayResult {
  /** The disposition code reached. */
  readonly code: string;
}

/** Unclear answers to one question before help and the booking line are offered. */
export const MAX_MISSES = 2;

/** The parts of a node said to the person, in the three voices. */
interface Voiced {
  readonly text: LocalizedText;
  readonly relativeText?: LocalizedText;
  readonly operatorText: LocalizedText;
}

/**
 * Walks any pathway tree from content: asks its questions, reads answers by meaning and ends in a disposition.
 * @remarks A question whose `fact` the person already told (in the message that opened the pathway, or an answer
 * to an earlier pathway in this conversation) is not asked again: the reply says what was taken. When a relative
 * writes (fact `about` = `relative`), nodes speak with their `relativeText`. The tree's content version is kept
 * in state; a conversation whose pathway changed since the last turn is restarted with a short explanation
 * instead of failing on a node that no longer exists.
 */
export class PathwayDialog extends Dialog<PathwayOptions> {
  /** Dialog id. */
  static readonly id = 'pathway';

  private readonly pathways: ReadonlyMap<string, Pathway>;
  /** Each question's `pathway/node` key, which its cards carry (so old cards of other questions are told apart). */
  private readonly questionKeys = new WeakMap<QuestionNode, string>();

  constructor(
    private readonly services: TriageServices,
    private readonly replies: ReplyBuilder,
    private readonly summaries: CallSummaryBuilder,
  ) {
    super(PathwayDialog.id);
    this.pathways = new Map(services.content.pathways.map((p) => [p.id, p]));
    for (const p of services.content.pathways)
      for (const [id, node] of Object.entries(p.nodes))
        if (node.type === 'question') this.questionKeys.set(node, `${p.id}/${id}`);
  }

  override async beginDialog(dc: DialogContext, options?: PathwayOptions): Promise<DialogTurnResult> {
    const pathway = options ? this.pathways.get(options.pathwayId) : undefined;
    if (!pathway) return dc.endDialog();
    const s = TurnSession.of(dc.context);
    s.telemetry.recognised = `pathway:${pathway.id}`;
    const state: PathwayState = {
      pathwayId: pathway.id,
      version: this.services.content.versions.pathways[pathway.id] ?? '',
      nodeId: options?.startNode && pathway.nodes[options.startNode] ? options.startNode : pathway.start,
      misses: 0,
      answers: [],
    };
    dc.activeDialog!.state = state;
    if (options?.openingText) {
      for (const [fact, choiceId] of this.services.answers.readOpening(options.openingText, pathway))
        s.facts.set(fact, choiceId);
    }
    const lead: Reply[] = [];
    if (!s.data.disclaimerShown && !s.operator) {
      s.data.disclaimerShown = true;
      lead.push({ text: this.replies.t('disclaimer.notDiagnosis', s.lang) });
    }
    return this.advance(dc, pathway, state, lead, {
      outcome: QuestionOutcome.PathwayStarted,
      pathway: pathway.id,
    });
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const s = TurnSession.of(dc.context);
    const state = dc.activeDialog!.state as PathwayState;
    const pathway = this.pathways.get(state.pathwayId);
    const current = this.services.content.versions.pathways[state.pathwayId];
    if (!pathway || current !== state.version || !pathway.nodes[state.nodeId]) {
      s.telemetry.recognised = 'pathway-restarted';
      await s.send({ text: this.replies.t('pathway.changed', s.lang) });
      if (!pathway) return dc.endDialog();
      state.version = current ?? '';
      state.nodeId = pathway.start;
      state.answers = [];
      state.misses = 0;
      return this.advance(dc, pathway, state, []);
    }
    const node = pathway.nodes[state.nodeId] as QuestionNode;
    const text = dc.context.activity.text ?? '';
    const reading = this.services.answers.read(text, node);
    const choice = reading.choice;
    if (reading.kind === AnswerKind.Choice && choice) {
      s.telemetry.recognised = `answer:${node.choices.indexOf(choice) + 1}`;
      const note = s.operator ? operatorNote(text, choice) : undefined;
      state.answers.push({ nodeId: state.nodeId, choiceId: choice.id, ...(note ? { note } : {}) });
      // A hedge is not a fact: a later pathway asks again.
      if (node.fact && choice.id !== UNSURE_CHOICE_ID) s.facts.set(node.fact, choice.id);
      state.nodeId = choice.next;
      state.misses = 0;
      return this.advance(dc, pathway, state, []);
    }
    if (reading.kind === AnswerKind.Unclear) {
      // A knowledge question asked mid-pathway is answered, then the question is asked again.
      const match = this.services.matcher.match(text, s.lang);
      const best = match.candidates[0];
      if (
        match.band === ConfidenceBand.High &&
        best?.kind === 'entry' &&
        foldText(text).split(' ').length >= 2
      ) {
        const entry = this.services.content.entries.find((e) => e.id === best.id);
        if (entry) {
          s.telemetry.recognised = `entry:${entry.id}`;
          const answer = this.replies.answer(entry, s);
          await s.send({ text: answer.text }, this.question(node, s, 'pathway.resume'));
          return Dialog.EndOfTurn;
        }
      }
      // After a word of support for low mood, the question comes back gently, without counting a miss.
      if (s.supportGiven) {
        await s.send(this.question(node, s, 'pathway.resume'));
        return Dialog.EndOfTurn;
      }
    }
    if (s.isEarlierQuestionLabel(text)) {
      // A button of an earlier question's card (the channel sent back only its label): not an answer to this one.
      s.telemetry.recognised = 'stale-click';
      await s.send(this.question(node, s, 'click.stale'));
      return Dialog.EndOfTurn;
    }
    state.misses += 1;
    s.telemetry.recognised = `unclear-answer${reading.kind === AnswerKind.Unclear ? '' : `:${reading.kind}`}`;
    const why =
      reading.kind === AnswerKind.Hedge
        ? this.replies.t('pathway.hedge', s.lang)
        : reading.kind === AnswerKind.SizeUnclear
          ? this.replies.t('pathway.sizeUnclear', s.lang, { threshold: node.measure?.threshold ?? '' })
          : undefined;
    if (state.misses >= MAX_MISSES) {
      state.misses = 0;
      const stuckText = this.replies.t(s.operator ? 'pathway.stuckOperator' : 'pathway.stuck', s.lang);
      const stuck = `${stuckText}\n\n${this.replies.bookingLine(s)}`;
      await s.send({ text: why ? `${why}\n\n${stuck}` : stuck }, this.question(node, s));
    } else if (why) {
      await s.send({ text: why }, this.question(node, s));
    } else {
      await s.send(this.question(node, s, 'pathway.unclear'));
    }
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(
    context: import('botbuilder').TurnContext,
    instance: import('botbuilder-dialogs').DialogInstance,
  ): Promise<void> {
    const s = TurnSession.of(context);
    const state = instance.state as PathwayState;
    const node = this.pathways.get(state.pathwayId)?.nodes[state.nodeId];
    if (node?.type === 'question') await s.send(this.question(node, s));
  }

  /**
   * Moves through information nodes, and questions the person already answered, to the next question or
   * disposition and says it (with a short list of the answers taken from what they said).
   */
  private async advance(
    dc: DialogContext,
    pathway: Pathway,
    state: PathwayState,
    lead: Reply[],
    started?: ReplyMatch,
  ): Promise<DialogTurnResult> {
    const s = TurnSession.of(dc.context);
    const out = [...lead];
    const send = async (replies: Reply[]): Promise<void> => {
      const last = replies[replies.length - 1];
      if (started && last) replies[replies.length - 1] = { ...last, match: started };
      await s.send(...replies);
    };
    const noted: string[] = [];
    let node: PathwayNode | undefined = pathway.nodes[state.nodeId];
    while (node?.type === 'info' || (node?.type === 'question' && this.known(node, s))) {
      if (node.type === 'info') {
        out.push({ text: this.voice(node, s) });
        state.nodeId = node.next;
      } else {
        const choice = this.known(node, s)!;
        noted.push(`- ${this.voice(node, s, false)} — ${choice.label[s.lang]}`);
        state.answers.push({ nodeId: state.nodeId, choiceId: choice.id, known: true });
        state.nodeId = choice.next;
      }
      node = pathway.nodes[state.nodeId];
    }
    if (noted.length > 0)
      out.push({ text: `${this.replies.t('pathway.noted', s.lang)}\n\n${noted.join('\n')}` });
    if (!node) return dc.endDialog();
    if (node.type === 'question') {
      out.push(this.question(node, s));
      await send(out);
      return Dialog.EndOfTurn;
    }
    out.push(...this.disposition(node, pathway, state, s));
    s.telemetry.outcome = node.code;
    await send(out);
    return dc.endDialog({ code: node.code } satisfies PathwayResult);
  }

  /** The choice the person already gave for this question's fact, if any. */
  private known(node: QuestionNode, s: TurnSession) {
    const id = node.fact ? s.facts.get(node.fact) : undefined;
    return id === undefined ? undefined : node.choices.find((c) => c.id === id);
  }

  /**
   * A node's text in the voice of this conversation: the operator's script, the third person when a relative
   * writes for the patient (and the node has one), or the patient's.
   */
  private voice(node: Voiced, s: TurnSession, operatorVoice = true): string {
    if (s.operator && operatorVoice) return node.operatorText[s.lang];
    if (node.relativeText && s.facts.get(ABOUT_FACT) === RELATIVE_CHOICE_ID) return node.relativeText[s.lang];
    return node.text[s.lang];
  }

  private question(node: QuestionNode, s: TurnSession, preface?: string): Reply {
    const prefix = preface ? `${this.replies.t(preface, s.lang)}\n\n` : '';
    return {
      text: prefix + this.voice(node, s),
      choices: node.choices.map((c) => ({ label: c.label[s.lang] })),
      asks: this.questionKeys.get(node),
    };
  }

  private disposition(node: DispositionNode, pathway: Pathway, state: PathwayState, s: TurnSession): Reply[] {
    const lang = s.lang;
    const parts = [this.voice(node, s)];
    if (node.bring[lang].length > 0) {
      parts.push(
        // A Markdown list (blank line first), which Web Chat and Teams render as bullets and plain channels show as lines.
        `${this.replies.t(s.operator ? 'disposition.bringOperator' : 'disposition.bring', lang)}\n\n${node.bring[lang].map((b) => `- ${b}`).join('\n')}`,
      );
    }
    parts.push(this.replies.bookingLine(s));
    const next = {
      choices: [
        { label: this.replies.t('choice.startOver', lang) },
        { label: this.replies.t('choice.askQuestion', lang) },
      ],
    };
    const disposition = node.code;
    if (!s.operator) return [{ text: parts.join('\n\n'), disposition, ...next }];
    const summary = this.summaries.build(pathway, state.answers, node, s);
    return [
      { text: parts.join('\n\n'), disposition },
      { text: summary.plainText, summary, ...next },
    ];
  }
}
