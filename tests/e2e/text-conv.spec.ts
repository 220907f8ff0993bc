/**
 * The text-convolution demo in the authoring guide (its live example: "She sells sea shells." with
 * filters made from "sh" and "ell"). Expected numbers come from src/compute's reference run here,
 * in Node, on the same text and filters: never from the page. One visit checks many things.
 */
import {
  filterFromText,
  graphemes,
  setFilterWeight,
  shownToken,
  textConv,
  tokenize,
  type TextConvSettings,
  type TextFilter,
} from '../../src/compute';
import { EMPTY_MESSAGE } from '../../src/islands/text-conv/model';
import { expect, test } from './fixtures';
import { GUIDE_PATH, settledHash, TextConvPage } from './pages';
import { seriousViolations } from './axe';

test.describe.configure({ timeout: 120_000 });

const made = (piece: string): TextFilter => {
  const m = filterFromText(piece);
  if (!m.ok) throw new Error(m.message);
  return m.filter;
};
const VALID: TextConvSettings = { stride: 1, padding: 'valid', dilation: 1 };
const reference = (text: string, filters: TextFilter[], settings = VALID) =>
  textConv(tokenize(text).keys, filters, settings).outputs.map((o) => [...o.values]);

const near = (got: number[], want: number[], what: string) => {
  expect(got.length, `${what}: as many outputs as the reference`).toBe(want.length);
  got.forEach((g, i) => expect(Math.abs(g - (want[i] ?? NaN)), `${what}, position ${i}`).toBeLessThan(1e-6));
};

/** The first position of the largest value: max-over-time's winner. */
const argmaxFirst = (values: number[]) => values.indexOf(Math.max(...values));

test('typed text, filters and settings: every shown score is the reference; winners, hard text, HTML, empty text', async ({
  page,
}) => {
  // The figure as built (no JavaScript): its scores are the reference's.
  const html = await (await page.request.get(GUIDE_PATH)).text();
  const figure = html.slice(html.indexOf('data-testid="text-conv"'));
  const built = [
    ...figure.matchAll(/data-testid="conv1d-output" data-position="\d+" data-value="([^"]+)"/g),
  ].map((m) => Number(m[1]));
  let filters = [made('sh'), made('ell')];
  near(built, reference('She sells sea shells.', filters).flat(), 'the built figure');

  const demo = new TextConvPage(page);
  await demo.open();
  for (const f of [0, 1]) {
    const shown = await demo.outputs(f);
    near(shown, reference('She sells sea shells.', filters)[f] ?? [], `live filter ${f + 1}`);
    // "sh" scores 2 at "Sh" (0) and at "sh" in shells (14): the tie goes to the first.
    expect(await demo.winner(f), `filter ${f + 1}'s winner is the first maximum`).toEqual({
      position: argmaxFirst(shown),
      value: Math.max(...shown),
    });
  }
  expect((await demo.winner(0)).position, '"Sh" ties with "sh" in shells; the first wins').toBe(0);

  // Emoji with a skin tone, a family (joiners), e + combining accent, Hebrew, and HTML: all whole, all text.
  const hard = 'ab <b>shell</b> 👋🏽👨‍👩‍👧 e\u0301 שלום';
  await demo.input.fill(hard);
  expect(await demo.tokens(), 'one token per user-perceived character').toEqual(
    graphemes(hard).map(shownToken),
  );
  await expect(demo.root.locator('b'), 'the typed <b> is shown as text, not made bold').toHaveCount(0);
  for (const f of [0, 1])
    near(await demo.outputs(f), reference(hard, filters)[f] ?? [], `filter ${f + 1} on hard text`);

  // "Make a filter that finds this": select "hell" in the box.
  const start = hard.indexOf('hell');
  await demo.selectText(start, start + 4);
  await demo.root.getByTestId('make-filter').click();
  await expect(demo.root.getByTestId('text-filter')).toHaveCount(3);
  filters = [...filters, made('hell')];
  const third = await demo.outputs(2);
  near(third, reference(hard, filters)[2] ?? [], 'the filter made from "hell"');
  expect(Math.max(...third), '"hell" finds itself with all 4 characters in place').toBe(4);

  // Edit a weight: filter 1's first cell is "s" at tap 1.
  await demo.filter(0).getByTestId('kernel-cell').first().fill('5');
  await demo.filter(0).getByTestId('kernel-cell').first().press('Enter');
  filters = [setFilterWeight(filters[0]!, 's', 0, 5), ...filters.slice(1)];
  near(await demo.outputs(0), reference(hard, filters)[0] ?? [], 'filter 1 after its "s" weight became 5');

  // Stride 2, padding same, dilation 2.
  await demo.root.getByTestId('stride-2').check();
  await demo.root.getByTestId('padding-same').check();
  await demo.root.getByTestId('dilation-2').check();
  const settings: TextConvSettings = { stride: 2, padding: 'same', dilation: 2 };
  const want = reference(hard, filters, settings);
  const before: number[][] = [];
  for (const f of [0, 1, 2]) {
    const shown = await demo.outputs(f);
    near(shown, want[f] ?? [], `filter ${f + 1}, stride 2, same, dilation 2`);
    expect((await demo.winner(f)).position).toBe(argmaxFirst(shown));
    before.push(shown);
  }

  // The address holds the figure: a reload (or a shared link) shows the same text, filters and scores.
  expect(await settledHash(page), 'the state is written to the address').toContain('textconv-1=');
  await page.reload();
  await demo.waitReady();
  await expect(demo.input).toHaveValue(hard);
  for (const f of [0, 1, 2])
    expect(await demo.outputs(f), `filter ${f + 1} after a reload`).toEqual(before[f]);

  // Empty text: a sentence, and the last good output stays.
  await demo.input.fill('');
  await expect(demo.root.getByTestId('text-message')).toHaveText(EMPTY_MESSAGE);
  for (const f of [0, 1, 2]) expect(await demo.outputs(f), 'the last good output stays').toEqual(before[f]);

  // axe in both themes: the page follows the system setting, so switching it re-colours in place.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const serious = await seriousViolations(page, '[data-testid="text-conv"]');
    expect(serious, `${colorScheme} theme`).toEqual([]);
  }
});
