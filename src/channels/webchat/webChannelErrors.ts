/** The short JSON error bodies of the website chat's routes, in one place. */
export const webChannelErrors = Object.freeze({
  missingToken: () => ({
    error: 'unauthorized',
    message: 'Send the conversation token as "Authorization: Bearer <token>".',
  }),
  invalidToken: () => ({
    error: 'invalid_token',
    message: 'The token is not valid; start a new conversation.',
  }),
  expiredToken: () => ({
    error: 'token_expired',
    message: 'The token has expired; start a new conversation.',
  }),
  otherConversation: () => ({ error: 'forbidden', message: 'This token belongs to another conversation.' }),
  invalidActivity: (detail: string) => ({
    error: 'invalid_activity',
    message: `The activity cannot be sent: ${detail}.`,
  }),
  directLineOff: () => ({ error: 'not_found', message: 'Direct Line is not configured on this server.' }),
  directLineFailed: () => ({
    error: 'direct_line_unavailable',
    message: 'Direct Line did not issue a token; try again in a moment.',
  }),
  turnFailed: () => ({
    error: 'turn_failed',
    message: 'The message could not be handled; try again in a moment.',
  }),
});
