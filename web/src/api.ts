/**
 * The API client, typed from the server's response schemas (src/server/responses.ts). `import type` only:
 * the schemas (and zod) stay on the server, and nothing of them lands in the bundle.
 */
import type {
  EntitiesResponse,
  ErrorBody,
  IngestResponse,
  SearchResponse,
  StoryList,
  TimelineView,
} from '../../src/server/responses.js';

export type {
  EntitiesResponse,
  Entity,
  IngestResponse,
  SearchHit,
  SearchResponse,
  StorySummary,
  TimelineEntity,
  TimelineEntry,
  TimelineQuote,
  TimelineView,
} from '../../src/server/responses.js';

/** The server refused or failed: its error message, or the HTTP status. */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function call<T>(fetchFn: Fetch, path: string, init?: RequestInit): Promise<T> {
  const res = await fetchFn(path, init);
  const type = res.headers.get('content-type') || '';
  const body: unknown = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const message = (body as Partial<ErrorBody> | null)?.error?.message;
    throw new ApiFailure(message || `HTTP ${res.status}`, res.status);
  }
  return body as T;
}

const story = (id: string) => `/api/stories/${encodeURIComponent(id)}`;

/** The routes the page uses. `fetchFn` is the browser's fetch (tests pass their own). */
export function apiClient(fetchFn: Fetch) {
  return {
    stories: () => call<StoryList>(fetchFn, '/api/stories'),
    timeline: (id: string, params: URLSearchParams = new URLSearchParams()) => {
      const q = params.toString();
      return call<TimelineView>(fetchFn, `${story(id)}/timeline${q ? `?${q}` : ''}`);
    },
    entities: (id: string, limit: number) =>
      call<EntitiesResponse>(fetchFn, `${story(id)}/entities?limit=${limit}`),
    search: (q: string) => call<SearchResponse>(fetchFn, `/api/search?${new URLSearchParams({ q })}`),
    addArticles: (form: FormData, token: string) =>
      call<IngestResponse>(fetchFn, '/api/articles', {
        method: 'POST',
        body: form,
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      }),
    exportHref: (id: string, format: 'json' | 'markdown' | 'timelinejs') =>
      `${story(id)}/export?format=${format}`,
  };
}

export type Api = ReturnType<typeof apiClient>;
