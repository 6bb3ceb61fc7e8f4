/**
 * The tag set of the entity tagger: BILOU (Begin, Inside, Last, Outside, Unit) over the four CoNLL types.
 * BILOU lets the model learn where names end as well as where they start; conversion to IOB2 (what
 * CoNLL files and conlleval use) is lossless.
 */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof ENTITY_TYPES)[number];

export const TAGS: string[] = ['O'];
for (const t of ENTITY_TYPES) for (const p of ['B', 'I', 'L', 'U']) TAGS.push(`${p}-${t}`);
export const NUM_TAGS = TAGS.length;
export const TAG_INDEX = new Map(TAGS.map((t, i) => [t, i]));

const prefixOf = (tag: string) => tag[0];
const typeOf = (tag: string) => tag.slice(2);

/** allowed[prev * NUM_TAGS + cur]: may `cur` follow `prev` in a well-formed BILOU sequence? */
export const ALLOWED = new Uint8Array(NUM_TAGS * NUM_TAGS);
/** May a sentence start / end with this tag? */
export const CAN_START = new Uint8Array(NUM_TAGS);
export const CAN_END = new Uint8Array(NUM_TAGS);
for (let p = 0; p < NUM_TAGS; p++) {
  const pp = prefixOf(TAGS[p]);
  for (let c = 0; c < NUM_TAGS; c++) {
    const cp = prefixOf(TAGS[c]);
    const open = pp === 'B' || pp === 'I';
    const ok = open
      ? (cp === 'I' || cp === 'L') && typeOf(TAGS[c]) === typeOf(TAGS[p])
      : cp === 'O' || cp === 'B' || cp === 'U';
    ALLOWED[p * NUM_TAGS + c] = ok ? 1 : 0;
  }
  CAN_START[p] = pp === 'O' || pp === 'B' || pp === 'U' ? 1 : 0;
  CAN_END[p] = pp === 'O' || pp === 'L' || pp === 'U' ? 1 : 0;
}

/** Entity spans [start, end) with type from IOB1/IOB2 tags (an I- after O or another type starts a span). */
export function spansFromIob(tags: string[]): Array<{ start: number; end: number; type: string }> {
  const out: Array<{ start: number; end: number; type: string }> = [];
  let open: { start: number; type: string } | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 'O';
    const p = tag[0];
    const t = tag.slice(2);
    const continues = open !== null && p === 'I' && t === open.type;
    if (open && !continues) {
      out.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    if (!continues && (p === 'B' || p === 'I')) open = { start: i, type: t };
  }
  return out;
}

/** IOB (1 or 2) tags to BILOU tags. */
export function iobToBilou(tags: string[]): string[] {
  const out: string[] = tags.map(() => 'O');
  for (const s of spansFromIob(tags)) {
    if (s.end - s.start === 1) out[s.start] = `U-${s.type}`;
    else {
      out[s.start] = `B-${s.type}`;
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = `I-${s.type}`;
      out[s.end - 1] = `L-${s.type}`;
    }
  }
  return out;
}

/** Entity spans from BILOU tags (tolerant: an unfinished span ends where the next one starts). */
export function spansFromBilou(tags: string[]): Array<{ start: number; end: number; type: string }> {
  const out: Array<{ start: number; end: number; type: string }> = [];
  let open: { start: number; type: string } | null = null;
  for (let i = 0; i < tags.length; i++) {
    const p = tags[i][0];
    const t = tags[i].slice(2);
    if (open && (p === 'O' || p === 'B' || p === 'U' || t !== open.type)) {
      out.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    if (p === 'U') out.push({ start: i, end: i + 1, type: t });
    else if (p === 'B' || ((p === 'I' || p === 'L') && !open)) open = { start: i, type: t };
    if (p === 'L' && open) {
      out.push({ start: open.start, end: i + 1, type: open.type });
      open = null;
    }
  }
  if (open) out.push({ start: open.start, end: tags.length, type: open.type });
  return out;
}

/** BILOU tags to IOB2 tags (B- starts every entity). */
export function bilouToIob2(tags: string[]): string[] {
  const out: string[] = tags.map(() => 'O');
  for (const s of spansFromBilou(tags)) {
    out[s.start] = `B-${s.type}`;
    for (let i = s.start + 1; i < s.end; i++) out[i] = `I-${s.type}`;
  }
  return out;
}
