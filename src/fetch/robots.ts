/**
 * robots.txt (RFC 9309): groups by user-agent, longest matching Allow/Disallow rule wins (Allow on a
 * tie), `*` and `$` in paths. Availability rules from the RFC: a 4xx robots.txt means everything is
 * allowed; a 5xx or an unreachable server means nothing is (until it can be read).
 */
import { FetchError, safeFetch, type FetchOptions } from './fetch.js';
import { DAY_MS } from '../util/day.js';

interface Rule {
  allow: boolean;
  path: string;
}
interface Group {
  agents: string[];
  rules: Rule[];
}

export interface Robots {
  groups: Group[];
}

export function parseRobots(text: string): Robots {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else if ((key === 'allow' || key === 'disallow') && current) {
      lastWasAgent = false;
      if (value) current.rules.push({ allow: key === 'allow', path: value });
      // "Disallow:" with no path allows everything: no rule needed.
    } else {
      lastWasAgent = false;
    }
  }
  return { groups };
}

function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const re = new RegExp(
    '^' +
      body
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      (anchored ? '$' : ''),
  );
  return re.test(path);
}

/** May `agent` (product token, e.g. "Chronicle") fetch `pathAndQuery`? */
export function isAllowed(robots: Robots, agent: string, pathAndQuery: string): boolean {
  const token = agent.toLowerCase();
  let groups = robots.groups.filter((g) => g.agents.some((a) => a !== '*' && token.includes(a)));
  if (!groups.length) groups = robots.groups.filter((g) => g.agents.includes('*'));
  let best: Rule | null = null;
  for (const g of groups)
    for (const r of g.rules) {
      if (!patternMatches(r.path, pathAndQuery)) continue;
      if (
        !best ||
        r.path.length > best.path.length ||
        (r.path.length === best.path.length && r.allow && !best.allow)
      )
        best = r;
    }
  return best ? best.allow : true;
}

export const ROBOTS_AGENT = 'Chronicle';

/** Per-origin robots.txt cache for the pages the watcher fetches. */
export class RobotsPolicy {
  private cache = new Map<string, { robots: Robots | 'allow-all' | 'disallow-all'; at: number }>();

  constructor(
    private readonly fetchOptions: FetchOptions = {},
    private readonly now: () => number = Date.now,
    /** How long a robots.txt is trusted (default 1 day; unreachable results: 1 hour). */
    private readonly ttlMs = DAY_MS,
  ) {}

  async allowed(pageUrl: string): Promise<boolean> {
    const url = new URL(pageUrl);
    const origin = url.origin;
    let entry = this.cache.get(origin);
    const ttl = entry?.robots === 'disallow-all' ? Math.min(this.ttlMs, 3_600_000) : this.ttlMs;
    if (!entry || this.now() - entry.at > ttl) {
      entry = { robots: await this.load(origin), at: this.now() };
      this.cache.set(origin, entry);
    }
    if (entry.robots === 'allow-all') return true;
    if (entry.robots === 'disallow-all') return false;
    return isAllowed(entry.robots, ROBOTS_AGENT, url.pathname + url.search);
  }

  private async load(origin: string): Promise<Robots | 'allow-all' | 'disallow-all'> {
    try {
      const res = await safeFetch(`${origin}/robots.txt`, {
        ...this.fetchOptions,
        maxBytes: 512 * 1024, // RFC 9309 asks parsers to read at least 500 KiB
        allowedTypes: ['text/plain', 'text/html', 'application/octet-stream'],
      });
      return parseRobots(res.body.toString('utf8'));
    } catch (e) {
      if (e instanceof FetchError && e.status !== undefined && e.status >= 400 && e.status < 500)
        return 'allow-all';
      return 'disallow-all';
    }
  }
}
