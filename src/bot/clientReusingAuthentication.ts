import type { Activity } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';

/** Clients kept per bot identity and address; the oldest is dropped beyond this. */
export const CLIENT_CACHE_SIZE = 64;

/** A small least-recently-used map of promised clients. */
class ClientCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly size: number) {}

  get(key: string, create: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = create();
    this.entries.set(key, made);
    // A failed creation (e.g. credentials could not be fetched) is not kept: the next turn tries again.
    made.catch(() => {
      if (this.entries.get(key) === made) this.entries.delete(key);
    });
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }
}

/** The bot's app id as the Bot Framework reads it from a request's claims (audience, else appid). */
function appIdOf(identity: ClaimsIdentity): string {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** A connector factory that hands out one client per service URL and audience instead of one per turn. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: ClientCache<ConnectorClient>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.get(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
      this.inner.create(serviceUrl, audience),
    );
  }
}

/**
 * Bot Framework authentication that reuses the outbound clients it creates, and otherwise defers to the
 * authentication it wraps (which still checks every request's token).
 * @remarks CloudAdapter builds a new `ConnectorClient` (an Azure HTTP pipeline of a dozen policies) and a new
 * `UserTokenClient` for every incoming activity, about a quarter of a bare echo bot's CPU per turn
 * (bench/results.md), even when the turn never calls out: `expectReplies` turns (the website chat, the operator
 * page) return their replies in the HTTP response. The clients hold no per-turn state (the credentials cache
 * their tokens and renew them), and Azure SDK clients are meant to be reused, so one per bot identity, service
 * URL and audience is kept, in a bounded cache.
 */
export class ClientReusingAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new ClientCache<ConnectorClient>(CLIENT_CACHE_SIZE);
  private readonly userTokens = new ClientCache<UserTokenClient>(CLIENT_CACHE_SIZE);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    return result.connectorFactory
      ? {
          ...result,
          connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity),
        }
      : result;
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokens.get(appIdOf(claimsIdentity), () =>
      this.inner.createUserTokenClient(claimsIdentity),
    );
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(factory: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(factory, appIdOf(identity), this.connectors);
  }
}
