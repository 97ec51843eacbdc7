import type { Activity } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { CLIENT_CACHE_SIZE, ClientReusingAuthentication } from '../../src/bot/clientReusingAuthentication';

/** An authentication that records what it was asked for and makes distinguishable fake clients. */
class RecordingAuthentication extends BotFrameworkAuthentication {
  authenticated = 0;
  connectorsMade: string[] = [];
  tokenClientsMade = 0;
  failNextConnector = false;

  constructor(private readonly appId = 'bot-app-id') {
    super();
  }

  identity(): ClaimsIdentity {
    return new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: this.appId }], true);
  }

  override async authenticateRequest(
    _activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    this.authenticated += 1;
    if (authHeader !== 'Bearer good') throw new Error('Unauthorized');
    const claimsIdentity = this.identity();
    return { audience: 'aud', claimsIdentity, connectorFactory: this.createConnectorFactory(claimsIdentity) };
  }

  override authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    throw new Error('not used');
  }

  override createConnectorFactory(_claimsIdentity?: ClaimsIdentity): ConnectorFactory {
    const made = this.connectorsMade;
    const failing = () => {
      const fail = this.failNextConnector;
      this.failNextConnector = false;
      return fail;
    };
    return new (class extends ConnectorFactory {
      override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        if (failing()) {
          throw new Error('credentials unavailable');
        }
        made.push(`${serviceUrl} ${audience}`);
        return { made: made.length } as unknown as ConnectorClient;
      }
    })();
  }

  override async createUserTokenClient(): Promise<UserTokenClient> {
    this.tokenClientsMade += 1;
    return { made: this.tokenClientsMade } as unknown as UserTokenClient;
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    throw new Error('not used');
  }
}

const activity = { type: 'message' } as Activity;

describe('the outbound clients of incoming turns are made once and reused', () => {
  test('every request is still authenticated; turns to the same service URL share one connector client', async () => {
    const inner = new RecordingAuthentication();
    const auth = new ClientReusingAuthentication(inner);
    const clients: ConnectorClient[] = [];
    for (let i = 0; i < 5; i += 1) {
      const result = await auth.authenticateRequest(activity, 'Bearer good');
      clients.push(await result.connectorFactory!.create('https://smba.example/emea/', 'aud'));
    }
    expect(inner.authenticated).toBe(5);
    expect(inner.connectorsMade).toHaveLength(1);
    expect(new Set(clients).size).toBe(1);
  });

  test('a forged token is refused as before, and makes no client', async () => {
    const inner = new RecordingAuthentication();
    const auth = new ClientReusingAuthentication(inner);
    await expect(auth.authenticateRequest(activity, 'Bearer forged')).rejects.toThrow('Unauthorized');
    expect(inner.connectorsMade).toHaveLength(0);
  });

  test('another service URL or audience gets its own client', async () => {
    const inner = new RecordingAuthentication();
    const auth = new ClientReusingAuthentication(inner);
    const factory = (await auth.authenticateRequest(activity, 'Bearer good')).connectorFactory!;
    const a = await factory.create('https://smba.example/emea/', 'aud');
    const b = await factory.create('https://smba.example/amer/', 'aud');
    const c = await factory.create('https://smba.example/emea/', 'other-aud');
    expect(new Set([a, b, c]).size).toBe(3);
    expect(inner.connectorsMade).toEqual([
      'https://smba.example/emea/ aud',
      'https://smba.example/amer/ aud',
      'https://smba.example/emea/ other-aud',
    ]);
  });

  test('another bot identity never receives a client made for the first', async () => {
    const first = new RecordingAuthentication('first-bot');
    const second = new RecordingAuthentication('second-bot');
    const auth = new ClientReusingAuthentication(first);
    const a = await auth.createConnectorFactory(first.identity()).create('https://smba.example/', 'aud');
    const b = await auth.createConnectorFactory(second.identity()).create('https://smba.example/', 'aud');
    expect(a).not.toBe(b);
  });

  test('a client that could not be made is tried again on the next turn', async () => {
    const inner = new RecordingAuthentication();
    const auth = new ClientReusingAuthentication(inner);
    const factory = (await auth.authenticateRequest(activity, 'Bearer good')).connectorFactory!;
    inner.failNextConnector = true;
    await expect(factory.create('https://smba.example/', 'aud')).rejects.toThrow('credentials unavailable');
    await expect(factory.create('https://smba.example/', 'aud')).resolves.toBeDefined();
    expect(inner.connectorsMade).toHaveLength(1);
  });

  test('the cache is bounded: many service URLs do not grow it without end', async () => {
    const inner = new RecordingAuthentication();
    const auth = new ClientReusingAuthentication(inner);
    const factory = auth.createConnectorFactory(inner.identity());
    for (let i = 0; i <= CLIENT_CACHE_SIZE; i += 1) await factory.create(`https://host-${i}.example/`, 'aud');
    await factory.create('https://host-0.example/', 'aud');
    expect(inner.connectorsMade).toHaveLength(CLIENT_CACHE_SIZE + 2);
    await factory.create(`https://host-${CLIENT_CACHE_SIZE}.example/`, 'aud');
    expect(inner.connectorsMade).toHaveLength(CLIENT_CACHE_SIZE + 2);
  });

  test('the user-token client is made once per bot identity', async () => {
    const inner = new RecordingAuthentication();
    const auth = new ClientReusingAuthentication(inner);
    const a = await auth.createUserTokenClient(inner.identity());
    const b = await auth.createUserTokenClient(inner.identity());
    expect(a).toBe(b);
    expect(inner.tokenClientsMade).toBe(1);
  });
});
