/**
 * The filters of the text classifier: for each, the n-gram it picked in the reader's subject, how
 * far that moved the spam score, and its top n-grams over the training subjects. Sorted by how much
 * they pushed; the first few shown, the rest behind a button.
 */
import { useState } from 'preact/hooks';
import { formatNumber } from '../shared/format';
import { signed } from './format';
import type { FilterView } from './model';

const SHOWN = 6;

export function Filters({ filters }: { filters: readonly FilterView[] }) {
  const [all, setAll] = useState(false);
  const sorted = [...filters].sort((a, b) => Math.abs(b.push) - Math.abs(a.push) || a.index - b.index);
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  return (
    <div class="tx-filters">
      <h3 class="tx-heading">Filters, by how far they moved the spam score</h3>
      <ol class="tx-filter-list">
        {shown.map((f) => (
          <li class="tx-filter" data-testid="filter-pick" data-filter={f.index} data-value={f.pooled}>
            <span class="tx-filter__name">
              filter {f.index + 1} (width {f.width})
            </span>
            <span class="tx-filter__pick">
              {f.pooled > 0 ? (
                <>
                  picked “<b>{f.pick || '(padding)'}</b>”, score{' '}
                  {formatNumber(Math.round(f.pooled * 100) / 100)}
                </>
              ) : (
                <>silent (best window below 0)</>
              )}
            </span>
            <span class={`tx-push ${f.push > 0 ? 'is-spam' : f.push < 0 ? 'is-ham' : ''}`}>
              {signed(f.push)}
            </span>
            <span class="tx-filter__top" data-testid="ngram-top">
              fires most on: {f.top.map((n) => `“${n.text}”`).join(', ') || '—'}
            </span>
          </li>
        ))}
      </ol>
      {filters.length > SHOWN && (
        <button type="button" class="demo-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show the top ${SHOWN}` : `Show all ${filters.length} filters`}
        </button>
      )}
    </div>
  );
}
