/**
 * Entities of a later ingest batch are linked to stored entities by the entities stage's cross-article rules
 * (src/store/entity-link.ts). Articles are given pre-analysed (our own sentences, hand-made mentions), so each
 * rule is exercised exactly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { newArticle, type Article, type Entity, type EntityType, type Mention } from '../../src/model.js';

const tmp = () => join(mkdtempSync(join(tmpdir(), 'chron-link-')), 'c.db');

/** A one-sentence article mentioning `names` (name → type); one batch entity per name. */
function batch(
  id: string,
  day: string,
  names: [string, EntityType][],
): { articles: Article[]; entities: Entity[] } {
  const text = names.map(([n]) => `${n} was at the harbour meeting.`).join(' ') + ` Report ${id}.`;
  const mentions: Mention[] = [];
  const entities: Entity[] = [];
  let at = 0;
  names.forEach(([name, type], i) => {
    const start = text.indexOf(name, at);
    at = start + name.length;
    mentions.push({ text: name, start, end: at, sentenceIndex: 0, type, entityId: `${id}-e${i}` });
    entities.push({ id: `${id}-e${i}`, name, type, aliases: [], mentions: 1, articleIds: [id] });
  });
  const a = newArticle({ id, rawText: text, publishedAt: day });
  a.sentences = [{ index: 0, start: 0, end: text.length, text, tokens: [], timexes: [] }];
  a.mentions = mentions;
  return { articles: [a], entities };
}

function ingest(store: ReturnType<typeof openStore>, b: ReturnType<typeof batch>) {
  store.ingest(b.articles, { analyze: 'never', entities: b.entities });
}

const entityOf = (store: ReturnType<typeof openStore>, articleId: string, text: string) =>
  store.getArticles([articleId])[0].mentions.find((m) => m.text === text)?.entityId;

test('a lone surname in a later batch joins the stored full name', () => {
  const s = openStore(tmp());
  ingest(
    s,
    batch('a1', '2024-03-01', [
      ['Ingrid Solvang', 'PERSON'],
      ['Kelvik', 'LOC'],
    ]),
  );
  ingest(s, batch('a2', '2024-03-02', [['Solvang', 'PERSON']]));
  assert.equal(entityOf(s, 'a2', 'Solvang'), entityOf(s, 'a1', 'Ingrid Solvang'));
  const e = s.entities().find((x) => x.name === 'Ingrid Solvang')!;
  assert.ok(e.aliases.includes('Solvang'));
  assert.equal(e.mentions, 2);
  s.close();
});

test('transliteration variants and one-letter misspellings join only with shared context', () => {
  const s = openStore(tmp());
  ingest(
    s,
    batch('b1', '2024-03-01', [
      ['Youssef Benhalla', 'PERSON'],
      ['Kelvik', 'LOC'],
    ]),
  );
  ingest(
    s,
    batch('b2', '2024-03-01', [
      ['Marten Ellingsrud', 'PERSON'],
      ['Corvane Shipping', 'ORG'],
    ]),
  );
  // Shared context (Kelvik; Corvane Shipping): linked.
  ingest(
    s,
    batch('b3', '2024-03-02', [
      ['Yusuf Benhalla', 'PERSON'],
      ['Kelvik', 'LOC'],
    ]),
  );
  ingest(
    s,
    batch('b4', '2024-03-02', [
      ['Marten Ellingsrod', 'PERSON'],
      ['Corvane Shipping', 'ORG'],
    ]),
  );
  assert.equal(entityOf(s, 'b3', 'Yusuf Benhalla'), entityOf(s, 'b1', 'Youssef Benhalla'));
  assert.equal(entityOf(s, 'b4', 'Marten Ellingsrod'), entityOf(s, 'b2', 'Marten Ellingsrud'));
  // No shared context: kept apart.
  ingest(
    s,
    batch('b5', '2024-03-03', [
      ['Youssif Benhalla', 'PERSON'],
      ['Linden City', 'LOC'],
    ]),
  );
  ingest(
    s,
    batch('b6', '2024-03-03', [
      ['Marten Ellingsrid', 'PERSON'],
      ['Linden City', 'LOC'],
    ]),
  );
  assert.notEqual(entityOf(s, 'b5', 'Youssif Benhalla'), entityOf(s, 'b1', 'Youssef Benhalla'));
  assert.notEqual(entityOf(s, 'b6', 'Marten Ellingsrid'), entityOf(s, 'b2', 'Marten Ellingsrud'));
  // A different first name is never a misspelling.
  ingest(
    s,
    batch('b7', '2024-03-04', [
      ['Karten Ellingsrud', 'PERSON'],
      ['Corvane Shipping', 'ORG'],
    ]),
  );
  assert.notEqual(entityOf(s, 'b7', 'Karten Ellingsrud'), entityOf(s, 'b2', 'Marten Ellingsrud'));
  s.close();
});

