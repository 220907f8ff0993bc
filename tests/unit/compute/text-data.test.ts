import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSubjects, SUBJECT_MAX, subjectOf } from '~/compute';

describe('subjectOf: the subject line of a raw e-mail', () => {
  test('a folded subject is unfolded and its spaces collapsed; the body is never read', () => {
    const raw = 'From: a@b\nSubject: Re: your\n   order  now\nTo: c@d\n\nSubject: not this one\n';
    expect(subjectOf(raw)).toBe('Re: your order now');
  });
  test('none, empty, encoded words, 8-bit text or too long: null', () => {
    expect(subjectOf('From: a@b\n\nSubject: body only')).toBeNull();
    expect(subjectOf('Subject:   \n\n')).toBeNull();
    expect(subjectOf('Subject: =?iso-8859-1?Q?caf=E9?=\n\n')).toBeNull();
    expect(subjectOf('Subject: café\n\n')).toBeNull();
    expect(subjectOf(`Subject: ${'x'.repeat(SUBJECT_MAX + 1)}\n\n`)).toBeNull();
  });
});

describe('public/data/text/subjects.json, as committed', () => {
  const set = parseSubjects(JSON.parse(readFileSync('public/data/text/subjects.json', 'utf8')));
  test('credit and licence travel with the data', () => {
    expect(set.credit).toMatch(/SpamAssassin public mail corpus/);
    expect(set.licence).toMatch(/PDDL-1\.0.*CC0-1\.0/);
  });
  test('both classes in both splits, a fifth held out, no subject in both splits', () => {
    for (const split of [set.train, set.test]) {
      expect(split.some(([, l]) => l === 0)).toBe(true);
      expect(split.some(([, l]) => l === 1)).toBe(true);
    }
    const share = set.test.length / (set.train.length + set.test.length);
    expect(Math.abs(share - 0.2)).toBeLessThan(0.01);
    const train = new Set(set.train.map(([s]) => s));
    expect(set.test.filter(([s]) => train.has(s))).toEqual([]);
  });
  test('every subject is plain printable ASCII of 1 to 100 characters', () => {
    for (const [s] of [...set.train, ...set.test]) expect(s).toMatch(/^[\x20-\x7e]{1,100}$/);
  });
});
