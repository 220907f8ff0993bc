/**
 * A static host for a built site published under a sub-path, the way GitHub Pages serves a project
 * site: dist/ at /blog/, a folder's index.html, a redirect for a folder asked without its slash,
 * and a 404 (with the site's 404.html) for everything else, including every address outside the
 * base. Each request is recorded so a test can fail on any that escaped the base or found nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServedRequest {
  path: string;
  status: number;
}

export interface SubPathHost {
  /** 'http://127.0.0.1:<port>' */
  origin: string;
  /** Every request answered, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** Serves `dir` under `base` ('/blog/') on a free port of 127.0.0.1. */
export async function serveUnderBase(dir: string, base: string): Promise<SubPathHost> {
  const requests: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    const answer = async (): Promise<void> => {
      const relative = path.startsWith(base) ? path.slice(base.length) : undefined;
      const target = relative === undefined ? undefined : normalize(join(dir, relative));
      const inside =
        target !== undefined && (target === normalize(dir) || target.startsWith(normalize(dir) + sep));
      let kind = inside ? await fileAt(target) : undefined;
      let file = target;
      if (kind === 'dir' && !path.endsWith('/')) {
        requests.push({ path, status: 301 });
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      if (kind === 'dir' && target !== undefined) {
        file = join(target, 'index.html');
        kind = await fileAt(file);
      }
      if (kind !== 'file' || file === undefined) {
        requests.push({ path, status: 404 });
        const notFound = await readFile(join(dir, '404.html')).catch(() => Buffer.from('Not found'));
        res.writeHead(404, { 'Content-Type': TYPES['.html'] }).end(notFound);
        return;
      }
      requests.push({ path, status: 200 });
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type }).end(await readFile(file));
    };
    answer().catch((error: unknown) => {
      requests.push({ path, status: 500 });
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
