/**
 * tilse's timeline metrics (Martschat & Markert 2017, "Improving ROUGE for Timeline Summarization"),
 * reimplemented: concat, agreement, align_date_content_costs_many_to_one ("alignM1") with ROUGE-1 and
 * ROUGE-2, and date precision/recall/F1 (news-tls convention). Also the reader and writer of tilse's
 * text format (a date line, one sentence per line, a line of 32 dashes).
 *
 * Where tilse is undefined we define: an empty predicted timeline scores 0 everywhere (tilse divides by
 * zero or fails on an empty argmin); a zero denominator gives 0.
 */
import { InputError, type IsoDay } from '../model.js';
import { f1, prepareSummary, rougeNCounts, type PRF, type PreparedSummary } from './rouge.js';
import { dayOrdinal, isCalendarDay } from '../util/day.js';

/** date -> sentences (tokens separated by spaces). */
export type TilseTimeline = Map<IsoDay, string[]>;

export const TILSE_SEPARATOR = '-'.repeat(32);

/** Python's strptime('%Y-%m-%d'): 4-digit year, 1-2 digit month and day, a real calendar day. */
function parseStrictDay(line: string): IsoDay | null {
  const m = /^(\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9])$/.exec(line);
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isCalendarDay(day) ? day : null;
}

export interface ParsedTimeline {
  timeline: TilseTimeline;
  warnings: string[];
}

/**
 * Read tilse's text format the way tilse does: a line that parses as a date starts (or replaces) the
 * current date; other non-separator lines are summary sentences; a separator line stores the block
 * (a later block for the same date replaces an earlier one); a block without a closing separator is
 * dropped (with a warning). One repair: a date line with a truncated day of "0" (`2011-04-0`,
 * Timeline17's MJ_bbc flaw) is read as day 02, the value tilse's published scores used.
 */
export function parseTilseTimeline(text: string, path = '<timeline>'): ParsedTimeline {
  const timeline: TilseTimeline = new Map();
  const warnings: string[] = [];
  let date: IsoDay | null = null;
  let summary = '';
  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === TILSE_SEPARATOR) {
      if (date === null) {
        if (summary.trim()) warnings.push(`${path}:${i + 1}: summary block without a date line; skipped`);
      } else {
        timeline.set(
          date,
          summary
            .trim()
            .split('\n')
            .map((s) => s.trim()),
        );
      }
      date = null;
      summary = '';
      return;
    }
    let d = parseStrictDay(line);
    if (d === null) {
      const truncated = /^(\d{4})-(\d{2})-0$/.exec(line);
      if (truncated && isCalendarDay(`${truncated[1]}-${truncated[2]}-02`)) {
        d = `${truncated[1]}-${truncated[2]}-02`;
        warnings.push(`${path}:${i + 1}: malformed date "${line}" read as ${d} (as tilse reads it)`);
      } else if (/^\d{4}-\d{1,2}-\d{0,2}$/.test(line)) {
        warnings.push(`${path}:${i + 1}: malformed date "${line}" kept as summary text (as tilse does)`);
      }
    }
    if (d !== null) date = d;
    else summary += line + '\n';
  });
  if (date !== null)
    warnings.push(`${path}: last block (${date}) has no closing separator line; ignored as tilse does`);
  return { timeline, warnings };
}

/** Like parseTilseTimeline, but an input with no dated block at all is an error. */
export function readTilseTimelineText(text: string, path: string): ParsedTimeline {
  const parsed = parseTilseTimeline(text, path);
  if (parsed.timeline.size === 0 && text.trim() !== '')
    throw new InputError(
      path,
      'no dated block found (expected a YYYY-MM-DD line, sentences, then a line of 32 dashes)',
    );
  return parsed;
}

/** Write a timeline in tilse's text format, dates in order. */
export function formatTilseTimeline(tl: TilseTimeline): string {
  let out = '';
  for (const d of [...tl.keys()].sort()) {
    out += d + '\n';
    for (const s of tl.get(d)!) out += s.replace(/\s*\n\s*/g, ' ') + '\n';
    out += TILSE_SEPARATOR + '\n';
  }
  return out;
}

export interface RougePair {
  rouge1: PRF;
  rouge2: PRF;
}

export interface TimelineScores {
  concat: RougePair;
  agreement: RougePair;
  alignM1: RougePair;
  date: PRF;
}

const ZERO: PRF = { p: 0, r: 0, f: 0 };

function prf(pNum: number, pDen: number, rNum: number, rDen: number): PRF {
  const p = pDen === 0 ? 0 : pNum / pDen;
  const r = rDen === 0 ? 0 : rNum / rDen;
  return { p, r, f: f1(p, r) };
}

