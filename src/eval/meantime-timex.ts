/**
 * MEANTIME TIMEX3 reader (NewsReader CAT XML, one `<Document>` per file) for `chronicle eval timex
 * --meantime`: rebuilds the article text from its `<token>` elements as prose and returns the TIMEX3
 * mentions anchored to tokens with offsets into that text, in the TimeML reader's shape, so both corpora
 * are scored the same way. (The coreference reader, ./meantime.ts, keeps its own one-sentence-a-line text.)
 *
 * The corpus is tokenised (PTB style: `` and '' for quotes, "n't" and "'s" split off); tokens are joined
 * with the usual spacing so the tagger sees ordinary prose. The creation-time TIMEX3 is the article's date
 * line: it gives the DCT, and its tokens are left out of the text (TimeML keeps the DCT outside <TEXT>
 * too), so neither the gold nor the tagger counts it. MEANTIME annotates only the start of each article
 * (the title and the first sentences): the text ends with the last sentence any markable (entity, event,
 * time, value...) is anchored to, so what the tagger finds further on is not counted as spurious.
 */
import { InputError, type TimexType } from '../model.js';
import { decodeEntities, type TimemlDocument, type TimemlTimex } from './timeml.js';

interface Token {
  id: string;
  sentence: number;
  text: string;
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1]] = decodeEntities(m[2]);
  return out;
}

/** Tokens that attach to the previous token (no space before them). */
const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|''|'s|'S|n't|'re|'ve|'ll|'d|'m|\.\.\.)$/;
/** Tokens that attach to the next token (no space after them). */
const NO_SPACE_AFTER = /^(?:[([{$#]|``|[A-Z]{1,2}\$)$/;

const TIMEX_TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);

/** Parses one MEANTIME CAT XML document; throws InputError naming the file when it is not one. */
export function parseMeantimeTimex(xml: string, file: string): TimemlDocument {
  const head = /<Document\b([^>]*)>/.exec(xml);
  if (!head) throw new InputError(file, 'no <Document> element: not a MEANTIME (CAT XML) file');
  const docId = attrs(head[1]).doc_id ?? null;
  const tokens: Token[] = [];
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    const a = attrs(m[1]);
    if (!a.t_id) throw new InputError(file, 'a <token> has no t_id');
    tokens.push({ id: a.t_id, sentence: Number(a.sentence ?? 0), text: decodeEntities(m[2]) });
  }
  if (!tokens.length) throw new InputError(file, 'no <token> elements');

  // TIMEX3 markables with their token anchors (empty ones, without anchors, are not in the text).
  const marks: { attrs: Record<string, string>; ids: string[] }[] = [];
  for (const m of xml.matchAll(/<TIMEX3\b([^>]*?)(\/?)>/g)) {
    if (m[2]) continue;
    const close = xml.indexOf('</TIMEX3>', m.index);
    if (close < 0) throw new InputError(file, `TIMEX3 ${attrs(m[1]).m_id ?? '?'} is never closed`);
    const body = xml.slice(m.index + m[0].length, close);
    const ids = [...body.matchAll(/<token_anchor\s+t_id="([^"]+)"/g)].map((x) => x[1]);
    if (ids.length) marks.push({ attrs: attrs(m[1]), ids });
  }
  // The annotated part: up to the last sentence holding a token any markable is anchored to.
  const sentenceOf = new Map(tokens.map((t) => [t.id, t.sentence]));
  let lastSentence = -1;
  for (const m of xml.matchAll(/<token_anchor\s+t_id="([^"]+)"/g))
    lastSentence = Math.max(lastSentence, sentenceOf.get(m[1]) ?? -1);
  const dctMark = marks.find((x) => x.attrs.functionInDocument === 'CREATION_TIME');
  const dctValue = dctMark?.attrs.value ?? null;
  const dct = dctValue && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;
  const skip = new Set(dctMark?.ids ?? []);

  // Prose spacing; a line break after the title and where the date line was left out.
  const span = new Map<string, [number, number]>();
  let text = '';
  let prev: Token | null = null;
  let brokeLine = false;
  for (const t of tokens) {
    if (t.sentence > lastSentence) break;
    if (skip.has(t.id)) {
      brokeLine = true;
      continue;
    }
    const word = t.text === '``' || t.text === "''" ? '"' : t.text;
    if (prev) {
      if (brokeLine || (prev.sentence === 0 && t.sentence > 0)) text += '\n';
      else if (!NO_SPACE_BEFORE.test(t.text) && !NO_SPACE_AFTER.test(prev.text)) text += ' ';
    }
    brokeLine = false;
    span.set(t.id, [text.length, text.length + word.length]);
    text += word;
    prev = t;
  }

  const timexes: TimemlTimex[] = [];
  for (const x of marks) {
    if (x === dctMark) continue;
    const id = x.attrs.m_id ?? String(timexes.length + 1);
    const type = x.attrs.type as TimexType;
    if (!TIMEX_TYPES.has(type)) throw new InputError(file, `TIMEX3 m_id=${id} has no valid type`);
    const spans = x.ids.map((t) => span.get(t));
    if (spans.some((s) => !s))
      throw new InputError(file, `TIMEX3 m_id=${id} is anchored to an unknown token`);
    const start = Math.min(...spans.map((s) => s![0]));
    const end = Math.max(...spans.map((s) => s![1]));
    const tx: TimemlTimex = {
      tid: `t${id}`,
      start,
      end,
      text: text.slice(start, end),
      type,
      value: x.attrs.value ?? '',
    };
    if (x.attrs.mod) tx.mod = x.attrs.mod;
    timexes.push(tx);
  }
  timexes.sort((a, b) => a.start - b.start);
  return { docId, dct, dctValue, text, timexes };
}
