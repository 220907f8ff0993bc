import { convolveGrid, SEED_INPUT, SEED_KERNEL, type Padding } from '../../src/compute/index.ts';
import { expect, test } from './fixtures';
import { StepperPage } from './pages';

const SEED_OUTPUT = [
  [4, 3, 4],
  [2, 4, 3],
  [2, 3, 4],
]; // worked by hand: the numbers of the article's animation

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
    await expect(stepper.root.getByTestId('output-formula')).toContainText('= 3');
    await expect(stepper.root.locator('.katex-error')).toHaveCount(0);
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

  for (const { name, settings, cells = [] } of cases) {
    test(`edits agree with the reference: ${name}`, async ({ page }) => {
      const stepper = new StepperPage(page);
      await stepper.open();
      for (const [id, value] of settings) await stepper.setting(id as 'stride', value);
      for (const [kind, index, text] of cells) await stepper.typeInCell(kind, index, text);
      await expect(stepper.message).toHaveText('');
      const input = await stepper.rows('input-cell');
      const kernel = await stepper.rows('kernel-cell');
      const get = (id: string) => settings.find(([k]) => k === id)?.[1];
      const paddingText = get('padding') ?? 'valid';
      const padding: Padding =
        paddingText === 'valid' || paddingText === 'same' ? paddingText : Number(paddingText);
      const expected = convolveGrid(input, kernel, {
        stride: Number(get('stride') ?? 1),
        dilation: Number(get('dilation') ?? 1),
        padding,
      });
      await expect(stepper.root.getByTestId('output-shape')).toHaveText(
        `${expected.length}×${expected[0]?.length}`,
      );
      close(await stepper.rows('output-cell'), expected);
    });
  }

  test('padding is drawn as a visible border of zeros', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await expect(stepper.root.locator('.cell--pad')).toHaveCount(0);
    await stepper.setting('padding', '1');
    // a 5x5 input with one ring of zeros: 7x7 - 25 = 24 padding cells
    await expect(stepper.root.locator('.cell--pad')).toHaveCount(24);
    await expect(stepper.root.locator('.cell--pad').first()).toBeVisible();
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
    await expect(stepper.root.locator('input.is-window')).toHaveCount(9);
    await page.keyboard.press('ArrowDown');
    expect(await stepper.selected()).toBe(4);
    await expect(stepper.announcer).toContainText('output row 2, column 2:');
    await expect(stepper.announcer).toContainText('equals 4');
    await page.keyboard.press('End');
    expect(await stepper.selected()).toBe(8);
    await page.keyboard.press('Home');
    expect(await stepper.selected()).toBe(0);
  });

  test('every control is reachable with Tab and has a label', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    for (const id of ['input-size', 'kernel-size', 'stride', 'padding', 'dilation']) {
      await expect(stepper.root.getByTestId(id)).toHaveAccessibleName(/.+/);
    }
    await expect(stepper.cells('input-cell').first()).toHaveAccessibleName('Input row 1, column 1');
    await stepper.root.getByTestId('input-size').focus();
    const visited = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
      visited.add(id);
    }
    for (const id of [
      'kernel-size',
      'stride',
      'padding',
      'dilation',
      'input-cell',
      'kernel-cell',
      'output-cell',
      'play',
      'speed',
    ]) {
      expect(visited.has(id), `${id} is reachable with Tab`).toBe(true);
    }
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

  const badCells = ['abc', '', 'NaN', 'Infinity', '1e308'];
  for (const text of badCells) {
    test(`a cell holding ${JSON.stringify(text)} gets a sentence and the last good state stays`, async ({
      page,
    }) => {
      const stepper = new StepperPage(page);
      await stepper.open();
      await stepper.typeInCell('input-cell', 0, text);
      await expect(stepper.message).not.toHaveText('');
      await expect(stepper.cells('input-cell').first()).toHaveAttribute('aria-invalid', 'true');
      expect(await stepper.rows('output-cell'), 'the output is still the last good one').toEqual(SEED_OUTPUT);
      await stepper.cells('kernel-cell').first().focus();
      await expect(
        stepper.cells('input-cell').first(),
        'the cell shows its last good value again',
      ).toHaveValue('1');
    });
  }

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

  test('a dilation that leaves no output is refused with a sentence; the last good state stays', async ({
    page,
  }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.setting('dilation', '3');
    await expect(stepper.message).toHaveText(/No output with these settings/);
    expect(await stepper.rows('output-cell')).toEqual(SEED_OUTPUT);
    await stepper.root.getByTestId('stride').focus();
    await expect(stepper.root.getByTestId('dilation')).toHaveValue('1');
  });

  test('a kernel larger than the input under valid padding is refused; the select goes back', async ({
    page,
  }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.setting('padding', '2');
    await stepper.setting('kernel-size', '5');
    await stepper.setting('dilation', '2');
    await stepper.setting('padding', 'valid');
    await expect(stepper.message).toHaveText(/No output with these settings/);
    await expect(stepper.root.getByTestId('padding')).toHaveValue('2');
  });

  test('sizes outside their range are refused with a sentence', async ({ page }) => {
    const stepper = new StepperPage(page);
    await stepper.open();
    await stepper.setting('input-size', '12');
    await expect(stepper.message).toHaveText('Input size must be a whole number from 3 to 9; “12” is not.');
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
