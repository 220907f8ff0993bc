/**
 * What the importer tells the author: every change it could not make safely (attention), and a
 * count of what it converted on its own (notes). Pure: the CLI writes the text to import-report.md.
 */

export interface Finding {
  /** The Jekyll source line (1-based) the finding is about. */
  line: number;
  /** What was found, in a few words. */
  what: string;
  /** What the author should do about it. */
  todo: string;
}

export class Findings {
  readonly attention: Finding[] = [];
  /** Converted without help, counted by kind: "kramdown attribute list removed" → 3. */
  readonly converted = new Map<string, number>();

  need(line: number, what: string, todo: string): void {
    this.attention.push({ line, what, todo });
  }

  did(kind: string, count = 1): void {
    this.converted.set(kind, (this.converted.get(kind) ?? 0) + count);
  }
}

export type Outcome = 'written' | 'unchanged' | 'skipped' | 'dry-run' | 'failed';

export interface PostReport {
  /** The Jekyll file, as the author named it (relative to the working folder). */
  source: string;
  /** The post written, relative to the working folder: content/posts/<folder>/index.mdx. */
  target: string;
  outcome: Outcome;
  attention: Finding[];
  converted: Map<string, number>;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const OUTCOME: Record<Outcome, string> = {
  written: 'written',
  unchanged: 'unchanged (already imported, same content)',
  skipped: 'NOT written: the post exists and differs; run again with --force to overwrite it',
  'dry-run': 'dry run: nothing written',
  failed: 'NOT written: could not be converted',
};

/** A post needs attention when it has findings or was not written. */
export const needsAttention = (post: PostReport): boolean =>
  post.attention.length > 0 || post.outcome === 'skipped' || post.outcome === 'failed';

/** The last line the importer prints. */
export function summaryLine(posts: readonly PostReport[]): string {
  const imported = posts.filter((p) => p.outcome !== 'failed' && p.outcome !== 'skipped').length;
  const attention = posts.filter(needsAttention).length;
  return `Imported ${imported} post${imported === 1 ? '' : 's'}; ${attention} need${attention === 1 ? 's' : ''} attention.`;
}

/** import-report.md: one section per post, its findings as a table (file, line, what, what to do). */
export function formatReport(posts: readonly PostReport[]): string {
  const out = ['# Jekyll import report', '', summaryLine(posts), ''];
  for (const post of posts) {
    out.push(`## ${post.source}`, '', `→ \`${post.target}\`: ${OUTCOME[post.outcome]}.`, '');
    if (post.attention.length > 0) {
      out.push('| file | line | what | what to do |', '| ---- | ---: | ---- | ---------- |');
      for (const f of post.attention) {
        out.push(`| ${cell(post.source)} | ${f.line} | ${cell(f.what)} | ${cell(f.todo)} |`);
      }
      out.push('');
    } else {
      out.push('Nothing needs attention.', '');
    }
    if (post.converted.size > 0) {
      const kinds = [...post.converted.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out.push(`Converted: ${kinds.map(([kind, n]) => `${kind} (${n})`).join('; ')}.`, '');
    }
  }
  return out.join('\n');
}