/** Per-date prepared summaries, computed once. */
class Prepared {
  private cache = new Map<IsoDay, PreparedSummary>();
  constructor(readonly tl: TilseTimeline) {}
  get(d: IsoDay): PreparedSummary {
    let s = this.cache.get(d);
    if (!s) {
      s = prepareSummary(this.tl.get(d) ?? []);
      this.cache.set(d, s);
    }
    return s;
  }
}

/** Python's string.punctuation (the ASCII punctuation characters, in code-point order). */
const PY_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** Token counts of a summary as tilse's ROUGE approximation counts them (see rougeApproximation). */
type ApproxCounts = { counts: Map<string, number>; total: number };

function approxCounts(sents: readonly string[]): ApproxCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (const s of sents)
    for (const t of s.split(/\s+/))
      if (t && !PY_PUNCTUATION.includes(t)) {
        counts.set(t, (counts.get(t) ?? 0) + 1);
        total++;
      }
  return { counts, total };
}

/**
 * tilse's compute_rouge_approximation (the version behind the published scores): ROUGE-1 F1 over
 * whitespace tokens, no stemming, no lower-casing. A token is left out when it occurs as a substring of
 * Python's string.punctuation (tilse tests `token in string.punctuation`, a substring test on a str):
 * so "," "." "(" and "./" are dropped, while "``", two quotes, "--" and "..." are counted. Reproduces all
 * 38 parity records (concat and agreement do not depend on it). Counts come prepared (once per date).
 */
