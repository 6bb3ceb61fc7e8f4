/**
 * A rule-based entity tagger for comparison: compromise's people / organizations / places mapped to
 * CoNLL PER / ORG / LOC (compromise has no MISC). The words of a document are joined with spaces (one
 * sentence per line), and each compromise match marks the tokens it overlaps with IOB2 tags.
 */
import nlp from 'compromise';

const KINDS = [
  ['people', 'PER'],
  ['organizations', 'ORG'],
  ['places', 'LOC'],
] as const;

interface Match {
  offset?: { start: number; length: number };
}

export function compromiseTagDocument(doc: string[][]): string[][] {
  const starts: number[][] = [];
  let text = '';
  for (const words of doc) {
    const row: number[] = [];
    words.forEach((w, i) => {
      if (i) text += ' ';
      row.push(text.length);
      text += w;
    });
    starts.push(row);
    text += '\n';
  }
  // Character position -> (sentence, token).
  const owner = new Int32Array(text.length).fill(-1);
  const flat: Array<[number, number]> = [];
  doc.forEach((words, s) =>
    words.forEach((w, i) => {
      const id = flat.length;
      flat.push([s, i]);
      owner.fill(id, starts[s][i], starts[s][i] + w.length);
    }),
  );
  const tags = doc.map((ws) => ws.map(() => 'O'));
  const d = nlp(text);
  for (const [method, type] of KINDS) {
    const matches = (d as any)[method]().json({ offset: true }) as Match[];
    for (const m of matches) {
      if (!m.offset) continue;
      let prev = -1;
      for (let c = m.offset.start; c < m.offset.start + m.offset.length && c < owner.length; c++) {
        const id = owner[c];
        if (id < 0 || id === prev) continue;
        const [s, i] = flat[id];
        if (tags[s][i] !== 'O' && prev === -1) break; // already claimed by an earlier kind
        tags[s][i] = (prev === -1 || flat[prev][0] !== s ? 'B-' : 'I-') + type;
        prev = id;
      }
    }
  }
  return tags;
}
