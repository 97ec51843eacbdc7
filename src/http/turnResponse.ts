import type { InvokeResponse } from 'botbuilder';
import type { Logger } from 'pino';
import type { Response } from 'restify';
import { httpErrors } from './httpErrors';
import type { RateDecision } from './rateLimiter';

/** What the server learnt while the adapter processed one `/api/messages` request. */
export interface AdapterTurn {
  /** True once the bot's turn started (so the request was authenticated). */
  started: boolean;
  /** Set when the conversation was over its rate limit and the turn was not run. */
  limited?: Extract<RateDecision, { allowed: false }>;
}

/** How the adapter finished: with a result (an invoke response, replies, or nothing), or with an error. */
export type AdapterOutcome = { readonly result: InvokeResponse | undefined } | { readonly error: unknown };

/**
 * Answers an `/api/messages` request from what the adapter did, following our contract: short JSON errors,
 * never an internal error's text, and no 5xx for bad input.
 * @remarks A failure before the turn started is a 401: the request was not authenticated (a bad or missing
 * token, or signing keys that could not be fetched, whose message names internal hosts and is only logged by
 * its kind). An invoke the bot does not implement (501 from the adapter) is a 400; a conversation over its rate
 * limit is a 429 with `Retry-After`; an error after the turn started (the turn-error handler has already
 * apologised to the user) is a 500.
 */
export function sendTurnResponse(
  res: Response,
  turn: AdapterTurn,
  outcome: AdapterOutcome,
  logger: Logger,
): void {
  if ('error' in outcome) {
    const error = outcome.error as Partial<Error> | undefined;
    const reason = `${error?.name ?? 'Error'}: ${String(error?.message ?? '').slice(0, 200)}`;
    if (!turn.started) {
      logger.warn({ reason }, 'request not authenticated');
      res.send(401, httpErrors.unauthorized());
    } else {
      logger.error({ reason }, 'the adapter could not complete a turn');
      res.send(500, httpErrors.internal());
    }
    return;
  }
  if (turn.limited) {
    res.header('Retry-After', String(turn.limited.retryAfterSeconds));
    res.send(429, httpErrors.tooManyRequests(turn.limited.retryAfterSeconds));
    return;
  }
  const status = outcome.result?.status ?? 200;
  const body: unknown = outcome.result?.body;
  if (status === 501) res.send(400, httpErrors.notSupported('This invoke'));
  else if (status >= 500) {
    logger.error({ status }, 'the adapter could not complete a turn');
    res.send(500, httpErrors.internal());
  } else if (status >= 400)
    res.send(status, status === 401 || status === 403 ? httpErrors.unauthorized() : httpErrors.refused());
  else if (body === undefined || body === null || body === '') res.send(status);
  else res.send(status, body);
}
