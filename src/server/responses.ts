/**
 * Response schemas (zod): what the API's JSON bodies hold. One source for three readers: the OpenAPI
 * document is generated from them (openapi.ts), the web app's API client is typed from them (`z.infer`,
 * imported with `import type`, so none of this lands in the browser bundle), and the route tests parse
 * real responses with them, so a field added to a response without being declared here fails a test.
 * Imports zod only: the web app's tsconfig type-checks this file.
 */
import { z } from 'zod';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('A calendar day, YYYY-MM-DD');
const count = z.number().int().min(0);

export const entityType = z.enum(['PERSON', 'ORG', 'LOC', 'MISC']);

export const sourceRef = z.strictObject({
  articleId: z.string(),
  path: z.string().nullable().describe('Input file the article came from, when it came from one'),
  title: z.string().nullable(),
  url: z.string().nullish(),
  source: z.string().nullish().describe('Outlet or agency'),
  publishedAt: day.nullish(),
});

/** Set on a list of sources that was cut to `maxSources`: the full number. */
const sourceCount = count.optional().describe('All sources, when `sources` was cut to maxSources');
const outlets = count.optional().describe('Corroboration: distinct outlets among the sources');

export const timelineSentence = z.strictObject({
  text: z.string(),
  articleId: z.string(),
  sentenceIndex: z.number().int(),
  sources: z.array(sourceRef),
  outlets,
  sourceCount,
});

export const timelineEntry = z.strictObject({
  date: day,
  summary: z.array(z.string()),
  sentences: z.array(timelineSentence),
  sources: z.array(sourceRef),
  outlets,
  sourceCount,
  score: z.number(),
  events: count.optional().describe("How many distinct events the day's candidate sentences report"),
});

export const timelineQuote = z.strictObject({
  speaker: z.string().nullable(),
  text: z.string(),
  cue: z.string().nullable(),
  date: day.nullable().describe('Publication day of the earliest article carrying it'),
  sources: z.array(sourceRef),
  sourceCount,
});

export const timelineEntity = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: entityType,
  aliases: z.array(z.string()),
  mentions: count,
});

export const entity = timelineEntity.extend({ articleIds: z.array(z.string()) });

export const storySummary = z.strictObject({
  id: z.string(),
  title: z.string(),
  articles: count,
  from: day.nullable(),
  to: day.nullable(),
  topEntities: z.array(z.strictObject({ name: z.string(), type: entityType, mentions: count })),
  sources: z.array(z.string()),
  version: count.describe('Changes whenever the story changes (articles added, merged)'),
});

export const storyList = z.strictObject({ stories: z.array(storySummary) });
export const storyResponse = z.strictObject({ story: storySummary });

export const timelineView = z.strictObject({
  story: storySummary,
  filters: z.strictObject({
    entity: z.string().nullable(),
    source: z.string().nullable(),
    from: day.nullable(),
    to: day.nullable(),
    q: z.string().nullable(),
  }),
  coverage: z
    .array(z.strictObject({ date: day, articles: count }))
    .describe('Articles per publication day, first to last day, zeros included'),
  timeline: z.strictObject({
    entries: z.array(timelineEntry),
    entities: z.array(timelineEntity),
    quotes: z.array(timelineQuote),
    quoteCount: count.describe('Quotes in the full timeline (`quotes` holds at most maxQuotes)'),
  }),
});

export const coOccurrence = z.strictObject({
  a: z.string(),
  b: z.string(),
  articles: count.describe('Articles mentioning both'),
});

export const entitiesResponse = z.strictObject({
  story: z.string(),
  entities: z.array(entity),
  cooccurrence: z.array(coOccurrence),
});

export const storedQuote = z.strictObject({
  speaker: z.string().nullable(),
  text: z.string(),
  cue: z.string().nullable(),
  date: day.nullable(),
  articleId: z.string(),
  storyId: z.string().nullable(),
});

export const quotesResponse = z.strictObject({ story: z.string(), quotes: z.array(storedQuote) });

export const searchHit = z.strictObject({
  articleId: z.string(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  publishedAt: day.nullable(),
  url: z.string().nullable(),
  snippet: z.string(),
  score: z.number(),
});

export const searchResponse = z.strictObject({ query: z.string(), hits: z.array(searchHit) });

export const ingestResponse = z.strictObject({
  added: z.array(z.string()).describe('Ids of newly stored articles'),
  duplicates: z.array(z.string()).describe('Ids of inputs that were already stored'),
  storiesTouched: z.array(z.string()),
  merged: z
    .array(z.strictObject({ from: z.string(), into: z.string() }))
    .optional()
    .describe('Stories merged into another by this batch'),
  seconds: z.number().min(0).optional().describe('Time the store took to write the batch'),
  errors: z
    .array(z.strictObject({ input: z.string(), line: z.number().int().optional(), message: z.string() }))
    .describe('Inputs that could not be read (the others were stored)'),
});

export const sourcesResponse = z.strictObject({
  sources: z.array(
    z.strictObject({
      outlet: z.string().nullable(),
      articles: z.number().int().min(1),
      first: day.nullable(),
      last: day.nullable(),
    }),
  ),
});

export const health = z.strictObject({ ok: z.literal(true), version: z.string() });

export const errorBody = z.strictObject({
  error: z.object({
    status: z.number().int(),
    message: z.string(),
    code: z
      .string()
      .optional()
      .describe(
        'For store and queue failures: store-busy, store-read-only, store-full, store-io, store-damaged, store-schema, no-story, write-queue-full',
      ),
    mergedInto: z.string().optional().describe('308: the id of the story this one was merged into'),
    location: z.string().optional().describe('308: the same route of that story'),
  }),
});

export type SourceRef = z.infer<typeof sourceRef>;
export type TimelineEntry = z.infer<typeof timelineEntry>;
export type TimelineQuote = z.infer<typeof timelineQuote>;
export type TimelineEntity = z.infer<typeof timelineEntity>;
export type Entity = z.infer<typeof entity>;
export type StorySummary = z.infer<typeof storySummary>;
export type StoryList = z.infer<typeof storyList>;
export type TimelineView = z.infer<typeof timelineView>;
export type CoOccurrence = z.infer<typeof coOccurrence>;
export type EntitiesResponse = z.infer<typeof entitiesResponse>;
export type QuotesResponse = z.infer<typeof quotesResponse>;
export type SearchHit = z.infer<typeof searchHit>;
export type SearchResponse = z.infer<typeof searchResponse>;
export type IngestResponse = z.infer<typeof ingestResponse>;
export type ErrorBody = z.infer<typeof errorBody>;
