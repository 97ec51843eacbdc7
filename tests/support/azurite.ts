import { createServer } from 'node:net';

/** The environment variable through which globalSetup hands the Azurite connection string to test files. */
export const AZURITE_CONNECTION_ENV = 'TRIAGE_AZURITE_CONNECTION_STRING';
/** The environment variable that says why Azurite is not running (tests that need it are skipped locally). */
export const AZURITE_SKIP_ENV = 'TRIAGE_AZURITE_SKIP_REASON';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT = Object.freeze({
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
});

/** The connection string of the Azurite blob endpoint at `host:port`. */
export function azuriteConnectionString(port: number, host = '127.0.0.1'): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT.name}`,
    `AccountKey=${AZURITE_ACCOUNT.key}`,
    `BlobEndpoint=http://${host}:${port}/${AZURITE_ACCOUNT.name};`,
  ].join(';');
}

/** The port of a connection string's blob endpoint. */
export function portOf(connectionString: string): number {
  const match = /BlobEndpoint=https?:\/\/[^:/]+:(\d+)/.exec(connectionString);
  if (!match?.[1]) throw new Error(`No blob endpoint port in ${connectionString}`);
  return Number(match[1]);
}

/** The running Azurite's connection string, or undefined (with the reason printed once) when it is not running. */
export function sharedAzurite(): string | undefined {
  const connection = process.env[AZURITE_CONNECTION_ENV];
  if (connection) return connection;
  const reason = process.env[AZURITE_SKIP_ENV] ?? 'globalSetup did not start it';
  if (process.env.CI === 'true') throw new Error(`Azurite is required on CI but is not running: ${reason}`);
  console.warn(`Skipping the Azure Blob Storage tests: Azurite is not running (${reason}).`);
  return undefined;
}

/** A TCP port that was free a moment ago on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
