import { RedFlagKind } from '../content/redFlagsSchema';

/** The message keys that answer one kind of red flag, for the public and for a call-centre operator. */
export interface RedFlagReplyKeys {
  /** Said to a patient or relative. */
  readonly public: string;
  /** Said to an operator with a caller on the line. */
  readonly operator: string;
}

/** Which message answers each kind of red flag (texts in `dialogs/messages/`). */
export const RED_FLAG_REPLIES: Readonly<Record<RedFlagKind, RedFlagReplyKeys>> = Object.freeze({
  [RedFlagKind.Emergency]: { public: 'emergency.redFlag', operator: 'emergency.operator' },
  [RedFlagKind.SelfHarm]: { public: 'emergency.selfHarm', operator: 'emergency.operatorSelfHarm' },
  [RedFlagKind.Urgent]: { public: 'urgent.redFlag', operator: 'urgent.operator' },
  [RedFlagKind.LowMood]: { public: 'support.lowMood', operator: 'support.operator' },
});

/** The answer to an emergency symptom told of as days ago and over: a doctor today, 112 if it comes back. */
export const RECENT_EMERGENCY_REPLY: RedFlagReplyKeys = Object.freeze({
  public: 'urgent.recentEmergency',
  operator: 'urgent.recentOperator',
});
