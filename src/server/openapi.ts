/**
 * The OpenAPI 3.1 description of the HTTP API, served at /openapi.json. Generated from the zod schemas the
 * routes validate with (schemas.ts) and the response schemas (responses.ts), so it cannot drift from them;
 * what is written here is only what no schema says: the route table, summaries and the error prose.
 */
import { z } from 'zod';
import type { InputLimits } from './inputs.js';
import * as R from './responses.js';
import {
  articleInput,
  articlesBody,
  exportQuery,
  listQuery,
  searchQuery,
  storyId,
  timelineQuery,
  urlsBody,
} from './schemas.js';

/** The named components: every schema a route sends or takes, and those they share. */
const COMPONENTS: Record<string, z.ZodType> = {
  Error: R.errorBody,
  Health: R.health,
  EntityType: R.entityType,
  SourceRef: R.sourceRef,
  StorySummary: R.storySummary,
  StoryList: R.storyList,
  Story: R.storyResponse,
  TimelineSentence: R.timelineSentence,
  TimelineEntry: R.timelineEntry,
  TimelineEntity: R.timelineEntity,
  TimelineQuote: R.timelineQuote,
  TimelineView: R.timelineView,
  Entity: R.entity,
  CoOccurrence: R.coOccurrence,
  Entities: R.entitiesResponse,
  Quote: R.storedQuote,
  Quotes: R.quotesResponse,
  SearchHit: R.searchHit,
  Search: R.searchResponse,
  Sources: R.sourcesResponse,
  ArticleInput: articleInput,
  IngestReport: R.ingestResponse,
};

const REF = (id: string) => `#/components/schemas/${id}`;
const ref = (id: string) => ({ $ref: REF(id) });

/** JSON Schema of a request part (query strings and bodies as sent, before zod's coercion and defaults). */
function inputSchema(schema: z.ZodType, components?: Map<unknown, string>): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    // A component met inside a request body is referenced, not repeated.
    override: ({ zodSchema, jsonSchema }) => {
      const id = components?.get(zodSchema);
      if (!id || (zodSchema as unknown) === schema) return;
      for (const k of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[k];
      Object.assign(jsonSchema, ref(id));
    },
  });
  return json;
}

/** Every component, with references between them. */
function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io: 'input', unrepresentable: 'any', uri: REF });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

/** The query parameters of an object schema (all, or the named ones), with their descriptions. */
function queryParams(schema: z.ZodObject, names?: string[]) {
  return Object.entries(schema.shape)
    .filter(([name]) => !names || names.includes(name))
    .map(([name, field]) => {
      const { description, ...js } = inputSchema(field as z.ZodType);
      return {
        name,
        in: 'query',
        required: !(field as z.ZodType).safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema: js,
      };
    });
}

const json = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const storyParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Story id',
  schema: inputSchema(storyId),
};
/** The errors every story route can answer. */
const STORY_ERRORS = [308, 400, 403, 404, 500, 503];

/** A GET route: summary, parameters, the component it answers with, its error codes. */
const get = (
  summary: string,
  response: string,
  description: string,
  parameters: object[] = [],
  codes: number[] = [],
) => ({
  get: {
    summary,
    ...(parameters.length ? { parameters } : {}),
    responses: { 200: json(ref(response), description), ...errors(...codes) },
  },
});

function errorResponses(limits: InputLimits) {
  const messages: Record<number, string> = {
    308: 'The story was merged into another: `Location` (and `error.location`) is the same route of that story, `error.mergedInto` its id. Old story ids stay valid for good',
    400: 'Invalid request (bad parameter, malformed JSON, unreadable input, impossible date); the message names the field',
    401: 'A token is configured and the request has no valid "Authorization: Bearer <token>"',
    403: "`Host` does not name this server (see --allowed-host), or, on a server without a token, a write from another site's page (`Sec-Fetch-Site` or `Origin`)",
    404: 'Unknown story or route',
    413: `Request body larger than ${limits.maxBodyBytes} bytes`,
    415: 'Unsupported Content-Type',
    500: 'The store is damaged or from a newer Chronicle (`error.code` store-damaged / store-schema); the message says which',
    503: 'Try again later: the write queue is full (`error.code` write-queue-full) or the store is busy (store-busy), both with `Retry-After` seconds; or the store cannot be written (store-read-only, store-full, store-io)',
  };
  return Object.fromEntries(
    Object.entries(messages).map(([code, description]) => [`E${code}`, json(ref('Error'), description)]),
  );
}

