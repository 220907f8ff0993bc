/**
 * Stable instance keys for the demos of one page: "stepper-1", "stepper-2", "playground-1", …
 * in the order the page's source places them. Each .astro wrapper calls
 * `instanceKey(Astro.locals, 'stepper')` and passes the key to its island (as `instance`), which
 * builds its element ids and its URL-state key from it (src/islands/shared/ids.ts, url-state.ts).
 *
 * The counters hang off the render's `locals` object in a WeakMap, so each page (and each post the
 * RSS feed renders through Astro's container API, which passes its own `locals`) counts from 1,
 * and nothing is added to App.Locals.
 */
const counters = new WeakMap<object, Map<string, number>>();

export function instanceKey(locals: object, kind: string): string {
  let perKind = counters.get(locals);
  if (perKind === undefined) {
    perKind = new Map();
    counters.set(locals, perKind);
  }
  const n = (perKind.get(kind) ?? 0) + 1;
  perKind.set(kind, n);
  return `${kind}-${n}`;
}
