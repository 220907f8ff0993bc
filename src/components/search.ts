/**
 * The search page's client code, over the index that `pagefind` writes into dist/pagefind after
 * the build (its JavaScript API, not its ready-made UI, so results look like the site and only
 * real matches are shown: src/lib/search-match.ts). A `?q=` in the address searches at once, so
 * searches can be linked to, and the query typed so far is kept in the address (replaceState).
 */
import { BASE, sitePath } from '../lib/paths';
import { matchesQuery } from '../lib/search-match';

interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<ResultData> }[] } | null>;
}

/** Built by `pagefind` after the site, so it is loaded at run time, never bundled. */
const PAGEFIND = sitePath('/pagefind/pagefind.js');
/** Pages whose data is loaded per search (the site is small; each is a few KB). */
const CANDIDATES = 20;
const DEBOUNCE_MS = 120;

function resultItem(data: ResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  item.dataset['testid'] = 'search-result';
  const link = document.createElement('a');
  link.className = 'search-result__link';
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  const heading = document.createElement('h2');
  heading.className = 'search-result__title';
  heading.append(link);
  item.append(heading);
  if (data.meta['series']) {
    const series = document.createElement('p');
    series.className = 'search-result__series';
    series.textContent = data.meta['series'];
    item.append(series);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  // Pagefind's excerpt: the page's own text, HTML-escaped by Pagefind, with <mark> around matches.
  excerpt.innerHTML = `…${data.excerpt}…`;
  item.append(excerpt);
  return item;
}

export async function mountSearch(root: HTMLElement | null, unavailable: HTMLElement | null): Promise<void> {
  const input = root?.querySelector('input');
  const status = root?.querySelector<HTMLElement>('[data-search-status]');
  const list = root?.querySelector('ol');
  if (!root || !input || !status || !list) return;
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ PAGEFIND)) as Pagefind;
    // Pagefind also ranks by the first image's file name and alt text: a figure of a kernel in the
    // guide would count as the word "kernel" in its title. Only the words a reader reads count here.
    // baseUrl: Pagefind indexed dist/ as the root; its results' addresses go under the base.
    await pagefind.options({
      baseUrl: BASE,
      excerptLength: 24,
      ranking: { metaWeights: { image: 0, image_alt: 0 } },
    });
  } catch {
    if (unavailable) unavailable.hidden = false;
    return;
  }
  let latest = 0;
  const run = async (raw: string): Promise<void> => {
    const ticket = ++latest;
    const query = raw.trim();
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await pagefind.search(query);
    const pages = await Promise.all((search?.results ?? []).slice(0, CANDIDATES).map((r) => r.data()));
    if (ticket !== latest) return; // the reader typed on; a newer search will answer
    const found = pages.filter((page) => {
      const words = page.content.split(/\s+/);
      return matchesQuery(
        query,
        page.locations.map((i) => words[i] ?? ''),
      );
    });
    list.replaceChildren(...found.map(resultItem));
    status.textContent =
      found.length === 0
        ? `No results for “${query}”.`
        : `${found.length} ${found.length === 1 ? 'result' : 'results'} for “${query}”`;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const keepInAddress = () => {
    const url = new URL(location.href);
    if (input.value) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  };
  input.addEventListener('input', () => {
    keepInAddress();
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), DEBOUNCE_MS);
  });
  root.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });
  // What the reader typed while the index was loading (pressing "/" and typing at once), else ?q=.
  const typed = input.value;
  const query = typed || new URLSearchParams(location.search).get('q');
  if (query) {
    input.value = query;
    if (typed) keepInAddress();
    await run(query);
  }
}
