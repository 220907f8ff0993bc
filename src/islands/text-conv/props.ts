/**
 * The authors' props of <TextConvolution>, checked at build time: a mistake fails the build with a
 * sentence naming the prop. Pure: tested in Node.
 *
 *   <TextConvolution text="The cat sat on the mat." filters={['the', 'at']} stride={1}
 *     padding="valid" dilation={1} caption="…" />
 */
import { filterFromText, MAX_TEXT_FILTERS, tokenize } from '../../compute';
import type { TextConvInit } from './model';

/** The sentence that says what is wrong with the props, or null when they are fine. */
export function textConvPropsProblem(props: TextConvInit): string | null {
  if (props.text !== undefined && tokenize(props.text).tokens.length === 0) {
    return 'text must hold at least one character, such as text="The cat sat on the mat."';
  }
  if (props.filters !== undefined) {
    if (props.filters.length < 1 || props.filters.length > MAX_TEXT_FILTERS) {
      return `filters must list 1 to ${MAX_TEXT_FILTERS} pieces of text, such as filters={['the', 'at']}, got ${props.filters.length}`;
    }
    for (const [i, piece] of props.filters.entries()) {
      const made = filterFromText(piece);
      if (!made.ok) return `filters[${i}] ${JSON.stringify(piece)}: a filter is made from 2 to 5 characters`;
    }
  }
  return null;
}
