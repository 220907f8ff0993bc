/**
 * The inline pass over a paragraph's text: each piece MDX would misread is found by one scanner
 * (code spans, MathJax, kramdown math, Liquid, attribute lists, autolinks, HTML tags, links and
 * images) and rewritten; the prose between them is escaped for MDX.
 */
import { OPEN_BRACE, showBraces } from './blocks.ts';
import { autolink, fixTag, HTML_TAGS } from './html.ts';
import { escapeProse } from './kramdown.ts';
import { convertLiquid, postAddress } from './liquid.ts';
import { displayMath, inlineMath, unescapeKramdown } from './mathjax.ts';
import type { Findings } from './report.ts';

/** What the inline pass needs from the post: where its pictures go. */
export interface InlineContext {
  findings: Findings;
  /** A picture's new address, or undefined to keep it; may report. */
  image: (url: string, line: number, html: boolean) => string | undefined;
  /** Set when the pass wrote math. */
  math: { used: boolean };
}

const TOKEN = new RegExp(
  [
    /(?<code>(?<ticks>`+)[\s\S]*?[^`]\k<ticks>(?!`))/.source,
    /(?<mjInline>\\\\\((?<mjIn>[\s\S]+?)\\\\\))/.source,
    /(?<mjDisplay>\\\\\[(?<mjDi>[\s\S]+?)\\\\\])/.source,
    /(?<kdMath>\$\$(?<kdIn>[\s\S]+?)\$\$)/.source,
    /(?<escape>\\[\\`*_{}[\]()#+\-.!|:$<>"'=~&])/.source,
    /(?<liquid>\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\})/.source,
    /(?<ial>\{:[^}\n]*\}|\{#[\w-]+\})/.source,
    /(?<auto><(?:https?:\/\/|mailto:)[^\s<>]+>)/.source,
    /(?<tag><\/?[A-Za-z][\w-]*(?:\s+(?:[^<>"']|"[^"]*"|'[^']*')*)?\/?>)/.source,
    /(?<image>!\[(?<imgAlt>(?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?(?<imgUrl>[^)\s>]*)>?(?<imgTitle>\s+"[^"]*")?\s*\))/
      .source,
    /(?<link>(?<!!)\[(?<linkText>(?:[^[\]]|\[[^\]]*\])*)\]\((?<linkUrl>[^)\s]*)(?<linkTitle>\s+"[^"]*")?\))/
      .source,
    /(?<refdef>^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$)/.source,
  ].join('|'),
  'gm',
);

/** Jekyll's default permalinks, /2016/03/02/my-post.html (after any categories), and the like. */
const PERMALINK = /^\/(?:[\w-]+\/)*(\d{4})\/(\d{2})\/(\d{2})\/([\w-]+?)(?:\.html)?\/?(#.*)?$/;

/** A link's new target: old post addresses become the post's address; links to site files are reported. */
function linkTarget(url: string, line: number, ctx: InlineContext): string {
  const permalink = PERMALINK.exec(url);
  if (permalink) {
    ctx.findings.did('link to a Jekyll post address → the post’s address');
    return `${postAddress(`${permalink[1]}-${permalink[2]}-${permalink[3]}-${permalink[4]}`)}${permalink[5] ?? ''}`;
  }
  if (/^\/[^#?]*\.(?!html?\b)[a-z0-9]{2,5}(?:[?#].*)?$/i.test(url)) {
    ctx.findings.need(
      line,
      `link to a file of the Jekyll site: ${url}`,
      `copy the file to public${url.replace(/[?#].*$/, '')} so the link keeps working`,
    );
  }
  return url;
}

/** The paragraph's text for MDX. `line` is the source line of its first line. */
export function convertInline(source: string, line: number, ctx: InlineContext): string {
  // Liquid runs before Markdown in Jekyll, inside links and tags too: addresses first.
  const text = source.replace(/\{\{[^}\n]*\}\}|\{%[^%\n]*%\}/g, (tag) => {
    const result = convertLiquid(tag);
    if (!('converted' in result)) return tag;
    ctx.findings.did(result.converted);
    return result.text;
  });
  const lineAt = (index: number) => line + (text.slice(0, index).match(/\n/g)?.length ?? 0);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    out += prose(text.slice(last, index));
    last = index + match[0].length;
    out += token(match, lineAt(index), ctx);
  }
  return out + prose(text.slice(last));
}

const prose = (text: string) =>
  escapeProse(text.replace(/[\uE000\uE001]/g, (ch) => (ch === OPEN_BRACE ? '{' : '}')));

function token(match: RegExpMatchArray, line: number, ctx: InlineContext): string {
  const g = match.groups ?? {};
  const whole = match[0];
  const { findings } = ctx;
  if (g['code'] !== undefined) return showBraces(whole);
  if (g['mjInline'] !== undefined) {
    findings.did('MathJax \\\\( \\\\) → $ $');
    ctx.math.used = true;
    return inlineMath(unescapeKramdown(showBraces(g['mjIn'] ?? '')));
  }
  if (g['mjDisplay'] !== undefined) {
    findings.did('MathJax \\\\[ \\\\] → $$ display $$');
    ctx.math.used = true;
    return `\n\n${displayMath(unescapeKramdown(showBraces(g['mjDi'] ?? '')))}\n\n`;
  }
  if (g['kdMath'] !== undefined) {
    findings.did('kramdown $$ inside a sentence → $ inline $');
    ctx.math.used = true;
    return inlineMath(showBraces(g['kdIn'] ?? ''));
  }
  if (g['escape'] !== undefined) return whole;
  if (g['liquid'] !== undefined) {
    const result = convertLiquid(whole);
    if ('converted' in result) {
      findings.did(result.converted);
      return convertInline(result.text, line, ctx);
    }
    findings.need(line, result.attention, result.todo);
    return result.text;
  }
  if (g['ial'] !== undefined) {
    findings.did('kramdown attribute list removed');
    return '';
  }
  if (g['auto'] !== undefined) {
    findings.did('<http://…> autolink → [address](address)');
    return autolink(whole);
  }
  if (g['tag'] !== undefined) {
    const name = (/^<\/?([A-Za-z][\w-]*)/.exec(whole)?.[1] ?? '').toLowerCase();
    if (!HTML_TAGS.has(name)) return prose(whole);
    const fixed = fixTag(whole);
    for (const change of fixed.changes) findings.did(change);
    if (fixed.name === 'iframe' && !whole.startsWith('</')) {
      findings.need(
        line,
        `<iframe> from ${fixed.src ?? 'another site'} kept, but the site’s security policy blocks frames from other sites`,
        'link to it instead, for example [Watch the video](address), or add its host to EMBED_HOSTS in src/consts.ts (the build fails until one is done)',
      );
    }
    if (fixed.name === 'img' && fixed.src !== undefined) {
      const replaced = ctx.image(fixed.src, line, true);
      if (replaced !== undefined) return fixed.text.replace(/src="[^"]*"/, `src=${replaced}`);
    }
    return fixed.text;
  }
  if (g['image'] !== undefined) {
    const alt = g['imgAlt'] ?? '';
    const url = g['imgUrl'] ?? '';
    const title = g['imgTitle'] ?? '';
    const replaced = ctx.image(url, line, false);
    return `![${prose(alt)}](${replaced ?? url}${title})`;
  }
  if (g['link'] !== undefined) {
    return `[${convertInline(g['linkText'] ?? '', line, ctx)}](${linkTarget(g['linkUrl'] ?? '', line, ctx)}${g['linkTitle'] ?? ''})`;
  }
  if (g['refdef'] !== undefined) {
    const def = /^(\s*\[[^\]]+\]:[ \t]*)(\S+)(.*)$/.exec(whole);
    if (!def) return whole;
    const replaced = /\.(png|jpe?g|gif|svg|webp|avif)$/i.test(def[2] ?? '')
      ? ctx.image(def[2] ?? '', line, false)
      : undefined;
    return `${def[1]}${replaced ?? def[2]}${def[3]}`;
  }
  return whole;
}
