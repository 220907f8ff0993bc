/**
 * Pictures and frames from other sites. The page's Content-Security-Policy (src/lib/csp.ts) lets a
 * page show pictures and frames from this site only, so an external one shows nothing, silently.
 * A post may use them from the hosts of an allow-list (EMBED_HOSTS in src/consts.ts, or the
 * EMBED_HOSTS environment variable, comma-separated), and the policy then admits those hosts on
 * the pages that use them. Pure: remark-external-media.ts fails the build, scripts/csp.ts widens.
 */

export type MediaKind = 'picture' | 'frame';

/** The allow-list: the configured hosts and those in EMBED_HOSTS="a.org,b.org". Lower case. */
export function embedHosts(configured: readonly string[], env: string | undefined): string[] {
  const fromEnv = (env ?? '').split(',');
  return [...new Set([...configured, ...fromEnv].map((h) => h.trim().toLowerCase()).filter((h) => h !== ''))];
}

/** The origin of an http(s) address on another site ("https://example.org"), else undefined. */
export function externalOrigin(url: string): URL | undefined {
  if (!/^(https?:)?\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
    return /^https?:$/.test(parsed.protocol) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The sentence for an external picture or frame whose host is not allowed. */
export function blockedMediaMessage(kind: MediaKind, url: string, host: string): string {
  return kind === 'picture'
    ? `the picture ${url} is on another site (${host}), and the page's security policy shows pictures from this site only, so readers would see nothing. ` +
        `Download it into the post's folder and write ![description](./name.png), or allow the host: add "${host}" to EMBED_HOSTS in src/consts.ts.`
    : `the frame ${url} is on another site (${host}), and the page's security policy blocks frames from other sites, so readers would see nothing. ` +
        `Link to it instead ([Watch it on ${host}](${url})), or allow the host: add "${host}" to EMBED_HOSTS in src/consts.ts.`;
}

const TAG = /<(img|iframe|source|video|audio)\b[^<>]*?\ssrc="([^"]+)"/gi;

/**
 * The allowed external origins a built page uses, for its policy: pictures (img-src) and frames
 * (frame-src). Read from the page's tags; escaped text in code samples does not count.
 */
export function embedOrigins(html: string, hosts: readonly string[]): { images: string[]; frames: string[] } {
  const images = new Set<string>();
  const frames = new Set<string>();
  for (const [, tag = '', src = ''] of html.matchAll(TAG)) {
    const url = externalOrigin(src.replace(/&amp;/g, '&'));
    if (!url || !hosts.includes(url.host.toLowerCase())) continue;
    (tag.toLowerCase() === 'iframe' ? frames : images).add(url.origin);
  }
  return { images: [...images].sort(), frames: [...frames].sort() };
}
