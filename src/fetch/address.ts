/**
 * Which IP addresses a fetch on a user's behalf may connect to. Refused (unless the caller allows
 * private networks): loopback, private (RFC 1918, fc00::/7), link-local, CGNAT 100.64/10, multicast,
 * unspecified, broadcast, reserved and documentation ranges, cloud metadata addresses, and IPv6 forms
 * that embed one of those IPv4 addresses (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4).
 * Ranges: IANA IPv4/IPv6 Special-Purpose Address Registries (RFC 6890 and updates).
 */
import { isIP } from 'node:net';

/** [first octets as a number, prefix length, reason] */
const V4_BLOCKED: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified/"this network"'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (includes cloud metadata 169.254.169.254)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved/broadcast'],
];

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

function v4Reason(ip: string): string | null {
  const n = v4ToInt(ip);
  for (const [base, bits, reason] of V4_BLOCKED) {
    const size = 2 ** (32 - bits);
    const start = v4ToInt(base);
    if (n >= start && n < start + size) return reason;
  }
  return null;
}

/** Expand an IPv6 address (with optional embedded IPv4 tail and zone id) to 8 16-bit groups. */
export function parseIPv6(ip: string): number[] | null {
  let s = ip
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  const v4tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4tail) {
    const n = v4ToInt(v4tail[1]);
    s = s.slice(0, -v4tail[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array(Math.max(0, fill)).fill('0'), ...tail].map((g) => parseInt(g, 16));
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g) || g < 0 || g > 0xffff)) return null;
  return groups;
}

const groupsToV4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

function v6Reason(ip: string): string | null {
  const g = parseIPv6(ip);
  if (!g) return 'unparseable IPv6 address';
  const zeroPrefix = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (g.every((x) => x === 0)) return 'unspecified';
  if (zeroPrefix(7) && g[7] === 1) return 'loopback';
  // Embedded IPv4: mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16.
  let embedded: string | null = null;
  if (zeroPrefix(5) && g[5] === 0xffff) embedded = groupsToV4(g[6], g[7]);
  else if (zeroPrefix(6)) embedded = groupsToV4(g[6], g[7]);
  else if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    embedded = groupsToV4(g[6], g[7]);
  else if (g[0] === 0x2002) embedded = groupsToV4(g[1], g[2]);
  if (embedded) {
    const r = v4Reason(embedded);
    return r ? `IPv6 form of ${embedded} (${r})` : null;
  }
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique local (private; includes cloud metadata fd00:ec2::254)';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'discard-only';
  return null;
}

/** Why an address must not be fetched, or null when it is a public address. */
export function forbiddenAddressReason(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, '');
  const v = isIP(bare.replace(/%.*$/, ''));
  if (v === 4) return v4Reason(bare);
  if (v === 6) return v6Reason(bare);
  return 'not an IP address';
}
