/**
 * Request schemas (zod). Query strings arrive as strings, so numbers are coerced and bounded here. The
 * descriptions are the OpenAPI document's (openapi.ts generates it from these and responses.ts).
 */
import { z } from 'zod';
import { isPlausibleDay, MAX_YEAR, MIN_YEAR } from '../store/core/days.js';

/** Sources listed per entry, sentence and quote in a timeline response (the full count is sent too). */
export const DEFAULT_MAX_SOURCES = 10;
/** Quotes in a timeline response (the full count is sent too). */
export const DEFAULT_MAX_QUOTES = 50;

const NOT_A_DAY = `is not a calendar date in the years ${MIN_YEAR}-${MAX_YEAR}`;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isPlausibleDay, NOT_A_DAY)
  .describe(`A real calendar day, years ${MIN_YEAR}-${MAX_YEAR}`);

/**
 * A publication date as posted: an ISO day, optionally with a time (cut to the day when stored). Checked as a
 * real calendar day in a sane range: "2024-99-99" once went into the store and broke its story's timeline.
 */
export const publishedAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO date (YYYY-MM-DD...)')
  .refine((s) => isPlausibleDay(s.slice(0, 10)), NOT_A_DAY)
  .refine((s) => s.length === 10 || !Number.isNaN(Date.parse(s.replace(' ', 'T'))), 'is not a valid time');

const term = z.string().trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters');

/** Story ids are opaque to the API, but never contain path separators or control characters. */
export const storyId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\\x00-\x1f]+$/, 'must not contain slashes or control characters')
  .refine((s) => s !== '.' && s !== '..', 'is not a story id');

export const timelineQuery = z
  .object({
    dates: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe('Number of dates (default: what the material supports)'),
    sentences: z.coerce.number().int().min(1).max(20).optional().describe('Sentences per date (default 2)'),
    maxSources: z.coerce.number().int().min(1).max(10_000).optional().meta({
      default: DEFAULT_MAX_SOURCES,
      description:
        'Sources listed per entry, sentence and quote (`sourceCount` gives the full number when cut)',
    }),
    maxQuotes: z.coerce.number().int().min(0).max(10_000).optional().meta({
      default: DEFAULT_MAX_QUOTES,
      description: 'Quotes listed (`timeline.quoteCount` gives the full number)',
    }),
    entity: term.optional().describe('Keep only what mentions this entity (name, alias or id)'),
    source: term.optional().describe('Keep only what this outlet reported'),
    q: term.optional().describe('Focus terms for the timeline method'),
    from: isoDay.optional().describe('First day (inclusive)'),
    to: isoDay.optional().describe('Last day (inclusive)'),
  })
  .strict()
  .refine((o) => !o.from || !o.to || o.from <= o.to, {
    message: '"from" must not be after "to"',
    path: ['from'],
  });
export type TimelineQuery = z.infer<typeof timelineQuery>;

export const listQuery = z
  .object({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe('At most this many (default 100 entities, 200 quotes)'),
    type: z.enum(['PERSON', 'ORG', 'LOC', 'MISC']).optional().describe('Only this entity type'),
    speaker: term.optional().describe('Only quotes by this speaker'),
  })
  .strict();

export const searchQuery = z
  .object({
    q: z.string().trim().max(500, 'is longer than 500 characters').default('').describe('Search terms'),
    entity: term.optional().describe('Only articles mentioning this entity'),
    source: term.optional().describe('Only articles from this outlet'),
    story: storyId.optional().describe('Only articles of this story'),
    from: isoDay.optional().describe('Published on or after'),
    to: isoDay.optional().describe('Published on or before'),
    limit: z.coerce.number().int().min(1).max(500).optional().describe('At most this many hits (default 50)'),
  })
  .strict()
  .refine((o) => o.q || o.entity || o.source, {
    message: 'give search terms (q), an entity or a source',
    path: ['q'],
  });

/** A download name: a plain file name, no directories, no leading dot, no traversal. */
export const downloadName = z
  .string()
  .min(1)
  .max(120)
  .refine((s) => !s.includes('..') && !/[/\\]/.test(s), 'must be a plain file name (no "..", "/" or "\\")')
  .refine(
    (s) => /^[A-Za-z0-9][A-Za-z0-9._ -]*$/.test(s),
    'may only contain letters, digits, ".", "_", "-" and spaces',
  );

export const exportQuery = z
  .object({
    format: z.enum(['json', 'markdown', 'timelinejs']).default('json').describe('Export format'),
    name: downloadName.optional().describe('Download file name (a plain name: no "..", "/" or "\\")'),
  })
  .strict();

const optionalText = (max: number) => z.string().max(max).nullish();

export const articleInput = z
  .object({
    text: z.string().min(1, 'must not be empty'),
    title: optionalText(1000),
    url: z.url({ protocol: /^https?$/ }).nullish(),
    source: optionalText(300).describe('Outlet or agency'),
    byline: optionalText(300),
    publishedAt: publishedAt
      .nullish()
      .describe(
        `YYYY-MM-DD (a longer ISO timestamp is cut to its day); a real calendar day in the years ${MIN_YEAR}-${MAX_YEAR}, else 400`,
      ),
  })
  .strict();
export type ArticleBody = z.infer<typeof articleInput>;

export function articlesBody(maxArticles: number) {
  return z
    .object({
      articles: z.array(articleInput).min(1, 'give at least one article').max(maxArticles),
      story: storyId.optional(),
    })
    .strict();
}

export function urlsBody(maxUrls: number) {
  return z
    .object({
      urls: z
        .array(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }))
        .min(1, 'give at least one URL')
        .max(maxUrls)
        .describe('Fetched by the server (private and loopback addresses refused)'),
      story: storyId.optional(),
    })
    .strict();
}
