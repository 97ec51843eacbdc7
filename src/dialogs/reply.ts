/** One button offered with a reply; its label is also what the user's click sends back. */
export interface ReplyChoice {
  /** Button text, and the text an `imBack` click sends. */
  readonly label: string;
}

/** A structured call summary for call-centre operators (also rendered as an Adaptive Card in Teams). */
export interface CallSummary {
  /** The alarm line of a red-flag call, in capitals, shown first ("!!! 112 …"). */
  readonly alarm?: string;
  /** Heading, e.g. "Call summary". */
  readonly title: string;
  /** Label/value rows in order: short labels, plain text values. */
  readonly facts: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  /** The whole summary as plain text, one line per fact, ready to paste into the booking system. */
  readonly plainText: string;
}

/** What the bot did with a free-text question, as `channelData.triage.outcome` says it. */
export enum QuestionOutcome {
  /** Answered from one knowledge entry. */
  Answered = 'answered',
  /** "Did you mean…" with candidates. */
  DidYouMean = 'did-you-mean',
  /** The honest "I can't answer that". */
  Refused = 'refused',
  /** A guided pathway was started (its first question or disposition follows). */
  PathwayStarted = 'pathway',
}

/** How a reply answers a free-text question (absent on pathway questions and commands). */
export interface ReplyMatch {
  /** Answered, did you mean, or refused. */
  readonly outcome: QuestionOutcome;
  /** The entry answered with. */
  readonly entry?: string;
  /** The entries and pathways offered by "did you mean", in order. */
  readonly suggestions?: readonly string[];
  /** The pathway started. */
  readonly pathway?: string;
}

/** Where an answer's facts come from, shown as one short line below it, in the two forms channels need. */
export interface ReplySource {
  /** Markdown, with the external source as a link: for Web Chat and Teams. */
  readonly markdown: string;
  /** Plain text, the link written out: for the operator page and channels without markdown. */
  readonly plain: string;
}

/** What the engine says in one message, independent of channel. */
export interface Reply {
  /** The message text (plain text with simple line breaks). */
  readonly text: string;
  /** Choices offered after the text; typed answers are accepted as well. */
  readonly choices?: readonly ReplyChoice[];
  /** A call summary to render as a card where the channel supports it. */
  readonly summary?: CallSummary;
  /** Where the facts of an answer come from, shown below its text. */
  readonly source?: ReplySource;
  /** The disposition code this reply delivers (a pathway leaf or 112), also sent as `channelData.triage`. */
  readonly disposition?: string;
  /** How this reply answers a free-text question, also sent as `channelData.triage` (outcome, entry, suggestions). */
  readonly match?: ReplyMatch;
  /**
   * The pathway question the choices answer (`pathway/node`): a click on an older card of another question is not
   * an answer to the current one.
   */
  readonly asks?: string;
  /** The id of the card its choices are on (set when sent); Teams buttons carry it back. */
  readonly card?: string;
  /** True when said to everyone in a shared conversation (an introduction), not to the person who wrote. */
  readonly everyone?: boolean;
  /** The kind of red flag this reply answers (emergency, self-harm, urgent, low-mood), sent as `channelData.triage.safety`. */
  readonly safety?: string;
}
