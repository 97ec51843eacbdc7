/** The default port of the schemes a page can be served with. */
const DEFAULT_PORTS: Readonly<Record<string, string>> = Object.freeze({ 'http:': '80', 'https:': '443' });

/** A host source of CSP: `[scheme://]host[:port]`, the host possibly starting with `*.`. */
const HOST_SOURCE = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d{1,5}|\*))?$/i;

/** One page origin, as its parts. */
interface OriginParts {
  readonly scheme: string;
  readonly host: string;
  readonly port: string;
}

function parts(origin: string): OriginParts | undefined {
  try {
    const url = new URL(origin);
    return {
      scheme: url.protocol,
      host: url.hostname.toLowerCase(),
      port: url.port || DEFAULT_PORTS[url.protocol] || '',
    };
  } catch {
    return undefined;
  }
}

/** The chat server as the browser addressed it: the `Host` header's name and, when given, port. */
interface SelfHost {
  readonly host: string;
  readonly port?: string;
}

function selfHost(hostHeader: string): SelfHost {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  return { host: (m?.[1] ?? '').replace(/^\[|\]$/g, ''), port: m?.[2] };
}

/** True when the page at `page` matches one CSP source (`'self'`, `https:`, `*`, or a host source). */
function matches(source: string, page: OriginParts, self: SelfHost): boolean {
  if (source === "'self'") {
    // Behind a TLS proxy the server does not see the scheme, so 'self' is the same host (and port, when named).
    return self.host === page.host && (self.port === undefined || self.port === page.port);
  }
  if (source === '*') return page.scheme === 'http:' || page.scheme === 'https:';
  if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) {
    const scheme = source.toLowerCase();
    return page.scheme === scheme || (scheme === 'http:' && page.scheme === 'https:');
  }
  const m = HOST_SOURCE.exec(source);
  if (!m) return false;
  const [, scheme, wildcard, host = '', port] = m;
  const wanted = scheme ? `${scheme.toLowerCase()}:` : undefined;
  if (wanted && !(page.scheme === wanted || (wanted === 'http:' && page.scheme === 'https:'))) return false;
  if (!wanted && page.scheme !== 'http:' && page.scheme !== 'https:') return false;
  const name = host.toLowerCase();
  if (wildcard ? !page.host.endsWith(`.${name}`) : page.host !== name) return false;
  if (port === '*') return true;
  // No port: the default port of the page's scheme (so http://host also allows https://host, as CSP upgrades it).
  return (port ?? DEFAULT_PORTS[page.scheme] ?? '') === page.port;
}

/**
 * Whether a page of `origin` may show the chat in a frame under the `frame-ancestors` sources of `FRAME_ANCESTORS`,
 * following the Content-Security-Policy matching rules for the forms the configuration accepts.
 * @param hostHeader the `Host` the request reached the chat server by (for `'self'`)
 */
export function frameAncestorsAllow(sources: readonly string[], origin: string, hostHeader: string): boolean {
  const page = parts(origin);
  if (!page) return false;
  const self = selfHost(hostHeader);
  return sources.some((source) => source !== "'none'" && matches(source, page, self));
}
