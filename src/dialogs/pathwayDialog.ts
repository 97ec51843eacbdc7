import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from 'botbuilder-dialogs/lib/dialog';
import { DISPOSITION_URGENCY } from '../content/dispositionCode';
import type { Language } from '../content/language';
import type { DispositionNode, Pathway, PathwayNode, QuestionNode } from '../content/pathwaySchema';
import { foldText } from '../text/foldText';
import { interpretChoice } from './choiceInterpreter';
import { ConfidenceBand } from '../knowledge/confidenceBand';
import type { Reply } from './reply';
import type { ReplyBuilder } from './replyBuilder';
import type { CallSummaryBuilder } from './callSummaryBuilder';
import type { TriageServices } from './triageServices';
import { TurnSession } from './turnSession';

/** Options to begin a pathway. */
export interface PathwayOptions {
  /** Which pathway. */
  readonly pathwayId: string;
}

/** One answered question, kept for the call summary. */
export interface PathwayAnswer {
  /** Question node id. */
  readonly nodeId: string;
  /** Choice id picked. */
  readonly choiceId: string;
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

/**
 * Walks any pathway tree from content: asks its questions, interprets answers and ends in a disposition.
 * @remarks The tree's content version is kept in state; a conversation whose pathway changed since the
 * last turn is restarted with a short explanation instead of failing on a node that no longer exists.
 */
export class PathwayDialog extends Dialog<PathwayOptions> {
  /** Dialog id. */
  static readonly id = 'pathway';

  private readonly pathways: ReadonlyMap<string, Pathway>;

  constructor(
    private readonly services: TriageServices,
    private readonly replies: ReplyBuilder,
    private readonly summaries: CallSummaryBuilder,
  ) {
    super(PathwayDialog.id);
    this.pathways = new Map(services.content.pathways.map((p) => [p.id, p]));
  }

  override async beginDialog(dc: DialogContext, options?: PathwayOptions): Promise<DialogTurnResult> {
    const pathway = options ? this.pathways.get(options.pathwayId) : undefined;
    if (!pathway) return dc.endDialog();
    const s = TurnSession.of(dc.context);
    s.telemetry.recognised = `pathway:${pathway.id}`;
    const state: PathwayState = {
      pathwayId: pathway.id,
      version: this.services.content.versions.pathways[pathway.id] ?? '',
      nodeId: pathway.start,
      misses: 0,
      answers: [],
    };
    dc.activeDialog!.state = state;
    const lead: Reply[] = [];
    if (!s.data.disclaimerShown && !s.operator) {
      s.data.disclaimerShown = true;
      lead.push({ text: this.replies.t('disclaimer.notDiagnosis', s.lang) });
    }
    return this.advance(dc, pathway, state, lead);
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
    const choice = interpretChoice(text, node.choices, s.lang);
    if (choice) {
      s.telemetry.recognised = `answer:${node.choices.indexOf(choice) + 1}`;
      state.answers.push({ nodeId: state.nodeId, choiceId: choice.id });
      state.nodeId = choice.next;
      state.misses = 0;
      return this.advance(dc, pathway, state, []);
    }
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
        await s.send({ text: answer.text }, this.question(node, s.lang, s.operator, 'pathway.resume'));
        return Dialog.EndOfTurn;
      }
    }
    state.misses += 1;
    s.telemetry.recognised = 'unclear-answer';
    if (state.misses >= MAX_MISSES) {
      state.misses = 0;
      await s.send(
        { text: `${this.replies.t('pathway.stuck', s.lang)}\n\n${this.replies.bookingLine(s)}` },
        this.question(node, s.lang, s.operator),
      );
    } else {
      await s.send(this.question(node, s.lang, s.operator, 'pathway.unclear'));
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
    if (node?.type === 'question') await s.send(this.question(node, s.lang, s.operator));
  }

  /** Moves through information nodes to the next question or disposition and says it. */
  private async advance(
    dc: DialogContext,
    pathway: Pathway,
    state: PathwayState,
    lead: Reply[],
  ): Promise<DialogTurnResult> {
    const s = TurnSession.of(dc.context);
    const out = [...lead];
    let node: PathwayNode | undefined = pathway.nodes[state.nodeId];
    while (node?.type === 'info') {
      out.push({ text: (s.operator ? node.operatorText : node.text)[s.lang] });
      state.nodeId = node.next;
      node = pathway.nodes[state.nodeId];
    }
    if (!node) return dc.endDialog();
    if (node.type === 'question') {
      out.push(this.question(node, s.lang, s.operator));
      await s.send(...out);
      return Dialog.EndOfTurn;
    }
    out.push(...this.disposition(node, pathway, state, s));
    s.telemetry.outcome = node.code;
    await s.send(...out);
    return dc.endDialog({ code: node.code } satisfies PathwayResult);
  }

  private question(node: QuestionNode, lang: Language, operator: boolean, preface?: string): Reply {
    const text = (operator ? node.operatorText : node.text)[lang];
    const prefix = preface ? `${this.replies.t(preface, lang)}\n\n` : '';
    return { text: prefix + text, choices: node.choices.map((c) => ({ label: c.label[lang] })) };
  }

  private disposition(node: DispositionNode, pathway: Pathway, state: PathwayState, s: TurnSession): Reply[] {
    const lang = s.lang;
    const parts = [(s.operator ? node.operatorText : node.text)[lang]];
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
    const summary = this.summaries.build(pathway, state.answers, node, s, DISPOSITION_URGENCY[node.code]);
    return [
      { text: parts.join('\n\n'), disposition },
      { text: summary.plainText, summary, ...next },
    ];
  }
}
