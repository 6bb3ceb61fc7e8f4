/**
 * The bundled sample story (examples/harbour-spill) as articles with hand-marked mentions, so entity and
 * quote tests do not depend on the NER model. The names are the story's own (see its README).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, EntityType, Mention } from '../../src/model.js';
import { newArticle } from '../../src/model.js';
import { annotateSentences } from '../../src/nlp/sentences.js';

const DIR = join(import.meta.dirname, '..', '..', 'examples', 'harbour-spill');

const NAMES: [string, EntityType][] = [
  ['Minister Ingrid Solvang', 'PERSON'],
  ['Ingrid Solvang', 'PERSON'],
  ['Ms Solvang', 'PERSON'],
  ['Minister Solvang', 'PERSON'],
  ['Solvang', 'PERSON'],
  ['Marten Ellingsrud', 'PERSON'],
  ['Marten Ellingsrod', 'PERSON'],
  ['Ellingsrud', 'PERSON'],
  ['Ellingsrod', 'PERSON'],
  ['Youssef Benhalla', 'PERSON'],
  ['Yusuf Benhalla', 'PERSON'],
  ['Agnes Thorne', 'PERSON'],
  ['Thorne', 'PERSON'],
  ['Daniel Roper', 'PERSON'],
  ['Roper', 'PERSON'],
  ['Lucia Ferrante', 'PERSON'],
  ['Ferrante', 'PERSON'],
  ['Mira Okafor', 'PERSON'],
  ['Okafor', 'PERSON'],
  ['Piet Olander', 'PERSON'],
  ['Oil Spill Prevention and Response Agency', 'ORG'],
  ['OSPRA', 'ORG'],
  ['Ospra', 'ORG'],
  ['Corvane Shipping', 'ORG'],
  ['Corvane', 'ORG'],
  ['Ministry of Maritime Affairs', 'ORG'],
  ['Coastwatch', 'ORG'],
  ['European Union', 'ORG'],
  ['EU', 'ORG'],
  ['Kelvik', 'LOC'],
  ['Brussels', 'LOC'],
];

function mark(a: Article): void {
  const taken: [number, number][] = [];
  const out: Mention[] = [];
  for (const [name, type] of NAMES) {
    const re = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
    for (const m of a.text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + name.length;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      out.push({ text: name, start, end, sentenceIndex: 0, type });
    }
  }
  a.mentions = out.sort((x, y) => x.start - y.start);
}

/** The story's articles (file name or JSONL id as article id), with sentences and marked mentions. */
export function storyArticles(): Article[] {
  const arts: Article[] = [];
  for (const f of readdirSync(DIR).sort()) {
    const p = join(DIR, f);
    if (f.endsWith('.txt')) {
      const text = readFileSync(p, 'utf8').replace(/^ date \d{4}-\d{2}-\d{2} /, '');
      arts.push(newArticle({ id: f.replace(/\.txt$/, ''), rawText: text }));
    } else if (f.endsWith('.jsonl')) {
      for (const line of readFileSync(p, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const r = JSON.parse(line) as { id: string; text: string };
        arts.push(newArticle({ id: r.id, rawText: r.text }));
      }
    }
  }
  for (const a of arts) {
    annotateSentences(a);
    mark(a);
  }
  return arts;
}
