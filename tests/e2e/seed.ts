/** Reads the seed article (tests/fixtures/seed) into what a reader should see: paragraphs and references. */
import { readFileSync } from 'node:fs';

const raw = readFileSync(new URL('../fixtures/seed/understanding-cnn.md', import.meta.url), 'utf8');
const body = raw.replace(/^---\n[\s\S]*?\n---\n/, '');

/** Markdown inline syntax to the text a reader sees: links and cites keep their words only. */
function visibleText(markdown: string): string {
  return markdown
    .replace(/<\/?cite>/g, '')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const blocks = body.split(/\n\s*\n/).map((b) => b.trim());

/** Body paragraphs, in order: not images, link definitions, headings or lists. */
export const seedParagraphs: string[] = blocks
  .filter((b) => b !== '' && !/^(!\[|\[\d+\]:|#|\d+\. )/.test(b))
  .map(visibleText);

/** The items of the seed's References list. */
export const seedReferences: string[] = body
  .slice(body.indexOf('## References'))
  .split('\n')
  .filter((line) => /^\d+\. /.test(line))
  .map((line) => line.replace(/^\d+\. /, '').trim());

export const seedTitle = /^title: (.*)$/m.exec(raw)?.[1] ?? '';
