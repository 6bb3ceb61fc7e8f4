/**
 * Who may talk to the server. Two browser attacks reach a server on localhost from any web page the user
 * visits: a page can POST (text/plain and multipart need no CORS preflight) and so plant articles, and a
 * page on a domain its owner re-points at 127.0.0.1 (DNS rebinding) can read every answer. So:
 *  - every request must name an allowed host in `Host` (the bound address, localhost, 127.0.0.1, [::1] and the
 *    names given with --allowed-host): a rebound domain's name is not one of them;
 *  - without a token, a write must not come from another site: a browser says where a request comes from
 *    (`Sec-Fetch-Site`, else `Origin`); a request that says neither is not from a browser page (curl, scripts)
 *    and is let through, as is a same-origin one (the web app). With a token, writes need it, as before.
 */
import { networkInterfaces } from 'node:os';
import { ApiError } from './http.js';

/** Hosts every server answers to, whatever address it is bound to. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);

/** "Example.org:8080" -> "example.org"; "[::1]:80" -> "[::1]"; "::1" -> "[::1]"; null when not a host. */
export function hostName(value: string): string | null {
  let v = value.trim().toLowerCase();
  if (!v) return null;
  if (v.includes(':') && !v.startsWith('[') && (v.match(/:/g) ?? []).length > 1) v = `[${v}]`; // bare IPv6
  try {
    const h = new URL(`http://${v}/`).hostname;
    return h.endsWith('.') ? h.slice(0, -1) : h;
  } catch {
    return null;
  }
}

/**
 * The host names requests may carry: loopback names, the bound address (for a wildcard bind, this machine's
 * interface addresses: a literal address cannot be a rebound domain) and the extra names given.
 */
export function allowedHosts(bound: string | undefined, extra: string[] = []): Set<string> {
  const out = new Set(LOOPBACK_HOSTS);
  const add = (v: string) => {
    const h = hostName(v);
    if (h) out.add(h);
  };
  if (bound !== undefined && WILDCARDS.has(bound.trim())) {
    for (const list of Object.values(networkInterfaces()))
      for (const i of list ?? []) add(i.family === 'IPv6' ? `[${i.address.split('%')[0]}]` : i.address);
  } else if (bound !== undefined) add(bound);
  for (const e of extra) add(e);
  return out;
}

/** The `Host` a request names (the URL's host when the header is absent, as in app.request()). */
function requestHost(req: Request): string {
  return req.headers.get('host') ?? new URL(req.url).host;
}

/**
 * A check that refuses (403) a request whose Host is not one of `allowed`. Verdicts are remembered per Host
 * value (a few distinct ones reach a server; parsing each request's took ~3% of a busy server's thread).
 */
export function hostChecker(allowed: Set<string>): (req: Request) => void {
  const verdicts = new Map<string, boolean>();
  return (req) => {
    const raw = requestHost(req);
    let ok = verdicts.get(raw);
    if (ok === undefined) {
      const host = hostName(raw);
      ok = host !== null && allowed.has(host);
      if (verdicts.size >= 256) verdicts.clear();
      verdicts.set(raw, ok);
    }
    if (ok) return;
    throw new ApiError(
      403,
      `this server does not answer to the host "${raw.slice(0, 100)}"; start it with --allowed-host ${hostName(raw) ?? 'NAME'} to allow it`,
    );
  };
}

/** "Example.org:80" -> "example.org" (the form URL.host gives, default port dropped). */
function hostWithPort(value: string): string {
  try {
    return new URL(`http://${value.trim()}/`).host.toLowerCase();
  } catch {
    return value.toLowerCase();
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuse (403) a write that a browser says comes from another site (another origin, port included). */
export function checkSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const refuse = (from: string) =>
    new ApiError(
      403,
      `cross-site write refused (${from}): this server takes writes from its own pages and from non-browser clients; start it with --token to take authorised writes from anywhere`,
    );
  const site = req.headers.get('sec-fetch-site');
  if (site !== null) {
    if (site === 'same-origin' || site === 'none') return;
    throw refuse(`Sec-Fetch-Site: ${site.slice(0, 40)}`);
  }
  const origin = req.headers.get('origin');
  if (origin === null) return;
  let originHost: string | null = null;
  try {
    originHost = origin === 'null' ? null : new URL(origin).host;
  } catch {
    // not a URL: refused below
  }
  if (originHost === null || originHost.toLowerCase() !== hostWithPort(requestHost(req)))
    throw refuse(`Origin: ${origin.slice(0, 100)}`);
}
