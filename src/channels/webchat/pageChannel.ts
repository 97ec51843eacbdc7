/** How the Web Chat page reaches the bot. */
export enum PageChannel {
  /** Our own web-channel endpoint (`/api/webchat/...`), no cloud service. */
  WebChannel = 'webchannel',
  /** Azure Bot Service Direct Line, with a token from `/api/directline/token`. */
  DirectLine = 'directline',
}
