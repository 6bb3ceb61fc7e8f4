/** The OpenAPI 3.1 description of the HTTP API, served at /openapi.json. Written by hand, kept next to app.ts. */
import type { InputLimits } from './inputs.js';

const day = {
  type: 'string',
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A real calendar day, years 1600-2199',
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const q = (name: string, schema: object, description: string, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const storyParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Story id',
  schema: { type: 'string' },
};

const sourceRef = {
  type: 'object',
  required: ['articleId'],
  properties: {
    articleId: { type: 'string' },
    path: { type: ['string', 'null'] },
    title: { type: ['string', 'null'] },
    url: { type: ['string', 'null'] },
    source: { type: ['string', 'null'] },
    publishedAt: { type: ['string', 'null'], format: 'date' },
  },
};

export function openApiDocument(limits: InputLimits) {
  const errorMessages: Record<number, string> = {
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
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chronicle API',
      version: '0.1.0',
      description:
        "Dated, deduplicated, sourced timelines of developing news stories. Reads are open; writes need a bearer token when the server has one, and without one are taken only from the server's own pages and from clients that are not browsers (a request with `Sec-Fetch-Site` other than same-origin, or with an `Origin` of another site, is refused). Every request must be addressed (`Host`) to the bound address, localhost, 127.0.0.1, [::1] or an --allowed-host name. A story merged into another keeps its id: its routes answer 308 to the same route of the story it joined. Writes are queued (one at a time, bounded: 503 with Retry-After when full) and answer once stored; a timeline being rebuilt after a write may be answered from its previous version, marked `Chronicle-Stale: rebuilding`.",
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      responses: Object.fromEntries(
        Object.entries(errorMessages).map(([code, description]) => [
          `E${code}`,
          json(ref('Error'), description),
        ]),
      ),
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'message'],
              properties: {
                status: { type: 'integer' },
                message: { type: 'string' },
                code: {
                  type: 'string',
                  description:
                    'For store and queue failures: store-busy, store-read-only, store-full, store-io, store-damaged, store-schema, no-story, write-queue-full',
                },
                mergedInto: {
                  type: 'string',
                  description: '308: the id of the story this one was merged into',
                },
                location: { type: 'string', description: '308: the same route of that story' },
              },
            },
          },
        },
        StorySummary: {
          type: 'object',
          required: ['id', 'title', 'articles', 'from', 'to', 'topEntities', 'sources'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            articles: { type: 'integer' },
            from: { type: ['string', 'null'], format: 'date' },
            to: { type: ['string', 'null'], format: 'date' },
            topEntities: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  name: { type: 'string' },
                  type: ref('EntityType'),
                  mentions: { type: 'integer' },
                },
              },
            },
            sources: { type: 'array', items: { type: 'string' } },
          },
        },
        EntityType: { type: 'string', enum: ['PERSON', 'ORG', 'LOC', 'MISC'] },
        SourceRef: sourceRef,
        TimelineEntry: {
          type: 'object',
          required: ['date', 'summary', 'sentences', 'sources', 'score'],
          properties: {
            date: day,
            summary: { type: 'array', items: { type: 'string' } },
            sentences: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  text: { type: 'string' },
                  articleId: { type: 'string' },
                  sentenceIndex: { type: 'integer' },
                  sources: { type: 'array', items: ref('SourceRef') },
                },
              },
            },
            sources: { type: 'array', items: ref('SourceRef') },
            sourceCount: {
              type: 'integer',
              description: 'All sources, when `sources` was cut to maxSources',
            },
            score: { type: 'number' },
          },
        },
        Entity: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            type: ref('EntityType'),
            aliases: { type: 'array', items: { type: 'string' } },
            mentions: { type: 'integer' },
            articleIds: { type: 'array', items: { type: 'string' } },
          },
        },
        Quote: {
          type: 'object',
          properties: {
            speaker: { type: ['string', 'null'] },
            text: { type: 'string' },
            cue: { type: ['string', 'null'] },
            date: { type: ['string', 'null'], format: 'date' },
            articleId: { type: 'string' },
            storyId: { type: ['string', 'null'] },
          },
        },
        ArticleInput: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: {
            text: { type: 'string', minLength: 1 },
            title: { type: ['string', 'null'] },
            url: { type: ['string', 'null'], format: 'uri' },
            source: { type: ['string', 'null'], description: 'Outlet or agency' },
            byline: { type: ['string', 'null'] },
            publishedAt: {
              type: ['string', 'null'],
              description:
                'YYYY-MM-DD (a longer ISO timestamp is cut to its day); a real calendar day in the years 1600-2199, else 400',
            },
          },
        },
        IngestReport: {
          type: 'object',
          properties: {
            added: { type: 'array', items: { type: 'string' } },
            duplicates: { type: 'array', items: { type: 'string' } },
            storiesTouched: { type: 'array', items: { type: 'string' } },
            errors: {
              type: 'array',
              description: 'Inputs that could not be read (the others were stored)',
              items: {
                type: 'object',
                properties: {
                  input: { type: 'string' },
                  line: { type: 'integer' },
                  message: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
    paths: {
      '/healthz': {
        get: {
          summary: 'Liveness check',
          responses: {
            200: json(
              { type: 'object', properties: { ok: { const: true }, version: { type: 'string' } } },
              'Up',
            ),
          },
        },
      },
      '/openapi.json': {
        get: { summary: 'This document', responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1') } },
      },
      '/api/stories': {
        get: {
          summary: 'List stories',
          responses: {
            200: json(
              { type: 'object', properties: { stories: { type: 'array', items: ref('StorySummary') } } },
              'Stories',
            ),
          },
        },
      },
      '/api/sources': {
        get: {
          summary: 'Outlets in the store, with their number of articles and first and last publication days',
          responses: {
            200: json(
              {
                type: 'object',
                properties: {
                  sources: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['outlet', 'articles', 'first', 'last'],
                      properties: {
                        outlet: { type: ['string', 'null'] },
                        articles: { type: 'integer', minimum: 1 },
                        first: { ...day, type: ['string', 'null'] },
                        last: { ...day, type: ['string', 'null'] },
                      },
                    },
                  },
                },
              },
              'Outlets, most articles first',
            ),
          },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'One story',
          parameters: [storyParam],
          responses: {
            200: json({ type: 'object', properties: { story: ref('StorySummary') } }, 'The story'),
            ...errors(308, 400, 403, 404, 500, 503),
          },
        },
      },
      '/api/stories/{id}/timeline': {
        get: {
          summary: "A story's timeline, optionally filtered, with articles per day for the coverage chart",
          parameters: [
            storyParam,
            q(
              'dates',
              { type: 'integer', minimum: 1, maximum: 1000 },
              'Number of dates (default: what the material supports)',
            ),
            q('sentences', { type: 'integer', minimum: 1, maximum: 20 }, 'Sentences per date (default 2)'),
            q(
              'maxSources',
              { type: 'integer', minimum: 1, maximum: 10000, default: 10 },
              'Sources listed per entry, sentence and quote (`sourceCount` gives the full number when cut)',
            ),
            q(
              'maxQuotes',
              { type: 'integer', minimum: 0, maximum: 10000, default: 50 },
              'Quotes listed (`timeline.quoteCount` gives the full number)',
            ),
            q('entity', { type: 'string' }, 'Keep only what mentions this entity (name, alias or id)'),
            q('source', { type: 'string' }, 'Keep only what this outlet reported'),
            q('q', { type: 'string' }, 'Focus terms for the timeline method'),
            q('from', day, 'First day (inclusive)'),
            q('to', day, 'Last day (inclusive)'),
          ],
          responses: {
            200: json(
              {
                type: 'object',
                properties: {
                  story: ref('StorySummary'),
                  filters: { type: 'object' },
                  coverage: {
                    type: 'array',
                    description: 'Articles per publication day, first to last day, zeros included',
                    items: { type: 'object', properties: { date: day, articles: { type: 'integer' } } },
                  },
                  timeline: {
                    type: 'object',
                    properties: {
                      entries: { type: 'array', items: ref('TimelineEntry') },
                      entities: { type: 'array', items: ref('Entity') },
                      quotes: { type: 'array', items: ref('Quote') },
                    },
                  },
                },
              },
              'The timeline',
            ),
            ...errors(308, 400, 403, 404, 500, 503),
          },
        },
      },
      '/api/stories/{id}/entities': {
        get: {
          summary: "A story's entities and who appears with whom (articles shared by each pair)",
          parameters: [
            storyParam,
            q('type', ref('EntityType'), 'Only this entity type'),
            q(
              'limit',
              { type: 'integer', minimum: 1, maximum: 1000 },
              'At most this many entities (default 100)',
            ),
          ],
          responses: {
            200: json(
              {
                type: 'object',
                properties: {
                  story: { type: 'string' },
                  entities: { type: 'array', items: ref('Entity') },
                  cooccurrence: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        a: { type: 'string' },
                        b: { type: 'string' },
                        articles: { type: 'integer' },
                      },
                    },
                  },
                },
              },
              'Entities',
            ),
            ...errors(308, 400, 403, 404, 500, 503),
          },
        },
      },
      '/api/stories/{id}/quotes': {
        get: {
          summary: "A story's quotes",
          parameters: [
            storyParam,
            q('speaker', { type: 'string' }, 'Only quotes by this speaker'),
            q('limit', { type: 'integer', minimum: 1, maximum: 1000 }, 'At most this many (default 200)'),
          ],
          responses: {
            200: json(
              { type: 'object', properties: { quotes: { type: 'array', items: ref('Quote') } } },
              'Quotes',
            ),
            ...errors(308, 400, 403, 404, 500, 503),
          },
        },
      },
      '/api/stories/{id}/export': {
        get: {
          summary: 'Download a story',
          parameters: [
            storyParam,
            q(
              'format',
              { type: 'string', enum: ['json', 'markdown', 'timelinejs'], default: 'json' },
              'Export format',
            ),
            q(
              'name',
              { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._ -]*$', maxLength: 120 },
              'Download file name (a plain name: no "..", "/" or "\\")',
            ),
          ],
          responses: {
            200: {
              description: 'The export, as an attachment',
              content: {
                'application/json': { schema: { type: 'object' } },
                'text/markdown': { schema: { type: 'string' } },
              },
            },
            ...errors(308, 400, 403, 404, 500, 503),
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search over stored articles',
          parameters: [
            q('q', { type: 'string' }, 'Search terms'),
            q('entity', { type: 'string' }, 'Only articles mentioning this entity'),
            q('source', { type: 'string' }, 'Only articles from this outlet'),
            q('story', { type: 'string' }, 'Only articles of this story'),
            q('from', day, 'Published on or after'),
            q('to', day, 'Published on or before'),
            q('limit', { type: 'integer', minimum: 1, maximum: 500 }, 'At most this many hits (default 50)'),
          ],
          responses: {
            200: json(
              {
                type: 'object',
                properties: {
                  query: { type: 'string' },
                  hits: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        articleId: { type: 'string' },
                        title: { type: ['string', 'null'] },
                        source: { type: ['string', 'null'] },
                        publishedAt: { type: ['string', 'null'], format: 'date' },
                        url: { type: ['string', 'null'] },
                        snippet: { type: 'string' },
                        score: { type: 'number' },
                      },
                    },
                  },
                },
              },
              'Hits',
            ),
            ...errors(400, 403, 500, 503),
          },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Add articles (analysed and stored; stories are updated)',
          security: [{ bearer: [] }, {}],
          parameters: [
            q('title', { type: 'string' }, 'text/plain only: title'),
            q('source', { type: 'string' }, 'text/plain only: outlet'),
            q('byline', { type: 'string' }, 'text/plain only: byline'),
            q('url', { type: 'string', format: 'uri' }, 'text/plain only: URL'),
            q('publishedAt', day, 'text/plain only: publication day'),
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    {
                      type: 'object',
                      required: ['articles'],
                      properties: {
                        articles: {
                          type: 'array',
                          minItems: 1,
                          maxItems: limits.maxArticles,
                          items: ref('ArticleInput'),
                        },
                      },
                    },
                    {
                      type: 'object',
                      required: ['urls'],
                      description: 'Fetched by the server (private and loopback addresses refused)',
                      properties: {
                        urls: {
                          type: 'array',
                          minItems: 1,
                          maxItems: limits.maxUrls,
                          items: { type: 'string', format: 'uri' },
                        },
                      },
                    },
                  ],
                },
              },
              'text/plain': {
                schema: { type: 'string', description: 'One article (metadata in the query string)' },
              },
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
                    publishedAt: day,
                    urls: { type: 'string', description: 'URLs separated by whitespace' },
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
      },
    },
  };
}
