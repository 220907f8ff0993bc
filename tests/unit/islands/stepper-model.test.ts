import { describe, expect, test } from 'vitest';
import { SEED_INPUT, SEED_KERNEL } from '~/compute';
import katex from 'katex';
import { encodeState, readState } from '~/islands/shared/url-state';
import { STEPPER_CODEC } from '~/islands/conv-stepper/url';
import {
  describe as caption,
  fillHere,
  fillSize,
  GENERAL_TEX,
  HERE_TEMPLATE_TEX,
  hereTex,
  KATEX_OPTIONS,
  litCells,
  makeFrame,
  SIZE_TEMPLATE_TEX,
  SIZE_TEX,
  sizeTex,
  parseCell,
  parseSetting,
  resizeGrid,
  spokenText,
  sumText,
  termsAt,
  windowCells,
} from '~/islands/conv-stepper/model';
import { validateStepperProps } from '~/islands/conv-stepper/props';

const seed = (): number[][] => SEED_INPUT.map((r) => [...r]);
const x = (): number[][] => SEED_KERNEL.map((r) => [...r]);

describe('parseCell', () => {
  test.each([
    ['4', 4],
    ['-1.5', -1.5],
    ['−2', -2],
    ['0,25', 0.25],
    ['.5', 0.5],
    ['1e3', 1000],
    [' 7 ', 7],
    ['-0', 0],
  ])('%j reads as %d', (text, value) => {
    expect(parseCell(text)).toEqual({ ok: true, value });
  });
  test('bad cells get sentences', () => {
    const messages = ['abc', '', 'NaN', 'Infinity', '1e308', '1.2.3'].map((t) => {
      const r = parseCell(t);
      return r.ok ? 'accepted' : r.message;
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        "“abc” is not a number: type digits, with a minus sign or a decimal point if needed, such as -1.5.",
        "A cell cannot be empty: type a number, such as 0.",
        "“NaN” is not a number: type digits, with a minus sign or a decimal point if needed, such as -1.5.",
        "“Infinity” is not a number: type digits, with a minus sign or a decimal point if needed, such as -1.5.",
        "1e308 is too large: cell values must be between −1,000,000 and 1,000,000.",
        "“1.2.3” is not a number: type digits, with a minus sign or a decimal point if needed, such as -1.5.",
      ]
    `);
  });
});

test('parseSetting keeps each setting in its range', () => {
  expect(parseSetting('inputSize', '9')).toEqual({ ok: true, value: 9 });
  expect(parseSetting('kernelSize', '6')).toEqual({
    ok: false,
    message: 'Kernel size must be a whole number from 1 to 5; “6” is not.',
  });
  expect(parseSetting('stride', '1.5').ok).toBe(false);
});

test('resizeGrid keeps the top-left values and fills with zeros', () => {
  expect(
    resizeGrid(
      [
        [1, 2],
        [3, 4],
      ],
      3,
    ),
  ).toEqual([
    [1, 2, 0],
    [3, 4, 0],
    [0, 0, 0],
  ]);
  expect(resizeGrid(seed(), 3)).toEqual([
    [1, 1, 1],
    [0, 1, 1],
    [0, 0, 1],
  ]);
});

describe('frames', () => {
  test('the article example', () => {
    const frame = makeFrame(seed(), x(), { stride: 1, padding: 'valid', dilation: 1 });
    if (!frame.ok) throw new Error(frame.message);
    expect(frame.value.output).toEqual([
      [4, 3, 4],
      [2, 4, 3],
      [2, 3, 4],
    ]);
    const terms = termsAt(frame.value, 1);
    expect(sumText(terms, 3)).toBe('1×1 + 1×0 + 0×1 + 1×0 + 1×1 + 1×0 + 0×1 + 1×0 + 1×1 = 3');
    expect(spokenText(terms, 0, 1, 3)).toBe(
      'output row 1, column 2: 1 times 1 plus 1 times 0 plus 0 times 1 plus 1 times 0 plus 1 times 1 plus 1 times 0 plus 0 times 1 plus 1 times 0 plus 1 times 1 equals 3',
    );
  });

  test('a setting that leaves no output is refused with a sentence in plain words', () => {
    const refused = (settings: Parameters<typeof makeFrame>[2], input = seed()) => {
      const frame = makeFrame(input, x(), settings);
      return frame.ok ? 'accepted' : frame.message;
    };
    expect(refused({ stride: 1, padding: 'valid', dilation: 3 })).toBe(
      'With dilation 3, a 3×3 kernel spans 7 cells, more than the 5 cells of the input.',
    );
    expect(refused({ stride: 1, padding: 1, dilation: 4 })).toBe(
      'With dilation 4, a 3×3 kernel spans 9 cells, more than the 7 cells of the padded input.',
    );
    expect(refused({ stride: 1, padding: 'valid', dilation: 1 }, resizeGrid(seed(), 2))).toBe(
      'A 3×3 kernel spans 3 cells, more than the 2 cells of the input.',
    );
  });

  test('windowCells: dilated taps in padded coordinates', () => {
    const frame = makeFrame(seed(), x(), { stride: 2, padding: 1, dilation: 2 });
    if (!frame.ok) throw new Error(frame.message);
    // output (0, 1): rows 0, 2, 4; columns 2, 4, 6 of the 7x7 padded input
    expect([...windowCells(frame.value.plan, 1)].sort()).toEqual(
      ['0,2', '0,4', '0,6', '2,2', '2,4', '2,6', '4,2', '4,4', '4,6'].sort(),
    );
  });

  test('the filled-in formulas carry this window’s numbers', () => {
    const frame = makeFrame(seed(), x(), { stride: 2, padding: 'same', dilation: 1 });
    if (!frame.ok) throw new Error(frame.message);
    const plain = (tex: string) => tex.replace(/\\htmlData\{[^}]*\}\{([^}]*)\}/g, '$1');
    expect(plain(sizeTex(frame.value.plan))).toBe(
      String.raw`\left\lfloor \frac{5 + 1 + 1 - 1\,(3 - 1) - 1}{2} \right\rfloor + 1 = 3`,
    );
    // output (1, 2) of the 3×3 output: x[2·1 + 1·m − 1, 2·2 + 1·n − 1]
    expect(plain(hereTex(frame.value.plan, 5))).toBe(
      String.raw`y[1,2] = \sum_{m=0}^{2} \sum_{n=0}^{2} x[2\cdot 1 + 1\cdot m - 1,\ 2\cdot 2 + 1\cdot n - 1]\,k[m,n]`,
    );
  });

  test('the caption states the settings and never says Play while playing', () => {
    const frame = makeFrame(resizeGrid(seed(), 9), resizeGrid(x(), 5), {
      stride: 2,
      padding: 'same',
      dilation: 1,
    });
    if (!frame.ok) throw new Error(frame.message);
    expect(caption(frame.value, 1, true)).toBe(
      'A 5×5 kernel slides over a 9×9 input with stride 2, “same” padding (2 before, 2 after) and dilation 1, giving a 5×5 output. Playing: now at output row 1, column 2.',
    );
    expect(caption(frame.value, 0, false)).toMatch(/Showing output row 1, column 1: press Play/);
  });

  test('lit symbols light their cells: s the next window, p the ring, d the gaps', () => {
    const frame = makeFrame(seed(), x(), { stride: 1, padding: 1, dilation: 2 });
    if (!frame.ok) throw new Error(frame.message);
    // padded input 7×7; output 3×3; the window of output 0 covers padded rows/cols 0..4, taps at 0, 2, 4
    const at = (r: number, c: number) => r * 7 + c;
    const lit = (terms: string[], tap = 4) => litCells(frame.value, 0, new Set(terms), tap);
    expect([...lit(['s']).input].sort((a, b) => a - b)).toEqual([at(0, 0), at(0, 1)]);
    expect(lit(['p']).input.size).toBe(7 * 7 - 5 * 5);
    expect(lit(['d']).input.size).toBe(5 * 5 - 9);
    expect(lit(['d']).input.has(at(1, 1))).toBe(true);
    expect(lit(['d']).input.has(at(2, 2))).toBe(false);
    // m, n: the centre tap (1, 1) reads padded (2, 2); its kernel cell and product light
    expect(lit(['m', 'n'])).toEqual({
      input: new Set([at(2, 2)]),
      kernel: new Set([4]),
      output: new Set(),
      products: new Set([4]),
    });
    expect(lit(['i', 'j']).output).toEqual(new Set([0]));
  });
});

describe('the stepper’s state in the address', () => {
  test('round trip: stride 2, same padding, a negative and a decimal, cell 3', () => {
    const input = seed();
    input[0]![0] = -2.5;
    const state = {
      input,
      kernel: x(),
      settings: { stride: 2, padding: 'same' as const, dilation: 1 },
      selected: 3,
    };
    const hash = `#stepper-2=${encodeState(STEPPER_CODEC, state)}`;
    expect(hash).toBe(
      '#stepper-2=v:1~s:2~p:same~d:1~x:-2.5,1,1,0,0,0,1,1,1,0,0,0,1,1,1,0,0,1,1,0,0,1,1,0,0~k:1,0,1,0,1,0,1,0,1~c:3',
    );
    expect(readState(hash, 'stepper-2', STEPPER_CODEC)).toEqual({ kind: 'ok', state });
  });

  test.each([
    ['#stepper-1=v:1~s:2~p:same~d:1~x:1,2,3~k:1~c:0', 'the input must be a square of 3×3 to 9×9 numbers.'],
    [
      '#stepper-1=v:1~s:9~p:valid~d:1~x:1,1,1,1,1,1,1,1,1~k:1~c:0',
      'Stride must be a whole number from 1 to 3; “9” is not.',
    ],
    [
      '#stepper-1=v:1~s:1~p:valid~d:3~x:1,1,1,1,1,1,1,1,1~k:1,1,1,1,1,1,1,1,1~c:0',
      'With dilation 3, a 3×3 kernel spans 7 cells, more than the 3 cells of the input.',
    ],
    [
      '#stepper-1=v:1~s:1~p:valid~d:1~x:1,1,1,1,1,1,1,1,1~k:1~c:9',
      'there is no output cell 9 in a 9-cell output.',
    ],
    [
      '#stepper-1=v:1~s:1~p:valid~d:1~x:1,1,a,1,1,1,1,1,1~k:1~c:0',
      'the input holds “a”, which is not a number.',
    ],
  ])('%s is refused: %s', (hash, why) => {
    expect(readState(hash, 'stepper-1', STEPPER_CODEC)).toEqual({
      kind: 'problem',
      message: `The link does not fit this figure: ${why} so the figure shows its usual example instead.`,
    });
  });
});

describe('validateStepperProps (an author’s mistakes fail the build)', () => {
  test('defaults are valid', () => {
    expect(validateStepperProps({})).toBeNull();
  });
  test.each([
    [{ input: [[1, 2]] }, 'input must be a square grid of 3 to 9 rows, such as [[1, 0], [0, 1]].'],
    [
      {
        input: [
          [1, 2, 3],
          [1, 2],
          [1, 2, 3],
        ],
      },
      'input row 2 has 2 values; a 3-row grid needs 3 in every row.',
    ],
    [
      { kernel: [[Number.NaN]] },
      'kernel row 1 holds NaN; values must be finite numbers between −1000000 and 1000000.',
    ],
    [{ stride: 4 }, 'stride must be a whole number from 1 to 3, got 4.'],
    [{ padding: 'full' as 'same' }, `padding must be 'valid', 'same', 0, 1 or 2, got "full".`],
  ])('%j', (props, message) => {
    expect(validateStepperProps(props)).toBe(message);
  });
});

describe('the formula templates (KaTeX at build time, numbers filled in by the island)', () => {
  const render = (tex: string) => katex.renderToString(tex, KATEX_OPTIONS);
  for (const [settings, selected] of [
    [{ stride: 1, padding: 'valid', dilation: 1 }, 0],
    [{ stride: 2, padding: 'same', dilation: 1 }, 5],
    [{ stride: 3, padding: 2, dilation: 2 }, 3],
    [{ stride: 1, padding: 1, dilation: 3 }, 0],
  ] as const) {
    test(`filled templates equal KaTeX's own rendering: stride ${settings.stride}, padding ${settings.padding}, dilation ${settings.dilation}, cell ${selected}`, () => {
      const frame = makeFrame(seed(), x(), settings);
      if (!frame.ok) throw new Error(frame.message);
      const plan = frame.value.plan;
      expect(fillSize(render(SIZE_TEMPLATE_TEX), plan)).toBe(render(sizeTex(plan)));
      expect(fillHere(render(HERE_TEMPLATE_TEX), plan, selected)).toBe(render(hereTex(plan, selected)));
    });
  }

  test('every symbol is a formula-term with its data-term, and nothing but \\htmlData is trusted', () => {
    const html = render(GENERAL_TEX) + render(SIZE_TEX);
    const terms = new Set(
      [...html.matchAll(/data-testid="formula-term" data-term="(\w+)"/g)].map((m) => m[1]),
    );
    expect([...terms].sort()).toEqual(['d', 'i', 'j', 'k', 'm', 'n', 'nk', 'nx', 'ny', 'p', 's', 'x', 'y']);
    expect(katex.renderToString(String.raw`\href{https://example.com}{x}`, KATEX_OPTIONS)).not.toContain(
      '<a',
    );
  });
});
