/**
 * A small LRU cache. The API keys timelines by story version (see app.ts), so a repeated request costs a
 * map look-up and a changed story can never be served stale.
 */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Re-insert to mark as most recently used.
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    if (this.capacity <= 0) return;
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }

  /** Return the cached value, or compute, store and return it. */
  getOrSet(key: string, compute: () => V): V {
    const v = this.get(key);
    if (v !== undefined) return v;
    const fresh = compute();
    this.set(key, fresh);
    return fresh;
  }

  /** The value without marking it used or counting a hit. */
  peek(key: string): V | undefined {
    return this.map.get(key);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  /** Keys from least to most recently used. */
  keys(): string[] {
    return [...this.map.keys()];
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}
