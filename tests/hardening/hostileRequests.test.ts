import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { type App, createApp } from '../../src/index';
import { fixedClock } from '../../src/time/clock';
import { message, OPEN_TUESDAY, textOf, type ReplyActivity } from '../support/testApp';
import { jsonHeaders, type RawResponse, rawRequest } from './rawHttp';

/** The staff key of the `/agent` API in this test (its sha256 is configured). */
const STAFF_KEY = 'hardening-test-staff-key-0123456789abcdef';

/** How each route must treat a hostile request. */
enum Expect {
  /** A 4xx with a short JSON error. */
  Refused = 'refused',
  /** A 2xx whose replies include at least one message. */
  Answered = 'answered',
  /** Either of the above (the route may ignore the odd part). */
  Either = 'either',
}

/** What a route needs for a hostile request: where to send it and the headers proving who sends it. */
interface Opened {
  readonly path: string;
  readonly auth: [string, string][];
}

/** A public JSON route under test. */
interface JsonRoute {
  readonly name: string;
  /** What the route does with the body: runs it as a turn, reads only a key, or ignores it. */
  readonly reads: 'turn' | 'key' | 'nothing';
  /** Prepares a request (starts a conversation, gets a token). */
  open(): Promise<Opened>;
  /** A valid body for this route carrying `text`. */
  valid(text: string): Record<string, unknown>;
}

/** One hostile request, as a function of the route it is sent to. */
interface HostileCase {
  readonly name: string;
  /** Whether the case is about the HTTP request (every route that reads a body must refuse it) or the activity in it. */
  readonly level: 'transport' | 'activity';
  /** What a route that runs turns must answer (routes that do not read the body only need no 5xx). */
  readonly expect: Expect | ((route: JsonRoute) => Expect);
  /** The exact status, when the case fixes one (only checked on routes that run turns). */
  readonly status?: number;
  build(
    route: JsonRoute,
    opened: Opened,
  ): {
    method?: string;
    path?: string;
    headers: [string, string][];
    body?: string | Buffer;
    timeoutMs?: number;
  };
}

const json = (value: unknown) => JSON.stringify(value);

/** A valid body with a change applied (`undefined` deletes the field). */
function mutated(route: JsonRoute, change: Record<string, unknown>): string {
  const body: Record<string, unknown> = { ...route.valid('when is the booking line open?'), ...change };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete body[k];
  return json(body);
}

/** A case whose body is `body` with correct JSON headers. */
function bodyCase(
  name: string,
  expect: HostileCase['expect'],
  body: (route: JsonRoute) => string | Buffer,
  status?: number,
  level: HostileCase['level'] = 'transport',
): HostileCase {
  return {
    name,
    level,
    expect,
    status,
    build: (route, opened) => {
      const b = body(route);
      return { headers: jsonHeaders(b, opened.auth), body: b };
    },
  };
}

/** A case about the activity: a valid body of the route with a change. */
function activityCase(
  name: string,
  expect: HostileCase['expect'],
  body: (route: JsonRoute) => string | Buffer,
  status?: number,
): HostileCase {
  return bodyCase(name, expect, body, status, 'activity');
}

/** A case sending a valid body with the given headers instead of the JSON ones. */
function headerCase(
  name: string,
  expect: Expect,
  headers: (body: string) => [string, string][],
  status?: number,
  body?: (text: string) => string | Buffer,
): HostileCase {
  return {
    name,
    level: 'transport',
    expect,
    status,
    build: (route, opened) => {
      const valid = json(route.valid('when is the booking line open?'));
      return { headers: [...headers(valid), ...opened.auth], body: body ? body(valid) : valid };
    },
  };
}

const onMessages = (onApi: Expect, elsewhere: Expect) => (route: JsonRoute) =>
  route.name === 'POST /api/messages' ? onApi : elsewhere;

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const manyKeys = (n: number) => `{${Array.from({ length: n }, (_, i) => `"${i.toString(36)}":0`).join(',')}}`;
const big = (bytes: number) => 'x'.repeat(bytes);
const FIVE_MB = 5 * 1024 * 1024;
const HUNDRED_KB = 100 * 1024;

