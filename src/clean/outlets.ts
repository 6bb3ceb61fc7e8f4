/**
 * Outlets as facts: a table of well-known news outlets and wire agencies by web domain, the registrable
 * domain of a host (for outlets not in the table), and `outletKey`, the one normalisation under which two
 * outlet names are the same outlet (used to count distinct outlets and by `chronicle eval meta`).
 *
 * Source of the table: each row is an outlet's name as it styles itself and the domain it publishes on,
 * written from general knowledge of the major English-language national news organisations, broadcasters
 * and wire agencies (not from any benchmark's list of pages). It is a lookup of facts, not a model: an
 * outlet missing here still gets its registrable domain.
 */

export interface Outlet {
  name: string;
  /** Domains the outlet publishes on (a subdomain of one matches too). */
  domains: string[];
  /** Other names and abbreviations it is known by in text ("AP" for the Associated Press). */
  aliases?: string[];
  /** A wire agency: its name in a dateline or byline means the story is the agency's. */
  wire?: boolean;
}

export const OUTLETS: Outlet[] = [
  // Wire agencies.
  { name: 'Reuters', domains: ['reuters.com'], wire: true, aliases: ['Thomson Reuters'] },
  {
    name: 'Associated Press',
    domains: ['apnews.com', 'ap.org'],
    wire: true,
    aliases: ['AP', 'The Associated Press', 'A.P.'],
  },
  {
    name: 'AFP',
    domains: ['afp.com'],
    wire: true,
    aliases: ['Agence France-Presse', 'Agence France Presse'],
  },
  { name: 'Bloomberg', domains: ['bloomberg.com'], wire: true, aliases: ['Bloomberg News'] },
  { name: 'UPI', domains: ['upi.com'], wire: true, aliases: ['United Press International'] },
  { name: 'dpa', domains: ['dpa.com'], wire: true, aliases: ['Deutsche Presse-Agentur'] },
  { name: 'ANSA', domains: ['ansa.it'], wire: true },
  { name: 'EFE', domains: ['efe.com'], wire: true },
  { name: 'Kyodo News', domains: ['kyodonews.net'], wire: true, aliases: ['Kyodo'] },
  { name: 'Xinhua', domains: ['xinhuanet.com', 'news.cn'], wire: true },
  { name: 'PA Media', domains: ['pa.media'], wire: true, aliases: ['Press Association'] },
  { name: 'Press Trust of India', domains: ['ptinews.com'], wire: true, aliases: ['PTI'] },
  { name: 'ANI', domains: ['aninews.in'], wire: true, aliases: ['Asian News International'] },
  { name: 'The Canadian Press', domains: ['thecanadianpress.com'], wire: true, aliases: ['Canadian Press'] },
  { name: 'Australian Associated Press', domains: ['aap.com.au'], wire: true, aliases: ['AAP'] },
  { name: 'Anadolu Agency', domains: ['aa.com.tr'], wire: true, aliases: ['Anadolu'] },
  { name: 'Yonhap', domains: ['yna.co.kr'], wire: true, aliases: ['Yonhap News Agency'] },
  { name: 'TASS', domains: ['tass.com', 'tass.ru'], wire: true },
  { name: 'Interfax', domains: ['interfax.com'], wire: true },
  // United States.
  { name: 'The New York Times', domains: ['nytimes.com'], aliases: ['New York Times', 'NYT'] },
  { name: 'The Washington Post', domains: ['washingtonpost.com'], aliases: ['Washington Post'] },
  { name: 'The Wall Street Journal', domains: ['wsj.com'], aliases: ['Wall Street Journal', 'WSJ'] },
  { name: 'USA Today', domains: ['usatoday.com'] },
  { name: 'Los Angeles Times', domains: ['latimes.com'], aliases: ['L.A. Times', 'LA Times'] },
  { name: 'Chicago Tribune', domains: ['chicagotribune.com'] },
  { name: 'The Boston Globe', domains: ['bostonglobe.com'], aliases: ['Boston Globe'] },
  { name: 'San Francisco Chronicle', domains: ['sfchronicle.com'] },
  { name: 'New York Post', domains: ['nypost.com'], aliases: ['NY Post'] },
  { name: 'Newsday', domains: ['newsday.com'] },
  { name: 'NPR', domains: ['npr.org'], aliases: ['National Public Radio'] },
  { name: 'PBS NewsHour', domains: ['pbs.org'] },
  { name: 'CNN', domains: ['cnn.com'] },
  { name: 'Fox News', domains: ['foxnews.com'] },
  { name: 'NBC News', domains: ['nbcnews.com'] },
  { name: 'CBS News', domains: ['cbsnews.com'] },
  { name: 'ABC News', domains: ['abcnews.go.com', 'abcnews.com'] },
  { name: 'CNBC', domains: ['cnbc.com'] },
  { name: 'MSNBC', domains: ['msnbc.com'] },
  { name: 'Politico', domains: ['politico.com', 'politico.eu'] },
  { name: 'Axios', domains: ['axios.com'] },
  { name: 'The Hill', domains: ['thehill.com'] },
  { name: 'Forbes', domains: ['forbes.com'] },
  { name: 'Business Insider', domains: ['businessinsider.com', 'insider.com'] },
  { name: 'HuffPost', domains: ['huffpost.com', 'huffingtonpost.com'], aliases: ['Huffington Post'] },
  { name: 'Vox', domains: ['vox.com'] },
  { name: 'The Atlantic', domains: ['theatlantic.com'] },
  { name: 'The New Yorker', domains: ['newyorker.com'] },
  { name: 'Time', domains: ['time.com'], aliases: ['TIME'] },
  { name: 'Newsweek', domains: ['newsweek.com'] },
  { name: 'U.S. News & World Report', domains: ['usnews.com'] },
  { name: 'ProPublica', domains: ['propublica.org'] },
  { name: 'The Christian Science Monitor', domains: ['csmonitor.com'] },
  { name: 'Yahoo News', domains: ['news.yahoo.com'] },
  { name: 'TechCrunch', domains: ['techcrunch.com'] },
  { name: 'The Verge', domains: ['theverge.com'] },
  { name: 'Wired', domains: ['wired.com', 'wired.co.uk'] },
  { name: 'Ars Technica', domains: ['arstechnica.com'] },
  // United Kingdom and Ireland.
  { name: 'BBC News', domains: ['bbc.co.uk', 'bbc.com'], aliases: ['BBC'] },
  { name: 'The Guardian', domains: ['theguardian.com', 'guardian.co.uk'], aliases: ['Guardian'] },
  { name: 'The Observer', domains: ['observer.co.uk'] },
  { name: 'The Telegraph', domains: ['telegraph.co.uk'], aliases: ['Daily Telegraph'] },
  { name: 'The Times', domains: ['thetimes.co.uk'] },
  { name: 'Financial Times', domains: ['ft.com'], aliases: ['FT'] },
  { name: 'The Independent', domains: ['independent.co.uk'] },
  { name: 'Daily Mail', domains: ['dailymail.co.uk'], aliases: ['Mail Online', 'MailOnline'] },
  { name: 'Daily Mirror', domains: ['mirror.co.uk'], aliases: ['The Mirror'] },
  { name: 'The Sun', domains: ['thesun.co.uk'] },
  { name: 'Daily Express', domains: ['express.co.uk'], aliases: ['Express'] },
  { name: 'Evening Standard', domains: ['standard.co.uk'] },
  { name: 'The Economist', domains: ['economist.com'] },
  { name: 'Sky News', domains: ['news.sky.com'] },
  { name: 'The Scotsman', domains: ['scotsman.com'] },
  { name: 'The Irish Times', domains: ['irishtimes.com'] },
  { name: 'RTÉ', domains: ['rte.ie'], aliases: ['RTE'] },
  // Elsewhere (English-language editions).
  { name: 'Al Jazeera', domains: ['aljazeera.com', 'aljazeera.net'] },
  { name: 'Deutsche Welle', domains: ['dw.com'], aliases: ['DW'] },
  { name: 'France 24', domains: ['france24.com'] },
  { name: 'Euronews', domains: ['euronews.com'] },
  { name: 'RT', domains: ['rt.com'] },
  { name: 'CBC News', domains: ['cbc.ca'], aliases: ['CBC'] },
  { name: 'CTV News', domains: ['ctvnews.ca'] },
  { name: 'The Globe and Mail', domains: ['theglobeandmail.com'] },
  { name: 'Toronto Star', domains: ['thestar.com'] },
  { name: 'National Post', domains: ['nationalpost.com'] },
  { name: 'ABC News (Australia)', domains: ['abc.net.au'] },
  { name: 'The Sydney Morning Herald', domains: ['smh.com.au'] },
  { name: 'The Age', domains: ['theage.com.au'] },
  { name: 'The Australian', domains: ['theaustralian.com.au'] },
  { name: 'New Zealand Herald', domains: ['nzherald.co.nz'] },
  { name: 'Stuff', domains: ['stuff.co.nz'] },
  { name: 'South China Morning Post', domains: ['scmp.com'], aliases: ['SCMP'] },
  { name: 'The Japan Times', domains: ['japantimes.co.jp'] },
  { name: 'The Straits Times', domains: ['straitstimes.com'] },
  { name: 'The Times of India', domains: ['timesofindia.indiatimes.com'] },
  { name: 'The Hindu', domains: ['thehindu.com'] },
  { name: 'Hindustan Times', domains: ['hindustantimes.com'] },
  { name: 'NDTV', domains: ['ndtv.com'] },
  { name: 'Haaretz', domains: ['haaretz.com'] },
  { name: 'The Times of Israel', domains: ['timesofisrael.com'] },
  { name: 'The Jerusalem Post', domains: ['jpost.com'] },
  { name: 'Le Monde', domains: ['lemonde.fr'] },
  { name: 'Der Spiegel', domains: ['spiegel.de'], aliases: ['Spiegel'] },
  { name: 'El País', domains: ['elpais.com'], aliases: ['El Pais'] },
];

