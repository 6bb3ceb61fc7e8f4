/**
 * Test helpers for the store: a tiny deterministic analyser (so store tests do not depend on the NLP stages,
 * which are tested on their own) and article factories. All text here is our own writing.
 */
import type { Analysis, Article, Entity, Mention, Quote, Sentence, Timex } from '../../src/model.js';
import { newArticle } from '../../src/model.js';
import type { AnalyzeOptions } from '../../src/pipeline.js';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Sentences on . ! ?; tokens on words; "March 4, 2024" dates; capitalised runs as mentions; "..." said X quotes. */
export function miniAnalyze(articles: Article[], _options: AnalyzeOptions = {}): Analysis {
  const entities = new Map<string, Entity>();
  for (const a of articles) {
    a.text = a.rawText.trim();
    const sentences: Sentence[] = [];
    for (const m of a.text.matchAll(/[^.!?]+[.!?]?/g)) {
      const lead = m[0].length - m[0].trimStart().length;
      const t = m[0].trim();
      if (!t) continue;
      const start = m.index! + lead;
      const tokens = [...t.matchAll(/\w+|[^\w\s]/g)].map((x) => ({
        text: x[0],
        start: start + x.index!,
        end: start + x.index! + x[0].length,
      }));
      const timexes: Timex[] = [];
      for (const d of t.matchAll(
        /\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})/g,
      )) {
        const mm = String(MONTHS.indexOf(d[1].toLowerCase()) + 1).padStart(2, '0');
        timexes.push({
          text: d[0],
          start: start + d.index!,
          end: start + d.index! + d[0].length,
          type: 'DATE',
          value: `${d[3]}-${mm}-${d[2].padStart(2, '0')}`,
        });
      }
      sentences.push({
        index: sentences.length,
        start,
        end: start + t.length,
        text: t,
        tokens,
        timexes,
        dupGroup: 0,
      });
    }
    a.sentences = sentences;
    const mentions: Mention[] = [];
    sentences.forEach((s) => {
      for (const m of s.text.matchAll(/(?<![\w])(?:[A-Z][a-z]+)(?: [A-Z][a-z]+)+/g)) {
        if (MONTHS.includes(m[0].split(' ')[0].toLowerCase())) continue;
        const start = s.start + m.index!;
        const key = m[0].toLowerCase();
        let e = entities.get(key);
        if (!e)
          entities.set(
            key,
            (e = {
              id: `b${entities.size}`,
              name: m[0],
              type: /Port|Bay|City/.test(m[0]) ? 'LOC' : 'PERSON',
              aliases: [],
              mentions: 0,
              articleIds: [],
            }),
          );
        e.mentions++;
        if (!e.articleIds.includes(a.id)) e.articleIds.push(a.id);
        mentions.push({
          text: m[0],
          start,
          end: start + m[0].length,
          sentenceIndex: s.index,
          type: e.type,
          entityId: e.id,
        });
      }
    });
    a.mentions = mentions;
    const quotes: Quote[] = [];
    for (const s of sentences) {
      const q = /"([^"]+)," said ([A-Z][a-z]+ [A-Z][a-z]+)/.exec(s.text);
      if (q) {
        const start = s.start + q.index! + 1;
        const e = entities.get(q[2].toLowerCase());
        quotes.push({
          text: q[1],
          kind: 'direct',
          speaker: q[2],
          speakerEntityId: e?.id ?? null,
          speakerText: q[2],
          cue: 'said',
          start,
          end: start + q[1].length,
          sentenceIndex: s.index,
        });
      }
    }
    a.quotes = quotes;
  }
  // Exact-repeat sentence groups, as the dedup stage would mark them.
  const groups = new Map<string, number>();
  for (const a of articles)
    for (const s of a.sentences) {
      const k = s.text.toLowerCase();
      if (!groups.has(k)) groups.set(k, groups.size);
      s.dupGroup = groups.get(k);
    }
  return { articles, entities: [...entities.values()], errors: [] };
}

let n = 0;
export function art(text: string, publishedAt: string, fields: Partial<Article> = {}): Article {
  return newArticle({ id: fields.id ?? `t${++n}`, rawText: text, publishedAt, ...fields });
}

/** A harbour story in three parts and an unrelated council story, all our own sentences. */
export const SPILL = [
  [
    'The tanker Northern Gull ran aground at Kessel Bay on March 4, 2024. Diesel leaked into the harbour water. "We are containing the diesel," said Mara Oduya.',
    '2024-03-04',
  ],
  [
    'Crews laid booms around the tanker Northern Gull in Kessel Bay. The diesel slick spread toward the harbour beaches. Mara Oduya said the harbour would stay closed.',
    '2024-03-05',
  ],
  [
    'Salvage teams refloated the tanker Northern Gull at Kessel Bay on March 7, 2024. The harbour reopened after the diesel cleanup. "The slick is gone," said Mara Oduya.',
    '2024-03-07',
  ],
  [
    'Fishermen in Kessel Bay counted losses after the diesel spill from the tanker Northern Gull. The harbour fishing ban was lifted on March 9, 2024.',
    '2024-03-09',
  ],
] as const;

export const COUNCIL = [
  [
    'The Linden City council voted on a new library budget. Councillor Petra Vance opposed the library tax. "Books matter," said Petra Vance.',
    '2024-03-04',
  ],
  [
    'Petra Vance proposed a smaller library tax at the Linden City council meeting. The council will vote on the library budget again.',
    '2024-03-06',
  ],
] as const;

/** The spill story as two outlets' articles (ids spill0.., titled, topic 'spill'). */
export const spillArticles = () =>
  SPILL.map(([t, d], i) =>
    art(t, d, {
      id: `spill${i}`,
      source: i % 2 ? 'Harbour Courier' : 'Bay Gazette',
      title: `Harbour report ${i}`,
      topic: 'spill',
    }),
  );

/** The council story (ids council0.., topic 'council'). */
export const councilArticles = () =>
  COUNCIL.map(([t, d], i) => art(t, d, { id: `council${i}`, source: 'Bay Gazette', topic: 'council' }));
