import type { KnowledgeEntry } from '../content/knowledgeSchema';
import { LANGUAGES, type Language } from '../content/language';
import type { MessageVars } from '../content/messages';
import { LineStatusPlace } from '../time/lineStatusPhrase';
import type { Reply, ReplyChoice, ReplySource } from './reply';
import { sourceLineOf } from './sourceLine';
import type { TriageServices } from './triageServices';
import type { TurnSession } from './turnSession';

/** The most follow-up prompts offered after an answer. */
export const MAX_FOLLOW_UPS = 3;

/**
 * Composes the engine's replies from content: answers, refusals, welcome, booking line.
 * @remarks Every sentence comes from content; this class only arranges them.
 */
export class ReplyBuilder {
  private readonly entries: ReadonlyMap<string, KnowledgeEntry>;
  /** Each entry's source line per language, built once (undefined for entries that state no fact). */
  private readonly sources: ReadonlyMap<string, Readonly<Record<Language, ReplySource | undefined>>>;

  constructor(private readonly services: TriageServices) {
    this.entries = new Map(services.content.entries.map((e) => [e.id, e]));
    const { page } = services.content;
    this.sources = new Map(
      services.content.entries.map((e) => [
        e.id,
        Object.fromEntries(
          LANGUAGES.map((lang) => [lang, sourceLineOf(e, lang, page, services.messages)]),
        ) as Record<Language, ReplySource | undefined>,
      ]),
    );
  }

  /** A message text by key. */
  t(key: string, lang: Language, vars?: MessageVars): string {
    return this.services.messages.text(key, lang, vars);
  }

  /** The three doors as choices. */
  pathwayChoices(lang: Language): ReplyChoice[] {
    return this.services.content.pathways.map((p) => ({ label: p.title[lang] }));
  }

  /** The welcome's choices: the three doors and the booking-line hours. */
  welcomeChoices(lang: Language): ReplyChoice[] {
    return [...this.pathwayChoices(lang), { label: this.t('choice.lineHours', lang) }];
  }

  /**
   * The welcome as a new visitor first sees it: who the assistant is, the privacy note, and what to do next, with
   * the three doors and the booking-line hours as choices.
   * @remarks The website's first screen is rendered from this too, so that what it shows before Web Chat has loaded
   * is what the conversation then holds.
   */
  firstWelcome(lang: Language): Reply {
    return {
      text: [this.t('welcome', lang), this.t('privacy.note', lang), this.t('welcome.prompt', lang)].join(
        '\n\n',
      ),
      choices: this.welcomeChoices(lang),
    };
  }

  /** The welcome; the privacy note comes with it once per conversation (the operator's script has neither). */
  welcome(s: TurnSession): Reply {
    if (s.operator) return { text: this.t('operator.welcome', s.lang), choices: this.welcomeChoices(s.lang) };
    if (!s.data.privacyNoteShown) {
      s.data.privacyNoteShown = true;
      return this.firstWelcome(s.lang);
    }
    return {
      text: `${this.t('welcome', s.lang)}\n\n${this.t('welcome.prompt', s.lang)}`,
      choices: this.welcomeChoices(s.lang),
    };
  }

  /** The booking line with its live status (for an operator, worded to pass on to the caller). */
  bookingLine(s: TurnSession): string {
    return this.services.bookingLine.describe(s.lang, s.visitorZone, s.operator);
  }

  /** A knowledge entry's answer, the line saying where its facts come from, its follow-ups and the feedback question. */
  answer(entry: KnowledgeEntry, s: TurnSession): Reply {
    const side = entry[s.lang];
    const parts = [side.answer];
    if (side.detail) parts.push(side.detail);
    if (entry.appendLineStatus) {
      // Once per reply: first when it is what the question asks ("is it open now?"); otherwise after the answer,
      // which gave the hours in Rome time, so without saying the zone again.
      const { bookingLine } = this.services;
      if (entry.lineStatusFirst) parts.unshift(bookingLine.status(s.lang, s.visitorZone));
      else parts.push(bookingLine.status(s.lang, s.visitorZone, LineStatusPlace.AfterHours));
    }
    const followUps = entry.related
      .map((id) => this.entries.get(id))
      .filter((e): e is KnowledgeEntry => e !== undefined && e.kind === 'faq')
      .slice(0, MAX_FOLLOW_UPS)
      .map((e) => ({ label: e[s.lang].question }));
    if (entry.kind === 'smalltalk') {
      return { text: parts.join('\n\n'), choices: [...this.pathwayChoices(s.lang)] };
    }
    const source = this.sources.get(entry.id)?.[s.lang];
    return {
      text: parts.join('\n\n'),
      ...(source ? { source } : {}),
      choices: [
        ...followUps,
        { label: this.t('choice.helpful', s.lang) },
        { label: this.t('choice.notHelpful', s.lang) },
      ],
    };
  }

  /**
   * "Did you mean…" with up to three candidates and "None of these". When a candidate is about the booking line,
   * the number, the hours and the live status come with it: whoever asked how to book is helped at once.
   */
  didYouMean(entries: readonly KnowledgeEntry[], pathwayTitles: readonly string[], s: TurnSession): Reply {
    const aboutTheLine = entries.some((e) => e.appendLineStatus === true);
    return {
      text: aboutTheLine
        ? `${this.t('answer.didYouMean', s.lang)}\n\n${this.bookingLine(s)}`
        : this.t('answer.didYouMean', s.lang),
      choices: [
        ...pathwayTitles.map((label) => ({ label })),
        ...entries.map((e) => ({ label: e[s.lang].question })),
        { label: this.t('choice.none', s.lang) },
      ].slice(0, 4),
    };
  }

  /** The honest "I can't answer that", with the three doors and the booking line. */
  refusal(s: TurnSession): Reply {
    return {
      text: `${this.t('answer.refusal', s.lang)}\n\n${this.bookingLine(s)}`,
      choices: this.pathwayChoices(s.lang),
    };
  }
}
