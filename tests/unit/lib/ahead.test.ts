import { expect, test } from 'vitest';
import { ahead } from '~/lib/ahead';

/** A job per key that finishes when the test says so, recording when each started. */
function controlled() {
  const started: string[] = [];
  const finish = new Map<string, (value: string) => void>();
  const fail = new Map<string, (error: Error) => void>();
  const run = (key: string) => {
    started.push(key);
    return new Promise<string>((resolve, reject) => {
      finish.set(key, resolve);
      fail.set(key, reject);
    });
  };
  return { started, finish, fail, run };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

test('ahead: starts the first `limit` jobs at once, the next as each finishes, in order', async () => {
  const { started, finish, run } = controlled();
  const jobs = ahead(['a', 'b', 'c', 'd', 'e'], run, 2);
  await tick();
  expect(started).toEqual(['a', 'b']);
  finish.get('b')?.('B');
  await tick();
  expect(started).toEqual(['a', 'b', 'c']);
  expect(await jobs.get('b')).toBe('B');
  finish.get('a')?.('A');
  finish.get('c')?.('C');
  await tick();
  expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
  expect(await jobs.get('a')).toBe('A');
});

test('ahead: asking for a key not yet started starts it at once; every job runs once', async () => {
  const { started, finish, run } = controlled();
  const jobs = ahead(['a', 'b', 'c'], run, 1);
  await tick();
  expect(started).toEqual(['a']);
  const c = jobs.get('c');
  await tick();
  expect(started).toEqual(['a', 'c']);
  finish.get('c')?.('C');
  finish.get('a')?.('A');
  expect(await c).toBe('C');
  await tick();
  expect(started, 'b next; a and c are not run again').toEqual(['a', 'c', 'b']);
  finish.get('b')?.('B');
  expect(await Promise.all(['a', 'b', 'c'].map((k) => jobs.get(k)))).toEqual(['A', 'B', 'C']);
  expect(started).toHaveLength(3);
  // A key outside the list runs when asked.
  const z = jobs.get('z');
  await tick();
  finish.get('z')?.('Z');
  expect(await z).toBe('Z');
});

test('ahead: a failed job rejects when asked for, and the others go on', async () => {
  const { started, finish, fail, run } = controlled();
  const jobs = ahead(['a', 'b', 'c'], run, 1);
  await tick();
  fail.get('a')?.(new Error('card a: no font'));
  await tick();
  expect(started).toEqual(['a', 'b']);
  finish.get('b')?.('B');
  await tick();
  finish.get('c')?.('C');
  await expect(jobs.get('a')).rejects.toThrow('card a: no font');
  expect(await jobs.get('c')).toBe('C');
});
