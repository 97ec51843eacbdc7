import type { DispositionNode, Pathway, QuestionNode } from '../content/pathwaySchema';
import type { PathwayAnswer } from './pathwayDialog';
import type { CallSummary } from './reply';
import type { TriageServices } from './triageServices';
import type { TurnSession } from './turnSession';

/** Builds the structured call summary an operator pastes into the booking system. */
export class CallSummaryBuilder {
  constructor(private readonly services: TriageServices) {}

  /** The summary of a finished pathway. */
  build(
    pathway: Pathway,
    answers: readonly PathwayAnswer[],
    leaf: DispositionNode,
    s: TurnSession,
    urgency: number,
  ): CallSummary {
    const t = (key: string) => this.services.messages.text(key, s.lang);
    const when = new Intl.DateTimeFormat(s.lang === 'it' ? 'it-IT' : 'en-GB', {
      timeZone: this.services.content.bookingLine.timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(this.services.now());
    const facts: { label: string; value: string }[] = [
      { label: t('summary.pathway'), value: pathway.title[s.lang] },
    ];
    answers.forEach((a, i) => {
      const q = pathway.nodes[a.nodeId] as QuestionNode | undefined;
      const choice = q?.choices.find((c) => c.id === a.choiceId);
      if (q && choice)
        facts.push({ label: `${i + 1}. ${q.operatorText[s.lang]}`, value: choice.label[s.lang] });
    });
    facts.push(
      { label: t('summary.disposition'), value: `${leaf.code} — ${t(`disposition.${leaf.code}`)}` },
      { label: t('summary.urgency'), value: `${urgency}/5` },
      { label: t('summary.line'), value: this.services.bookingLine.summary(s.lang) },
      { label: t('summary.time'), value: `${when} (${this.services.content.bookingLine.timeZone})` },
    );
    const title = t('summary.title');
    const plainText = [title, ...facts.map((f) => `${f.label}: ${f.value}`)].join('\n');
    return { title, facts, plainText };
  }
}
