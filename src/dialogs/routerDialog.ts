import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from 'botbuilder-dialogs/lib/dialog';
import type { KnowledgeEntry } from '../content/knowledgeSchema';
import { type Language, LANGUAGES } from '../content/language';
import { foldText } from '../text/foldText';
import { DoorSignals } from './doorSignals';
import { PathwayDialog, type PathwayOptions } from './pathwayDialog';
import { ConfidenceBand } from '../knowledge/confidenceBand';
import type { MatchCandidate, MatchResult } from '../knowledge/matchResult';
import { QuestionOutcome, type Reply } from './reply';
import type { ReplyBuilder } from './replyBuilder';
import type { TriageServices } from './triageServices';
import { TurnSession } from './turnSession';

/** Options to begin the router. */
export interface RouterOptions {
  /** Begin without handling the current message (after an interruption already answered it). */
  readonly quiet?: boolean;
}

/** How close a pathway's score must be to the best candidate's for the pathway to be preferred. */
export const PATHWAY_TIE = 0.02;

/**
 * How close an entry's score must be to a pathway's for a general question to be answered with the entry: a
 * question about sarcoma is not a diagnosis to triage, so the entry may trail the pathway a little.
 */
export const GENERAL_QUESTION_TIE = 0.1;

/** The longest message the matcher reads; longer ones are answered from their start, politely. */
export const MAX_MATCHED_LENGTH = 2000;

/** The buttons the engine itself offers, by message key. */
const ENGINE_BUTTONS = ['choice.helpful', 'choice.notHelpful', 'choice.none', 'choice.askQuestion'] as const;
type EngineButton = (typeof ENGINE_BUTTONS)[number];

/**
 * The bottom of the dialog stack: reads a free-text message and answers it from the knowledge base,
 * starts a pathway, offers "did you mean…", or says honestly that it cannot answer.
 */
export class RouterDialog extends Dialog<RouterOptions> {
  /** Dialog id. */
  static readonly id = 'router';

  private readonly entries: ReadonlyMap<string, KnowledgeEntry>;
  private readonly titles: ReadonlyMap<string, string>;
  /** The doors named by the words of a person's story. */
  private readonly doorSignals: DoorSignals;
  /** Folded words that show a message tells someone's own situation ("my", "ho"), per language, from content. */
  private readonly situationWords: ReadonlyMap<Language, ReadonlySet<string>>;
  /** Folded first words of a general question ("what", "cos"), per language, from content. */
  private readonly questionOpeners: ReadonlyMap<Language, readonly string[]>;
  /** Folded words that ask for information wherever they stand ("why", "perché"), per language, from content. */
  private readonly askingWords: ReadonlyMap<Language, readonly string[]>;
  /** Folded questions that ask what to do ("what should I do", "cosa devo fare"), per language, from content. */
  private readonly adviceQuestions: ReadonlyMap<Language, readonly string[]>;
  /** Folded greetings and politeness a message may start with ("hi there"). */
  private readonly greetings: ReadonlySet<string>;
  /** The engine's own buttons by their folded label, per language (folded once, not on every turn). */
  private readonly buttons: ReadonlyMap<Language, ReadonlyMap<string, EngineButton>>;

  constructor(
    private readonly services: TriageServices,
    private readonly replies: ReplyBuilder,
  ) {
    super(RouterDialog.id);
    this.entries = new Map(services.content.entries.map((e) => [e.id, e]));
    const titles = new Map<string, string>();
    for (const p of services.content.pathways) {
      titles.set(foldText(p.title.en), p.id);
      titles.set(foldText(p.title.it), p.id);
    }
    this.titles = titles;
    this.doorSignals = new DoorSignals(services.content.pathways);
    const { situationWords, questionOpeners, askingWords, adviceQuestions, fillers } =
      services.content.commands;
    const perLanguage = <T>(make: (l: Language) => T) =>
      new Map<Language, T>(LANGUAGES.map((l) => [l, make(l)] as const));
    this.situationWords = perLanguage((l) => new Set((situationWords?.[l] ?? []).map(foldText)));
    this.questionOpeners = perLanguage((l) => (questionOpeners?.[l] ?? []).map(foldText));
    this.askingWords = perLanguage((l) => (askingWords?.[l] ?? []).map(foldText));
    this.adviceQuestions = perLanguage((l) => (adviceQuestions?.[l] ?? []).map(foldText));
    this.greetings = new Set(
      LANGUAGES.flatMap((l) => fillers?.[l] ?? []).flatMap((f) => foldText(f).split(' ')),
    );
    this.buttons = new Map(
      LANGUAGES.map((lang) => [
        lang,
        new Map(ENGINE_BUTTONS.map((key) => [foldText(replies.t(key, lang)), key] as const)),
      ]),
    );
  }

