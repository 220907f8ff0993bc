import { convolveGrid, SEED_INPUT, SEED_KERNEL, type Padding } from '../../src/compute/index.ts';
import { expect, test } from './fixtures';
import { ARTICLE_PATH, GUIDE_PATH, StepperPage } from './pages';
import { seriousViolations } from './axe';

const SEED_OUTPUT = [
  [4, 3, 4],
  [2, 4, 3],
  [2, 3, 4],
]; // worked by hand: the numbers of the article's animation

// Each test loads the article and waits for the island: slow on a busy 2-core machine, never a failure.
test.describe.configure({ timeout: 90_000 });

const close = (got: number[][], want: number[][]) => {
  expect(got.length, 'output rows').toBe(want.length);
  got.forEach((row, r) =>
    row.forEach((v, c) =>
      expect(Math.abs(v - (want[r]?.[c] ?? Number.NaN)), `output (${r}, ${c}) = ${v}`).toBeLessThanOrEqual(
        1e-3,
      ),
    ),
  );
};

test.describe('stepper, reduced motion (starts paused)', () => {
  test.use({ reducedMotion: 'reduce' });

  test('shows the article’s example: input, kernel, output [[4,3,4],[2,4,3],[2,3,4]]', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    expect(await stepper.rows('input-cell')).toEqual(SEED_INPUT.map((r) => [...r]));
    expect(await stepper.rows('kernel-cell')).toEqual(SEED_KERNEL.map((r) => [...r]));
    expect(await stepper.rows('output-cell')).toEqual(SEED_OUTPUT);
    await expect(stepper.root.getByTestId('output-shape')).toHaveText('3×3');
    await expect(stepper.root.getByTestId('play'), 'paused under reduced motion').toBeVisible();
    await expect(stepper.root.getByTestId('output-formula')).toHaveText(/=\s*3\s*$/);
    await expect(stepper.root.getByTestId('cell-formula')).toContainText('y[0,0]');
    await expect(stepper.root.locator('.katex-error')).toHaveCount(0);
    await expect(stepper.root.getByTestId('stepper-caption')).toHaveText(
      'A 3×3 kernel slides over a 5×5 input with stride 1, no padding and dilation 1, giving a 3×3 output. Showing output row 1, column 1: press Play, step, or pick any output cell.',
    );
  });

  const cases: {
    name: string;
    settings: [string, string][];
    cells?: ['input-cell' | 'kernel-cell', number, string][];
  }[] = [
    { name: 'stride 2', settings: [['stride', '2']] },
    {
      name: 'same padding, stride 2',
      settings: [
        ['padding', 'same'],
        ['stride', '2'],
      ],
    },
    {
      name: 'padding 2, kernel 2',
      settings: [
        ['padding', '2'],
        ['kernel-size', '2'],
      ],
    },
    {
      name: 'input 7, kernel 3, dilation 2, stride 2',
      settings: [
        ['input-size', '7'],
        ['dilation', '2'],
        ['stride', '2'],
      ],
    },
    {
      name: 'negatives and decimals in input and kernel, padding 1',
      settings: [['padding', '1']],
      cells: [
        ['input-cell', 0, '-2.5'],
        ['input-cell', 12, '0.25'],
        ['kernel-cell', 4, '-1'],
        ['kernel-cell', 8, '1.5'],
      ],
    },
    {
      name: 'input 9, kernel 5, same padding',
      settings: [
        ['input-size', '9'],
        ['kernel-size', '5'],
        ['padding', 'same'],
      ],
    },
    { name: 'kernel 1', settings: [['kernel-size', '1']] },
  ];

  // One page visit for all the cases (each load of the article costs seconds on a 2-core machine):
  // each case sets every size itself, so what the last one left cannot change its expectation, and
  // the expectation is computed from the grids the page shows.
  const DEFAULTS: [string, string][] = [
    ['input-size', '5'],
    ['dilation', '1'],
    ['kernel-size', '3'],
    ['stride', '1'],
    ['padding', 'valid'],
  ];
  test('edits agree with the reference, case after case', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    for (const { name, settings, cells = [] } of cases) {
      await test.step(name, async () => {
        const get = (id: string) =>
          settings.find(([k]) => k === id)?.[1] ?? DEFAULTS.find(([k]) => k === id)?.[1];
        for (const [id] of DEFAULTS) await stepper.setting(id as 'stride', get(id) ?? '');
        for (const [kind, index, text] of cells) await stepper.typeInCell(kind, index, text);
        await expect(stepper.message, `${name}: no message`).toHaveCount(0);
        const input = await stepper.rows('input-cell');
        const kernel = await stepper.rows('kernel-cell');
        const paddingText = get('padding') ?? 'valid';
        const padding: Padding =
          paddingText === 'valid' || paddingText === 'same' ? paddingText : Number(paddingText);
        const expected = convolveGrid(input, kernel, {
          stride: Number(get('stride')),
          dilation: Number(get('dilation')),
          padding,
        });
        await expect(stepper.root.getByTestId('output-shape'), name).toHaveText(
          `${expected.length}×${expected[0]?.length}`,
        );
        close(await stepper.rows('output-cell'), expected);
        // The caption follows the settings.
        await expect(stepper.root.getByTestId('stepper-caption'), name).toContainText(
          `kernel slides over a ${input.length}×${input.length} input with stride ${get('stride')}`,
        );
      });
    }
  });

  test('padding is drawn as a visible border of zeros', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    const pad = stepper.root.locator('.stepper-block--input .demo-grid__cell--fixed');
    await expect(pad).toHaveCount(0);
    await stepper.setting('padding', '1');
    // a 5x5 input with one ring of zeros: 7x7 - 25 = 24 padding cells
    await expect(pad).toHaveCount(24);
    await expect(pad.first()).toBeVisible();
    await expect(pad.first().locator('.demo-grid__value')).toHaveText('0');
  });

  test('keyboard: arrow keys move the window, and the live region reads the sum', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.cells('output-cell').first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await stepper.selected()).toBe(1);
    await expect(stepper.cells('output-cell').nth(1)).toBeFocused();
    // Window over rows 1-3, columns 2-4 of the input, worked by hand.
    await expect(stepper.announcer).toHaveText(
      'output row 1, column 2: 1 times 1 plus 1 times 0 plus 0 times 1 plus 1 times 0 plus 1 times 1 plus 1 times 0 plus 0 times 1 plus 1 times 0 plus 1 times 1 equals 3',
    );
    await expect(stepper.root.locator('.stepper-block--input .is-window')).toHaveCount(9);
    // Each window cell shows its weight and its product: row 1, column 2 of the input is 1, weight ×1 (the X's corner).
    const corner = stepper.root.locator('.stepper-block--input .is-window').first();
    await expect(corner.locator('.demo-grid__weight')).toHaveText('×1');
    await expect(corner.locator('.demo-grid__product')).toHaveText('1');
    await page.keyboard.press('ArrowDown');
    expect(await stepper.selected()).toBe(4);
    await expect(stepper.announcer).toContainText('output row 2, column 2:');
    await expect(stepper.announcer).toContainText('equals 4');
    await page.keyboard.press('End');
    expect(await stepper.selected()).toBe(8);
    await page.keyboard.press('Home');
    expect(await stepper.selected()).toBe(0);
  });

  test('every control has a label; at most 10 Tab stops, one per grid', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.openSettings();
    for (const id of ['input-size', 'kernel-size', 'stride', 'padding', 'dilation']) {
      await expect(stepper.root.getByTestId(id)).toHaveAccessibleName(/.+/);
    }
    await expect(stepper.cells('input-cell').first()).toHaveAccessibleName('Input row 1, column 1');
    await stepper.root.getByTestId('stepper-settings').locator('summary').click(); // fold them again
    const stops: string[] = [];
    await stepper.root.getByTestId('stepper-settings').locator('summary').focus();
    for (let i = 0; i < 30; i++) {
      const here = await page.evaluate(() => {
        const el = document.activeElement;
        const root = el?.closest('[data-testid="conv-stepper"]');
        return root ? (el?.getAttribute('data-testid') ?? el?.tagName.toLowerCase() ?? '') : null;
      });
      if (here === null) break;
      stops.push(here);
      await page.keyboard.press('Tab');
    }
    expect(stops.length, `Tab stops: ${stops.join(', ')}`).toBeLessThanOrEqual(10);
    for (const id of [
      'summary',
      'input-cell',
      'kernel-cell',
      'output-cell',
      'product-term',
      'play',
      'stepper-formulas',
    ]) {
      expect(stops, `${id} is reachable with Tab`).toContain(id);
    }
    expect(
      stops.filter((s) => s === 'kernel-cell'),
      'one Tab stop per grid',
    ).toHaveLength(1);
    // Inside a grid, the arrow keys move.
    await stepper.cells('kernel-cell').first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(stepper.cells('kernel-cell').nth(1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(stepper.cells('kernel-cell').nth(4)).toBeFocused();
  });

  test('touch: tapping an output cell selects it', async ({ browser }) => {
    const context = await browser.newContext({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 390, height: 800 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.cells('output-cell').nth(5).tap();
    expect(await stepper.selected()).toBe(5);
    await expect(stepper.root.getByTestId('window-sum')).toContainText('Output row 2, column 3:');
    await context.close();
  });

  test('"-", "1." and "" are drafts while typed: no message, the output marked out of date', async ({
    page,
  }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    const cell = stepper.cells('kernel-cell').first();
    const output = stepper.root.locator('.stepper-block--output');
    await cell.fill('-');
    await expect(stepper.message, 'no message for a draft').toHaveCount(0);
    await expect(output, 'the output is marked out of date').toHaveAttribute('data-stale', 'true');
    await page.keyboard.type('1');
    await expect(output).toHaveAttribute('data-stale', 'false');
    await expect(stepper.cells('output-cell').first(), 'the output follows the typing').toHaveText('2');
    await cell.fill('');
    await expect(stepper.message).toHaveCount(0);
    await cell.fill('1.');
    await expect(stepper.message).toHaveCount(0);
    await cell.press('Enter');
    await expect(cell).toHaveValue('1');
    await expect(stepper.cells('output-cell').first()).toHaveText('4');
  });

  test('a cell committed holding "abc", "", "-", "NaN", "Infinity" or "1e308" gets a sentence and goes back to its last good value', async ({
    page,
  }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    const place = () =>
      stepper.root.locator('.stepper-block--input').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return [r.left + scrollX, r.top + scrollY, r.width, r.height];
      });
    const before = await place();
    for (const text of ['abc', '', '-', 'NaN', 'Infinity', '1e308']) {
      await test.step(JSON.stringify(text), async () => {
        // A good value first, so each bad one's sentence is its own.
        await stepper.typeInCell('input-cell', 0, '1');
        await expect(stepper.message, 'a good value clears the sentence').toHaveCount(0);
        await stepper.typeInCell('input-cell', 0, text);
        await expect(stepper.message, JSON.stringify(text)).toHaveCount(1);
        await expect(stepper.message).toContainText('Input row 1, column 1 keeps 1.');
        await expect(
          stepper.cells('input-cell').first(),
          'the cell shows its last good value again',
        ).toHaveValue('1');
        expect(await stepper.rows('output-cell'), 'the output is still the last good one').toEqual(
          SEED_OUTPUT,
        );
        expect(await place(), 'the message moved nothing').toEqual(before);
      });
    }
  });

  test('messages say what is wrong, in words', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.typeInCell('kernel-cell', 0, 'abc');
    await expect(stepper.message).toHaveText(/“abc” is not a number/);
    await stepper.typeInCell('kernel-cell', 0, '1e308');
    await expect(stepper.message).toHaveText(/too large/);
    await stepper.typeInCell('kernel-cell', 0, '');
    await expect(stepper.message).toHaveText(/cannot be empty/);
  });

  test('a dilation that leaves no output is explained beside its field; the output is marked out of date', async ({
    page,
  }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.setting('dilation', '3');
    await expect(stepper.message).toHaveText(
      'With dilation 3, a 3×3 kernel spans 7 cells, more than the 5 cells of the input. Make it smaller, or add padding.',
    );
    const field = stepper.root.getByTestId('dilation');
    await expect(stepper.message.locator('xpath=..'), 'the message sits beside its field').toContainText(
      'Dilation',
    );
    expect(await stepper.rows('output-cell')).toEqual(SEED_OUTPUT);
    await expect(stepper.root.locator('.stepper-block--output')).toHaveAttribute('data-stale', 'true');
    await stepper.root.getByTestId('stride').focus();
    await expect(field, 'the reader’s value stays, marked').toHaveValue('3');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    // Padding 2 makes room: the dilation now applies.
    await stepper.setting('padding', '2');
    await expect(stepper.message).toHaveCount(0);
    await expect(stepper.root.locator('.stepper-block--output')).toHaveAttribute('data-stale', 'false');
    await expect(stepper.root.getByTestId('output-shape')).toHaveText('3×3'); // (5 + 4 − 7) / 1 + 1
  });

  test('padding offers "none (valid)", never also "0 cells"', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.openSettings();
    const options = await stepper.root.getByTestId('padding').locator('option').allTextContents();
    expect(options).toEqual(['none (valid)', 'same', '1 cell', '2 cells']);
  });

  test('a kernel larger than the input under valid padding is explained beside the padding', async ({
    page,
  }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.setting('padding', '2');
    await stepper.setting('kernel-size', '5');
    await stepper.setting('dilation', '2');
    await stepper.setting('padding', 'valid');
    await expect(stepper.message).toHaveText(
      'With dilation 2, a 5×5 kernel spans 9 cells, more than the 5 cells of the input. Make it smaller, or add padding.',
    );
    await expect(stepper.root.locator('.stepper-block--output')).toHaveAttribute('data-stale', 'true');
  });

  test('sizes outside their range are refused with a sentence', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.setting('input-size', '12');
    await expect(stepper.message).toHaveText('Input size must be a whole number from 3 to 9; “12” is not.');
    await stepper.setting('input-size', '');
    await expect(stepper.message).toHaveText('Input size is empty: type a whole number from 3 to 9.');
    await stepper.setting('input-size', '5');
    await stepper.setting('stride', '0');
    await expect(stepper.message).toHaveText('Stride must be a whole number from 1 to 3; “0” is not.');
    expect(await stepper.rows('output-cell')).toEqual(SEED_OUTPUT);
  });
});

