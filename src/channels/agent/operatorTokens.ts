import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long an operator token lasts: one shift. */
export const OPERATOR_TOKEN_TTL_MS = 10 * 60 * 60 * 1000;

/** The claims of an operator token. */
export interface OperatorClaims {
  /** The operator session (one browser tab). */
  readonly sub: string;
  /** The conversation the token may post to. */
  readonly cid: string;
  /** Always "operator": the token was minted after the staff key was checked. */
  readonly role: 'operator';
  /** Expiry, in milliseconds since the epoch. */
  readonly exp: number;
}

const VERSION = 'op1';

function isClaims(value: unknown): value is OperatorClaims {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.sub === 'string' &&
    typeof v.cid === 'string' &&
    v.role === 'operator' &&
    typeof v.exp === 'number'
  );
}

/**
 * Mints and checks the signed tokens of the `/agent` API (HMAC-SHA256 over the claims).
 * @remarks The secret is random per process unless given, so tokens end with the process; only the
 * `/agent` session route mints them, after the staff access key was checked.
 */
export class OperatorTokens {
  private readonly secret: Buffer;

  constructor(
    private readonly now: () => number,
    secret: Buffer = randomBytes(32),
    private readonly ttlMs: number = OPERATOR_TOKEN_TTL_MS,
  ) {
    this.secret = Buffer.from(secret);
  }

  /** A token for one operator session and conversation (a new call keeps the session's expiry). */
  mint(
    sub: string,
    cid: string,
    exp: number = this.now() + this.ttlMs,
  ): { token: string; claims: OperatorClaims } {
    const claims: OperatorClaims = { sub, cid, role: 'operator', exp };
    const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
    return { token: `${VERSION}.${payload}.${this.sign(payload)}`, claims };
  }

  /** The claims of a genuine, unexpired token; undefined for anything else. */
  verify(token: string): OperatorClaims | undefined {
    const [version, payload, signature, ...rest] = token.split('.');
    if (version !== VERSION || !payload || !signature || rest.length > 0) return undefined;
    const expected = Buffer.from(this.sign(payload), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    return isClaims(claims) && claims.exp > this.now() ? claims : undefined;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(`${VERSION}.${payload}`).digest('base64url');
  }
}