/**
 * Second-level labels under which names are registered in many country-code domains ("example.co.uk",
 * "example.com.au", "example.com.br"), after the pattern of the Public Suffix List's ccTLD entries. Not the
 * whole list: hosts under other public suffixes fall back to their last two labels.
 */
const SECOND_LEVEL = new Set([
  'ac', 'co', 'com', 'edu', 'gov', 'govt', 'net', 'org', 'mil', 'nic', 'ne', 'or', 'go', 'gv', 'gen',
  'ltd', 'plc', 'sch', 'info', 'biz', 'nom', 'web', 'press', 'news', 'tv', 'in', 'nhs', 'police', 'asn', 'id',
]); // prettier-ignore

/** The host of a URL (lower case, without `www.`), or null when it is not an http(s) URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return (
      u.hostname
        .toLowerCase()
        .replace(/\.$/, '')
        .replace(/^www\d*\./, '') || null
    );
  } catch {
    return null;
  }
}

/** "news.example.co.uk" → "example.co.uk"; "www.example.com" → "example.com"; IP addresses as they are. */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.includes(':')) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const tld = labels[labels.length - 1];
  const second = labels[labels.length - 2];
  const take = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

const byDomain = new Map<string, Outlet>();
for (const o of OUTLETS) for (const d of o.domains) byDomain.set(d, o);

