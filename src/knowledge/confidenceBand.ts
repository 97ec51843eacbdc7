/** How sure the matcher is, and so what the bot does with the match. */
export enum ConfidenceBand {
  /** One clear answer: give it. */
  High = 'high',
  /** Plausible but not certain, or two answers too close: ask "did you mean…" with up to three candidates. */
  Medium = 'medium',
  /** Nothing in the knowledge base explains the question: say so, never answer from an unrelated entry. */
  Low = 'low',
}
