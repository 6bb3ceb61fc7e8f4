/** HTTP plumbing shared by the routes: typed API errors, bounded body reading, auth and security headers. */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { z } from 'zod';

/** An error that becomes a JSON `{ error: { status, message } }` response with its status code. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: 308 | 400 | 401 | 403 | 404 | 405 | 413 | 415 | 422 | 500 | 502 | 503,
    message: string,
    /** Response headers that go with it (Retry-After, Location). */
    readonly headers: Record<string, string> = {},
    /** Extra fields of the JSON error body (`code`, `mergedInto`...). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The Content-Security-Policy every response carries (no inline scripts or styles anywhere). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Read a request body, refusing (413) as soon as it grows past `maxBytes`, whatever Content-Length says. */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, `request body is larger than the limit of ${maxBytes} bytes`);
}

/** The media type of a request without parameters, lower-cased ("application/json"). */
export function mediaType(req: Request): string {
  return (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/** Parse JSON text, turning a syntax error into a 400 that says where it is. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, `malformed JSON body: ${(e as Error).message}`);
  }
}

/** Validate with a zod schema; a failure becomes a 400 naming each bad field. */
export function validate<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : what}: ${i.message}`);
  throw new ApiError(400, `invalid ${what}: ${problems.join('; ')}`);
}

/** True when the Authorization header carries exactly `Bearer <token>` (constant-time comparison). */
export function bearerMatches(header: string | null | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  // Hash both sides so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(m[1].trim()).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}
