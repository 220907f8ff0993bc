/**
 * HTML inside Markdown, made valid for MDX (which reads it as JSX): void tags closed, unquoted
 * attributes quoted, `<a name>` anchors given an id, `<http://…>` autolinks written as links.
 * HTML comments and <style> blocks are removed by blocks.ts.
 */

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Attribute names HTML spells one way and JSX another (MDX in Astro accepts both for the rest). */
const RENAMED: Record<string, string> = { 'accept-charset': 'acceptCharset', 'http-equiv': 'httpEquiv' };

export interface TagFix {
  text: string;
  /** What changed, for the report's counts; empty when the tag was fine. */
  changes: string[];
  /** The tag's name, lower case, and for <img>/<iframe> its src. */
  name: string;
  src?: string;
}

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/** One HTML tag (`<img src=x.png>`, `</div>`) as JSX. */
export function fixTag(tag: string): TagFix {
  const closing = /^<\//.test(tag);
  const name = (/^<\/?([A-Za-z][\w-]*)/.exec(tag)?.[1] ?? '').toLowerCase();
  const changes: string[] = [];
  if (closing)
    return {
      text: VOID.has(name) ? '' : `</${name}>`,
      changes: VOID.has(name) ? ['stray closing void tag removed'] : [],
      name,
    };
  const inner = tag
    .replace(/^<[A-Za-z][\w-]*/, '')
    .replace(/\/?>$/, '')
    .trim();
  const attributes: string[] = [];
  let src: string | undefined;
  let anchorName: string | undefined;
  let hasId = false;
  for (const match of inner.matchAll(ATTRIBUTE)) {
    let key = match[1] ?? '';
    let value = match[2];
    if (value !== undefined && !/^["']/.test(value)) {
      value = `"${value}"`;
      changes.push('attribute value quoted');
    }
    if (value?.startsWith("'")) value = `"${value.slice(1, -1).replace(/"/g, '&quot;')}"`;
    const renamed = RENAMED[key.toLowerCase()];
    if (renamed) key = renamed;
    const bare = value?.slice(1, -1);
    if (key.toLowerCase() === 'src') src = bare;
    if (key.toLowerCase() === 'id') hasId = true;
    if (key.toLowerCase() === 'markdown') {
      changes.push('kramdown markdown="1" attribute removed (MDX reads Markdown inside tags)');
      continue;
    }
    if (name === 'a' && key.toLowerCase() === 'name') {
      anchorName = bare;
      continue;
    }
    attributes.push(value === undefined ? key : `${key}=${value}`);
  }
  if (anchorName !== undefined) {
    if (!hasId) attributes.unshift(`id="${anchorName}"`);
    changes.push('<a name> anchor → <a id>');
  }
  const selfClosing = VOID.has(name);
  if (selfClosing && !/\/>$/.test(tag)) changes.push('void tag closed');
  const text = `<${name}${attributes.length > 0 ? ` ${attributes.join(' ')}` : ''}${selfClosing ? ' />' : '>'}`;
  return { text, changes, name, ...(src === undefined ? {} : { src }) };
}

/** `<https://example.org/x>` → `[https://example.org/x](https://example.org/x)`. */
export function autolink(token: string): string {
  const url = token.slice(1, -1);
  return `[${url.replace(/([\\[\]_*`])/g, '\\$1')}](${url})`;
}

/** Tag names that are real HTML: anything else after a `<` is prose ("a <b> c" stays a tag; "I <3 it" does not). */
export const HTML_TAGS = new Set(
  (
    'a abbr address article aside audio b bdi bdo blockquote br button canvas caption center cite code col colgroup ' +
    'dd del details dfn div dl dt em embed figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr i iframe img ' +
    'input ins kbd label legend li main mark nav object ol p picture pre q s samp section small source span strike ' +
    'strong sub summary sup table tbody td tfoot th thead time tr track tt u ul var video wbr math svg'
  ).split(' '),
);