/** The table's outlet for a host or any parent domain of it ("edition.cnn.com" → CNN). */
export function knownOutletOfHost(host: string): Outlet | null {
  const labels = host.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const hit = byDomain.get(labels.slice(i).join('.'));
    if (hit) return hit;
  }
  return null;
}

/** What a URL says about the outlet: the table's name, else the registrable domain; null without a URL. */
export function outletFromUrl(url: string | null | undefined): { name: string; known: boolean } | null {
  const host = hostOf(url);
  if (!host) return null;
  const known = knownOutletOfHost(host);
  return known ? { name: known.name, known: true } : { name: registrableDomain(host), known: false };
}

/** Words that name a company's legal form or kind rather than the outlet ("LLC", "Inc.", "Media Group"). */
const CORPORATE =
  /(?:\s|,)+(?:llc|l\.l\.c\.|inc\.?|ltd\.?|limited|plc|corp\.?|corporation|co\.|company|gmbh|ag|s\.a\.|sa|group|holdings?|media|magazine|blog|newspapers?|network|publishing|publications|communications|digital|interactive|enterprises)\.?$/i;

/** Does the name end in a legal form or company word ("Kelvik Media Group LLC")? Owners, not mastheads. */
export function hasLegalForm(name: string): boolean {
  return CORPORATE.test(name.trim());
}

function compact(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const aliasKey = new Map<string, string>();
for (const o of OUTLETS) {
  const canonical = compact(o.name.replace(/^the\s+/i, ''));
  for (const a of [o.name, ...(o.aliases ?? [])]) aliasKey.set(compact(a.replace(/^the\s+/i, '')), canonical);
}

/**
 * The key under which outlet names are one outlet: diacritics, case, spacing and punctuation ignored, a
 * leading "The", a web suffix (".com", ".co.uk") and trailing legal-form words ("LLC", "Media Group")
 * dropped, and the table's aliases mapped to their outlet ("AP" → the Associated Press). "The Slate Group
 * LLC", "Slate" and "slate.com" share a key; "CBS News" and "CBS Sports" do not.
 */
export function outletKey(name: string): string {
  let s = name.trim().replace(/^the\s+/i, '');
  // A bare domain or a name written as one ("Cleveland.com", "example.co.uk"): its registrable label.
  const dom = /^(?:https?:\/\/)?(?:www\d*\.)?([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)\/?$/u.exec(s);
  if (dom) {
    const reg = registrableDomain(dom[1]);
    const known = knownOutletOfHost(dom[1]);
    if (known) return compact(known.name.replace(/^the\s+/i, ''));
    s = reg.split('.')[0];
  }
  for (let i = 0; i < 3; i++) {
    const next = s.replace(CORPORATE, '');
    if (next === s || !next.trim()) break;
    s = next;
  }
  const key = compact(s);
  return aliasKey.get(key) ?? key;
}

/** The table's outlet a name refers to (by name or alias), or null. */
export function knownOutletByName(name: string): Outlet | null {
  const key = outletKey(name);
  return OUTLETS.find((o) => compact(o.name.replace(/^the\s+/i, '')) === key) ?? null;
}