test.describe('stepper animation', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('plays by itself, fills the output in, pauses, and steps both ways', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await expect(stepper.root.getByTestId('pause'), 'playing').toBeVisible();
    await stepper.root.getByTestId('pause').click();
    const at = await stepper.selected();
    const shown = await stepper.values('output-cell');
    shown.forEach((v, i) => {
      if (i > at) expect(Number.isNaN(v), `cell ${i} is not filled in yet`).toBe(true);
      else expect(v, `cell ${i} is filled in`).toBe(SEED_OUTPUT.flat()[i]);
    });
    if (at === 8) await stepper.root.getByTestId('step-back').click();
    const before = await stepper.selected();
    await stepper.root.getByTestId('step-forward').click();
    expect(await stepper.selected()).toBe(before + 1);
    await stepper.root.getByTestId('step-back').click();
    expect(await stepper.selected()).toBe(before);
    await expect(stepper.announcer).toContainText('equals');
  });

  test('pauses when scrolled offscreen and resumes when back', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await expect(stepper.root.getByTestId('pause')).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(stepper.root.getByTestId('play'), 'paused while offscreen').toBeAttached();
    const at = await stepper.selected();
    await page.waitForTimeout(1500);
    expect(await stepper.selected(), 'no steps while offscreen').toBe(at);
    await stepper.root.scrollIntoViewIfNeeded();
    await expect(stepper.root.getByTestId('pause'), 'playing again').toBeVisible();
  });
});

