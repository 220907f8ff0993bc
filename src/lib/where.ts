import { relative } from 'node:path';
import type { Node } from 'unist';
import type { VFile } from 'vfile';

/** "content/posts/x/index.mdx:12" for error messages: the file relative to the project, and the line. */
export function where(file: VFile, node?: Node): string {
  const path = file.path ? relative(file.cwd, file.path) : '(unnamed file)';
  const line = node?.position?.start.line;
  return line === undefined ? path : `${path}:${line}`;
}
