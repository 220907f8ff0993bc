/**
 * The search page's client code: Pagefind's own UI over the index that `pagefind` writes into
 * dist/pagefind after the build. A `?q=` in the address searches at once, so search results can be
 * linked to, and the query typed so far is kept in the address (replaceState, no history spam).
 */
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => PagefindUIInstance;
  }
}

export function mountSearch(container: HTMLElement | null, unavailable: HTMLElement | null): void {
  if (!container) return;
  if (!window.PagefindUI) {
    if (unavailable) unavailable.hidden = false;
    return;
  }
  const ui = new window.PagefindUI({
    element: container,
    showSubResults: true,
    showImages: false,
    autofocus: true,
    resetStyles: false,
    translations: { placeholder: 'Search the posts' },
  });
  // Pagefind's box has a title but no label: give it one, so screen readers announce it.
  container.querySelector('input')?.setAttribute('aria-label', 'Search the posts');
  const query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
  container.addEventListener('input', (event) => {
    const input = event.target as HTMLInputElement;
    const url = new URL(location.href);
    if (input.value) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  });
}