test.describe('stepper animation: what a screen reader hears', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('autoplay is not announced tick by tick; pause, step and pick are', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await expect(stepper.root.getByTestId('pause')).toBeVisible();
    const first = await stepper.selected();
    await expect.poll(() => stepper.selected(), { message: 'it steps by itself' }).not.toBe(first);
    await expect(stepper.announcer, 'nothing announced while it plays').toHaveText('');
    await expect(stepper.root.getByTestId('stepper-caption')).toContainText('Playing: now at output row');
    await expect(stepper.root.getByTestId('stepper-caption')).not.toContainText('press Play');
    await stepper.root.getByTestId('pause').click();
    await expect(stepper.announcer).toHaveText(/^Paused at output row \d, column \d: .* equals \d$/);
    await expect(stepper.root.getByTestId('stepper-caption')).toContainText('press Play');
  });
});

const SCREENS = [
  { name: 'phone 390×844', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: 'desktop 1280×800', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
];

for (const screen of SCREENS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`stepper on a ${screen.name}, ${colorScheme}`, () => {
      test.use({
        viewport: screen.viewport,
        isMobile: screen.isMobile,
        hasTouch: screen.hasTouch,
        colorScheme,
        reducedMotion: 'no-preference',
      });

      // One visit checks three things in the order a reader meets them (each load costs seconds).
      test('the grids hold still as it wakes; an edit keeps input, kernel and output in view; a symbol lights its part', async ({
        page,
      }) => {
        await page.goto(ARTICLE_PATH);
        const stepper = new StepperPage(page);
        await test.step('the grids move by at most 2 px when the stepper wakes up', async () => {
          const boxes = () =>
            stepper.root.evaluate((root) =>
              ['input', 'kernel', 'output'].map((b) => {
                const r = root
                  .querySelector(`.stepper-block--${b} .demo-grid__cells`)!
                  .getBoundingClientRect();
                return [r.left + scrollX, r.top + scrollY, r.width, r.height];
              }),
            );
          await expect(stepper.root, 'not hydrated while far below').toHaveAttribute('data-ready', 'false');
          const before = await boxes();
          await stepper.waitReady();
          await page.waitForTimeout(300);
          const after = await boxes();
          before.forEach((box, b) =>
            box.forEach((v, i) =>
              expect(
                Math.abs(v - (after[b]?.[i] ?? Number.NaN)),
                `grid ${b}, coordinate ${i}`,
              ).toBeLessThanOrEqual(2),
            ),
          );
        });

        await test.step('editing a kernel value keeps the input, kernel and output in view', async () => {
          // The reader brings the grids on screen, then edits the kernel.
          await stepper.root
            .locator('.stepper-stage')
            .evaluate((el) => el.scrollIntoView({ block: 'center' }));
          const cell = stepper.cells('kernel-cell').nth(4);
          if (screen.hasTouch) await cell.tap();
          else await cell.click();
          await page.keyboard.type('3');
          await expect(stepper.cells('output-cell').first(), 'the output follows the edit').toHaveText('6');
          const height = screen.viewport.height;
          for (const block of ['input', 'kernel', 'output']) {
            const box = await stepper.root.locator(`.stepper-block--${block}`).boundingBox();
            expect(box, `${block} is on screen`).not.toBeNull();
            expect(box!.y, `${block} top in view`).toBeGreaterThanOrEqual(0);
            expect(box!.y + box!.height, `${block} bottom in view`).toBeLessThanOrEqual(height);
            expect(box!.x + box!.width, `${block} not cut off at the right`).toBeLessThanOrEqual(
              screen.viewport.width,
            );
          }
          await page.keyboard.press('Enter');
        });

        await test.step('a formula symbol lights its part of the figure, by touch or pointer', async () => {
          const term = stepper.term('s').first();
          await term.scrollIntoViewIfNeeded();
          if (screen.hasTouch) await term.tap();
          else await term.hover();
          await expect(stepper.part('s')).toHaveClass(/is-lit/);
          const formula = stepper.root.getByTestId('stepper-formulas');
          const fits = await formula.evaluate((f) =>
            [...f.querySelectorAll<HTMLElement>('.stepper-formula__math')].every(
              (m) => m.scrollWidth <= m.clientWidth + 1 || m.classList.contains('is-scrollable'),
            ),
          );
          expect(fits, 'every formula fits, or scrolls with a visible cue').toBe(true);
        });
      });
    });
  }
}

