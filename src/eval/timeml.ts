/**
 * TimeML reader and writer (TempEval-3 `.tml` files): the document creation time from the `<DCT>` TIMEX3,
 * the raw text of `<TEXT>` with every tag stripped and entities decoded, and the inline TIMEX3 annotations
 * with offsets into that text. The writer produces well-formed TimeML with predicted TIMEX3 tags inline.
 */
import { InputError, type IsoDay, type Timex, type TimexType } from '../model.js';

export interface TimemlTimex {
  tid: string;
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  mod?: string;
}

export interface TimemlDocument {
  docId: string | null;
  /** Document creation time (day), or null when the file has none. */
  dct: IsoDay | null;
  /** The DCT's value attribute as written (may carry a time). */
  dctValue: string | null;
  /** Content of <TEXT>, tags removed, entities decoded. */
  text: string;
  timexes: TimemlTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e] ?? all;
  });
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

function lineOf(xml: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index && i < xml.length; i++) if (xml.charCodeAt(i) === 10) n++;
  return n;
}

const TIMEX_TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);

/** Parses one TimeML document; throws InputError (with the file and line) when it is not well-formed. */
export function parseTimeML(xml: string, file: string): TimemlDocument {
  const open = /<TEXT(?:\s[^>]*)?>/.exec(xml);
  const close = xml.lastIndexOf('</TEXT>');
  if (!open || close < open.index) throw new InputError(file, 'no <TEXT> element: not a TimeML document');
  const docId = /<DOCID>([^<]*)<\/DOCID>/.exec(xml)?.[1].trim() ?? null;

  let dctValue: string | null = null;
  const tagRe = /<TIMEX3\b([^>]*)>/g;
  let t: RegExpExecArray | null;
  while ((t = tagRe.exec(xml))) {
    const a = attrs(t[1]);
    if (a.functionInDocument === 'CREATION_TIME' && a.value) {
      dctValue = a.value;
      break;
    }
  }
  const dctDay = dctValue && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;

  const bodyStart = open.index + open[0].length;
  const body = xml.slice(bodyStart, close);
  let text = '';
  const timexes: TimemlTimex[] = [];
  const stack: { name: string; at: number; attrs: Record<string, string>; textStart: number }[] = [];
  const re = /<(\/?)([A-Za-z_][\w:.-]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const chunk = body.slice(last, m.index);
    if (chunk.includes('<') || chunk.includes('>')) {
      const bad = last + chunk.search(/[<>]/);
      throw new InputError(file, 'malformed markup in <TEXT>', lineOf(xml, bodyStart + bad));
    }
    text += decodeEntities(chunk);
    last = m.index + m[0].length;
    if (m[5] !== undefined) {
      text += m[5];
      continue;
    }
    if (!m[2]) continue; // comment
    const name = m[2];
    if (m[1]) {
      const top = stack.pop();
      if (!top || top.name !== name)
        throw new InputError(
          file,
          `closing </${name}> does not match ${top ? `<${top.name}>` : 'any open tag'}`,
          lineOf(xml, bodyStart + m.index),
        );
      if (name === 'TIMEX3') {
        const type = top.attrs.type as TimexType;
        if (!TIMEX_TYPES.has(type))
          throw new InputError(
            file,
            `TIMEX3 ${top.attrs.tid ?? ''} has no valid type`,
            lineOf(xml, bodyStart + top.at),
          );
        const tx: TimemlTimex = {
          tid: top.attrs.tid ?? `t${timexes.length + 1}`,
          start: top.textStart,
          end: text.length,
          text: text.slice(top.textStart),
          type,
          value: top.attrs.value ?? '',
        };
        if (top.attrs.mod) tx.mod = top.attrs.mod;
        timexes.push(tx);
      }
    } else if (!m[4]) {
      stack.push({ name, at: m.index, attrs: name === 'TIMEX3' ? attrs(m[3]) : {}, textStart: text.length });
    }
  }
  const tail = body.slice(last);
  if (tail.includes('<') || tail.includes('>'))
    throw new InputError(file, 'malformed markup in <TEXT>', lineOf(xml, bodyStart + last));
  text += decodeEntities(tail);
  if (stack.length)
    throw new InputError(
      file,
      `<${stack[stack.length - 1].name}> is never closed`,
      lineOf(xml, bodyStart + stack[stack.length - 1].at),
    );
  return { docId, dct: dctDay, dctValue, text, timexes };
}

/** Writes a TimeML document with the given timexes inline in <TEXT> (non-overlapping, sorted by the writer). */
export function writeTimeML(doc: {
  docId: string | null;
  dctValue: string | null;
  text: string;
  timexes: Pick<Timex, 'start' | 'end' | 'type' | 'value' | 'mod'>[];
}): string {
  const sorted = doc.timexes.slice().sort((a, b) => a.start - b.start);
  let body = '';
  let pos = 0;
  let n = 0;
  for (const t of sorted) {
    if (t.start < pos || t.end <= t.start || t.end > doc.text.length) continue; // overlapping or empty: skipped
    body += escapeText(doc.text.slice(pos, t.start));
    n++;
    const mod = t.mod ? ` mod="${escapeAttr(t.mod)}"` : '';
    body += `<TIMEX3 tid="t${n}" type="${t.type}" value="${escapeAttr(t.value)}"${mod}>${escapeText(doc.text.slice(t.start, t.end))}</TIMEX3>`;
    pos = t.end;
  }
  body += escapeText(doc.text.slice(pos));
  const dct = doc.dctValue
    ? `<DCT><TIMEX3 tid="t0" type="DATE" value="${escapeAttr(doc.dctValue)}" temporalFunction="false" functionInDocument="CREATION_TIME">${escapeText(doc.dctValue)}</TIMEX3></DCT>\n`
    : '';
  const id = doc.docId ? `<DOCID>${escapeText(doc.docId)}</DOCID>\n` : '';
  return `<?xml version="1.0" ?>\n<TimeML>\n${id}${dct}<TEXT>${body}</TEXT>\n</TimeML>\n`;
}
