/** Azure Direct Line's origins, allowed to be reached only when the page uses Direct Line. */
export const DIRECT_LINE_ORIGINS = Object.freeze([
  'https://directline.botframework.com',
  'wss://directline.botframework.com',
]);

/**
 * The CSP hash of an empty `<style>` element.
 * @remarks Web Chat hands its nonce to its own styles but not to react-scroll-to-bottom (the transcript's
 * scroller), which creates an empty `<style>` and fills it through the CSSOM (`insertRule`, not governed by
 * CSP). Allowing exactly the empty element keeps the transcript scrollable without `'unsafe-inline'`: an
 * injected `<style>` with any content still does not apply.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** Headers on every response of the website chat (page, assets, API). */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

/** What the page's security headers depend on. */
export interface PageSecurityOptions {
  /** The nonce Web Chat puts on its `<style>` elements (it writes its CSS at run time). */
  readonly styleNonce: string;
  /** The CSP `frame-ancestors` sources (`FRAME_ANCESTORS`). */
  readonly frameAncestors: readonly string[];
  /** True when the page talks to Azure Direct Line, whose origins `connect-src` must then allow. */
  readonly directLine: boolean;
}

/**
 * The security headers of the Web Chat page: a Content-Security-Policy that runs only our own scripts
 * (no inline script, no eval), styles only from us or with the per-response nonce, connections only to us
 * (and Direct Line when used), framing only by `FRAME_ANCESTORS`; plus nosniff, no referrer, no
 * camera/microphone/location, and no caching (the nonce changes on every response).
 */
export function pageSecurityHeaders(options: PageSecurityOptions): Record<string, string> {
  const connect = ["'self'", ...(options.directLine ? DIRECT_LINE_ORIGINS : [])];
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${options.styleNonce}' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${options.frameAncestors.join(' ')}`,
  ].join('; ');
  const headers: Record<string, string> = {
    ...BASE_SECURITY_HEADERS,
    'Content-Security-Policy': csp,
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cache-Control': 'no-store',
  };
  // Older browsers only know X-Frame-Options, which can say "same origin" or "never" but not a list.
  const only = options.frameAncestors.length === 1 ? options.frameAncestors[0] : undefined;
  if (only === "'self'") headers['X-Frame-Options'] = 'SAMEORIGIN';
  if (only === "'none'") headers['X-Frame-Options'] = 'DENY';
  return headers;
}
