import { frameAncestorsAllow } from '../../src/channels/webchat/frameAncestors';

const HOST = 'chat.hospital.example';

describe('when the widget asks whether its page may frame the chat (FRAME_ANCESTORS)', () => {
  test("'self' allows only the chat server's own host (and port, when the request named one)", () => {
    expect(frameAncestorsAllow(["'self'"], 'https://chat.hospital.example', HOST)).toBe(true);
    expect(frameAncestorsAllow(["'self'"], 'https://www.hospital.example', HOST)).toBe(false);
    expect(frameAncestorsAllow(["'self'"], 'http://127.0.0.1:3978', '127.0.0.1:3978')).toBe(true);
    expect(frameAncestorsAllow(["'self'"], 'http://127.0.0.1:4000', '127.0.0.1:3978')).toBe(false);
  });

  test('an origin allows that origin, and its https form when it names http', () => {
    const sources = ["'self'", 'https://www.hospital.example'];
    expect(frameAncestorsAllow(sources, 'https://www.hospital.example', HOST)).toBe(true);
    expect(frameAncestorsAllow(sources, 'http://www.hospital.example', HOST)).toBe(false);
    expect(frameAncestorsAllow(sources, 'https://www.hospital.example:8443', HOST)).toBe(false);
    expect(frameAncestorsAllow(['http://www.hospital.example'], 'https://www.hospital.example', HOST)).toBe(
      true,
    );
  });

  test('a host without a scheme, a wildcard subdomain, a port wildcard and a bare scheme match as in CSP', () => {
    expect(frameAncestorsAllow(['www.hospital.example'], 'https://www.hospital.example', HOST)).toBe(true);
    expect(frameAncestorsAllow(['*.hospital.example'], 'https://intranet.hospital.example', HOST)).toBe(true);
    expect(frameAncestorsAllow(['*.hospital.example'], 'https://hospital.example', HOST)).toBe(false);
    expect(
      frameAncestorsAllow(['https://www.hospital.example:*'], 'https://www.hospital.example:8443', HOST),
    ).toBe(true);
    expect(frameAncestorsAllow(['https:'], 'https://anywhere.example', HOST)).toBe(true);
    expect(frameAncestorsAllow(['https:'], 'http://anywhere.example', HOST)).toBe(false);
  });

  test("'none' and a malformed origin allow nothing", () => {
    expect(frameAncestorsAllow(["'none'"], 'https://chat.hospital.example', HOST)).toBe(false);
    expect(frameAncestorsAllow(["'self'"], 'not an origin', HOST)).toBe(false);
  });
});
