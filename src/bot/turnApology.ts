import type { TurnContext } from 'botbuilder';
import type { Language } from '../content/language';
import type { Messages } from '../content/messages';
import { DEFAULT_LANGUAGE } from '../dialogs/interruptionDialog';
import { languageFromLocale } from '../dialogs/languageFromLocale';
import { RED_FLAG_REPLIES } from '../dialogs/redFlagReplies';
import type { BookingLineDesk } from '../dialogs/triageServices';
import { TurnSession } from '../dialogs/turnSession';
import type { RedFlagScreen } from '../safety/redFlagScreen';
import type { ApologyText } from './turnErrorHandler';
import { TurnFailure } from './turnFailure';

/** What the apology is made of; none of it touches storage. */
export interface TurnApologyDeps {
  /** Engine sentences. */
  readonly messages: Messages;
  /** The booking line with its live status. */
  readonly bookingLine: BookingLineDesk;
  /** Red-flag screen, so a failed turn never hides an emergency instruction. */
  readonly redFlags: RedFlagScreen;
  /** Language guess from the text. */
  readonly detectLanguage: (text: string) => Language | undefined;
}

/** The message key of the apology for each kind of failure. */
const APOLOGY_KEY: Readonly<Record<TurnFailure, string>> = Object.freeze({
  [TurnFailure.Unexpected]: 'error.apology',
  [TurnFailure.StorageUnavailable]: 'error.storageUnavailable',
  [TurnFailure.Conflict]: 'error.conflict',
});

/**
 * The apology of the turn-error handler: the emergency instruction first when the message raised a red flag
 * the failed turn did not answer, then the apology for the kind of failure, then the booking line and its
 * status, in the turn's language (from the session if the turn got that far, else locale or text).
 */
export function createTurnApology(deps: TurnApologyDeps): ApologyText {
  return (context: TurnContext, reference: string, failure: TurnFailure): string => {
    const session = context.turnState.get(TurnSession.key) as TurnSession | undefined;
    const text = context.activity.text ?? '';
    const lang =
      session?.lang ??
      languageFromLocale(context.activity.locale) ??
      deps.detectLanguage(text) ??
      DEFAULT_LANGUAGE;
    const parts: string[] = [];
    const flag = deps.redFlags.check(text);
    if (flag && !session?.telemetry.recognised?.startsWith('red-flag:')) {
      parts.push(deps.messages.text(RED_FLAG_REPLIES[flag.kind].public, lang));
    }
    parts.push(deps.messages.text(APOLOGY_KEY[failure], lang, { reference }));
    parts.push(deps.bookingLine.describe(lang, session?.visitorZone));
    return parts.join('\n\n');
  };
}
