/**
 * An Astro integration whose Vite plugin reads each .mdx post before MDX compiles it: a Jekyll
 * habit MDX cannot read (or would show wrong) fails the build with the file, the line, what it is
 * and what to write instead, every one of the file at once; habits that build but look wrong are
 * warnings; an import of a file beside the post that is not there fails the same way. Listed before mdx() in astro.config.ts so that its transform runs first.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { findHabits, formatHabits } from './mdx-habits.ts';

export function mdxHabits(): AstroIntegration {
  return {
    name: 'mdx-habits',
    hooks: {
      'astro:config:setup': ({ updateConfig, logger }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'mdx-habits',
                enforce: 'pre',
                transform(code: string, id: string) {
                  if (!id.endsWith('.mdx') || id.includes('/node_modules/')) return null;
                  const path = relative(process.cwd(), id);
                  const report = findHabits(code, (file) => existsSync(resolve(dirname(id), file)));
                  for (const warning of report.warnings)
                    logger.warn(`${path}:${warning.line}: ${warning.message}.`);
                  if (report.errors.length === 0) return null;
                  const error = new Error(formatHabits(path, report.errors, report.parseError)) as Error & {
                    loc?: { file: string; line: number; column: number };
                  };
                  error.name = 'MDXError';
                  error.loc = { file: id, line: report.errors[0]?.line ?? 1, column: 1 };
                  throw error;
                },
              },
            ],
          },
        });
      },
    },
  };
}