  override async beginDialog(dc: DialogContext, options?: RouterOptions): Promise<DialogTurnResult> {
    if (options?.quiet) return Dialog.EndOfTurn;
    return this.handle(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.handle(dc);
  }

  override async resumeDialog(): Promise<DialogTurnResult> {
    return Dialog.EndOfTurn;
  }

  private async handle(dc: DialogContext): Promise<DialogTurnResult> {
    const s = TurnSession.of(dc.context);
    const t = (key: string) => this.replies.t(key, s.lang);
    const raw = (dc.context.activity.text ?? '').trim();
    if (raw === '') {
      s.telemetry.recognised = 'empty';
      await s.send({ text: t('input.empty'), choices: this.replies.welcomeChoices(s.lang) });
      return Dialog.EndOfTurn;
    }
    const lead = raw.length > MAX_MATCHED_LENGTH ? [{ text: t('input.tooLong') }] : [];
    const text = raw.slice(0, MAX_MATCHED_LENGTH);
    const folded = foldText(text);

    // Buttons the engine itself offers.
    const button = this.buttons.get(s.lang)?.get(folded);
    if (button === 'choice.helpful' || button === 'choice.notHelpful') {
      const helpful = button === 'choice.helpful';
      if (s.data.lastAnsweredEntry) this.services.curator.recordFeedback(s.data.lastAnsweredEntry, helpful);
      s.telemetry.recognised = helpful ? 'feedback:helpful' : 'feedback:not-helpful';
      await s.send({
        text: t(helpful ? 'feedback.thanks' : 'feedback.sorry'),
        choices: this.replies.pathwayChoices(s.lang),
      });
      return Dialog.EndOfTurn;
    }
    if (button === 'choice.none') {
      s.telemetry.recognised = 'none-of-these';
      await s.send({
        text: `${t('answer.noneOfThese')}\n\n${this.replies.bookingLine(s)}`,
        choices: this.replies.pathwayChoices(s.lang),
      });
      return Dialog.EndOfTurn;
    }
    if (button === 'choice.askQuestion') {
      s.telemetry.recognised = 'ask-question';
      await s.send({ text: t('answer.askAway') });
      return Dialog.EndOfTurn;
    }
    const door = this.titles.get(folded);
    if (door) return dc.beginDialog(PathwayDialog.id, { pathwayId: door } satisfies PathwayOptions);

    const match = this.services.matcher.match(text, s.lang);
    const best = match.candidates[0];
    const general = this.isGeneralQuestion(folded, s.lang);
    const entry = this.entryToAnswer(match, general);
    if (entry) {
      s.telemetry.recognised = `entry:${entry.id}`;
      s.telemetry.outcome = 'answered';
      s.data.lastAnsweredEntry = entry.id;
      const answer = this.replies.answer(entry, s);
      await s.send(...lead, ...this.privacyNote(s), {
        ...answer,
        match: { outcome: QuestionOutcome.Answered, entry: entry.id },
      });
      return Dialog.EndOfTurn;
    }
    // A general question ("what is a lipoma?") is never triaged, even when a pathway's openers match it best.
    if (match.band === ConfidenceBand.High && best?.kind === 'pathway' && !general)
      return this.startPathway(dc, s, best.id, lead, text);
    // Someone describing their situation is better served by the guided pathway than by a choice of
    // articles: a pathway that is the best candidate, or ties with it, starts at once.
    const asksInformation = this.asksSomething(folded, s.lang) && !this.asksAdvice(folded, s.lang);
    const described = general || asksInformation ? undefined : this.pathwayFirst(match);
    if (described) return this.startPathway(dc, s, described, lead, text);
    // A story in the person's own words that names a door's situation ("a bump on my back that's got bigger")
    // opens that door rather than a list of articles or a refusal.
    // Only when it asks what to do or asks nothing (a relative asking "what kind of tumour is a leiomyosarcoma?"
    // or "is it curable?" is answered from the articles, or honestly refused).
    const story =
      !general &&
      this.tellsSituation(folded, s.lang) &&
      (this.asksAdvice(folded, s.lang) || (!text.includes('?') && !this.asksSomething(folded, s.lang)))
        ? this.doorSignals.doorOf(folded)
        : undefined;
    if (story && match.band !== ConfidenceBand.High) return this.startPathway(dc, s, story, lead, text);
    // Someone asking about their own lump or mole ("do you see these?", "è un neo brutto?") when nothing answers it:
    // the guided questions are the honest answer, not a refusal.
    const finding =
      match.band === ConfidenceBand.Low && !general ? this.doorSignals.questionDoorOf(folded) : undefined;
    if (finding) return this.startPathway(dc, s, finding, lead, text);
    // After a word of support for low mood, no list of articles nor "I don't have an answer": an open door.
    if (s.supportGiven) {
      s.telemetry.outcome = 'support';
      await s.send(...lead, { text: t('support.next'), choices: this.replies.pathwayChoices(s.lang) });
      return Dialog.EndOfTurn;
    }
    // A general question is offered articles, not guided pathways (unless nothing else fits).
    const offer =
      general && match.candidates.some((c) => c.kind === 'entry')
        ? match.candidates.filter((c) => c.kind === 'entry')
        : match.candidates;
    if (match.band === ConfidenceBand.Medium && offer.length > 0) {
      s.telemetry.recognised = 'ambiguous';
      s.telemetry.outcome = 'did-you-mean';
      this.recordMiss(s, text, match);
      const pathwayTitles = offer
        .filter((c) => c.kind === 'pathway')
        .map((c) => this.services.content.pathways.find((p) => p.id === c.id)?.title[s.lang])
        .filter((x): x is string => x !== undefined);
      const entries = offer
        .filter((c) => c.kind === 'entry')
        .map((c) => this.entries.get(c.id))
        .filter((e): e is KnowledgeEntry => e !== undefined);
      const offered = this.replies.didYouMean(entries.slice(0, 3), pathwayTitles, s);
      const suggestions = [
        ...offer.filter((c) => c.kind === 'pathway'),
        ...offer.filter((c) => c.kind === 'entry').slice(0, 3),
      ].map((c) => c.id);
      await s.send(...lead, ...this.privacyNote(s), {
        ...offered,
        match: { outcome: QuestionOutcome.DidYouMean, suggestions },
      });
      return Dialog.EndOfTurn;
    }
    s.telemetry.recognised = 'unknown';
    s.telemetry.outcome = 'refused';
    this.recordMiss(s, text, match);
    await s.send(...lead, ...this.privacyNote(s), {
      ...this.replies.refusal(s),
      match: { outcome: QuestionOutcome.Refused },
    });
    return Dialog.EndOfTurn;
  }

  /** Starts a pathway from a free-text message, which is read for the answers it already gives. */
  private async startPathway(
    dc: DialogContext,
    s: TurnSession,
    pathwayId: string,
    lead: readonly Reply[],
    openingText: string,
  ): Promise<DialogTurnResult> {
    if (lead.length > 0) await s.send(...lead);
    return dc.beginDialog(PathwayDialog.id, { pathwayId, openingText } satisfies PathwayOptions);
  }

  /** Keeps a question the bot could not answer directly for the curators (the log redacts it). */
  private recordMiss(s: TurnSession, text: string, match: MatchResult): void {
    this.services.curator.recordMiss({
      text,
      lang: s.lang,
      band: match.band,
      nearest: (match.nearest ?? match.candidates[0])?.id,
    });
  }

  /**
   * The entry to answer with: a clear match, or, for a general question whose best match is a pathway, the one
   * entry that ties with it ("cosè un sarcoma" is a question about sarcoma, not a diagnosis to triage).
   */
  private entryToAnswer(match: MatchResult, general: boolean): KnowledgeEntry | undefined {
    const best = match.candidates[0];
    if (!best || match.band === ConfidenceBand.Low) return undefined;
    if (best.kind === 'entry')
      return match.band === ConfidenceBand.High ? this.entries.get(best.id) : undefined;
    if (!general) return undefined;
    const tied = match.candidates.filter(
      (c) => c.kind === 'entry' && c.score >= best.score - GENERAL_QUESTION_TIE,
    );
    return tied.length === 1 ? this.entries.get((tied[0] as MatchCandidate).id) : undefined;
  }

  /** True when the folded text asks what to do ("what should I do", "cosa devo fare"). */
  private asksAdvice(folded: string, lang: Language): boolean {
    const words = ` ${folded} `;
    return (this.adviceQuestions.get(lang) ?? []).some((o) => words.includes(` ${o} `));
  }

  /** True when the folded text asks for information anywhere in it ("what", "cosa", "perché"). */
  private asksSomething(folded: string, lang: Language): boolean {
    const words = ` ${folded} `;
    return (this.askingWords.get(lang) ?? []).some((o) => words.includes(` ${o} `));
  }

  /** True when a word of the folded text tells someone's own situation or a relative's ("my", "ho", "mio"). */
  private tellsSituation(folded: string, lang: Language): boolean {
    const mine = this.situationWords.get(lang);
    return folded.split(' ').some((w) => mine?.has(w) === true);
  }

  /**
   * True for a general question ("hi, what is a sarcoma?", "cosè un sarcoma"): it opens, once greetings are set
   * aside, with a question opener, and no word in it tells someone's own situation ("my dad", "ho").
   */
  private isGeneralQuestion(folded: string, lang: Language): boolean {
    const words = folded.split(' ');
    if (this.tellsSituation(folded, lang)) return false;
    let start = 0;
    while (start < words.length && this.greetings.has(words[start] as string)) start += 1;
    const rest = ` ${words.slice(start).join(' ')} `;
    return (this.questionOpeners.get(lang) ?? []).some((o) => rest.startsWith(` ${o} `));
  }

  /** The pathway to start for an uncertain match whose best candidate is (or ties with) a pathway. */
  private pathwayFirst(match: MatchResult): string | undefined {
    if (match.band !== ConfidenceBand.Medium) return undefined;
    const top = match.candidates[0]?.score ?? 0;
    return match.candidates.find((c) => c.kind === 'pathway' && c.score >= top - PATHWAY_TIE)?.id;
  }

  /**
   * The short privacy note with the first answer of a conversation that began with a question instead of the welcome
   * (which carries it): once per conversation, never a wall before the answer.
   */
  private privacyNote(s: TurnSession) {
    if (s.data.privacyNoteShown || s.operator) return [];
    s.data.privacyNoteShown = true;
    return [{ text: this.replies.t('privacy.note', s.lang) }];
  }
}
