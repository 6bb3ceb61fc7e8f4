/**
 * Entities of a later ingest batch are linked to stored entities by the entities stage's cross-article rules
 * (src/store/entity-link.ts). Articles are given pre-analysed (our own sentences, hand-made mentions), so each
 * rule is exercised exactly.
 */
import assert from 'node:assert/strict';
import { contract } from './backends.js';
import { SqliteStore, type Store } from '../../../src/store/index.js';
import { newArticle, type Article, type Entity, type EntityType, type Mention } from '../../../src/model.js';

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

async function ingest(store: Store, b: ReturnType<typeof batch>) {
  await store.ingest(b.articles, { analyze: 'never', entities: b.entities });
}

const entityOf = async (store: Store, articleId: string, text: string) =>
  (await store.getArticles([articleId]))[0].mentions.find((m) => m.text === text)?.entityId;

contract('a lone surname in a later batch joins the stored full name', ['linking'], async (b) => {
  const s = await b.open();
  await ingest(
    s,
    batch('a1', '2024-03-01', [
      ['Ingrid Solvang', 'PERSON'],
      ['Kelvik', 'LOC'],
    ]),
  );
  await ingest(s, batch('a2', '2024-03-02', [['Solvang', 'PERSON']]));
  assert.equal(await entityOf(s, 'a2', 'Solvang'), await entityOf(s, 'a1', 'Ingrid Solvang'));
  const e = (await s.entities()).find((x) => x.name === 'Ingrid Solvang')!;
  assert.ok(e.aliases.includes('Solvang'));
  assert.equal(e.mentions, 2);
  await s.close();
});

contract(
  'transliteration variants and one-letter misspellings join only with shared context',
  ['linking'],
  async (b) => {
    const s = await b.open();
    await ingest(
      s,
      batch('b1', '2024-03-01', [
        ['Youssef Benhalla', 'PERSON'],
        ['Kelvik', 'LOC'],
      ]),
    );
    await ingest(
      s,
      batch('b2', '2024-03-01', [
        ['Marten Ellingsrud', 'PERSON'],
        ['Corvane Shipping', 'ORG'],
      ]),
    );
    // Shared context (Kelvik; Corvane Shipping): linked.
    await ingest(
      s,
      batch('b3', '2024-03-02', [
        ['Yusuf Benhalla', 'PERSON'],
        ['Kelvik', 'LOC'],
      ]),
    );
    await ingest(
      s,
      batch('b4', '2024-03-02', [
        ['Marten Ellingsrod', 'PERSON'],
        ['Corvane Shipping', 'ORG'],
      ]),
    );
    assert.equal(await entityOf(s, 'b3', 'Yusuf Benhalla'), await entityOf(s, 'b1', 'Youssef Benhalla'));
    assert.equal(await entityOf(s, 'b4', 'Marten Ellingsrod'), await entityOf(s, 'b2', 'Marten Ellingsrud'));
    // No shared context: kept apart.
    await ingest(
      s,
      batch('b5', '2024-03-03', [
        ['Youssif Benhalla', 'PERSON'],
        ['Linden City', 'LOC'],
      ]),
    );
    await ingest(
      s,
      batch('b6', '2024-03-03', [
        ['Marten Ellingsrid', 'PERSON'],
        ['Linden City', 'LOC'],
      ]),
    );
    assert.notEqual(await entityOf(s, 'b5', 'Youssif Benhalla'), await entityOf(s, 'b1', 'Youssef Benhalla'));
    assert.notEqual(
      await entityOf(s, 'b6', 'Marten Ellingsrid'),
      await entityOf(s, 'b2', 'Marten Ellingsrud'),
    );
    // A different first name is never a misspelling.
    await ingest(
      s,
      batch('b7', '2024-03-04', [
        ['Karten Ellingsrud', 'PERSON'],
        ['Corvane Shipping', 'ORG'],
      ]),
    );
    assert.notEqual(
      await entityOf(s, 'b7', 'Karten Ellingsrud'),
      await entityOf(s, 'b2', 'Marten Ellingsrud'),
    );
    await s.close();
  },
);