/** POST /api/articles: JSON (articles or URLs), plain text with metadata in the query, or a multipart form. */
function articlesRoute(limits: InputLimits) {
  const components = new Map<unknown, string>([[articleInput, 'ArticleInput']]);
  const metadata = articleInput.pick({
    title: true,
    source: true,
    byline: true,
    url: true,
    publishedAt: true,
  });
  return {
    post: {
      summary: 'Add articles (analysed and stored; stories are updated)',
      security: [{ bearer: [] }, {}],
      parameters: queryParams(metadata).map((p) => ({
        ...p,
        description: `text/plain only: ${p.description ?? p.name}`,
      })),
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              oneOf: [
                inputSchema(articlesBody(limits.maxArticles), components),
                inputSchema(urlsBody(limits.maxUrls), components),
              ],
            },
          },
          'text/plain': {
            schema: { type: 'string', description: 'One article (metadata in the query string)' },
          },
          // Read field by field in inputs.ts (no zod schema for the form as a whole).
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                files: {
                  type: 'array',
                  maxItems: limits.maxFiles,
                  items: { type: 'string', contentMediaType: 'application/octet-stream' },
                  description: '.txt, .html, .htm or .jsonl files',
                },
                text: { type: 'string' },
                title: { type: 'string' },
                source: { type: 'string' },
                publishedAt: inputSchema(articleInput.shape.publishedAt),
                urls: { type: 'string', description: 'URLs separated by whitespace' },
                story: inputSchema(storyId),
              },
            },
          },
        },
      },
      responses: {
        201: json(ref('IngestReport'), 'Stored'),
        ...errors(400, 401, 403, 404, 413, 415, 500, 503),
      },
    },
  };
}

/** The document for a server with these input limits; `version` is the API's (app.ts). */
export function openApiDocument(limits: InputLimits, version: string) {
  const entities = listQuery.pick({ limit: true, type: true });
  const quotes = listQuery.pick({ limit: true, speaker: true });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chronicle API',
      version,
      description:
        "Dated, deduplicated, sourced timelines of developing news stories. Reads are open; writes need a bearer token when the server has one, and without one are taken only from the server's own pages and from clients that are not browsers (a request with `Sec-Fetch-Site` other than same-origin, or with an `Origin` of another site, is refused). Every request must be addressed (`Host`) to the bound address, localhost, 127.0.0.1, [::1] or an --allowed-host name. A story merged into another keeps its id: its routes answer 308 to the same route of the story it joined. Writes are queued (one at a time, bounded: 503 with Retry-After when full) and answer once stored; a timeline being rebuilt after a write may be answered from its previous version, marked `Chronicle-Stale: rebuilding`.",
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      responses: errorResponses(limits),
      schemas: componentSchemas(),
    },
    paths: {
      '/healthz': get('Liveness check', 'Health', 'Up'),
      '/openapi.json': {
        get: { summary: 'This document', responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1') } },
      },
      '/api/stories': get('List stories', 'StoryList', 'Stories'),
      '/api/sources': get(
        'Outlets in the store, with their number of articles and first and last publication days',
        'Sources',
        'Outlets, most articles first',
      ),
      '/api/stories/{id}': get('One story', 'Story', 'The story', [storyParam], STORY_ERRORS),
      '/api/stories/{id}/timeline': get(
        "A story's timeline, optionally filtered, with articles per day for the coverage chart",
        'TimelineView',
        'The timeline',
        [storyParam, ...queryParams(timelineQuery)],
        STORY_ERRORS,
      ),
      '/api/stories/{id}/entities': get(
        "A story's entities and who appears with whom (articles shared by each pair)",
        'Entities',
        'Entities',
        [storyParam, ...queryParams(entities)],
        STORY_ERRORS,
      ),
      '/api/stories/{id}/quotes': get(
        "A story's quotes",
        'Quotes',
        'Quotes',
        [storyParam, ...queryParams(quotes)],
        STORY_ERRORS,
      ),
      '/api/stories/{id}/export': {
        get: {
          summary: 'Download a story',
          parameters: [storyParam, ...queryParams(exportQuery)],
          responses: {
            200: {
              description: 'The export, as an attachment',
              content: {
                'application/json': { schema: { type: 'object' } },
                'text/markdown': { schema: { type: 'string' } },
              },
            },
            ...errors(...STORY_ERRORS),
          },
        },
      },
      '/api/search': get(
        'Full-text search over stored articles',
        'Search',
        'Hits',
        queryParams(searchQuery),
        [400, 403, 500, 503],
      ),
      '/api/articles': articlesRoute(limits),
    },
  };
}
