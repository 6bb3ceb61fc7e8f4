/**
 * The outlet of an article from what its text says. The outlet rules (src/clean/rules/outlet-*.ts) each note
 * evidence (a name and the kind of line it came from); the `outlet` rule then weighs it: a wire agency named
 * in a dateline or byline is the story's author and wins; else the page's URL when the outlet table knows it;
 * else the name with the most weighted evidence, where every further line of the page naming it adds a
 * little; else the URL's registrable domain. A source the input gave (JSONL `source`, HTML metadata, a
 * "Source: X" line) is never replaced.
 */
import type { Article } from '../model.js';
import { hasLegalForm, knownOutletByName, outletFromUrl, outletKey } from './outlets.js';

export type OutletEvidenceKind =
  | 'dateline' // "GENEVA (Reuters) -", "(AP) —"
  | 'byline' // "By Jane Roe | Harbour Gazette", "Jane Roe, Harbour Gazette staff"
  | 'agencies' // "Harbour Gazette staff and agencies"
  | 'trailer' // "This story was originally published by X"
  | 'copyright' // "© 2024 Harbour Gazette. All rights reserved."
  | 'self-reference' // site furniture naming the site: "Subscribe to X", "About X", "Search X"
  | 'masthead' // the site's name on a line of its own, at the top or more than once
  | 'credit'; // "(Photo: Lars Menning/Harbour Gazette)"

/**
 * How much one line of each kind says about the outlet: hand-set in this order, then the copyright and
 * self-reference weights and the mention weight picked from a small grid on half A of `chronicle eval meta`
 * (copyright 3-4, self-reference 1-2, mention 0.5-2 all gave 32-35 of 47 pages).
 */
export const OUTLET_EVIDENCE_WEIGHT: Record<OutletEvidenceKind, number> = {
  dateline: 6,
  byline: 5,
  agencies: 5,
  trailer: 5,
  copyright: 3,
  'self-reference': 2,
  masthead: 1,
  credit: 1,
};

/**
 * A copyright held by a company ("Kelvik Media Group LLC") often names the owner of many titles rather than
 * the masthead, so it counts half.
 */
export const OWNER_FACTOR = 0.5;

function evidenceWeight(e: OutletEvidence): number {
  const w = OUTLET_EVIDENCE_WEIGHT[e.kind];
  return e.kind === 'copyright' && hasLegalForm(e.name) ? w * OWNER_FACTOR : w;
}

/** Kinds of evidence that count once per name however often the line repeats. */
const ONCE = new Set<OutletEvidenceKind>(['copyright', 'masthead']);

/** Each further line of the text that names the candidate adds this times log(1 + lines). */
export const OUTLET_MENTION = { weight: 1.5 };
/** A candidate needs this much to be the outlet (a copyright line alone does; a photo credit, 1 + 1.5 ln 2, just does). */
export const OUTLET_MIN_SCORE = 2;

export interface OutletEvidence {
  name: string;
  kind: OutletEvidenceKind;
}

const noted = new WeakMap<Article, OutletEvidence[]>();

/** Clean a candidate name: spacing, surrounding punctuation, a trailing year. Null when nothing is left. */
export function tidyOutletName(raw: string): string | null {
  const name = raw
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’(\[,;:.|–—-]+|[\s"'“”‘’)\],;:.|–—-]+$/g, '')
    .replace(/[.,]?\s*\(?\d{4}(?:\s*[-–]\s*\d{4})?\)?$/, '')
    .trim();
  if (!name || name.length > 60 || !/\p{L}/u.test(name)) return null;
  if (name.split(' ').length > 6) return null;
  return name;
}

/** Record that a line names a candidate outlet. */
export function noteOutlet(article: Article, raw: string, kind: OutletEvidenceKind): void {
  const name = tidyOutletName(raw);
  if (!name || !outletKey(name)) return;
  let list = noted.get(article);
  if (!list) noted.set(article, (list = []));
  list.push({ name, kind });
}

/** The evidence noted so far (for tests and debugging). */
export function outletEvidence(article: Article): OutletEvidence[] {
  return noted.get(article) ?? [];
}

export function clearOutletEvidence(article: Article): void {
  noted.delete(article);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lines of the text that name `name` (case-insensitive, as a whole word). */
function mentionLines(name: string, lines: string[]): number {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'iu');
  let n = 0;
  for (const l of lines) if (re.test(l)) n++;
  return n;
}

/** Weigh the evidence (see the module comment); null when nothing is strong enough. */
export function chooseOutlet(article: Article, lines: string[]): string | null {
  const evidence = outletEvidence(article);
  // A wire agency named where authorship is stated.
  for (const e of evidence)
    if ((e.kind === 'dateline' || e.kind === 'byline') && knownOutletByName(e.name)?.wire)
      return knownOutletByName(e.name)!.name;
  const fromUrl = outletFromUrl(article.url ?? article.canonicalUrl);
  if (fromUrl?.known) return fromUrl.name;
  const byKey = new Map<string, { names: Map<string, number>; score: number; kinds: Set<string> }>();
  for (const e of evidence) {
    const key = outletKey(e.name);
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { names: new Map(), score: 0, kinds: new Set() }));
    c.names.set(e.name, (c.names.get(e.name) ?? 0) + OUTLET_EVIDENCE_WEIGHT[e.kind]);
    // A footer or logo repeated on the page is one footer (its repetition shows in the mentions); different
    // furniture lines naming the site add up.
    if (!(ONCE.has(e.kind) && c.kinds.has(e.kind))) c.score += evidenceWeight(e);
    c.kinds.add(e.kind);
  }
  let best: { name: string; score: number } | null = null;
  for (const c of byKey.values()) {
    // The form written with the most weight behind it names the outlet.
    const name = [...c.names.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    const score = c.score + OUTLET_MENTION.weight * Math.log(1 + mentionLines(name, lines));
    if (!best || score > best.score) best = { name, score };
  }
  if (best && best.score >= OUTLET_MIN_SCORE) return best.name;
  return fromUrl?.name ?? null;
}

/** Words that may join the capitalised words of a name ("Bank of England", "Salt & Light"). */
const CONNECTOR = /^(?:of|and|the|&|de|del|der|du|la|le|van|von|for|on|in)$/i;
/** A word that can be part of an outlet's name: capitalised, a number, or a web name ("cleveland.com"). */
const NAME_WORD = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}'’.&+-]*|[\p{Ll}\p{N}-]+\.[\p{L}.]{2,})$/u;
/** Words that start furniture lines but are no outlet ("About Us", "Follow Me"). */
const NOT_A_NAME =
  /^(?:us|our|me|my|you|your|more|all|news|newsletters?|topics|help|here|now|today|latest|home|this|that|it|the|a|an|in|on|to|app|apps|live|video|videos|e-?mail|tv|text|menu|search|login|log in|sign in|account|discussion|conversation|comments?)$/i;

