import { PassThrough } from 'node:stream';
import { staffHashFromInput } from '../../scripts/staffHash';
import { StaffKeyHash } from '../../src/channels/agent/staffKeyHash';

const KEY = 'a-long-random-staff-key-123';

/** A stand-in terminal: what is typed arrives as raw key presses; raw mode is recorded. */
function terminal(typed: string[]) {
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    rawModes: [] as boolean[],
    setRawMode(mode: boolean) {
      this.rawModes.push(mode);
      return this;
    },
  });
  // One line per prompt, sent once the prompt has been written.
  const messages = new PassThrough();
  let shown = '';
  messages.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
    if (/: $/.test(shown) && typed.length > 0) input.write(typed.shift()!);
  });
  return { input, messages, shown: () => shown };
}

/** A pipe: everything is there at once, then the end. */
function pipe(text: string) {
  const input = new PassThrough();
  input.end(text);
  return input;
}

/** The hash out of the printed line. */
function hashOf(line: string): StaffKeyHash {
  expect(line).toMatch(/^STAFF_ACCESS_KEY_HASH=scrypt:/);
  return StaffKeyHash.parse(line.slice('STAFF_ACCESS_KEY_HASH='.length))!;
}

describe('when the operator set-up makes the staff key hash (npm run staff:hash)', () => {
  test('a key piped in gives the STAFF_ACCESS_KEY_HASH line of that key', async () => {
    const line = await staffHashFromInput({ args: [], input: pipe(`${KEY}\n`), messages: new PassThrough() });
    await expect(hashOf(line).matches(KEY)).resolves.toBe(true);
    await expect(hashOf(line).matches(`${KEY}x`)).resolves.toBe(false);
  });

  test('a key typed twice at the hidden prompt gives its hash, and is never shown', async () => {
    const tty = terminal([`${KEY}\r`, `${KEY}\r`]);
    const line = await staffHashFromInput({ args: [], input: tty.input, messages: tty.messages });
    await expect(hashOf(line).matches(KEY)).resolves.toBe(true);
    expect(tty.shown()).toContain('not shown');
    expect(tty.shown()).not.toContain(KEY);
    expect(tty.input.rawModes).toEqual([true, false, true, false]);
  });

  test('backspace at the prompt deletes the last character typed', async () => {
    const tty = terminal([`${KEY}z\u007f\r`, `${KEY}\r`]);
    const line = await staffHashFromInput({ args: [], input: tty.input, messages: tty.messages });
    await expect(hashOf(line).matches(KEY)).resolves.toBe(true);
  });

  test('two different keys at the prompt are refused, and nothing is printed', async () => {
    const tty = terminal([`${KEY}\r`, `${KEY}4\r`]);
    await expect(staffHashFromInput({ args: [], input: tty.input, messages: tty.messages })).rejects.toThrow(
      /two keys differ/,
    );
  });

  test('a key on the command line is refused, saying why (shell history) and how instead', async () => {
    await expect(
      staffHashFromInput({ args: [KEY], input: pipe(''), messages: new PassThrough() }),
    ).rejects.toThrow(/command line: the shell keeps it in its history[\s\S]*staff:hash < key\.txt/);
  });

  test('a short key is refused with the minimum length', async () => {
    await expect(
      staffHashFromInput({ args: [], input: pipe('short\n'), messages: new PassThrough() }),
    ).rejects.toThrow(/at least 16 characters/);
  });
});
