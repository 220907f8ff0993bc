/**
 * Demo props written as literals are checked while the post compiles (file and line in the error);
 * every demo element gets its location for the wrapper's own check.
 */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { remarkDemoProps } from '~/lib/remark-demo-props';

function run(mdx: string): Root {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkDemoProps);
  const file = new VFile({ value: mdx, path: '/site/content/posts/p/index.mdx', cwd: '/site' });
  return processor.runSync(processor.parse(file), file) as Root;
}

describe('remark-demo-props', () => {
  test('a wrong literal prop stops the compile at the post’s line', () => {
    expect(() => run('Text.\n\n<ConvolutionStepper stride={7} />\n')).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/p/index.mdx:3: <ConvolutionStepper>: stride must be a whole number from 1 to 3, got 7.]`,
    );
  });

  test('grids, negative numbers, strings and objects are read as written', () => {
    expect(() =>
      run(
        '<ConvolutionFigure input={[[1, -2, 3], [4, 5, 6], [7, 8, 9]]} kernel={[[1, 0], [0, -1]]} padding="same" credit={{ text: "a", href: "https://x" }} />\n',
      ),
    ).not.toThrow();
    expect(() =>
      run('<ConvolutionFigure input={[[1, 2], [3, "x"]]} />\n'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/p/index.mdx:1: <ConvolutionFigure>: input must hold numbers only.]`,
    );
  });

  test('every wrong demo of the file is named in one error', () => {
    expect(() => run('<KernelPlayground preset="blurry" />\n\n<ConvolutionStepper dilation={0} />\n'))
      .toThrowErrorMatchingInlineSnapshot(`
      [Error: 2 demos with wrong props in content/posts/p/index.mdx:
      content/posts/p/index.mdx:1: <KernelPlayground>: there is no preset "blurry"; use one of identity, box-blur-3, box-blur-5, gaussian-3, gaussian-5, sharpen, outline, sobel-x, sobel-y, emboss, seed-x.
      content/posts/p/index.mdx:3: <ConvolutionStepper>: dilation must be a whole number from 1 to 3, got 0.]
    `);
  });

  test('computed props are left to the wrapper, which gets the location; other components are untouched', () => {
    const tree = run('<ConvolutionStepper kernel={myKernel} />\n\n<Figure src="a" />\n');
    const [stepper, figure] = tree.children as MdxJsxFlowElement[];
    expect(stepper?.attributes.at(-1)).toEqual({
      type: 'mdxJsxAttribute',
      name: '__where',
      value: 'content/posts/p/index.mdx:1',
    });
    expect(figure?.attributes.map((a) => (a.type === 'mdxJsxAttribute' ? a.name : ''))).toEqual(['src']);
  });
});
