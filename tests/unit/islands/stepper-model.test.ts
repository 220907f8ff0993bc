import { describe, expect, test } from 'vitest';
import { SEED_INPUT, SEED_KERNEL } from '~/compute';
import katex from 'katex';
import {
  fillFormula,
  FORMULA_TEMPLATE_TEX,
  formulaTex,
  makeFrame,
  parseCell,
  parseSetting,
  resizeGrid,
  spokenText,
  sumText,
  termsAt,
  windowCells,
} from '~/islands/conv-stepper/model';
import { validateStepperProps } from '~/islands/conv-stepper/props';

const seed = () => SEED_INPUT.map((r) => [...r]);
const x = () => SEED_KERNEL.map((r) => [...r]);

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

  test('a setting that leaves no output is refused with a sentence', () => {
    expect(makeFrame(seed(), x(), { stride: 1, padding: 'valid', dilation: 3 })).toMatchInlineSnapshot(`
      {
        "message": "No output with these settings: the kernel height 3 (spanning 7 cells at dilation 3) is larger than the padded input height 5 (5 + 0 + 0 padding). Change the setting back, or make the input larger.",
        "ok": false,
      }
    `);
  });

  test('windowCells: dilated taps in padded coordinates', () => {
    const frame = makeFrame(seed(), x(), { stride: 2, padding: 1, dilation: 2 });
    if (!frame.ok) throw new Error(frame.message);
    // output (0, 1): rows 0, 2, 4; columns 2, 4, 6 of the 7x7 padded input
    expect([...windowCells(frame.value.plan, 1)].sort()).toEqual(
      ['0,2', '0,4', '0,6', '2,2', '2,4', '2,6', '4,2', '4,4', '4,6'].sort(),
    );
  });

  test('formulaTex fills in the numbers', () => {
    const frame = makeFrame(seed(), x(), { stride: 2, padding: 'same', dilation: 1 });
    if (!frame.ok) throw new Error(frame.message);
    expect(formulaTex(frame.value.plan)).toContain(
      String.raw`\left\lfloor \frac{5 + 1 + 1 - 1 \cdot (3 - 1) - 1}{2} \right\rfloor + 1 = 3`,
    );
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

describe('the formula template (KaTeX at build time, numbers filled in by the island)', () => {
  for (const settings of [
    { stride: 1, padding: 'valid', dilation: 1 },
    { stride: 2, padding: 'same', dilation: 1 },
    { stride: 3, padding: 2, dilation: 2 },
    { stride: 1, padding: 1, dilation: 3 },
  ] as const) {
    test(`fillFormula equals KaTeX's own rendering: stride ${settings.stride}, padding ${settings.padding}, dilation ${settings.dilation}`, () => {
      const frame = makeFrame(seed(), x(), settings);
      if (!frame.ok) throw new Error(frame.message);
      const template = katex.renderToString(FORMULA_TEMPLATE_TEX, { displayMode: true });
      expect(fillFormula(template, frame.value.plan)).toBe(
        katex.renderToString(formulaTex(frame.value.plan), { displayMode: true }),
      );
    });
  }
});
