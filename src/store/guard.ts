/**
 * Every public method of a store reports a failure of its file as a StoreError naming the file and saying what
 * it was doing. SQLite raises bare errors ("database disk image is malformed", no file name) from any read of a
 * damaged page, and stored JSON that no longer parses raises a SyntaxError: without this, `chronicle search` on
 * a damaged store printed a TypeError and the API answered a bare 500. Wrapping the methods once, here, keeps
 * that mapping out of the query code (and fits any backend: `toError` is the backend's own mapping).
 */
type Method = (...args: unknown[]) => unknown;

/** Replace each named method of `proto` by one that maps what it throws (or rejects with) through `toError`. */
export function guardMethods<T extends { path: string }>(
  proto: T,
  methods: Partial<Record<keyof T & string, string>>,
  toError: (file: string, e: unknown, doing: string) => Error,
): void {
  const target = proto as unknown as Record<string, Method>;
  for (const [name, doing] of Object.entries(methods) as [string, string][]) {
    const original = target[name];
    if (typeof original !== 'function') throw new TypeError(`guardMethods: no method "${name}"`);
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: function (this: T, ...args: unknown[]) {
        try {
          const r = original.apply(this, args);
          return r instanceof Promise
            ? r.catch((e: unknown) => Promise.reject(toError(this.path, e, doing)))
            : r;
        } catch (e) {
          throw toError(this.path, e, doing);
        }
      },
    });
  }
}