contract(
  "a name's minority type joins the stored majority type; a comparable one does not",
  ['linking'],
  async (b) => {
    const s = await b.open();
    for (let i = 0; i < 4; i++) await ingest(s, batch(`c${i}`, '2024-03-01', [['Kelvik', 'LOC']]));
    await ingest(s, batch('c9', '2024-03-02', [['Kelvik', 'PERSON']]));
    assert.equal(await entityOf(s, 'c9', 'Kelvik'), await entityOf(s, 'c0', 'Kelvik'));
    // One stored MISC mention is no majority for an ORG, and MISC names never cross types.
    await ingest(s, batch('d1', '2024-03-01', [['Aster Dawn', 'MISC']]));
    await ingest(s, batch('d2', '2024-03-02', [['Aster Dawn', 'ORG']]));
    assert.notEqual(await entityOf(s, 'd2', 'Aster Dawn'), await entityOf(s, 'd1', 'Aster Dawn'));
    await s.close();
  },
);

/** `batch` with aliases for its entities (what the entities stage learnt in that batch). */
function withAliases(b: ReturnType<typeof batch>, aliases: Record<string, string[]>) {
  for (const e of b.entities) e.aliases = aliases[e.name] ?? [];
  return b;
}

contract(
  'a short form stored before its full name is merged into it once a batch shows they are one',
  ['linking'],
  async (b) => {
    const s = await b.open();
    await ingest(
      s,
      batch('f1', '2024-03-01', [
        ['Corvane', 'ORG'],
        ['Kelvik', 'LOC'],
      ]),
    );
    await ingest(s, batch('f2', '2024-03-02', [['Corvane Shipping', 'ORG']]));
    const story = (await s.listStories())[0]!.id;
    await s.storyTimeline(story); // a stored timeline, to be refreshed
    assert.notEqual(await entityOf(s, 'f1', 'Corvane'), await entityOf(s, 'f2', 'Corvane Shipping'));
    // This batch's entity "Corvane Shipping" is also called "Corvane": the stored "Corvane" is the same entity.
    const r = await s.ingest(
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
    const full = await entityOf(s, 'f2', 'Corvane Shipping');
    assert.equal(await entityOf(s, 'f1', 'Corvane'), full);
    assert.equal(await entityOf(s, 'f3', 'Corvane Shipping'), full);
    const orgs = (await s.entities()).filter((e) => e.type === 'ORG');
    assert.deepEqual(
      orgs.map((e) => [e.name, e.mentions]),
      [['Corvane Shipping', 3]],
    );
    assert.ok(orgs[0]!.aliases.includes('Corvane'));
    // Search by the entity finds the short form's article; the story's stored timeline was refreshed.
    assert.ok(
      (await s.search('harbour', { entity: 'Corvane Shipping' })).map((h) => h.articleId).includes('f1'),
    );
    assert.ok(r.storiesTouched.length > 0);
    for (const st of await s.listStories())
      assert.deepEqual(await s.storyTimeline(st.id), await s.buildStoryTimeline!(st.id), `story ${st.id}`);
    // PostgreSQL enforces its foreign keys on every statement; SQLite is asked.
    if (s instanceof SqliteStore) {
      assert.equal(await s.integrityCheck(), 'ok');
      assert.deepEqual(s.db.pragma('foreign_key_check'), []);
    }
    await s.close();
  },
);

contract(
  'a stored surname shared by two stored full names is not merged into either',
  ['linking'],
  async (b) => {
    const s = await b.open();
    // "Solvang" stored alone, then two full names with that surname: which one it meant is unknown.
    await ingest(s, batch('h1', '2024-03-01', [['Solvang', 'PERSON']]));
    await ingest(s, batch('h2', '2024-03-02', [['Ingrid Solvang', 'PERSON']]));
    await ingest(s, batch('h2b', '2024-03-02', [['Per Solvang', 'PERSON']]));
    await ingest(
      s,
      withAliases(batch('h3', '2024-03-03', [['Per Solvang', 'PERSON']]), { 'Per Solvang': ['Solvang'] }),
    );
    const names = (await s.entities())
      .filter((e) => e.type === 'PERSON')
      .map((e) => e.name)
      .sort();
    assert.deepEqual(names, ['Ingrid Solvang', 'Per Solvang', 'Solvang']);
    await s.close();
  },
);
