/**
 * Liquid, the template language Jekyll runs before Markdown. The tags that only make addresses
 * become those addresses; {% highlight %} becomes a fenced code block and {% raw %} plain text
 * (both in blocks.ts); anything else ({% include %}, {{ page.x }}) stays visible as inline code
 * and is reported, because its output is not known here.
 */
import { fileNameParts } from './frontmatter.ts';

export type LiquidResult =
  { text: string; converted: string } | { text: string; attention: string; todo: string };

const SITE_PREFIX = /^\{\{\s*(site\.baseurl|site\.url|site\.github\.url)\s*\}\}$/;
const FILTERED =
  /^\{\{\s*(["'])(.*?)\1\s*\|\s*(relative_url|absolute_url|prepend:\s*site\.baseurl|prepend:\s*site\.url)\s*\}\}$/;
const POST_URL = /^\{%-?\s*post_url\s+(\S+?)\s*-?%\}$/;
const LINK = /^\{%-?\s*link\s+(\S+?)\s*-?%\}$/;
const INCLUDE = /^\{%-?\s*include(?:_relative)?\s+(\S+)/;

/** The post address a Jekyll post name links to: "2016-01-02-a-post" → "/a-post/". */
export const postAddress = (name: string): string => `/${fileNameParts(name).slug}/`;

/** Shown as code: visible on the page, and MDX does not read its braces. */
export const asCode = (text: string): string => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

/** One Liquid tag or output ({% … %} or {{ … }}) as MDX. */
export function convertLiquid(tag: string): LiquidResult {
  if (SITE_PREFIX.test(tag))
    return { text: '', converted: 'Liquid {{ site.baseurl }} removed (addresses start at /)' };
  const filtered = FILTERED.exec(tag);
  if (filtered)
    return { text: filtered[2] ?? '', converted: 'Liquid relative_url/absolute_url → the address' };
  const post = POST_URL.exec(tag);
  if (post) return { text: postAddress(post[1] ?? ''), converted: 'Liquid post_url → the post’s address' };
  const link = LINK.exec(tag);
  if (link) {
    const target = link[1] ?? '';
    if (/(^|\/)_posts\//.test(target))
      return { text: postAddress(target), converted: 'Liquid link → the post’s address' };
  }
  const include = INCLUDE.exec(tag);
  if (include) {
    return {
      text: asCode(tag),
      attention: `Liquid include of "${include[1] ?? ''}" kept as code`,
      todo: 'write what the include showed into the post (or a component), then delete this code',
    };
  }
  return {
    text: asCode(tag),
    attention: `Liquid ${tag.startsWith('{%') ? 'tag' : 'output'} ${tag} kept as code`,
    todo: 'replace it with the text or address it stood for',
  };
}

/** "{% highlight python linenos %}" → "python"; undefined when the line is not a highlight tag. */
export function highlightLanguage(line: string): string | undefined {
  const match = /^\s*\{%-?\s*highlight\s+([\w+#.-]+)?[^%]*-?%\}\s*$/.exec(line);
  return match ? (match[1] ?? '') : undefined;
}

export const isEndHighlight = (line: string): boolean => /^\s*\{%-?\s*endhighlight\s*-?%\}\s*$/.test(line);
export const RAW_TAG = /\{%-?\s*(raw|endraw)\s*-?%\}/g;
