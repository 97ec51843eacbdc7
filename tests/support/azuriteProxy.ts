import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort } from './azurite';

/**
 * A TCP relay in front of Azurite that a test can cut and restore, to play a storage outage (connections
 * refused) without losing what Azurite stores.
 */
export class AzuriteProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(
    /** The port the bot connects to. */
    readonly port: number,
    private readonly upstreamPort: number,
    private readonly latencyMs: number,
  ) {}

  /**
   * Starts relaying a free loopback port to Azurite's port.
   * @param latencyMs delay added to every request chunk, so concurrent turns really overlap in storage
   */
  static async start(upstreamPort: number, latencyMs = 0): Promise<AzuriteProxy> {
    const proxy = new AzuriteProxy(await freePort(), upstreamPort, latencyMs);
    await proxy.restore();
    return proxy;
  }

  /** True while connections are relayed. */
  get up(): boolean {
    return this.server !== undefined;
  }

  /** Storage outage: closes open connections and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Storage back: listens again on the same port. */
  async restore(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.upstreamPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      upstream.pipe(client);
      if (this.latencyMs === 0) client.pipe(upstream);
      else client.on('data', (chunk: Buffer) => setTimeout(() => upstream.write(chunk), this.latencyMs));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }
}
