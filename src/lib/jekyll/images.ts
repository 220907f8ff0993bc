/**
 * Pictures: where each one points, and what to call it beside the post. Pure: the CLI copies the
 * files. Jekyll sites keep images under /assets or /images at the site's root; a post keeps them
 * beside its index.mdx, imported by a relative path that Astro checks and optimises.
 */

export type ImageTarget =
  | { kind: 'external'; url: string }
  | {
      kind: 'local';
      url: string;
      /** Path relative to the Jekyll site's root. */ sitePath: string;
      /** The new name, beside the post. */ name: string;
    }
  | { kind: 'other'; url: string };

const IMAGE_EXT = /\.(png|jpe?g|gif|svg|webp|avif)$/i;

export const isExternal = (url: string): boolean => /^(https?:)?\/\//i.test(url);

/** Where `url` (from a post at `postDir`, relative to the site root) lives in the Jekyll site. */
export function resolveImage(url: string, postDir: string): ImageTarget {
  if (isExternal(url)) return { kind: 'external', url };
  if (/^(data:|#|mailto:)/i.test(url) || url.trim() === '') return { kind: 'other', url };
  const clean = decodeURI(url.replace(/[?#].*$/, ''));
  const parts = (clean.startsWith('/') ? clean.slice(1) : `${postDir}/${clean}`).split('/');
  const stack: string[] = [];
  for (const part of parts) {
    if (part === '..') stack.pop();
    else if (part !== '.' && part !== '') stack.push(part);
  }
  const sitePath = stack.join('/');
  const name = (stack.at(-1) ?? 'image').replace(/[^\w.-]+/g, '-');
  return { kind: 'local', url, sitePath, name };
}

/** True when a link points to a picture (so a reference definition gets copied like an image). */
export const looksLikeImage = (url: string): boolean => IMAGE_EXT.test(url.replace(/[?#].*$/, ''));

/**
 * Names beside the post for each site path: the file's own name, or with a number when two
 * different files share a name.
 */
export class ImageNames {
  readonly byPath = new Map<string, string>();
  private readonly taken = new Set<string>();

  name(sitePath: string, wanted: string): string {
    const known = this.byPath.get(sitePath);
    if (known !== undefined) return known;
    let name = wanted;
    for (let n = 2; this.taken.has(name.toLowerCase()) || /^index\./i.test(name); n++) {
      name = wanted.replace(/(\.[^.]*)?$/, `-${n}$1`);
    }
    this.taken.add(name.toLowerCase());
    this.byPath.set(sitePath, name);
    return name;
  }
}