test("a name's minority type joins the stored majority type; a comparable one does not", () => {
  const s = openStore(tmp());
  for (let i = 0; i < 4; i++) ingest(s, batch(`c${i}`, '2024-03-01', [['Kelvik', 'LOC']]));
  ingest(s, batch('c9', '2024-03-02', [['Kelvik', 'PERSON']]));
  assert.equal(entityOf(s, 'c9', 'Kelvik'), entityOf(s, 'c0', 'Kelvik'));
  // One stored MISC mention is no majority for an ORG, and MISC names never cross types.
  ingest(s, batch('d1', '2024-03-01', [['Aster Dawn', 'MISC']]));
  ingest(s, batch('d2', '2024-03-02', [['Aster Dawn', 'ORG']]));
  assert.notEqual(entityOf(s, 'd2', 'Aster Dawn'), entityOf(s, 'd1', 'Aster Dawn'));
  s.close();
});

/** `batch` with aliases for its entities (what the entities stage learnt in that batch). */
function withAliases(b: ReturnType<typeof batch>, aliases: Record<string, string[]>) {
  for (const e of b.entities) e.aliases = aliases[e.name] ?? [];
  return b;
}

test('a short form stored before its full name is merged into it once a batch shows they are one', () => {
  const s = openStore(tmp());
  ingest(
    s,
    batch('f1', '2024-03-01', [
      ['Corvane', 'ORG'],
      ['Kelvik', 'LOC'],
    ]),
  );
  ingest(s, batch('f2', '2024-03-02', [['Corvane Shipping', 'ORG']]));
  const story = s.listStories()[0]!.id;
  s.storyTimeline(story); // a stored timeline, to be refreshed
  assert.notEqual(entityOf(s, 'f1', 'Corvane'), entityOf(s, 'f2', 'Corvane Shipping'));
  // This batch's entity "Corvane Shipping" is also called "Corvane": the stored "Corvane" is the same entity.
  const r = s.ingest(
    withAliases(batch('f3', '2024-03-03', [['Corvane Shipping', 'ORG']]), {
      'Corvane Shipping': ['Corvane'],
    }).articles,
    {
      analyze: 'never',
      entities: withAliases(batch('f3', '2024-03-03', [['Corvane Shipping', 'ORG']]), {
        'Corvane Shipping': ['Corvane'],
      }).entities,
    },
  );
  const full = entityOf(s, 'f2', 'Corvane Shipping');
  assert.equal(entityOf(s, 'f1', 'Corvane'), full);
  assert.equal(entityOf(s, 'f3', 'Corvane Shipping'), full);
  const orgs = s.entities().filter((e) => e.type === 'ORG');
  assert.deepEqual(
    orgs.map((e) => [e.name, e.mentions]),
    [['Corvane Shipping', 3]],
  );
  assert.ok(orgs[0]!.aliases.includes('Corvane'));
  // Search by the entity finds the short form's article; the story's stored timeline was refreshed.
  assert.ok(
    s
      .search('harbour', { entity: 'Corvane Shipping' })
      .map((h) => h.articleId)
      .includes('f1'),
  );
  assert.ok(r.storiesTouched.length > 0);
  for (const st of s.listStories())
    assert.deepEqual(s.storyTimeline(st.id), s.buildStoryTimeline(st.id), `story ${st.id}`);
  assert.equal(s.integrityCheck(), 'ok');
  assert.deepEqual(s.db.pragma('foreign_key_check'), []);
  s.close();
});

test('a stored surname shared by two stored full names is not merged into either', () => {
  const s = openStore(tmp());
  // "Solvang" stored alone, then two full names with that surname: which one it meant is unknown.
  ingest(s, batch('h1', '2024-03-01', [['Solvang', 'PERSON']]));
  ingest(s, batch('h2', '2024-03-02', [['Ingrid Solvang', 'PERSON']]));
  ingest(s, batch('h2b', '2024-03-02', [['Per Solvang', 'PERSON']]));
  ingest(
    s,
    withAliases(batch('h3', '2024-03-03', [['Per Solvang', 'PERSON']]), { 'Per Solvang': ['Solvang'] }),
  );
  const names = s
    .entities()
    .filter((e) => e.type === 'PERSON')
    .map((e) => e.name)
    .sort();
  assert.deepEqual(names, ['Ingrid Solvang', 'Per Solvang', 'Solvang']);
  s.close();
});
