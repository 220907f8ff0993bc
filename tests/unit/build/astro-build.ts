/**
 * Runs a real `astro build` (as `npm run build` runs it, without the postbuild steps) into a fresh
 * temporary folder, with extra environment variables.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function astroBuild(env: Record<string, string>): {
  status: number | null;
  output: string;
  outDir: string;
} {
  const outDir = mkdtempSync(join(tmpdir(), 'astro-build-'));
  const result = spawnSync('npm', ['run', '--silent', 'build:astro', '--', '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}
