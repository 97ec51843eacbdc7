import type { Next, Request, RequestHandler, Response } from 'restify';
import { httpErrors } from './httpErrors';

/** How a {@link RateLimiter} refills and how much it remembers. */
export interface RateLimit {
  /** Requests a key may make in a burst (the bucket's size). */
  readonly burst: number;
  /** Requests per second added back to each bucket (the steady rate). */
  readonly perSecond: number;
  /** Keys remembered at most; the least recently seen are forgotten first, so memory stays bounded. */
  readonly maxKeys: number;
}

/** The default limits, grouped by what they protect. */
export const RATE_LIMITS = Object.freeze({
  /** Per client address on the web-channel routes: a page load, polling and typing stay far below it. */
  webClient: Object.freeze({ burst: 300, perSecond: 3, maxKeys: 50_000 }),
  /** Per conversation on turns: no person types this fast; a looping client is slowed down. */
  conversationTurns: Object.freeze({ burst: 60, perSecond: 2, maxKeys: 100_000 }),
} satisfies Record<string, RateLimit>);

/** The outcome of asking for one request: allowed, or refused with the seconds to wait. */
export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * A token bucket per key (client address, conversation id), in memory, with a bounded number of keys.
 * @remarks Per process, like the rest of the in-memory defences: enough to keep one client or one looping
 * conversation from taking the bot away from everyone else. Time comes from `now` (milliseconds) so tests
 * can drive it.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token from `key`'s bucket. */
  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key);
    let tokens = this.limit.burst;
    if (bucket) {
      tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
      this.buckets.delete(key);
    } else if (this.buckets.size >= this.limit.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.limit.perSecond)),
      };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return { allowed: true };
  }

  /** Keys remembered now (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  /**
   * Answers 429 with `Retry-After` and a short JSON error when `key`'s bucket is empty.
   * @returns true when the request may go on
   */
  admit(key: string, res: Response): boolean {
    const decision = this.take(key);
    if (decision.allowed) return true;
    res.header('Retry-After', String(decision.retryAfterSeconds));
    res.send(429, httpErrors.tooManyRequests(decision.retryAfterSeconds));
    return false;
  }

  /** Restify middleware limiting each key that `keyOf` finds (requests without one pass). */
  middleware(keyOf: (req: Request) => string | undefined): RequestHandler {
    return (req: Request, res: Response, next: Next) => {
      const key = keyOf(req);
      if (key === undefined || this.admit(key, res)) return next();
      return next(false);
    };
  }
}

/**
 * The client address a request came from: the TCP peer.
 * @remarks `X-Forwarded-For` is not trusted, since any client can write it; behind a reverse proxy every
 * visitor shares the proxy's bucket, so size the limit (or put the proxy's own limiting in front).
 */
export function clientAddress(req: Request): string {
  return req.socket?.remoteAddress ?? 'unknown';
}
