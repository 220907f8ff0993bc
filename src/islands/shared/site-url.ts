/** An address of the site: the base path (Astro's BASE_URL) joined to a path inside it. */
export function siteUrl(path: string): string {
  const base = import.meta.env.BASE_URL ?? '/';
  return `${base.endsWith('/') ? base : `${base}/`}${path.replace(/^\//, '')}`;
}