test.describe('two steppers on one page (the authoring guide)', () => {
  test.use({ reducedMotion: 'reduce' });

  test('ids are unique, labels point inside their own stepper, and one’s edit leaves the other', async ({
    page,
  }) => {
    const first = new StepperPage(page, 0);
    const second = new StepperPage(page, 1);
    await first.open(GUIDE_PATH);
    await second.waitReady();
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicates, 'no id twice on the page').toEqual([]);
    await second.openSettings();
    const strays = await second.root.evaluate((root) =>
      [...root.querySelectorAll('label[for]')]
        .map((l) => l.getAttribute('for') ?? '')
        .filter((id) => !root.contains(document.getElementById(id))),
    );
    expect(strays, 'every label of the second stepper names a control of its own').toEqual([]);
    const secondOutput = await second.rows('output-cell');
    expect(secondOutput, 'the second starts as its props say: stride 2, same padding').toEqual(
      convolveGrid(SEED_INPUT, SEED_KERNEL, { stride: 2, padding: 'same' }),
    );
    await first.typeInCell('kernel-cell', 0, '5');
    await first.setting('stride', '1');
    await first.cells('output-cell').nth(2).click();
    expect(await second.rows('output-cell'), 'the second stepper is unchanged').toEqual(secondOutput);
    await expect(second.root.getByTestId('stride')).toHaveValue('2');
    await expect(second.root.getByTestId('padding')).toHaveValue('same');
    expect(await second.selected()).toBe(0);
    await expect(second.cells('kernel-cell').first()).toHaveValue('1');
  });
});

