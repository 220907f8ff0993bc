/** The importer's arguments and its choice per post (write, keep, refuse): pure, for scripts/import-jekyll.ts. */
import type { Outcome } from './report.ts';

export const USAGE =
  'Usage: npm run import:jekyll -- <post.md or _posts folder>… [--out content/posts] [--site <Jekyll site root>] ' +
  '[--report import-report.md] [--force] [--dry-run]';

export interface Args {
  inputs: string[];
  out: string;
  site?: string;
  report: string;
  force: boolean;
  dryRun: boolean;
}

export function parseArgs(argv: readonly string[]): Args | { error: string } {
  const args: Args = {
    inputs: [],
    out: 'content/posts',
    report: 'import-report.md',
    force: false,
    dryRun: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      return next;
    };
    try {
      if (arg === '--force') args.force = true;
      else if (arg === '--dry-run') args.dryRun = true;
      else if (arg === '--out') args.out = value();
      else if (arg === '--site') args.site = value();
      else if (arg === '--report') args.report = value();
      else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
      else args.inputs.push(arg);
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
  if (args.inputs.length === 0) return { error: 'give a post (.md) or a _posts folder' };
  return args;
}

/** What happens to a post whose target may already exist. Never overwrites without --force. */
export function importPlan(p: { exists: boolean; same: boolean; force: boolean; dryRun: boolean }): Outcome {
  if (p.dryRun) return 'dry-run';
  if (p.exists && p.same) return 'unchanged';
  if (p.exists && !p.force) return 'skipped';
  return 'written';
}
