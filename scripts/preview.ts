/**
 * The built site (dist/) served by `astro preview`, for the scripts that measure it in Chromium:
 * benchmarks, soaks, Lighthouse. The server runs in its own process group, so that stopping it
 * also stops the process npx starts under it.
 */
import { spawn } from 'node:child_process';

/** Resolves once `url` answers with a success; throws after `seconds` without one. */
export async function waitForServer(url: string, seconds = 30): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`No site answered at ${url} within ${seconds} s.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs `measure` against a preview of dist/ on 127.0.0.1:`port`, ready once `path` answers. */
export async function withPreview<T>(
  port: number,
  measure: (base: string) => Promise<T>,
  path = '/',
): Promise<T> {
  const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], {
    stdio: 'ignore',
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}${path}`);
    return await measure(base);
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

/** Against `address` when one is given (a site already running), else against a preview. */
export async function atAddressOrPreview<T>(
  address: string | undefined,
  port: number,
  measure: (base: string) => Promise<T>,
  path = '/',
): Promise<T> {
  if (address === undefined) return withPreview(port, measure, path);
  await waitForServer(`${address}${path}`);
  return measure(address);
}
