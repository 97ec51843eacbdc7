/** One button offered with a reply; its label is also what the user's click sends back. */
export interface ReplyChoice {
  /** Button text, and the text an `imBack` click sends. */
  readonly label: string;
}

/** A structured call summary for call-centre operators (also rendered as an Adaptive Card in Teams). */
export interface CallSummary {
  /** Heading, e.g. "Call summary". */
  readonly title: string;
  /** Label/value rows in order. */
  readonly facts: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  /** The whole summary as plain text, ready to paste into the booking system. */
  readonly plainText: string;
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
}
