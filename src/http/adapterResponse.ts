import type { Response as AdapterResponse } from 'botbuilder';
import type { Logger } from 'pino';
import type { Response } from 'restify';
import { httpErrors } from './httpErrors';
import type { RateDecision } from './rateLimiter';

/** What the adapter learnt while processing one request, reported by the turn's logic. */
export interface AdapterTurn {
  /** True once the bot's turn started (so the request was authenticated). */
  started: boolean;
  /** Set when the conversation was over its rate limit and the turn was not run. */
  limited?: Extract<RateDecision, { allowed: false }>;
}

/**
 * The response CloudAdapter answers `/api/messages` through, so that what it says about a request it could not
 * take follows our contract: short JSON errors, never its internal error text, and no 5xx for bad input.
 * @remarks CloudAdapter answers 500 with the exception's message when a token cannot be verified for a reason
 * other than a bad signature (e.g. the signing keys cannot be fetched), which also names internal hosts; an
 * unauthenticated request gets 401 with a plain string; an invoke the bot does not implement gets 501. Here a
 * failure before the turn started is a 401 (the request was not authenticated), an unimplemented invoke is
 * a 400, and a conversation over its rate limit is a 429 with `Retry-After`.
 */
export function adapterResponse(res: Response, turn: AdapterTurn, logger: Logger): AdapterResponse {
  let status = 200;
  let body: unknown;
  let ended = false;
  const response: AdapterResponse = {
    socket: res.socket,
    status(code: number) {
      status = code;
      return response;
    },
    header: (name: string, value: unknown) => res.header(name, value),
    send(value?: unknown) {
      body = value;
    },
    end() {
      if (ended) return;
      ended = true;
      if (turn.limited) {
        res.header('Retry-After', String(turn.limited.retryAfterSeconds));
        res.send(429, httpErrors.tooManyRequests(turn.limited.retryAfterSeconds));
      } else if (status >= 500 && !turn.started) {
        logger.warn({ status, reason: String(body ?? '').slice(0, 200) }, 'request not authenticated');
        res.send(401, httpErrors.unauthorized());
      } else if (status === 501) {
        res.send(400, httpErrors.notSupported('This invoke'));
      } else if (status >= 500) {
        logger.error(
          { status, reason: String(body ?? '').slice(0, 200) },
          'the adapter could not complete a turn',
        );
        res.send(500, httpErrors.internal());
      } else if (status >= 400) {
        res.send(status, status === 401 || status === 403 ? httpErrors.unauthorized() : httpErrors.refused());
      } else if (body === undefined || body === null || body === '') {
        res.send(status);
      } else {
        res.send(status, body);
      }
    },
  };
  return response;
}
