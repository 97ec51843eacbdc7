import { StaffKeyHash } from '../src/channels/agent/staffKeyHash';
import { readHiddenLine, readPiped, SecretCancelled, type SecretInput } from './readSecret';

/** Shortest staff key accepted: the key guards the call-centre mode, so it must not be guessable. */
export const MIN_STAFF_KEY_LENGTH = 16;

/** How to run the helper, printed with every refusal. */
export const STAFF_HASH_USAGE = [
  'Usage: npm run --silent staff:hash            (type the key twice; nothing is shown)',
  '       npm run --silent staff:hash < key.txt  (or pipe it in)',
  'It prints STAFF_ACCESS_KEY_HASH=<hash> for .env, the systemd env file or the Azure parameter staffAccessKeyHash.',
].join('\n');

/**
 * Turns a staff access key into the `STAFF_ACCESS_KEY_HASH` value (scrypt, random salt).
 * @throws Error when the key is missing or too short
 */
export async function staffHash(key: string | undefined): Promise<string> {
  const value = (key ?? '').trim();
  if (value.length < MIN_STAFF_KEY_LENGTH) {
    throw new Error(
      `The key must be at least ${MIN_STAFF_KEY_LENGTH} characters; a long random one is best (e.g. openssl rand -base64 24).\n${STAFF_HASH_USAGE}`,
    );
  }
  return StaffKeyHash.create(value);
}

/** Where the helper reads and writes. */
export interface StaffHashIo {
  /** Arguments after the script name. */
  readonly args: readonly string[];
  /** The key comes from here: a terminal (hidden prompt, asked twice) or a pipe. */
  readonly input: SecretInput;
  /** Prompts and messages. */
  readonly messages: NodeJS.WritableStream;
}

/**
 * Reads the key from a hidden prompt or from standard input, never from the command line (which the shell keeps in
 * its history and other users can see in the process list), and returns the `STAFF_ACCESS_KEY_HASH=` line.
 * @throws Error naming the way to run it when the key comes as an argument, differs between the two prompts, or
 * is too short
 */
export async function staffHashFromInput(io: StaffHashIo): Promise<string> {
  if (io.args.length > 0) {
    throw new Error(
      `Do not put the key on the command line: the shell keeps it in its history.\n${STAFF_HASH_USAGE}`,
    );
  }
  let key: string;
  if (io.input.isTTY) {
    key = await readHiddenLine(io.input, io.messages, 'Staff access key (not shown): ');
    const again = await readHiddenLine(io.input, io.messages, 'The same key again: ');
    if (again !== key) throw new Error(`The two keys differ; nothing was written.\n${STAFF_HASH_USAGE}`);
  } else {
    key = await readPiped(io.input);
  }
  return `STAFF_ACCESS_KEY_HASH=${await staffHash(key)}`;
}

if (require.main === module) {
  staffHashFromInput({ args: process.argv.slice(2), input: process.stdin, messages: process.stderr })
    .then((line) => process.stdout.write(`${line}\n`))
    .catch((err: Error) => {
      const cancelled = err instanceof SecretCancelled;
      process.stderr.write(cancelled ? 'Cancelled; nothing was written.\n' : `${err.message}\n`);
      process.exit(cancelled ? 130 : 1);
    });
}
