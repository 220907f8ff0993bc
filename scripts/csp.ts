// Postbuild: gives every built page a Content-Security-Policy. Each page's inline scripts (Astro's
// island loader, the citation-card script, JSON-LD data) are hashed into script-src, so no other
// inline script can run; 'wasm-unsafe-eval' lets TensorFlow.js compile its WebAssembly (and only
// that: no 'unsafe-eval'). The policy goes into a <meta> tag in each page and, with the headers a
// <meta> cannot carry (frame-ancestors, Referrer-Policy...), into dist/_headers for static hosts.
// A page with reader comments also allows the comments origin (src/lib/csp.ts); no other page does.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { commentOrigins, policy } from '../src/lib/csp.ts';
import { embedOrigins } from '../src/lib/external-media.ts';
import { BASE_PATH, EMBED_HOSTS } from '../src/consts.ts';
import { withBase } from '../src/lib/site-address.ts';

const DIST = process.argv[2] ?? 'dist';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

const headers: string[] = [];
for (const file of htmlFiles(DIST)) {
  let html = readFileSync(file, 'utf8').replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '');
  const hashes = [...html.matchAll(INLINE_SCRIPT)]
    .filter(([, attrs]) => !/type="application\/(ld\+)?json"/.test(attrs ?? ''))
    .map(
      ([, , body]) =>
        `sha256-${createHash('sha256')
          .update(body ?? '')
          .digest('base64')}`,
    );
  const csp = policy([...new Set(hashes)], commentOrigins(html), embedOrigins(html, EMBED_HOSTS));
  html = html.replace(
    /<meta charset="utf-8"\s*\/?>/i,
    (m) => `${m}<meta http-equiv="content-security-policy" content="${csp}">`,
  );
  writeFileSync(file, html);
  // The address the page is served at, under the base path (/blog/about/ for dist/about/index.html).
  const route = withBase(
    BASE_PATH,
    relative(DIST, file)
      .split(sep)
      .join('/')
      .replace(/index\.html$/, '')
      .replace(/\.html$/, ''),
  );
  headers.push(
    route,
    `  Content-Security-Policy: ${csp}; frame-ancestors 'none'`,
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  X-Content-Type-Options: nosniff',
    '  Permissions-Policy: camera=(self), microphone=(), geolocation=()',
    '',
  );
}
writeFileSync(join(DIST, '_headers'), headers.join('\n'));
console.log(`csp: ${headers.filter((l) => l.startsWith('/')).length} pages given a Content-Security-Policy`);
