/**
 * The text as the network reads it: one column per character (the token row), and under it the
 * one-hot vectors, one row per vocabulary entry, a filled dot where the column's character is that
 * row's. The columns the selected window reads are marked. Characters are text nodes, never HTML.
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
  const columns = `var(--tc-label) repeat(${tokens.length}, var(--tc-cell))`;
  return (
    <div class="tc-scroll" tabIndex={0} role="region" aria-label="Your sentence as one-hot vectors">
      <div class="tc-onehot" style={{ gridTemplateColumns: columns }}>
        <span class="tc-rowlabel tc-rowlabel--head" aria-hidden="true">
          #
        </span>
        {tokens.map((token, t) => (
          <span
            key={`t${t}`}
            class={`tc-token${window.has(t) ? ' is-window' : ''}`}
            data-testid="token"
            data-position={t}
            title={`Character ${t + 1}: ${token === ' ' ? 'a space' : token}`}
          >
            <bdi>{shownToken(token)}</bdi>
          </span>
        ))}
        {vocab.map((v, r) => [
          <span key={`l${r}`} class="tc-rowlabel" aria-hidden="true">
            <bdi>{shownToken(v)}</bdi>
          </span>,
          ...keys.map((key, t) => (
            <span
              key={`c${r}-${t}`}
              class={`tc-hot${key === v ? ' is-one' : ''}${window.has(t) ? ' is-window' : ''}`}
              aria-hidden="true"
            />
          )),
        ])}
      </div>
    </div>
  );
}
