import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Why a token was refused (or `valid`). */
export enum TokenStatus {
  Valid = 'valid',
  /** Missing, malformed, or signed with another key. */
  Forged = 'forged',
  /** Well signed but past its expiry. */
  Expired = 'expired',
}

/** The outcome of checking a token. */
export type TokenCheck =
  | { readonly status: TokenStatus.Valid; readonly conversationId: string; readonly expiresAt: number }
  | { readonly status: TokenStatus.Forged | TokenStatus.Expired };

/** A freshly issued token. */
export interface IssuedToken {
  /** The bearer token for the browser. */
  readonly token: string;
  /** Seconds until it expires. */
  readonly expiresIn: number;
}

/** The version tag inside every token, so the format can change without accepting old tokens by mistake. */
const TOKEN_VERSION = 1;

/** Bytes of the random per-process key used when no secret is configured. */
const RANDOM_KEY_BYTES = 32;

/**
 * Issues and checks the short-lived web-channel tokens: `base64url(payload).base64url(HMAC-SHA256)`,
 * where the payload binds one conversation id and an expiry (seconds since the epoch).
 * @remarks Stateless on purpose: any instance holding the same secret can verify, nothing is stored.
 * Signatures are compared in constant time.
 */
export class ConversationTokens {
  private readonly key: Buffer;

  /**
   * @param secret the HMAC key (`WEBCHAT_TOKEN_SECRET`); undefined makes a random key for this process
   * @param ttlSeconds lifetime of each token
   * @param nowSeconds the current time in seconds since the epoch (the injected clock)
   */
  constructor(
    secret: string | undefined,
    private readonly ttlSeconds: number,
    private readonly nowSeconds: () => number,
  ) {
    this.key = secret === undefined ? randomBytes(RANDOM_KEY_BYTES) : Buffer.from(secret, 'utf8');
  }

  /** Issues a token bound to `conversationId`, valid for the configured lifetime. */
  issue(conversationId: string): IssuedToken {
    const payload = Buffer.from(
      JSON.stringify({
        v: TOKEN_VERSION,
        c: conversationId,
        e: Math.floor(this.nowSeconds()) + this.ttlSeconds,
      }),
      'utf8',
    ).toString('base64url');
    return { token: `${payload}.${this.sign(payload).toString('base64url')}`, expiresIn: this.ttlSeconds };
  }

  /** Checks a token's signature, version and expiry. */
  verify(token: string | undefined): TokenCheck {
    const forged = { status: TokenStatus.Forged } as const;
    if (!token) return forged;
    const parts = token.split('.');
    if (parts.length !== 2) return forged;
    const [payload = '', signature = ''] = parts;
    const given = Buffer.from(signature, 'base64url');
    const expected = this.sign(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return forged;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return forged;
    }
    if (!isClaims(claims)) return forged;
    if (claims.e <= this.nowSeconds()) return { status: TokenStatus.Expired };
    return { status: TokenStatus.Valid, conversationId: claims.c, expiresAt: claims.e };
  }

  private sign(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload, 'utf8').digest();
  }
}

function isClaims(value: unknown): value is { v: number; c: string; e: number } {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v.v === TOKEN_VERSION && typeof v.c === 'string' && v.c !== '' && typeof v.e === 'number';
}
