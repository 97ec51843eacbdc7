/** The short JSON error bodies of the HTTP surface, in one place. */
export const httpErrors = Object.freeze({
  tooLarge: (limit: number) => ({ error: 'payload_too_large', message: `The body exceeds ${limit} bytes.` }),
  unsupportedMediaType: (what: string) => ({
    error: 'unsupported_media_type',
    message: `${what} is not accepted; send application/json in UTF-8.`,
  }),
  invalidJson: () => ({ error: 'invalid_json', message: 'The body is not valid JSON.' }),
  notAnActivity: (detail: string) => ({
    error: 'invalid_activity',
    message: `The body is not a Bot Framework activity: ${detail}.`,
  }),
  notReady: () => ({ error: 'not_ready', message: 'The bot is starting; try again in a moment.' }),
  notFound: () => ({ error: 'not_found', message: 'No such resource.' }),
  methodNotAllowed: (allowed: string) => ({ error: 'method_not_allowed', message: `Use ${allowed}.` }),
  unauthorized: () => ({ error: 'unauthorized', message: 'A valid token is required.' }),
  tooManyRequests: (retryAfterSeconds: number) => ({
    error: 'too_many_requests',
    message: `Too many requests; try again in ${retryAfterSeconds} s.`,
  }),
  notSupported: (what: string) => ({
    error: 'not_supported',
    message: `${what} is not supported by this bot.`,
  }),
  refused: () => ({ error: 'bad_request', message: 'The request was refused.' }),
  internal: () => ({ error: 'internal_error', message: 'Internal error.' }),
  shuttingDown: () => ({ error: 'shutting_down', message: 'The bot is restarting; try again in a moment.' }),
});
