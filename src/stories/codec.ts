/** The store's text form of a story's term and entity vectors (compact JSON, weights to 4 decimals). */

/** Serialise a story state's vectors compactly (for the store). */
export function encodeVector(m: Map<string, number>): string {
  const o: Record<string, number> = {};
  for (const [k, v] of m) o[k] = Math.round(v * 1e4) / 1e4;
  return JSON.stringify(o);
}

export function decodeVector(s: string | null): Map<string, number> {
  if (!s) return new Map();
  return new Map(Object.entries(JSON.parse(s) as Record<string, number>));
}
