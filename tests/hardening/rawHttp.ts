import { connect } from 'node:net';

/** What came back on the wire: a status (0 when the server closed without answering), headers and body. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A request written byte for byte: nothing is normalised, added or checked on the way out. */
export interface RawRequest {
  readonly method: string;
  readonly path: string;
  /** Header lines as given (names, values and order kept; `Host` and `Connection: close` are added when absent). */
  readonly headers?: readonly (readonly [string, string])[];
  /** The body bytes; `Content-Length` is NOT added for you, so lengths can lie. */
  readonly body?: string | Buffer;
  /** Source address on the loopback network (127.0.0.x), so each caller can be a different client. */
  readonly from?: string;
  /** Give up after this many milliseconds and report status 0. */
  readonly timeoutMs?: number;
}

/** Splits a chunked body. */
function dechunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < raw.length) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Parses a whole HTTP/1.1 response read until the server closed the connection. */
function parse(whole: Buffer): RawResponse {
  let raw = whole;
  // Skip interim responses (100 Continue).
  while (
    /^HTTP\/1\.[01] 1\d\d /.test(raw.subarray(0, 16).toString('latin1')) &&
    raw.indexOf('\r\n\r\n') >= 0
  ) {
    raw = raw.subarray(raw.indexOf('\r\n\r\n') + 4);
  }
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd < 0) return { status: 0, headers: {}, body: raw.toString('utf8') };
  const [statusLine = '', ...lines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  let body = raw.subarray(headEnd + 4);
  if ((headers['transfer-encoding'] ?? '').toLowerCase() === 'chunked') body = dechunk(body);
  return { status, headers, body: body.toString('utf8') };
}

/**
 * Sends one request over a fresh TCP connection and reads the response until the server closes it.
 * @remarks `fetch` would normalise or refuse the hostile headers under test (lying lengths, odd encodings), so
 * the request is written by hand. A reset while a huge body is still being written is reported with whatever
 * response arrived before it (servers may answer 413 and close early).
 */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const headers = [...(request.headers ?? [])];
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  if (!has('host')) headers.unshift(['Host', url.host]);
  if (!has('connection')) headers.push(['Connection', 'close']);
  const head = `${request.method} ${request.path} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${v}`).join('\r\n')}\r\n\r\n`;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect({ host: url.hostname, port: Number(url.port), localAddress: request.from });
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks)));
    };
    const timer = setTimeout(finish, request.timeoutMs ?? 20_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
    socket.on('connect', () => {
      socket.write(Buffer.from(head, 'latin1'));
      if (request.body !== undefined) socket.write(request.body);
    });
  });
}

/** A JSON body with its exact Content-Length, the way a well-behaved client sends it. */
export function jsonHeaders(
  body: string | Buffer,
  extra: readonly (readonly [string, string])[] = [],
): [string, string][] {
  return [
    ['Content-Type', 'application/json'],
    ['Content-Length', String(Buffer.byteLength(body))],
    ...extra.map(([name, value]): [string, string] => [name, value]),
  ];
}