/** Words common in outlets' names: a byline tail with one of them is an outlet, not a second writer. */
export const OUTLET_WORD =
  /\b(?:news|times|post|herald|gazette|journal|daily|courier|tribune|press|agency|wire|chronicle|ledger|observer|telegraph|mail|express|star|sun|review|today|radio|tv|television|media|magazine|report|reporter|record|register|bulletin|dispatch|examiner|independent|standard|mirror|globe|sentinel|monitor|weekly|online|network|service)\b/i;

/**
 * The name at the start of `s`: capitalised words (or a web name), with connectors between them, up to the
 * first other word or punctuation. "The Republic unless otherwise noted" → "The Republic".
 */
export function leadingName(s: string, maxWords = 6): string | null {
  const words = s.trim().split(/\s+/);
  const out: string[] = [];
  for (const raw of words) {
    let w = raw.replace(/[,;:|)]+$/, '');
    let ended = w !== raw;
    // A full stop ends the name ("Healthline Media. All rights"), unless it ends an initial or abbreviation.
    if (/\.$/.test(w) && !/^(?:\p{Lu}\.)+$|^(?:inc|ltd|co|corp|jr|sr|st)\.$/iu.test(w)) {
      w = w.slice(0, -1);
      ended = true;
    }
    if (NAME_WORD.test(w) || (out.length && CONNECTOR.test(w))) out.push(w);
    else break;
    if (ended || out.length >= maxWords) break;
  }
  // Connectors and a lone letter ("Search CTV News X": the close button) do not end a name.
  while (out.length > 1 && (CONNECTOR.test(out[out.length - 1]) || /^\p{L}$/u.test(out[out.length - 1])))
    out.pop();
  if (out.length === 1 && CONNECTOR.test(out[0])) out.pop();
  const name = out.join(' ').replace(/[.]+$/, '');
  if (!name || NOT_A_NAME.test(name) || DATE_LIKE.test(name) || /\b(?:our|your|my)\b/i.test(name))
    return null;
  return name;
}

/** A month and a number, or a weekday: a date, not a name. */
const DATE_LIKE =
  /^(?:(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d.*)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|\d[\d\s.:/-]*)$/i;

/** Job titles that follow an outlet in a byline ("IGN Staff", "Live Science Contributor", "AP Auto Writer"). */
const ROLE_RE =
  /\s+(?:(?:senior|chief|special|contributing|associate|deputy|political|business|science|health|foreign|national|auto|sports|tech(?:nology)?|staff|digital|investigative)\s+)*(?:staff\s+writer|staff\s+reporter|staff|writers?|reporters?|correspondents?|contributors?|editors?|columnists?|journalists?|producers?|analysts?|critics?|interns?)\.?$/i;

/** Strip a trailing job title; `role` says whether there was one. "NJ Advance Media for NJ.com" → "NJ.com". */
export function outletOfByline(tail: string): { name: string; role: boolean } | null {
  let s = tail.trim();
  const forOutlet = /\bfor\s+(?:the\s+)?(\S.*)$/i.exec(s);
  if (forOutlet) s = forOutlet[1];
  const role = ROLE_RE.test(` ${s}`);
  s = ` ${s}`.replace(ROLE_RE, '').trim();
  const name = leadingName(s, 5);
  if (!name) return null;
  // "AP National Security", "CNN Business": a known outlet followed by its desk.
  const words = name.split(' ');
  for (let k = 1; k < words.length; k++) {
    const head = words.slice(0, k).join(' ');
    if (knownOutletByName(head)) return { name: head, role };
  }
  return { name, role };
}
