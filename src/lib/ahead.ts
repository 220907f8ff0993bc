/**
 * Work started ahead of when it is asked for, a few jobs at a time: the build asks for each post's
 * social card in turn, and a card is mostly waiting for sharp (which rasterises on its own
 * threads), so while one card is rasterised the next can be laid out. Pure; tested in
 * tests/unit/lib/ahead.test.ts.
 */
export interface Ahead<K, V> {
  /** The job's result: started now if it was not started yet. */
  get(key: K): Promise<V>;
}

/**
 * Runs `run` for every key, in order, with at most `limit` jobs under way at once. A job that fails
 * rejects only when it is asked for (never as an unhandled rejection); a key not in `keys` runs when
 * asked.
 */
export function ahead<K, V>(keys: readonly K[], run: (key: K) => Promise<V>, limit: number): Ahead<K, V> {
  const jobs = new Map<K, Promise<V>>();
  const waiting = [...keys];
  let running = 0;
  const start = (key: K): Promise<V> => {
    const known = jobs.get(key);
    if (known !== undefined) return known;
    running += 1;
    const job = Promise.resolve()
      .then(() => run(key))
      .finally(() => {
        running -= 1;
        next();
      });
    job.catch(() => undefined); // reported to whoever asks for it
    jobs.set(key, job);
    return job;
  };
  const next = (): void => {
    while (running < limit && waiting.length > 0) {
      const key = waiting.shift() as K;
      if (!jobs.has(key)) start(key);
    }
  };
  next();
  return { get: (key) => start(key) };
}
