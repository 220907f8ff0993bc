/**
 * Per-instance ids, so that two demos of one kind on one page never share an id or a radio name.
 *
 * Each .astro wrapper gets a stable instance key from src/mdx/instance.ts ("stepper-1",
 * "stepper-2", … in page order) and passes it to its island as the `instance` prop; the island
 * builds every id from it: `const id = useDemoIds(props.instance); id('stride')` →
 * "stepper-2-stride". The key also names the demo's state in the URL (url-state.ts), so it must
 * not change between page loads: it depends only on the page's source.
 *
 * Without a key, Preact's useId is the fallback. With @astrojs/preact 6 it is unique across the
 * islands of one page (each island's render is seeded with its own island number, on the server and
 * when hydrating), but that number counts every Preact component the page renders, so it is not
 * a stable name for a link.
 */
import { useId } from 'preact/hooks';

/** Ids are letters, digits and hyphens, so they are valid in CSS selectors and URL fragments. */
export function demoIdPrefix(instance: string): string {
  return instance.replace(/[^A-Za-z0-9-]/g, '-');
}

export function useDemoIds(instance?: string): (part: string) => string {
  const fallback = useId();
  const prefix = demoIdPrefix(instance ?? `demo-${fallback}`);
  return (part: string) => `${prefix}-${part}`;
}
