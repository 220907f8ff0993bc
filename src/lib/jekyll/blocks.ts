/**
 * The first pass over a post's lines: what is code (fenced, ``` or ~~~, and {% highlight %}), what
 * goes (HTML comments, <style> blocks, {% raw %} tags), and everything else as numbered lines of
 * text. {% raw %} text keeps its braces as private characters so no later step reads them as Liquid.
 */
import { convertLiquid, highlightLanguage, isEndHighlight, RAW_TAG } from './liquid.ts';
import type { Findings } from './report.ts';

export const OPEN_BRACE = '\uE000';
export const CLOSE_BRACE = '\uE001';

export type Item =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'blank' }
  | { kind: 'more' }
  | { kind: 'code'; lang: string; indent: string; lines: string[]; line: number };

const hideBraces = (text: string) => text.replace(/\{/g, OPEN_BRACE).replace(/\}/g, CLOSE_BRACE);
export const showBraces = (text: string) => text.replace(/\uE000/g, '{').replace(/\uE001/g, '}');

/** Liquid that only makes addresses, inside code (where anything else is shown as written). */
function codeLiquid(line: string): string {
  return line.replace(/\{\{[^}\n]*\}\}|\{%[^%\n]*%\}/g, (tag) => {
    const result = convertLiquid(tag);
    return 'converted' in result ? result.text : tag;
  });
}

export interface BlockOptions {
  /** Jekyll's excerpt_separator, when set: its line marks the end of the excerpt. */
  separator: string;
}

export function splitBlocks(
  body: string,
  firstLine: number,
  findings: Findings,
  options: BlockOptions,
): Item[] {
  const items: Item[] = [];
  let code: Extract<Item, { kind: 'code' }> | undefined;
  let fence = '';
  let raw = false;
  /** Inside a comment: the pattern that ends it (HTML's --> or kramdown's {:/comment}), else undefined. */
  let comment: RegExp | undefined;
  let style = false;
  let script: Extract<Item, { kind: 'code' }> | undefined;
  const lines = body.split('\n');
  lines.forEach((source, index) => {
    const line = firstLine + index;
    // {% raw %}: its text is shown as written; the tags go.
    let text = '';
    let last = 0;
    let hadRaw = false;
    for (const match of source.matchAll(RAW_TAG)) {
      const before = source.slice(last, match.index);
      text += raw ? hideBraces(before) : before;
      raw = match[1] === 'raw';
      last = (match.index ?? 0) + match[0].length;
      hadRaw = true;
    }
    text += raw ? hideBraces(source.slice(last)) : source.slice(last);
    if (hadRaw) findings.did('Liquid {% raw %} removed (its text kept as written)');
    if (hadRaw && text.trim() === '') return;

    if (code) {
      const closes =
        fence === 'highlight'
          ? isEndHighlight(text)
          : text.trim().startsWith(fence) && text.trim().replace(/[`~]/g, '') === '';
      if (closes) {
        items.push(code);
        code = undefined;
      } else
        code.lines.push(codeLiquid(text.startsWith(code.indent) ? text.slice(code.indent.length) : text));
      return;
    }
    if (script) {
      script.lines.push(text);
      if (/<\/script>/i.test(text)) {
        items.push(script);
        script = undefined;
      }
      return;
    }
    const lang = highlightLanguage(text);
    if (lang !== undefined) {
      code = { kind: 'code', lang, indent: '', lines: [], line };
      fence = 'highlight';
      findings.did('Liquid {% highlight %} → fenced code block');
      return;
    }
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+#.-]*)/.exec(text);
    if (open && !comment && !style) {
      code = { kind: 'code', lang: open[3] ?? '', indent: open[1] ?? '', lines: [], line };
      fence = open[2] ?? '```';
      return;
    }
    if (!comment && !style && /^\s*<script\b/i.test(text)) {
      script = { kind: 'code', lang: 'html', indent: '', lines: [text], line };
      findings.need(
        line,
        '<script> shown as code (the site’s security policy runs no inline scripts)',
        'remove it, or make what it did a component',
      );
      if (/<\/script>/i.test(text)) {
        items.push(script);
        script = undefined;
      }
      return;
    }

    // HTML comments and <style> blocks, which may span lines.
    let kept = '';
    let rest = text;
    let removed = false;
    while (rest !== '') {
      if (comment) {
        const end = comment.exec(rest);
        if (!end) rest = '';
        else {
          comment = undefined;
          rest = rest.slice(end.index + end[0].length);
        }
        removed = true;
      } else if (style) {
        const end = rest.search(/<\/style\s*>/i);
        if (end < 0) rest = '';
        else {
          style = false;
          rest = rest.slice(end).replace(/^<\/style\s*>/i, '');
        }
        removed = true;
      } else {
        const start = rest.search(/<!--|<style\b|\{::comment\}/i);
        if (start < 0) {
          kept += rest;
          rest = '';
        } else {
          kept += rest.slice(0, start);
          rest = rest.slice(start);
          if (rest.startsWith('<!--')) {
            if (options.separator.startsWith('<!--') && rest.startsWith(options.separator))
              items.push({ kind: 'more' });
            else findings.did('HTML comment removed');
            comment = /-->/;
            rest = rest.slice(4);
          } else if (rest.startsWith('{::comment}')) {
            findings.did('kramdown {::comment} removed');
            comment = /\{:\/(comment)?\}/;
            rest = rest.slice('{::comment}'.length);
          } else {
            style = true;
            findings.need(
              line,
              '<style> block removed (MDX cannot hold one, and it would restyle the whole site)',
              'if the post needs its look, ask for a class in src/styles/global.css',
            );
          }
        }
      }
    }
    if (removed && kept.trim() === '') return;
    if (!options.separator.startsWith('<!--') && kept.trim() === options.separator) {
      items.push({ kind: 'more' });
      return;
    }
    if (kept.trim() === '') items.push({ kind: 'blank' });
    else items.push({ kind: 'text', text: kept, line });
  });
  if (code) {
    findings.need(code.line, 'a code block is never closed', 'add the closing ``` (or {% endhighlight %})');
    items.push(code);
  }
  if (script) items.push(script);
  return items;
}