/** Text that tries to inject markup or code into whatever shows or stores the message. */
const INJECTIONS = [
  '<script>alert(1)</script> when is the booking line open?',
  '"><img src=x onerror=alert(document.cookie)> booking line',
  '[click me](javascript:alert(1)) orari prenotazione',
  "'; DROP TABLE conversations; -- booking",
  '{{constructor.constructor("return process")().exit()}} ${process.exit(1)} booking',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
];

const CASES: HostileCase[] = [
  // Bodies that are not an activity at all.
  bodyCase('a body that is not JSON', Expect.Refused, () => 'hello there, is the line open?', 400),
  bodyCase('truncated JSON', Expect.Refused, () => '{"type": "message",', 400),
  bodyCase('an empty body', Expect.Refused, () => '', 400),
  bodyCase('a JSON array', Expect.Refused, () => '[]', 400),
  bodyCase('JSON null', Expect.Refused, () => 'null', 400),
  bodyCase('a JSON number', Expect.Refused, () => '42', 400),
  bodyCase('a JSON string', Expect.Refused, () => '"when is the line open?"', 400),
  bodyCase('JSON true', Expect.Refused, () => 'true', 400),
  bodyCase('an empty object', Expect.Refused, () => '{}', 400),
  bodyCase('2,000-deep nested arrays', Expect.Refused, () => deep(2000), 400),
  bodyCase('50,000-deep nested arrays', Expect.Refused, () => deep(50_000)),
  bodyCase('a 5 MB body', Expect.Refused, (r) => mutated(r, { text: big(FIVE_MB) }), 413),
  bodyCase(
    'a value with 50,000 keys',
    Expect.Refused,
    (r) => mutated(r, { channelData: JSON.parse(manyKeys(50_000)) }),
    413,
  ),
  // Activities with wrong or missing fields.
  activityCase('text as a number', Expect.Refused, (r) => mutated(r, { text: 42 }), 400),
  activityCase('text as an object', Expect.Refused, (r) => mutated(r, { text: { toString: 'x' } }), 400),
  activityCase('text as an array', Expect.Refused, (r) => mutated(r, { text: ['a', 'b'] }), 400),
  activityCase('text null', Expect.Refused, (r) => mutated(r, { text: null }), 400),
  activityCase('no conversation', onMessages(Expect.Refused, Expect.Answered), (r) =>
    mutated(r, { conversation: undefined }),
  ),
  activityCase('conversation null', onMessages(Expect.Refused, Expect.Answered), (r) =>
    mutated(r, { conversation: null }),
  ),
  activityCase('conversation id as a number', onMessages(Expect.Refused, Expect.Answered), (r) =>
    mutated(r, { conversation: { id: 7 } }),
  ),
  activityCase('no from', onMessages(Expect.Refused, Expect.Answered), (r) =>
    mutated(r, { from: undefined }),
  ),
  activityCase('from as a string', onMessages(Expect.Refused, Expect.Answered), (r) =>
    mutated(r, { from: 'me' }),
  ),
  activityCase('an unknown activity type', Expect.Either, (r) => mutated(r, { type: 'hack' })),
  activityCase('an empty activity type', Expect.Either, (r) => mutated(r, { type: '' })),
  activityCase('type as an object', Expect.Either, (r) => mutated(r, { type: { toString: 'message' } })),
  activityCase('an invoke nobody handles', Expect.Either, (r) =>
    mutated(r, { type: 'invoke', name: 'composeExtension/hack', value: { a: 1 } }),
  ),
  activityCase('an adaptive card action invoke', Expect.Either, (r) =>
    mutated(r, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute' } },
    }),
  ),
  activityCase('a Teams task/fetch invoke', Expect.Either, (r) =>
    mutated(r, { type: 'invoke', name: 'task/fetch', value: null }),
  ),
  activityCase('a Teams file consent invoke with junk', Expect.Either, (r) =>
    mutated(r, { type: 'invoke', name: 'fileConsent/invoke', value: { action: 'accept' } }),
  ),
  activityCase(
    'an invoke nobody handles, delivered normally (not expectReplies)',
    onMessages(Expect.Refused, Expect.Either),
    (r) => mutated(r, { type: 'invoke', name: 'composeExtension/query', value: {}, deliveryMode: undefined }),
  ),
  activityCase('a healthCheck invoke', onMessages(Expect.Refused, Expect.Either), (r) =>
    mutated(r, { type: 'invoke', name: 'healthCheck', deliveryMode: undefined }),
  ),
  activityCase('an event activity', Expect.Either, (r) =>
    mutated(r, { type: 'event', name: 'webchat/join', value: { x: 1 } }),
  ),
  activityCase('a typing activity', Expect.Either, (r) => mutated(r, { type: 'typing' })),
  activityCase('a messageReaction with junk reactions', Expect.Either, (r) =>
    mutated(r, { type: 'messageReaction', reactionsAdded: 'thumbs', reactionsRemoved: [null] }),
  ),
  activityCase('a messageUpdate', Expect.Either, (r) => mutated(r, { type: 'messageUpdate' })),
  activityCase('an endOfConversation', Expect.Either, (r) => mutated(r, { type: 'endOfConversation' })),
  activityCase('an installationUpdate', Expect.Either, (r) =>
    mutated(r, { type: 'installationUpdate', action: 'remove' }),
  ),
  activityCase('membersAdded that is not a list', Expect.Either, (r) =>
    mutated(r, { type: 'conversationUpdate', text: undefined, membersAdded: 'everyone' }),
  ),
  activityCase('membersAdded holding null', Expect.Either, (r) =>
    mutated(r, { type: 'conversationUpdate', text: undefined, membersAdded: [null, 42, { id: null }] }),
  ),
  activityCase(
    'a Teams message with junk channelData and entities',
    onMessages(Expect.Refused, Expect.Answered),
    (r) =>
      mutated(r, {
        channelId: 'msteams',
        channelData: { tenant: 7, team: null },
        entities: [null, 1, { type: 7 }],
      }),
  ),
  activityCase('a card submission whose value is 2,000 levels deep', Expect.Either, (r) =>
    mutated(r, { text: '', value: JSON.parse(deepObject(2000)) }),
  ),
  activityCase('a card submission whose choice is an object', Expect.Either, (r) =>
    mutated(r, { text: '', value: { choice: { toString: 'x' }, text: [1] } }),
  ),
  activityCase('a deliveryMode nobody knows', Expect.Either, (r) =>
    mutated(r, { deliveryMode: 'carrierPigeon' }),
  ),
  // Prototype pollution.
  activityCase('a __proto__ key at the top', Expect.Answered, (r) =>
    mutated(r, {}).replace(/^\{/, '{"__proto__":{"polluted":"yes","mode":"operator"},'),
  ),
  activityCase('a constructor.prototype key', Expect.Answered, (r) =>
    mutated(r, {}).replace(/^\{/, '{"constructor":{"prototype":{"polluted":"yes"}},'),
  ),
  activityCase('__proto__ inside from, conversation and channelData', Expect.Answered, (r) =>
    mutated(r, {})
      .replace('"from":{', '"from":{"__proto__":{"role":"bot","polluted":"yes"},')
      .replace('"conversation":{', '"conversation":{"__proto__":{"isGroup":true,"polluted":"yes"},')
      .replace(
        /\}$/,
        ',"channelData":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}',
      ),
  ),
  // Script and markup injection, odd characters.
  ...INJECTIONS.map((text) =>
    activityCase(`injected text: ${text.slice(0, 30)}`, Expect.Answered, (r) => mutated(r, { text })),
  ),
  activityCase('control characters', Expect.Answered, (r) =>
    mutated(r, {
      text: '\u0000\u0001\u0007\u001b[2J\u001b]0;pwned\u0007\u007f\u0085 booking line open?\r\n\t',
    }),
  ),
  activityCase('right-to-left and invisible marks', Expect.Answered, (r) =>
    mutated(r, {
      text: '\u202enepo enil gnikoob\u202c \u200f\u200e\u2066\u2069\u200b\ufeff when is the booking line open?',
    }),
  ),
  activityCase('lone surrogates', Expect.Answered, (r) =>
    mutated(r, { text: '\ud800 when is the booking line open? \udfff\udc00\ud83d' }),
  ),
  activityCase('bytes that are not UTF-8', Expect.Answered, (r) =>
    Buffer.concat(
      mutated(r, { text: 'booking line open? BYTES' })
        .split('BYTES')
        .flatMap((part, i) =>
          i === 0
            ? [Buffer.from(part)]
            : [Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), Buffer.from(part)],
        ),
    ),
  ),
  activityCase('a NUL in the conversation id', Expect.Answered, (r) =>
    mutated(r, { conversation: { id: `conv\u0000${Date.now()}\u202e` } }),
  ),
  activityCase('text of only whitespace and zero-width characters', Expect.Either, (r) =>
    mutated(r, { text: ' \u200b\u00a0\u3000\t ' }),
  ),
  // Huge and traversing ids.
  activityCase('a 100 KB conversation id', onMessages(Expect.Refused, Expect.Answered), (r) =>
    mutated(r, { conversation: { id: big(HUNDRED_KB) } }),
  ),
  activityCase('a 100 KB user id', onMessages(Expect.Refused, Expect.Answered), (r) =>
    mutated(r, { from: { id: big(HUNDRED_KB) } }),
  ),
  activityCase('a 100 KB activity id', onMessages(Expect.Refused, Expect.Answered), (r) =>
    mutated(r, { id: big(HUNDRED_KB) }),
  ),
  activityCase('a 100 KB user name', onMessages(Expect.Refused, Expect.Answered), (r) =>
    mutated(r, { from: { id: 'u', name: big(HUNDRED_KB) } }),
  ),
  activityCase('a 100 KB locale', onMessages(Expect.Refused, Expect.Answered), (r) =>
    mutated(r, { locale: big(HUNDRED_KB) }),
  ),
  activityCase('a 100 KB time zone', onMessages(Expect.Refused, Expect.Answered), (r) =>
    mutated(r, { localTimezone: big(HUNDRED_KB) }),
  ),
  activityCase('an unknown time zone and a junk locale', Expect.Answered, (r) =>
    mutated(r, { localTimezone: '../../etc/localtime', locale: 'xx-<script>' }),
  ),
  ...[
    '../../../../etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    '%2e%2e%2f%2e%2e%2fetc',
    '/',
    'a/../../b',
    '.',
  ].map((id) =>
    activityCase(`a path-traversal conversation id ${id}`, Expect.Answered, (r) =>
      mutated(r, { conversation: { id: `${id}${Date.now()}` }, from: { id: `${id}user` } }),
    ),
  ),
  // Hostile headers.
  headerCase(
    'no Content-Type',
    Expect.Refused,
    (b) => [['Content-Length', String(Buffer.byteLength(b))]],
    415,
  ),
  ...[
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'text/html',
    'application/xml',
    'json',
    '*/*',
  ].map((type) =>
    headerCase(
      `Content-Type ${type}`,
      Expect.Refused,
      (b) => [
        ['Content-Type', type],
        ['Content-Length', String(Buffer.byteLength(b))],
      ],
      415,
    ),
  ),
  ...['utf-16', 'iso-8859-1', 'utf-7', 'x-unknown', ''].map((charset) =>
    headerCase(
      `charset ${charset || '(empty)'}`,
      charset === '' ? Expect.Either : Expect.Refused,
      (b) => [
        ['Content-Type', `application/json; charset=${charset}`],
        ['Content-Length', String(Buffer.byteLength(b))],
      ],
      charset === '' ? undefined : 415,
    ),
  ),
  headerCase(
    'a body in UTF-16 declared as UTF-16',
    Expect.Refused,
    (b) => [
      ['Content-Type', 'application/json; charset=utf-16le'],
      ['Content-Length', String(Buffer.byteLength(b, 'utf16le'))],
    ],
    415,
    (b) => Buffer.from(b, 'utf16le'),
  ),
  headerCase(
    'a body in UTF-16 declared as JSON',
    Expect.Refused,
    (b) => [
      ['Content-Type', 'application/json'],
      ['Content-Length', String(Buffer.byteLength(b, 'utf16le'))],
    ],
    400,
    (b) => Buffer.from(b, 'utf16le'),
  ),
  headerCase(
    'a UTF-8 byte-order mark',
    Expect.Either,
    (b) => [
      ['Content-Type', 'application/json'],
      ['Content-Length', String(Buffer.byteLength(b) + 3)],
    ],
    undefined,
    (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(b)]),
  ),
  headerCase('upper-case media type and quoted charset', Expect.Answered, (b) => [
    ['Content-Type', 'APPLICATION/JSON; CHARSET="UTF-8"'],
    ['Content-Length', String(Buffer.byteLength(b))],
  ]),
  headerCase('a +json media type', Expect.Answered, (b) => [
    ['Content-Type', 'application/vnd.api+json'],
    ['Content-Length', String(Buffer.byteLength(b))],
  ]),
  headerCase('a 10 KB Content-Type', Expect.Either, (b) => [
    ['Content-Type', `application/json; ${'x=y; '.repeat(2000)}`],
    ['Content-Length', String(Buffer.byteLength(b))],
  ]),
  headerCase('two Content-Types', Expect.Either, (b) => [
    ['Content-Type', 'application/json'],
    ['Content-Type', 'text/plain'],
    ['Content-Length', String(Buffer.byteLength(b))],
  ]),
  headerCase(
    'a gzip body',
    Expect.Refused,
    (b) => [
      ['Content-Type', 'application/json'],
      ['Content-Encoding', 'gzip'],
      ['Content-Length', String(gzipSync(b).length)],
    ],
    415,
    (b) => gzipSync(b),
  ),
  headerCase(
    'a gzip bomb',
    Expect.Refused,
    () => {
      const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
      return [
        ['Content-Type', 'application/json'],
        ['Content-Encoding', 'gzip'],
        ['Content-Length', String(bomb.length)],
      ];
    },
    415,
    () => gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)),
  ),
  ...['deflate', 'br', 'GZIP', 'identity, gzip', 'x-made-up'].map((encoding) =>
    headerCase(
      `Content-Encoding ${encoding}`,
      Expect.Refused,
      (b) => [
        ['Content-Type', 'application/json'],
        ['Content-Encoding', encoding],
        ['Content-Length', String(Buffer.byteLength(b))],
      ],
      415,
    ),
  ),
  headerCase('Content-Encoding identity', Expect.Answered, (b) => [
    ['Content-Type', 'application/json'],
    ['Content-Encoding', 'identity'],
    ['Content-Length', String(Buffer.byteLength(b))],
  ]),
  headerCase('Content-Length 0 with a body', Expect.Refused, () => [
    ['Content-Type', 'application/json'],
    ['Content-Length', '0'],
  ]),
  headerCase('Content-Length shorter than the body', Expect.Refused, (b) => [
    ['Content-Type', 'application/json'],
    ['Content-Length', String(Math.floor(b.length / 2))],
  ]),
  {
    name: 'Content-Length longer than the body (the client stalls)',
    level: 'transport',
    expect: Expect.Either,
    build: (route, opened) => {
      const b = json(route.valid('hello'));
      return {
        headers: [
          ['Content-Type', 'application/json'],
          ['Content-Length', String(b.length + 500)],
          ...opened.auth,
        ],
        body: b,
        timeoutMs: 1500,
      };
    },
  },
  headerCase(
    'a negative Content-Length',
    Expect.Refused,
    () => [
      ['Content-Type', 'application/json'],
      ['Content-Length', '-1'],
    ],
    400,
  ),
  headerCase(
    'a Content-Length that is not a number',
    Expect.Refused,
    () => [
      ['Content-Type', 'application/json'],
      ['Content-Length', 'abc'],
    ],
    400,
  ),
  headerCase('an absurd Content-Length', Expect.Refused, () => [
    ['Content-Type', 'application/json'],
    ['Content-Length', '99999999999999999999'],
  ]),
  headerCase(
    'two different Content-Lengths',
    Expect.Refused,
    (b) => [
      ['Content-Type', 'application/json'],
      ['Content-Length', String(b.length)],
      ['Content-Length', '5'],
    ],
    400,
  ),
  headerCase(
    'Content-Length with Transfer-Encoding chunked',
    Expect.Refused,
    (b) => [
      ['Content-Type', 'application/json'],
      ['Content-Length', String(b.length)],
      ['Transfer-Encoding', 'chunked'],
    ],
    400,
  ),
  headerCase(
    'a chunked body',
    Expect.Answered,
    () => [
      ['Content-Type', 'application/json'],
      ['Transfer-Encoding', 'chunked'],
    ],
    undefined,
    (b) => `${Buffer.byteLength(b).toString(16)}\r\n${b}\r\n0\r\n\r\n`,
  ),
  headerCase(
    'a 5 MB chunked body',
    Expect.Refused,
    () => [
      ['Content-Type', 'application/json'],
      ['Transfer-Encoding', 'chunked'],
    ],
    413,
    () => {
      const chunk = big(64 * 1024);
      return `${Array.from({ length: 80 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('')}0\r\n\r\n`;
    },
  ),
  headerCase(
    'Transfer-Encoding gzip, chunked',
    Expect.Either,
    () => [
      ['Content-Type', 'application/json'],
      ['Transfer-Encoding', 'gzip, chunked'],
    ],
    undefined,
    (b) => `${Buffer.byteLength(b).toString(16)}\r\n${b}\r\n0\r\n\r\n`,
  ),
  headerCase('Expect: 100-continue', Expect.Answered, (b) => [
    ['Content-Type', 'application/json'],
    ['Expect', '100-continue'],
    ['Content-Length', String(Buffer.byteLength(b))],
  ]),
  headerCase(
    'a 20 KB header',
    Expect.Refused,
    (b) => [
      ['Content-Type', 'application/json'],
      ['X-Junk', big(20 * 1024)],
      ['Content-Length', String(Buffer.byteLength(b))],
    ],
    431,
  ),
  headerCase('an Authorization header of junk', Expect.Either, (b) => [
    ['Content-Type', 'application/json'],
    ['Authorization', 'Bearer not.a.jwt'],
    ['Content-Length', String(Buffer.byteLength(b))],
  ]),
  headerCase('odd Accept, Accept-Charset and Accept-Language', Expect.Answered, (b) => [
    ['Content-Type', 'application/json'],
    ['Accept', 'text/html;q=0, */*;q=0'],
    ['Accept-Charset', 'utf-32'],
    ['Accept-Language', `${'xx;q=0.1, '.repeat(200)}zz`],
    ['Content-Length', String(Buffer.byteLength(b))],
  ]),
  // Methods and paths.
  ...['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'].map<HostileCase>((method) => ({
    name: `method ${method}`,
    level: 'transport',
    expect: Expect.Refused,
    build: (_route, opened) => ({ method, headers: opened.auth }),
  })),
  {
    name: 'an invalid method token',
    level: 'transport',
    expect: Expect.Refused,
    build: (_route, opened) => ({ method: 'H@CK', headers: opened.auth }),
  },
  {
    name: 'a 100 KB query string',
    level: 'transport',
    expect: Expect.Refused,
    build: (route, opened) => {
      const b = json(route.valid('hello'));
      return { path: `${opened.path}?q=${big(HUNDRED_KB)}`, headers: jsonHeaders(b, opened.auth), body: b };
    },
  },
  {
    name: 'a path with traversal and encoded NUL',
    level: 'transport',
    expect: Expect.Refused,
    build: (route, opened) => {
      const b = json(route.valid('hello'));
      return {
        path: `${opened.path}/..%2F..%2F%00/../../etc/passwd`,
        headers: jsonHeaders(b, opened.auth),
        body: b,
      };
    },
  },
];

