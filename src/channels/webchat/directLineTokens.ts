import { randomBytes } from 'node:crypto';

/** Azure Bot Service's Direct Line token endpoint. */
export const DIRECT_LINE_TOKEN_URL = 'https://directline.botframework.com/v3/directline/tokens/generate';

/** How long the exchange waits for Azure. */
const EXCHANGE_TIMEOUT_MS = 10_000;

/** A Direct Line token for one browser, safe to hand over (the secret stays on the server). */
export interface DirectLineToken {
  /** The token Web Chat's `createDirectLine({ token })` uses; it refreshes itself. */
  readonly token: string;
  /** Seconds until it expires. */
  readonly expiresIn: number;
  /** The Direct Line conversation it is bound to. */
  readonly conversationId?: string;
  /** The user id bound into the token (`dl_` prefix, as Direct Line requires), so the bot greets on join. */
  readonly userId: string;
}

/** Thrown when Azure does not give a token. */
export class DirectLineExchangeError extends Error {
  constructor(readonly status: number | undefined) {
    super(status === undefined ? 'Direct Line could not be reached' : `Direct Line answered ${status}`);
    this.name = 'DirectLineExchangeError';
  }
}

/**
 * Exchanges the Direct Line secret for a per-visitor token, server side.
 * @remarks `fetch` is injectable so tests never call Azure.
 */
export class DirectLineTokens {
  constructor(
    private readonly secret: string,
    private readonly fetchFn: typeof fetch = fetch,
    private readonly url: string = DIRECT_LINE_TOKEN_URL,
  ) {}

  /** Asks Azure for a token bound to a new random user id. */
  async generate(): Promise<DirectLineToken> {
    const userId = `dl_${randomBytes(16).toString('hex')}`;
    let res: Response;
    try {
      res = await this.fetchFn(this.url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
      });
    } catch {
      throw new DirectLineExchangeError(undefined);
    }
    if (!res.ok) throw new DirectLineExchangeError(res.status);
    const body = (await res.json().catch(() => ({}))) as {
      token?: unknown;
      expires_in?: unknown;
      conversationId?: unknown;
    };
    if (typeof body.token !== 'string' || body.token === '') throw new DirectLineExchangeError(res.status);
    return {
      token: body.token,
      expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 1800,
      conversationId: typeof body.conversationId === 'string' ? body.conversationId : undefined,
      userId,
    };
  }
}
