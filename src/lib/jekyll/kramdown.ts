/**
 * Kramdown syntax that MDX reads differently: attribute lists (`{: .class}`, `{:toc}`), header ids
 * (`## Title {#id}`), indented code blocks (MDX has none: they become run-on paragraphs), and the
 * characters MDX gives a meaning that prose did not have (`{`, `<`, and a lone `$` once math is on).
 */

/** A line that is only an attribute list or an ALD: `{: .note}`, `{:toc}`, `{:.x: #y}`. */
export const isAttributeLine = (line: string): boolean => /^\s*\{:[^}]*\}\s*$/.test(line);

/** `{:toc}` lines and the list item kramdown replaces with the table of contents. */
export const isTocMarker = (line: string): boolean =>
  /^\s*([-*+]|1\.)\s+(TOC|Table of contents)\s*$/i.test(line);
export const isTocLine = (line: string): boolean =>
  /^\s*\{:\s*(\.no_toc\s*)?toc\s*\}\s*$/.test(line) || /^\s*\{:toc\}\s*$/.test(line);

/** `## Title {#id}` → the id, and the heading without it. */
export function headerId(line: string): { heading: string; id: string } | undefined {
  const match = /^(#{1,6}\s.*?)\s*\{:?\s*#([\w-]+)[^}]*\}\s*$/.exec(line);
  return match ? { heading: match[1] ?? '', id: match[2] ?? '' } : undefined;
}

/** `*[CNN]: Convolutional Neural Network`: kramdown's abbreviation definitions. */
export const isAbbreviation = (line: string): boolean => /^\s{0,3}\*\[[^\]]+\]:/.test(line);

/** `: its definition` under a term: kramdown's definition lists. */
export const isDefinition = (line: string): boolean => /^\s{0,3}:\s+\S/.test(line);

/** A list item's first line: `- x`, `* x`, `+ x`, `1. x`. */
export const isListItem = (line: string): boolean => /^\s{0,3}([-*+]|\d+[.)])\s+\S/.test(line);

/** Indented by four spaces or a tab (kramdown's code block), and not blank. */
export const isIndented = (line: string): boolean => /^( {4}|\t)/.test(line) && line.trim() !== '';

/** Removes one level of code indentation. */
export const outdent = (line: string): string => line.replace(/^( {4}|\t)/, '');

/**
 * Prose for MDX: `{` and `}` start expressions, `<` starts JSX, and a single `$` is math for
 * remark-math (kramdown has no single-dollar math, so a lone `$` there is always a dollar).
 */
export const escapeProse = (text: string): string =>
  text.replace(/[{}<]/g, (ch) => `\\${ch}`).replace(/\$/g, '\\$');
