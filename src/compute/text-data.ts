/**
 * The text corpus of the text-classifier demo: e-mail subject lines of the SpamAssassin public
 * corpus, each labelled ham (wanted mail) or spam. scripts/data-text.ts reads the raw messages with
 * `subjectOf` and writes public/data/text/subjects.json; `parseSubjects` checks that file when a
 * page (or a test) reads it. Pure: tested in Node.
 */

export const TEXT_CLASSES = ['ham', 'spam'] as const;
export type TextClass = (typeof TEXT_CLASSES)[number];

/** A subject is kept only if it is plain printable ASCII (no encoded words, no raw 8-bit bytes) and this long at most. */
export const SUBJECT_MAX = 100;

/**
 * The Subject header of a raw e-mail (folded lines unfolded, spaces collapsed), or null when there
 * is none, it is empty, it is longer than SUBJECT_MAX, or it is not plain printable ASCII.
 */
export function subjectOf(raw: string): string | null {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end < 0 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^Subject:[ \t]*(.*)$/im.exec(head);
  if (match === null) return null;
  const subject = (match[1] ?? '').replace(/\s+/g, ' ').trim();
  if (subject === '' || subject.length > SUBJECT_MAX) return null;
  if (!/^[\x20-\x7e]+$/.test(subject) || subject.includes('=?')) return null;
  return subject;
}

export interface SubjectSet {
  readonly credit: string;
  readonly licence: string;
  /** [subject, 0 = ham | 1 = spam] */
  readonly train: readonly (readonly [string, 0 | 1])[];
  readonly test: readonly (readonly [string, 0 | 1])[];
}

/** The committed file, checked: a sentence naming what is wrong otherwise. */
export function parseSubjects(json: unknown): SubjectSet {
  const bad = (why: string) => new Error(`subjects.json: ${why}`);
  if (typeof json !== 'object' || json === null) throw bad('not an object');
  const o = json as Record<string, unknown>;
  if (typeof o.credit !== 'string' || typeof o.licence !== 'string')
    throw bad('credit and licence must be text');
  const split = (name: 'train' | 'test') => {
    const rows = o[name];
    if (!Array.isArray(rows)) throw bad(`${name} must be a list`);
    rows.forEach((r, i) => {
      if (!Array.isArray(r) || typeof r[0] !== 'string' || (r[1] !== 0 && r[1] !== 1)) {
        throw bad(`${name}[${i}] must be [subject, 0 or 1]`);
      }
    });
    return rows as [string, 0 | 1][];
  };
  return { credit: o.credit, licence: o.licence, train: split('train'), test: split('test') };
}