test.describe('the stepper’s state in the address', () => {
  test.use({ reducedMotion: 'reduce' });

  test('settings, cells and the selected cell survive a reload; Copy link reopens the same figure', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.setting('padding', 'same');
    await stepper.typeInCell('kernel-cell', 0, '-1');
    await stepper.typeInCell('input-cell', 24, '2.5');
    await stepper.cells('output-cell').nth(7).click();
    // The address is written a moment after the last change (debounced): wait for all of it, the
    // settings, the edited input cell (its last value, 2.5), the kernel's -1 and the selected cell.
    await expect
      .poll(() => decodeURIComponent(new URL(page.url()).hash), { message: 'the address holds the state' })
      .toMatch(/stepper-1=v:1~s:1~p:same~d:1~x:[^~]*,2\.5~k:-1,[^~]*~c:7(&|$)/);
    const expected = await stepper.rows('output-cell');
    await page.reload();
    await stepper.waitReady();
    expect(await stepper.rows('output-cell')).toEqual(expected);
    expect(await stepper.selected()).toBe(7);
    await expect(stepper.cells('kernel-cell').first()).toHaveValue('-1');
    await expect(stepper.cells('input-cell').nth(24)).toHaveValue('2.5');
    await stepper.openSettings();
    await expect(stepper.root.getByTestId('padding')).toHaveValue('same');
    // The output is what the reference gives for the restored numbers.
    close(
      expected,
      convolveGrid(await stepper.rows('input-cell'), await stepper.rows('kernel-cell'), { padding: 'same' }),
    );

    await stepper.root.getByTestId('copy-figure-link').click();
    await expect(stepper.message).toContainText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#stepper-1=v:1~/);
    const other = await context.newPage();
    await other.goto(link);
    const again = new StepperPage(other);
    await again.root.and(other.locator('[data-ready="true"]')).waitFor();
    const box = await again.root.boundingBox();
    const height = other.viewportSize()?.height ?? 0;
    expect(box!.y < height && box!.y + box!.height > 0, 'the link scrolled the figure into view').toBe(true);
    expect(await again.rows('output-cell')).toEqual(expected);
    expect(await again.selected()).toBe(7);
  });

  for (const [what, hash] of [
    ['malformed', '#stepper-1=%%%garbage'],
    ['stale (another version)', '#stepper-1=v:0~s:1'],
    ['unfitting (stride 9)', '#stepper-1=v:1~s:9~p:valid~d:1~x:1,1,1,1,1,1,1,1,1~k:1~c:0'],
  ]) {
    test(`a ${what} fragment gives a sentence and the usual example`, async ({ page }) => {
      const stepper = new StepperPage(page);
      await page.goto(ARTICLE_PATH + hash);
      await stepper.waitReady();
      await expect(stepper.message).toContainText(
        /^The link.*so the figure shows its usual example instead\.$/,
      );
      expect(await stepper.rows('output-cell')).toEqual(SEED_OUTPUT);
    });
  }
});

