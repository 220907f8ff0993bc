import { describe, expect, test } from 'vitest';
import {
  decodeFields,
  encodeFields,
  encodeState,
  parseFragment,
  readState,
  setFragmentState,
  type UrlCodec,
} from '~/islands/shared/url-state';

interface Demo {
  stride: number;
  cells: number[];
}

/** A small codec, as a demo would write one: stride 1–3 and a list of numbers. */
const codec: UrlCodec<Demo> = {
  version: 2,
  encode: (s) => ({ s: String(s.stride), x: s.cells.join(',') }),
  decode: (f) => {
    const stride = Number(f.s);
    if (![1, 2, 3].includes(stride)) return { ok: false, message: `stride “${f.s}” is not 1, 2 or 3.` };
    const cells = (f.x ?? '').split(',').map(Number);
    if (cells.some((v) => !Number.isFinite(v))) return { ok: false, message: 'a cell is not a number.' };
    return { ok: true, value: { stride, cells } };
  },
};

describe('the fragment format: #anchor&key=fields&key=fields', () => {
  test('an ordinary anchor and two demos coexist', () => {
    const f = parseFragment('#the-stepper&stepper-1=v:1~s:2&stepper-2=v:1~s:3');
    expect(f.anchor).toBe('the-stepper');
    expect([...f.states]).toEqual([
      ['stepper-1', 'v:1~s:2'],
      ['stepper-2', 'v:1~s:3'],
    ]);
  });

  test('setting one demo’s state keeps the anchor and the other demo', () => {
    expect(setFragmentState('#intro&stepper-1=v:1~s:2', 'stepper-2', 'v:1~s:1')).toBe(
      '#intro&stepper-1=v:1~s:2&stepper-2=v:1~s:1',
    );
    expect(setFragmentState('#intro&stepper-1=v:1~s:2', 'stepper-1', null)).toBe('#intro');
    expect(setFragmentState('', 'stepper-1', null)).toBe('');
    expect(setFragmentState('#', 'stepper-1', 'v:1')).toBe('#stepper-1=v:1');
  });

  test('fields round-trip, with characters outside [A-Za-z0-9.,_-] escaped', () => {
    const fields = { p: 'same', x: '1,-2.5,0', t: 'a~b:c&d=e f' };
    const text = encodeFields(fields);
    expect(text).toBe('p:same~x:1,-2.5,0~t:a%7Eb%3Ac%26d%3De%20f');
    expect(decodeFields(text)).toEqual(fields);
  });

  test('a character outside the Basic Multilingual Plane (an emoji) is escaped whole, never split', () => {
    // U+1F600 is two UTF-16 units; its UTF-8 bytes are F0 9F 98 80.
    const fields = { t: 'a😀b' };
    expect(encodeFields(fields)).toBe('t:a%F0%9F%98%80b');
    expect(decodeFields(encodeFields(fields))).toEqual(fields);
  });

  test('a state round-trips through the address', () => {
    const state = { stride: 2, cells: [1, 0, -1.5] };
    const hash = setFragmentState('#intro', 'stepper-1', encodeState(codec, state));
    expect(hash).toBe('#intro&stepper-1=v:2~s:2~x:1,0,-1.5');
    expect(readState(hash, 'stepper-1', codec)).toEqual({ kind: 'ok', state });
    expect(readState(hash, 'stepper-2', codec)).toEqual({ kind: 'absent' });
  });

  test('malformed, stale or unfitting states give a sentence, never a throw', () => {
    const read = (hash: string) => {
      const r = readState(hash, 'stepper-1', codec);
      return r.kind === 'problem' ? r.message : r.kind;
    };
    expect(read('#stepper-1=garbage')).toBe(
      'The link’s settings for this figure could not be read, so the figure shows its usual example instead.',
    );
    expect(read('#stepper-1=v:2~s:%E0%A4%A')).toMatch(/could not be read/);
    expect(read('#stepper-1=v:1~s:2~x:1')).toBe(
      'The link was made for another version of this figure, so the figure shows its usual example instead.',
    );
    expect(read('#stepper-1=v:2~s:7~x:1')).toBe(
      'The link does not fit this figure: stride “7” is not 1, 2 or 3. so the figure shows its usual example instead.',
    );
  });
});
