/**
 * npm run import:jekyll -- <a post or a _posts folder> [--out content/posts] [--site <Jekyll root>]
 *   [--report import-report.md] [--force] [--dry-run]
 *
 * Converts Jekyll posts (kramdown + Liquid + MathJax) into content/posts/<date-slug>/index.mdx,
 * copies their local pictures beside them, and writes import-report.md: what needs attention,
 * file by file and line by line. The conversion itself is src/lib/jekyll/ (pure, tested).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { importPlan, USAGE, parseArgs } from '../src/lib/jekyll/cli.ts';
import { convertPost } from '../src/lib/jekyll/convert.ts';
import { formatReport, summaryLine, type PostReport } from '../src/lib/jekyll/report.ts';
import { postSlug } from '../src/lib/posts.ts';

const args = parseArgs(process.argv.slice(2));
if ('error' in args) {
  console.error(`import:jekyll: ${args.error}\n${USAGE}`);
  process.exit(2);
}

const files: string[] = [];
for (const input of args.inputs) {
  if (!existsSync(input)) {
    console.error(`import:jekyll: ${input} does not exist.\n${USAGE}`);
    process.exit(2);
  }
  if (statSync(input).isDirectory()) {
    const dir = existsSync(join(input, '_posts')) ? join(input, '_posts') : input;
    for (const name of readdirSync(dir).sort())
      if (/\.(md|markdown|mkd|mkdn|html)$/i.test(name)) files.push(join(dir, name));
  } else files.push(input);
}

/** Paths in the report: relative to here when inside it, absolute otherwise. */
const shown = (path: string) => {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel;
};

const reports: PostReport[] = [];
const existing = existsSync(args.out) ? readdirSync(args.out) : [];
for (const file of files) {
  const postsDir = dirname(resolve(file));
  const site = args.site
    ? resolve(args.site)
    : basename(postsDir) === '_posts'
      ? dirname(postsDir)
      : postsDir;
  const siteConfig = join(site, '_config.yml');
  const configSeparator = existsSync(siteConfig)
    ? /^excerpt_separator:\s*["']?(.*?)["']?\s*$/m.exec(readFileSync(siteConfig, 'utf8'))?.[1]
    : undefined;
  const converted = convertPost({
    source: readFileSync(file, 'utf8'),
    fileName: basename(file),
    postDir: relative(site, postsDir).split('\\').join('/') || '.',
    exists: (path) => existsSync(join(site, path)),
    ...(configSeparator ? { excerptSeparator: configSeparator } : {}),
  });
  const folder = join(args.out, converted.folder);
  const target = join(folder, 'index.mdx');
  const plan = importPlan({
    exists: existsSync(target),
    same: existsSync(target) && readFileSync(target, 'utf8') === converted.mdx,
    force: args.force,
    dryRun: args.dryRun,
  });
  const clash = existing.find(
    (name) => name !== converted.folder && postSlug(name) === postSlug(converted.folder),
  );
  if (clash) {
    converted.findings.need(
      1,
      `another post, ${clash}, has the same address /${postSlug(clash)}/`,
      'rename one of the two folders',
    );
  }
  if (plan === 'written') {
    mkdirSync(folder, { recursive: true });
    writeFileSync(target, converted.mdx);
    for (const picture of converted.images)
      copyFileSync(join(site, picture.sitePath), join(folder, picture.name));
  }
  reports.push({
    source: shown(file),
    target: shown(target),
    outcome: plan,
    attention: converted.findings.attention,
    converted: converted.findings.converted,
  });
}

const report = formatReport(reports);
if (args.dryRun) console.log(report);
else writeFileSync(args.report, `${report}\n`);
for (const post of reports) {
  console.log(
    `${post.source} → ${post.target}: ${post.outcome}${post.attention.length > 0 ? ` (${post.attention.length} to check)` : ''}`,
  );
}
if (!args.dryRun) console.log(`Report: ${args.report}`);
console.log(summaryLine(reports));