test.describe('the formula wired to the figure', () => {
  test.use({ reducedMotion: 'reduce' });
  const TERMS = ['y', 'i', 'j', 'm', 'n', 'x', 's', 'd', 'p', 'k', 'ny', 'nx', 'nk'];

  test('each symbol lights its part of the figure, and each part its symbols (pointer)', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await expect(stepper.root.getByTestId('formula-term')).not.toHaveCount(0);
    for (const term of TERMS) {
      for (const symbol of await stepper.term(term).all()) {
        await symbol.hover();
        await expect(stepper.part(term), `symbol ${term} lights its part`).toHaveClass(/is-lit/);
      }
      await page.mouse.move(0, 0);
      await expect(stepper.part(term)).not.toHaveClass(/is-lit/);
      await stepper.part(term).hover();
      await expect(stepper.term(term).first(), `part ${term} lights its symbol`).toHaveClass(/is-lit/);
      await page.mouse.move(0, 0);
    }
    // p lights the ring of padding; s the start of this window and of the next.
    await stepper.setting('padding', '1');
    await stepper.term('p').first().hover();
    await expect(stepper.root.locator('.stepper-block--input .demo-grid__cell--fixed.is-lit')).toHaveCount(
      24,
    );
    await stepper.term('s').first().hover();
    await expect(stepper.root.locator('.stepper-block--input .demo-grid__cell.is-lit')).toHaveCount(2);
  });

  test('the keyboard reaches every symbol (one Tab stop) and hears what it means', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    const formula = stepper.root.getByTestId('stepper-formulas');
    await formula.focus();
    const seen = new Set<string>();
    for (let i = 0; i < 80 && seen.size < TERMS.length; i++) {
      await page.keyboard.press('ArrowRight');
      const term = await formula.locator('.is-active').getAttribute('data-term');
      if (term === null) continue;
      seen.add(term);
      await expect(stepper.part(term), `the arrow keys light ${term}’s part`).toHaveClass(/is-lit/);
    }
    expect([...seen].sort()).toEqual([...TERMS].sort());
    await page.keyboard.press('Home');
    await expect(stepper.root.getByTestId('formula-announcer')).toHaveText('y, the output (3×3)');
    // And the other way: a kernel cell focused with the keyboard lights m and n.
    await stepper.cells('kernel-cell').first().focus();
    for (const t of ['m', 'n']) await expect(stepper.term(t).first()).toHaveClass(/is-lit/);
  });

  test('a product lights its input cell and kernel cell, and a kernel cell its product', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.cells('output-cell').nth(4).click(); // window: input rows 2–4, columns 2–4
    await stepper.root.getByTestId('product-term').nth(2).hover(); // tap (0, 2): input row 2, column 4
    const litInput = stepper.root.locator(
      '.stepper-block--input .demo-grid__cell.is-lit [data-testid="input-cell"]',
    );
    await expect(litInput).toHaveCount(1);
    await expect(litInput).toHaveAccessibleName('Input row 2, column 4');
    const litKernel = stepper.root.locator(
      '.stepper-block--kernel .demo-grid__cell.is-lit [data-testid="kernel-cell"]',
    );
    await expect(litKernel).toHaveAccessibleName('Kernel row 1, column 3');
    await stepper.cells('kernel-cell').nth(6).hover();
    await expect(
      stepper.root.locator('.stepper-products .is-lit [data-testid="product-term"]'),
    ).toHaveAccessibleName(
      '0 times 1: 0', // input row 4, column 2 is 0; the X's corner is 1
    );
  });
});