function rougeApproximation(p: ApproxCounts, rs: readonly ApproxCounts[]): number {
  let match = 0;
  for (const [tok, c] of p.counts) for (const r of rs) match += Math.min(c, r.counts.get(tok) ?? 0);
  const precDen = rs.length * p.total;
  const precision = precDen === 0 ? 0 : match / precDen;
  let recDen = 0;
  for (const r of rs) recDen += r.total;
  const recall = recDen === 0 ? 0 : match / recDen;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Prepared summaries and approximation counts of a reference timeline, kept while the timeline lives. */
const preparedRefs = new WeakMap<TilseTimeline, { summaries: Prepared; approx: Map<IsoDay, ApproxCounts> }>();

function preparedRef(r: TilseTimeline) {
  let p = preparedRefs.get(r);
  if (!p) preparedRefs.set(r, (p = { summaries: new Prepared(r), approx: new Map() }));
  return p;
}

function approxOf(cache: Map<IsoDay, ApproxCounts>, tl: TilseTimeline, d: IsoDay): ApproxCounts {
  let c = cache.get(d);
  if (!c) cache.set(d, (c = approxCounts(tl.get(d) ?? [])));
  return c;
}

/** Date precision/recall/F1 (news-tls): shared dates over predicted and over reference dates. */
function dateScores(predDates: readonly IsoDay[], refDates: readonly IsoDay[], refDateSet: Set<IsoDay>): PRF {
  const shared = predDates.filter((d) => refDateSet.has(d)).length;
  return predDates.length === 0 ? ZERO : prf(shared, predDates.length, shared, refDates.length);
}

/**
 * align_date_content_costs_many_to_one: each predicted date goes to its cheapest reference date
 * (precision) and each reference date to its cheapest predicted date (recall); cost =
 * (1 - 1/(|days|+1)) * (1 - approximate ROUGE-1 F1); ties go to the earliest date (numpy argmin).
 */
function alignM1Scores(
  pred: TilseTimeline,
  refs: readonly TilseTimeline[],
  predDates: readonly IsoDay[],
  refDates: readonly IsoDay[],
  P: Prepared,
): RougePair {
  const ns = [1, 2] as const;
  const R = refs.map((r) => preparedRef(r));
  const ord = new Map<IsoDay, number>();
  for (const d of [...predDates, ...refDates]) ord.set(d, dayOrdinal(d));
  const approx = new Map<string, number>();
  const predApprox = new Map<IsoDay, ApproxCounts>();
  const cost = (pd: IsoDay, rd: IsoDay): number => {
    const dateFactor = 1 - 1 / (Math.abs(ord.get(pd)! - ord.get(rd)!) + 1);
    const key = pd + '|' + rd;
    let a = approx.get(key);
    if (a === undefined) {
      a = rougeApproximation(
        approxOf(predApprox, pred, pd),
        refs.map((r, i) => approxOf(R[i]!.approx, r, rd)),
      );
      approx.set(key, a);
    }
    return dateFactor * (1 - a);
  };
  const argmin = <T>(items: readonly T[], f: (x: T) => number): T => {
    let best = items[0]!;
    let bestCost = f(best);
    for (let i = 1; i < items.length; i++) {
      const c = f(items[i]!);
      if (c < bestCost) {
        best = items[i]!;
        bestCost = c;
      }
    }
    return best;
  };
  const precPairs = predDates.map((pd) => [pd, argmin(refDates, (rd) => cost(pd, rd))] as const);
  const recPairs = refDates.map((rd) => [argmin(predDates, (pd) => cost(pd, rd)), rd] as const);
  return Object.fromEntries(
    ns.map((n) => {
      let pNum = 0;
      let pDen = 0;
      let rNum = 0;
      let rDen = 0;
      for (const [pd, rd] of precPairs) {
        const c = rougeNCounts(
          P.get(pd),
          R.map((r) => r.summaries.get(rd)),
          n,
        );
        pNum += (1 / (Math.abs(ord.get(pd)! - ord.get(rd)!) + 1)) * c.hit;
        pDen += c.peer;
      }
      for (const [pd, rd] of recPairs) {
        const c = rougeNCounts(
          P.get(pd),
          R.map((r) => r.summaries.get(rd)),
          n,
        );
        rNum += (1 / (Math.abs(ord.get(pd)! - ord.get(rd)!) + 1)) * c.hit;
        rDen += c.model;
      }
      return [`rouge${n}`, prf(pNum, pDen, rNum, rDen)];
    }),
  ) as unknown as RougePair;
}

function datesOf(pred: TilseTimeline, refs: readonly TilseTimeline[]) {
  if (refs.length === 0) throw new Error('scoreTimeline: at least one reference timeline is needed');
  const predDates = [...pred.keys()].sort();
  const refDateSet = new Set<IsoDay>();
  for (const r of refs) for (const d of r.keys()) refDateSet.add(d);
  return { predDates, refDateSet, refDates: [...refDateSet].sort() };
}

/** The headline metrics only (AR-1, AR-2 and date F1; the same values as scoreTimeline gives them), for searches. */
export function scoreAlignment(
  pred: TilseTimeline,
  refs: readonly TilseTimeline[],
): { alignM1: RougePair; date: PRF } {
  const { predDates, refDateSet, refDates } = datesOf(pred, refs);
  const date = dateScores(predDates, refDates, refDateSet);
  if (predDates.length === 0) return { alignM1: { rouge1: ZERO, rouge2: ZERO }, date };
  return { alignM1: alignM1Scores(pred, refs, predDates, refDates, new Prepared(pred)), date };
}

/** Score a predicted timeline against one or more reference timelines with tilse's metrics. */
export function scoreTimeline(pred: TilseTimeline, refs: readonly TilseTimeline[]): TimelineScores {
  const { predDates, refDateSet, refDates } = datesOf(pred, refs);
  const date = dateScores(predDates, refDates, refDateSet);
  if (predDates.length === 0) {
    const zero = { rouge1: ZERO, rouge2: ZERO };
    return { concat: zero, agreement: zero, alignM1: zero, date };
  }

  const P = new Prepared(pred);
  const R = refs.map((r) => preparedRef(r).summaries);
  const ns = [1, 2] as const;

  // concat: all sentences of each timeline, dates in order, as one summary.
  const concatPred = prepareSummary(predDates.flatMap((d) => pred.get(d)!));
  const concatRefs = refs.map((r) => prepareSummary([...r.keys()].sort().flatMap((d) => r.get(d)!)));
  const concat = Object.fromEntries(
    ns.map((n) => {
      const c = rougeNCounts(concatPred, concatRefs, n);
      return [`rouge${n}`, prf(c.hit, c.peer, c.hit, c.model)];
    }),
  ) as unknown as RougePair;

  // agreement: per-date ROUGE on dates in both, normalised by all predicted / all reference content.
  const agreement = Object.fromEntries(
    ns.map((n) => {
      let pNum = 0;
      let pDen = 0;
      let rNum = 0;
      let rDen = 0;
      for (const d of new Set([...predDates, ...refDates])) {
        const c = rougeNCounts(
          P.get(d),
          R.map((r) => r.get(d)),
          n,
        );
        if (pred.has(d)) {
          pNum += c.hit;
          pDen += c.peer;
        }
        if (refDateSet.has(d)) {
          rNum += c.hit;
          rDen += c.model;
        }
      }
      return [`rouge${n}`, prf(pNum, pDen, rNum, rDen)];
    }),
  ) as unknown as RougePair;

  return { concat, agreement, alignM1: alignM1Scores(pred, refs, predDates, refDates, P), date };
}

/**
 * Average over tasks as the TLS literature reports it (news-tls): precision and recall are averaged,
 * and F1 is taken of the averages.
 */
export function averagePRF(items: readonly PRF[]): PRF {
  if (items.length === 0) return ZERO;
  const p = items.reduce((s, x) => s + x.p, 0) / items.length;
  const r = items.reduce((s, x) => s + x.r, 0) / items.length;
  return { p, r, f: f1(p, r) };
}