/** Collects the app's log lines (level warn and above) so the test can see failures the HTTP status hides. */
class LogSink extends Writable {
  readonly lines: { level: number; msg: string; err?: { message?: string } }[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line));
    done();
  }
}

describe('hostile requests to every public route', () => {
  let app: App;
  let baseUrl: string;
  const sink = new LogSink();
  let clientNo = 1;
  /** Each request comes from its own loopback address, so per-client limits do not mix the cases up. */
  const nextClient = () => `127.0.${Math.floor(clientNo / 250)}.${(clientNo++ % 250) + 2}`;

  const post = async (path: string, body: unknown, auth: [string, string][] = []): Promise<RawResponse> => {
    const b = json(body);
    return rawRequest(baseUrl, {
      method: 'POST',
      path,
      headers: jsonHeaders(b, auth),
      body: b,
      from: nextClient(),
    });
  };

  const ROUTES: JsonRoute[] = [
    {
      name: 'POST /api/messages',
      reads: 'turn',
      open: async () => ({ path: '/api/messages', auth: [] }),
      valid: (text) => ({ ...message(text), deliveryMode: 'expectReplies' }),
    },
    {
      name: 'POST /api/webchat/conversations',
      reads: 'nothing',
      open: async () => ({ path: '/api/webchat/conversations', auth: [] }),
      valid: (text) => ({ type: 'message', text }),
    },
    {
      name: 'POST /api/webchat/conversations/:id/activities',
      reads: 'turn',
      open: async () => {
        const res = await post('/api/webchat/conversations', {});
        const { conversationId, token } = JSON.parse(res.body) as { conversationId: string; token: string };
        return {
          path: `/api/webchat/conversations/${conversationId}/activities`,
          auth: [['Authorization', `Bearer ${token}`]],
        };
      },
      valid: (text) => ({ type: 'message', text, locale: 'en-US' }),
    },
    {
      name: 'POST /api/webchat/conversations/:id/token',
      reads: 'nothing',
      open: async () => {
        const res = await post('/api/webchat/conversations', {});
        const { conversationId, token } = JSON.parse(res.body) as { conversationId: string; token: string };
        return {
          path: `/api/webchat/conversations/${conversationId}/token`,
          auth: [['Authorization', `Bearer ${token}`]],
        };
      },
      valid: () => ({}),
    },
    {
      name: 'POST /agent/api/conversations',
      // Reads only an optional locale and time zone; any other body starts a conversation with defaults.
      reads: 'nothing',
      open: async () => {
        const res = await post('/agent/api/session', { key: STAFF_KEY, locale: 'en-US' });
        const { token } = JSON.parse(res.body) as { token: string };
        return { path: '/agent/api/conversations', auth: [['Authorization', `Bearer ${token}`]] };
      },
      valid: () => ({ locale: 'it-IT' }),
    },
    {
      name: 'POST /agent/api/session',
      reads: 'key',
      open: async () => ({ path: '/agent/api/session', auth: [] }),
      valid: () => ({ key: STAFF_KEY, locale: 'en-US' }),
    },
    {
      name: 'POST /agent/api/conversations/:id/activities',
      reads: 'turn',
      open: async () => {
        const res = await post('/agent/api/session', { key: STAFF_KEY, locale: 'en-US' });
        const { conversationId, token } = JSON.parse(res.body) as { conversationId: string; token: string };
        return {
          path: `/agent/api/conversations/${conversationId}/activities`,
          auth: [['Authorization', `Bearer ${token}`]],
        };
      },
      valid: (text) => ({ text, locale: 'en-US' }),
    },
  ];

  /** A real visitor's question, which must be answered normally after every hostile request. */
  const canary = async (): Promise<string> => {
    const res = await post('/api/messages', {
      ...message('when is the booking line open?', { locale: 'en-US' }),
      deliveryMode: 'expectReplies',
    });
    if (res.status !== 200) return `HTTP ${res.status}`;
    return textOf((JSON.parse(res.body) as { activities: ReplyActivity[] }).activities);
  };

  beforeAll(async () => {
    app = createApp({
      env: {
        LOG_LEVEL: 'warn',
        CURATOR_LOG_PATH: `/tmp/triage-hardening-curator-${process.pid}.jsonl`,
        STAFF_ACCESS_KEY_HASH: createHash('sha256').update(STAFF_KEY).digest('hex'),
      },
      clock: fixedClock(OPEN_TUESDAY),
      logger: pino({ level: 'warn' }, sink),
    });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    await app.ready;
    baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.close();
  });

  describe.each(ROUTES.map((r) => [r.name, r]))('%s', (_name, route) => {
    test.each(CASES.map((c) => [c.name, c]))(
      '%s: no 5xx, no crash, and the next visitor is served',
      async (_case, hostile) => {
        const errorsBefore = sink.lines.length;
        const opened = await route.open();
        const req = hostile.build(route, opened);
        const res = await rawRequest(baseUrl, {
          method: req.method ?? 'POST',
          path: req.path ?? opened.path,
          headers: req.headers,
          body: req.body,
          from: nextClient(),
          timeoutMs: req.timeoutMs,
        });
        const declared = typeof hostile.expect === 'function' ? hostile.expect(route) : hostile.expect;
        const strict = route.reads === 'turn' || (route.reads === 'key' && hostile.level === 'transport');
        const expected = strict ? declared : Expect.Either;
        const stalled = req.timeoutMs !== undefined && res.status === 0;
        const outcome = {
          status: res.status,
          refused: res.status >= 400 && res.status < 500,
          answered: res.status >= 200 && res.status < 300,
        };
        expect({ status: res.status, body: res.body.slice(0, 200) }).toEqual(
          expect.objectContaining({ status: stalled ? 0 : expect.any(Number) }),
        );
        if (!stalled) {
          expect(res.status).toBeLessThan(500);
          expect(res.status).toBeGreaterThanOrEqual(200);
          if (expected === Expect.Refused)
            expect(outcome).toEqual(expect.objectContaining({ refused: true }));
          if (expected === Expect.Answered)
            expect(outcome).toEqual(expect.objectContaining({ answered: true }));
          if (hostile.status !== undefined && strict) expect(res.status).toBe(hostile.status);
          if (outcome.refused && res.body)
            expect(JSON.parse(res.body)).toEqual(expect.objectContaining({ error: expect.any(String) }));
          if (outcome.answered && res.body) {
            const activities = (
              (JSON.parse(res.body) as { activities?: ReplyActivity[] }).activities ?? []
            ).filter((a) => a.type === 'message');
            if (expected === Expect.Answered && route.reads === 'turn')
              expect(activities.length).toBeGreaterThan(0);
            const shown = textOf(activities);
            expect(shown).not.toMatch(/<script|onerror=|<iframe|javascript:/i);
          }
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
        expect(await canary()).toContain('+39 02 5748 9001');
        const failures = sink.lines.slice(errorsBefore).filter((l) => l.level >= 50);
        expect(failures).toEqual([]);
      },
    );
  });

  /** Pages, assets and probes: hostile variants of a GET. */
  const GET_ROUTES = [
    '/',
    '/agent',
    '/healthz',
    '/widget.js',
    '/webchat/start.js',
    '/webchat/app.js',
    '/webchat/page.css',
    '/api/webchat/frame-check',
    '/agent/agent.js',
  ];
  const GET_CASES: [
    string,
    (path: string) => { method?: string; path?: string; headers?: [string, string][] },
  ][] = [
    ['a plain request', () => ({})],
    ['a 100 KB query string', (path) => ({ path: `${path}?q=${big(HUNDRED_KB)}` })],
    [
      'script in the query string',
      (path) => ({ path: `${path}?lang=%3Cscript%3Ealert(1)%3C/script%3E&embed=%00%ff` }),
    ],
    ['a path-traversal suffix', (path) => ({ path: `${path}/../../../../etc/passwd` })],
    ['an encoded traversal suffix', (path) => ({ path: `${path}/..%2F..%2F..%2Fetc%2Fpasswd` })],
    [
      'an 8 KB Accept-Language of junk',
      () => ({ headers: [['Accept-Language', `${'zz-ZZ;q=0.0001, '.repeat(500)}*`]] }),
    ],
    [
      'junk Range and conditional headers',
      () => ({
        headers: [
          ['Range', 'bytes=99999999-1'],
          ['If-None-Match', '"' + big(4000) + '"'],
          ['If-Modified-Since', 'yesterday'],
        ],
      }),
    ],
    ['HEAD', () => ({ method: 'HEAD' })],
    [
      'POST with a body',
      () => ({
        method: 'POST',
        headers: [
          ['Content-Type', 'application/json'],
          ['Content-Length', '2'],
        ],
      }),
    ],
  ];

  describe.each(GET_ROUTES.map((p) => [p]))('GET %s', (path) => {
    test.each(GET_CASES)(
      '%s: no 5xx, nothing reflected, and the next visitor is served',
      async (_case, variant) => {
        const errorsBefore = sink.lines.length;
        const v = variant(path);
        const res = await rawRequest(baseUrl, {
          method: v.method ?? 'GET',
          path: v.path ?? path,
          headers: v.headers,
          body: v.method === 'POST' ? '{}' : undefined,
          from: nextClient(),
        });
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
        expect(res.body).not.toMatch(/<script>alert|etc\/passwd|root:x:0/);
        expect(await canary()).toContain('+39 02 5748 9001');
        expect(sink.lines.slice(errorsBefore).filter((l) => l.level >= 50)).toEqual([]);
      },
    );
  });

  test('afterwards, a website visitor and an operator are served normally too', async () => {
    for (const route of ROUTES.filter((r) => r.reads === 'turn')) {
      const opened = await route.open();
      const res = await post(opened.path, route.valid('when is the booking line open?'), opened.auth);
      expect({ route: route.name, status: res.status }).toEqual({ route: route.name, status: 200 });
      const activities = (JSON.parse(res.body) as { activities: ReplyActivity[] }).activities;
      expect(textOf(activities)).toContain('+39 02 5748 9001');
    }
  });

  test('nothing at all was logged at error level', () => {
    expect(sink.lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  test('no request was left hanging in flight', async () => {
    for (let i = 0; i < 50 && app.inFlight.size > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(app.inFlight.size).toBe(0);
  });
});
