import { randomUUID } from 'node:crypto';
import type { BotState, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { TurnFailure, turnFailureOf } from './turnFailure';

/**
 * Builds the apology text (with the booking line and its status) for a turn that failed.
 * @remarks It must not need storage: it is called when storage is down.
 */
export type ApologyText = (context: TurnContext, reference: string, failure: TurnFailure) => string;

/**
 * The one turn-error handler: logs with a correlation id, apologises with the booking line, then clears
 * the broken conversation state (only for unexpected errors: a storage outage cannot be cleared and a
 * conflict means another turn's state is the good one). It never throws.
 */
export function createTurnErrorHandler(logger: Logger, conversationState: BotState, apology: ApologyText) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const reference = randomUUID().slice(0, 8);
    const failure = turnFailureOf(error);
    logger.error(
      {
        err: { name: error.name, message: error.message, stack: error.stack },
        failure,
        reference,
        channel: context.activity.channelId,
      },
      'turn failed',
    );
    try {
      await context.sendActivity({ type: 'message', text: apology(context, reference, failure) });
    } catch (err) {
      logger.warn({ reference, err: { message: (err as Error).message } }, 'could not send the apology');
    }
    if (failure !== TurnFailure.Unexpected) return;
    try {
      await conversationState.delete(context);
    } catch (err) {
      logger.warn(
        { reference, err: { message: (err as Error).message } },
        'could not clear conversation state',
      );
    }
  };
}