test.describe('predict, then reveal', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the next output value: a right answer, a wrong one with its products, and a plain reveal', async ({
    page,
  }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    const predict = stepper.root.locator('details.demo-predict').first();
    await predict.locator('summary').click();
    const input = predict.getByTestId('predict-input');
    await expect(input).toHaveAccessibleName('Output row 1, column 2 =');
    await input.fill('3');
    await predict.getByTestId('predict-reveal').click();
    await expect(predict.getByTestId('predict-feedback')).toHaveText(
      'Right: 1×1 + 1×0 + 0×1 + 1×0 + 1×1 + 1×0 + 0×1 + 1×0 + 1×1 = 3.',
    );
    await input.fill('7'); // the seven ones under the window, without the weights
    await predict.getByTestId('predict-reveal').click();
    await expect(predict.getByTestId('predict-feedback')).toContainText(
      'Not quite: Output row 1, column 2 is 3, the sum of these products: 1×1 + 1×0',
    );
    await expect(predict.getByTestId('predict-feedback')).toContainText(
      'multiply each by its kernel weight first',
    );
    await input.fill('');
    await expect(predict.getByTestId('predict-reveal')).toHaveText('Reveal');
    await predict.getByTestId('predict-reveal').click();
    await expect(predict.getByTestId('predict-feedback')).toContainText('Output row 1, column 2 is 3');
    expect(await stepper.rows('output-cell'), 'the demo is untouched').toEqual(SEED_OUTPUT);
  });

  test('the output size with another stride', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    const predict = stepper.root.locator('details.demo-predict').nth(1);
    await expect(predict.locator('summary')).toHaveText(
      'Predict: with stride 2 instead of 1, how many output cells along each side?',
    );
    await predict.locator('summary').click();
    await predict.getByTestId('predict-input').fill('3');
    await predict.getByTestId('predict-reveal').click();
    await expect(predict.getByTestId('predict-feedback')).toHaveText(
      'Not quite: it is 2. By the size formula, ⌊(5 + 0 + 0 − 1·(3 − 1) − 1) / 2⌋ + 1 = 2.',
    );
    await predict.getByTestId('predict-input').fill('2');
    await predict.getByTestId('predict-reveal').click();
    await expect(predict.getByTestId('predict-feedback')).toContainText('Right.');
  });
});

test('axe finds nothing serious in the stepper: settings open, a message, a symbol lit, a question open', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const stepper = new StepperPage(page);
  await stepper.open();
  await stepper.setting('dilation', '3');
  await stepper.root.locator('details.demo-predict').first().locator('summary').click();
  await stepper.term('s').first().hover();
  const serious = await seriousViolations(page, '[data-testid="conv-stepper"]');
  expect(serious).toEqual([]);
});
