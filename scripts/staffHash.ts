import { StaffKeyHash } from '../src/channels/agent/staffKeyHash';

/** Shortest staff key accepted: the key guards the call-centre mode, so it must not be guessable. */
export const MIN_STAFF_KEY_LENGTH = 16;

/**
 * Turns a staff access key into the `STAFF_ACCESS_KEY_HASH` value (scrypt, random salt).
 * @throws Error when the key is missing or too short
 */
export async function staffHash(key: string | undefined): Promise<string> {
  const value = (key ?? '').trim();
  if (value.length < MIN_STAFF_KEY_LENGTH) {
    throw new Error(
      `Usage: npm run staff:hash -- <key>\nThe key must be at least ${MIN_STAFF_KEY_LENGTH} characters; a long random one is best (e.g. openssl rand -base64 24).`,
    );
  }
  return StaffKeyHash.create(value);
}

if (require.main === module) {
  staffHash(process.argv[2])
    .then((hash) => process.stdout.write(`STAFF_ACCESS_KEY_HASH=${hash}\n`))
    .catch((err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    });
}
