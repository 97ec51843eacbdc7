import { randomUUID } from 'node:crypto';
import type { BotState, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

/** Builds the apology text (with the booking line) for a turn that failed. */
export type ApologyText = (context: TurnContext, reference: string) => string;

/**
 * The one turn-error handler: logs with a correlation id, clears the broken conversation state and
 * apologises with the booking line. It never throws.
 */
export function createTurnErrorHandler(logger: Logger, conversationState: BotState, apology: ApologyText) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const reference = randomUUID().slice(0, 8);
    logger.error(
      {
        err: { name: error.name, message: error.message, stack: error.stack },
        reference,
        channel: context.activity.channelId,
      },
      'turn failed',
    );
    try {
      await conversationState.delete(context);
    } catch (err) {
      logger.warn(
        { reference, err: { message: (err as Error).message } },
        'could not clear conversation state',
      );
    }
    try {
      await context.sendActivity({ type: 'message', text: apology(context, reference) });
    } catch (err) {
      logger.warn({ reference, err: { message: (err as Error).message } }, 'could not send the apology');
    }
  };
}
