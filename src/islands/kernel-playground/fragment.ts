/**
 * One key per demo instance in the page's fragment: `#playground-1=<state>&playground-2=<state>`.
 * Other fragment content (a heading's anchor) is kept as it is.
 */

/** This instance's text in a location hash ("#a=1&b=2"), or null when it has none. */
export function readFragment(hash: string, key: string): string | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const at = part.indexOf('=');
    if (at > 0 && decodeURIComponent(part.slice(0, at)) === key) {
      try {
        return decodeURIComponent(part.slice(at + 1));
      } catch {
        return part.slice(at + 1);
      }
    }
  }
  return null;
}

/** `href` with this instance's text set in its fragment, other keys untouched. */
export function writeFragment(href: string, key: string, text: string): string {
  const url = new URL(href);
  const parts = url.hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p !== '' && p.slice(0, p.indexOf('=')) !== key);
  // ":", ",", "/" and "-" read well in an address and need no escaping in a fragment.
  const value = encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%2F/gi, '/');
  parts.push(`${key}=${value}`);
  url.hash = parts.join('&');
  return url.href;
}
