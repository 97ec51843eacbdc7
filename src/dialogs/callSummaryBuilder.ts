import { DISPOSITION_URGENCY, DispositionCode } from '../content/dispositionCode';
import type { Language } from '../content/language';
import type { DispositionNode, Pathway, QuestionNode } from '../content/pathwaySchema';
import { redact } from '../knowledge/redact';
import type { PathwayAnswer } from './pathwayDialog';
import type { CallSummary } from './reply';
import type { TriageServices } from './triageServices';
import type { TurnSession } from './turnSession';

/** Where a pathway stood when the call ended: which pathway, the question under way and the answers taken. */
export interface PathwayProgress {
  /** The pathway's id. */
  readonly pathwayId: string;
  /** The node being asked when the call ended. */
  readonly nodeId: string;
  /** The answers taken so far, in order. */
  readonly answers: readonly PathwayAnswer[];
}

/** What a red-flag call summary records. */
export interface RedFlagCall {
  /** True when the flag was a risk of self-harm. */
  readonly selfHarm: boolean;
  /** What the operator typed that raised the alarm (redacted here). */
  readonly words: string;
  /** The pathway under way, if any. */
  readonly progress?: PathwayProgress;
}

/** One line of a summary. */
type Fact = { label: string; value: string };

/**
 * Builds the call summary an operator pastes into the hospital's system: plain text, one short line per fact,
 * in the third person (the caller may be a relative), the operator's own typed words kept (redacted), the outcome
 * in words with its urgency, and the time in Rome from the replaceable clock. A red-flag call gets its own summary,
 * whose first line, in capitals, is the alarm.
 * @remarks Every label and phrase is content: pathway `situation`, question `summaryLabel`, choice `summary`
 * (else its label) and the `summary.*`, `urgency.*` and `disposition.*` messages. No Markdown: the text must read
 * the same in Teams, the `/agent` page and a pasted text field.
 */
export class CallSummaryBuilder {
  private readonly pathways: ReadonlyMap<string, Pathway>;

  constructor(private readonly services: TriageServices) {
    this.pathways = new Map(services.content.pathways.map((p) => [p.id, p]));
  }

  /** The summary of a pathway that reached its disposition. */
  build(
    pathway: Pathway,
    answers: readonly PathwayAnswer[],
    leaf: DispositionNode,
    s: TurnSession,
  ): CallSummary {
    const lang = s.lang;
    const t = (key: string, vars?: Record<string, string | number>) =>
      this.services.messages.text(key, lang, vars);
    const facts: Fact[] = [
      { label: t('summary.pathway'), value: pathway.situation[lang] },
      ...this.answerFacts(pathway, answers, lang),
      ...this.outcomeFacts(leaf.code, lang),
      { label: t('summary.line'), value: this.services.bookingLine.summary(lang) },
      this.timeFact(lang),
    ];
    return this.summary(t('summary.title'), facts);
  }

  /** The summary of a call stopped by a red flag: the alarm first, then what was known when it was raised. */
  redFlag(s: TurnSession, call: RedFlagCall): CallSummary {
    const lang = s.lang;
    const t = (key: string, vars?: Record<string, string | number>) =>
      this.services.messages.text(key, lang, vars);
    const pathway = call.progress ? this.pathways.get(call.progress.pathwayId) : undefined;
    const facts: Fact[] = [];
    if (pathway && call.progress) {
      facts.push({ label: t('summary.pathway'), value: pathway.situation[lang] });
      facts.push(...this.answerFacts(pathway, call.progress.answers, lang));
      const stoppedAt = pathway.nodes[call.progress.nodeId];
      if (stoppedAt?.type === 'question')
        facts.push({ label: t('summary.stoppedAt'), value: stoppedAt.summaryLabel[lang] });
    }
    const words = oneLine(redact(call.words));
    if (words !== '') facts.push({ label: t('summary.alarmWords'), value: words });
    facts.push(...this.outcomeFacts(DispositionCode.Emergency112, lang), this.timeFact(lang));
    const alarm = t(call.selfHarm ? 'summary.alarmSelfHarm' : 'summary.alarm');
    return this.summary(t('summary.redFlagTitle'), facts, alarm);
  }

  /** One line per answered question: its short label, the answer in the third person, the operator's own words. */
  private answerFacts(pathway: Pathway, answers: readonly PathwayAnswer[], lang: Language): Fact[] {
    const facts: Fact[] = [];
    for (const a of answers) {
      const q = pathway.nodes[a.nodeId] as QuestionNode | undefined;
      const choice = q?.type === 'question' ? q.choices.find((c) => c.id === a.choiceId) : undefined;
      if (!q || !choice) continue;
      const answer = (choice.summary ?? choice.label)[lang];
      const value = a.note
        ? this.services.messages.text('summary.withNote', lang, { answer, note: oneLine(a.note) })
        : answer;
      facts.push({ label: q.summaryLabel[lang], value });
    }
    return facts;
  }

  /** The outcome in words, and its urgency with the words for it. */
  private outcomeFacts(code: DispositionCode, lang: Language): Fact[] {
    const t = (key: string, vars?: Record<string, string | number>) =>
      this.services.messages.text(key, lang, vars);
    const level = DISPOSITION_URGENCY[code];
    return [
      { label: t('summary.disposition'), value: t(`disposition.${code}`) },
      {
        label: t('summary.urgency'),
        value: t('summary.urgencyValue', { level, words: t(`urgency.${level}`) }),
      },
    ];
  }

  /** The time of the summary in the booking line's zone (Rome), from the app's clock. */
  private timeFact(lang: Language): Fact {
    const zone = this.services.content.bookingLine.timeZone;
    const when = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
      timeZone: zone,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(this.services.now());
    return { label: this.services.messages.text('summary.time', lang), value: `${when} (${zone})` };
  }

  private summary(title: string, facts: readonly Fact[], alarm?: string): CallSummary {
    const lines = [...(alarm ? [alarm] : []), title, ...facts.map((f) => `${f.label}: ${f.value}`)];
    return { ...(alarm ? { alarm } : {}), title, facts, plainText: lines.join('\n') };
  }
}

/** Text on one line (a pasted summary keeps one fact per line). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
