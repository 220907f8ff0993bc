/**
 * The Content-Security-Policy of a built page (scripts/csp.ts writes it into every page). Imported
 * by a script that Node runs directly, so relative imports carry their .ts extension.
 */
import { GISCUS_ORIGIN_ATTRIBUTE } from './comments.ts';

/**
 * The policy for a page: its inline scripts' hashes, and the origins of any comments frame on it
 * (allowed to run client.js, to add its stylesheet and to be framed; every other page is unchanged).
 */
export function policy(
  scriptHashes: string[],
  frameOrigins: string[] = [],
  /** Allowed pictures and frames from other sites on this page (src/lib/external-media.ts). */
  embeds: { images: string[]; frames: string[] } = { images: [], frames: [] },
): string {
  const origins = frameOrigins.map((o) => ` ${o}`).join('');
  const frames = [...frameOrigins, ...embeds.frames].map((o) => ` ${o}`).join('');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${origins} ${scriptHashes.map((h) => `'${h}'`).join(' ')}`.trim(),
    // KaTeX and the demos set style attributes; styles cannot run code, scripts are what is locked.
    `style-src 'self' 'unsafe-inline'${origins}`,
    `img-src 'self' data: blob:${embeds.images.map((o) => ` ${o}`).join('')}`,
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    ...(frames.length > 0 ? [`frame-src${frames}`] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const ORIGIN_IN_TAG = new RegExp(`<[a-z][^<>]*\\s${GISCUS_ORIGIN_ATTRIBUTE}="([^"]*)"`, 'gi');

/**
 * The origins a page loads comments from: the `data-giscus-origin` attribute of an element (text
 * that merely shows such an attribute, in a code sample, is escaped and does not count). A value
 * that is not an http(s) origin throws, since it would otherwise end up inside the policy.
 */
export function commentOrigins(html: string): string[] {
  const origins = [...html.matchAll(ORIGIN_IN_TAG)].map(([, value = '']) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      // reported below
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== value)
      throw new Error(
        `${GISCUS_ORIGIN_ATTRIBUTE}="${value}" is not an origin such as https://giscus.app (scheme and host, nothing else).`,
      );
    return url.origin;
  });
  return [...new Set(origins)];
}
