/**
 * The text as the network reads it: one column per character (the token row), and under it the
 * one-hot vectors, one row per vocabulary entry, a dot where the column's character is that row's.
 * The columns the selected window reads are marked. Drawn with one dot per token on a ruled
 * background (not one element per cell), so a keystroke redraws a few hundred elements, not
 * thousands. Characters are text nodes, never HTML; each cell isolates its direction (CSS
 * unicode-bidi: isolate, as <bdi> would), so a Hebrew letter never reorders its neighbours.
 */
import { shownToken } from '../../compute';

export interface TokenGridProps {
  tokens: readonly string[];
  keys: readonly string[];
  vocab: readonly string[];
  /** Token positions under the selected window. */
  window: ReadonlySet<number>;
}

export function TokenGrid({ tokens, keys, vocab, window }: TokenGridProps) {
  const row = new Map(vocab.map((v, i) => [v, i]));
  const style = {
    gridTemplateColumns: `var(--tc-label) repeat(${tokens.length}, var(--tc-cell))`,
    gridTemplateRows: `repeat(${vocab.length + 1}, var(--tc-cell))`,
  };
  return (
    <div class="tc-scroll" tabIndex={0} role="region" aria-label="Your sentence as one-hot vectors">
      <div class="tc-onehot" style={style}>
        <span
          class="tc-rules"
          style={{ gridRow: `2 / ${vocab.length + 2}`, gridColumn: `2 / ${tokens.length + 2}` }}
        />
        {[...window].map((t) => (
          <span
            key={`w${t}`}
            class="tc-window"
            style={{ gridColumn: t + 2, gridRow: `2 / ${vocab.length + 2}` }}
          />
        ))}
        {tokens.map((token, t) => (
          <span
            key={`t${t}`}
            class={`tc-token${window.has(t) ? ' is-window' : ''}`}
            style={{ gridColumn: t + 2, gridRow: 1 }}
            data-testid="token"
            data-position={t}
            title={`Character ${t + 1}: ${token === ' ' ? 'a space' : token}`}
          >
            {shownToken(token)}
          </span>
        ))}
        {vocab.map((v, r) => (
          <span
            key={`l${r}`}
            class="tc-rowlabel"
            style={{ gridColumn: 1, gridRow: r + 2 }}
            aria-hidden="true"
          >
            {shownToken(v)}
          </span>
        ))}
        {keys.map((key, t) => (
          <span
            key={`d${t}`}
            class="tc-dot"
            style={{ gridColumn: t + 2, gridRow: (row.get(key) ?? 0) + 2 }}
            aria-hidden="true"
          />
        ))}
      </div>
    </div>
  );
}
