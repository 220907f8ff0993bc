import { relative } from 'node:path';
import type { Node } from 'unist';
import type { VFile } from 'vfile';

/** "content/posts/x/index.mdx:12" for error messages: the file relative to the project, and the line. */
export function where(file: VFile, node?: Node): string {
  const path = file.path ? relative(file.cwd, file.path) : '(unnamed file)';
  const line = node?.position?.start.line;
  return line === undefined ? path : `${path}:${line}`;
}

/**
 * Fails a file's build with every problem found in it: one as it is, several under a line that
 * counts them ("2 formulas KaTeX cannot render in content/posts/x/index.mdx:"). None: returns.
 */
export function throwProblems(file: VFile, problems: readonly string[], what: string): void {
  if (problems.length === 1) throw new Error(problems[0]);
  if (problems.length > 1)
    throw new Error(`${problems.length} ${what} in ${where(file)}:\n${problems.join('\n')}`);
}
