/**
 * Which of KaTeX's font files a post's formulas draw with, so that the page can ask for exactly
 * those in its <head> (<link rel="preload">, src/layouts/PostLayout.astro). Without that, the
 * browser finds out only when it first lays the page out, draws the formulas blank (KaTeX's faces
 * are `font-display: block`), then lays the whole page out again as each font arrives: on a phone
 * that second layout is the page's longest task after its first paint (Lighthouse's Total Blocking
 * Time).
 *
 * A face is used where visible formula text (KaTeX's HTML, not its MathML copy) sits under the
 * classes that katex.css gives a font family, style or weight. The rules are katex.css's own
 * (pinned by a unit test against the installed stylesheet); where a family has no file for the
 * style asked for, the browser takes the nearest face it has, and so does `fontFile`.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';

/** The remark-plugin frontmatter field holding the font files a post's formulas use. */
export const KATEX_FONTS = 'katexFonts';

/** The faces katex/dist/fonts has, by file name without extension (pinned by a unit test). */
export const KATEX_FACES: ReadonlySet<string> = new Set([
  'AMS-Regular',
  'Caligraphic-Bold',
  'Caligraphic-Regular',
  'Fraktur-Bold',
  'Fraktur-Regular',
  'Main-Bold',
  'Main-BoldItalic',
  'Main-Italic',
  'Main-Regular',
  'Math-BoldItalic',
  'Math-Italic',
  'SansSerif-Bold',
  'SansSerif-Italic',
  'SansSerif-Regular',
  'Script-Regular',
  'Size1-Regular',
  'Size2-Regular',
  'Size3-Regular',
  'Size4-Regular',
  'Typewriter-Regular',
]);

interface Face {
  family: string;
  italic: boolean;
  bold: boolean;
}

type Change = Partial<Face>;

/** katex.css's rules that set a family, style or weight, by the class (or classes) they need. */
export const CLASS_FONTS: ReadonlyArray<readonly [classes: string[], change: Change]> = [
  [['textrm'], { family: 'Main' }],
  [['textsf'], { family: 'SansSerif' }],
  [['texttt'], { family: 'Typewriter' }],
  [['textit'], { italic: true }],
  [['textbf'], { bold: true }],
  [['mathnormal'], { family: 'Math', italic: true }],
  [['mathit'], { family: 'Main', italic: true }],
  [['mathrm'], { italic: false }],
  [['mathbf'], { family: 'Main', bold: true }],
  [['boldsymbol'], { family: 'Math', italic: true, bold: true }],
  [['amsrm'], { family: 'AMS' }],
  [['mathbb'], { family: 'AMS' }],
  [['textbb'], { family: 'AMS' }],
  [['mathcal'], { family: 'Caligraphic' }],
  [['mathfrak'], { family: 'Fraktur' }],
  [['textfrak'], { family: 'Fraktur' }],
  [['mathboldfrak'], { family: 'Fraktur', bold: true }],
  [['textboldfrak'], { family: 'Fraktur', bold: true }],
  [['mathtt'], { family: 'Typewriter' }],
  [['mathscr'], { family: 'Script' }],
  [['textscr'], { family: 'Script' }],
  [['mathsf'], { family: 'SansSerif' }],
  [['mathboldsf'], { family: 'SansSerif', bold: true }],
  [['textboldsf'], { family: 'SansSerif', bold: true }],
  [['mathitsf'], { family: 'SansSerif', italic: true }],
  [['mathsfit'], { family: 'SansSerif', italic: true }],
  [['textitsf'], { family: 'SansSerif', italic: true }],
  [['mainrm'], { family: 'Main', italic: false }],
  [['delimsizing', 'size1'], { family: 'Size1' }],
  [['delimsizing', 'size2'], { family: 'Size2' }],
  [['delimsizing', 'size3'], { family: 'Size3' }],
  [['delimsizing', 'size4'], { family: 'Size4' }],
  // `.delimsizing.mult .delim-size1 > span`: the pieces of a tall delimiter.
  [['delim-size1'], { family: 'Size1' }],
  [['delim-size4'], { family: 'Size4' }],
  [['op-symbol', 'small-op'], { family: 'Size1' }],
  [['op-symbol', 'large-op'], { family: 'Size2' }],
];

/** The file the browser draws a face with: the exact one, else the nearest face the family has. */
export function fontFile({ family, italic, bold }: Face): string {
  const name = (b: boolean, i: boolean) =>
    `${family}-${b || i ? `${b ? 'Bold' : ''}${i ? 'Italic' : ''}` : 'Regular'}`;
  const tries = [name(bold, italic), name(false, italic), name(bold, false), name(false, false)];
  tries.push(name(false, !italic), name(bold, !italic));
  return tries.find((file) => KATEX_FACES.has(file)) ?? 'Main-Regular';
}

const classesOf = (node: Element): string[] => {
  const names = node.properties['className'];
  return Array.isArray(names) ? names.map(String) : [];
};

function collect(nodes: ElementContent[], face: Face, used: Set<string>): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.value.trim() !== '') used.add(fontFile(face));
    } else if (node.type === 'element') {
      const classes = classesOf(node);
      if (classes.includes('katex-mathml')) continue;
      let inner = face;
      for (const [needs, change] of CLASS_FONTS) {
        if (needs.every((c) => classes.includes(c))) inner = { ...inner, ...change };
      }
      collect(node.children, inner, used);
    }
  }
}

/** The KaTeX font files (e.g. "Main-Regular") that the formulas in a tree draw with, sorted. */
export function katexFontsOf(tree: Root | Element): string[] {
  const used = new Set<string>();
  // Any node with children is searched: in MDX, formulas also sit inside JSX (figures, tables).
  const visit = (nodes: readonly unknown[]) => {
    for (const node of nodes as Array<{ type: string; children?: unknown[] }>) {
      if (node.type === 'element' && classesOf(node as Element).includes('katex')) {
        collect((node as Element).children, { family: 'Main', italic: false, bold: false }, used);
      } else if (Array.isArray(node.children)) visit(node.children);
    }
  };
  visit(tree.type === 'root' ? tree.children : [tree]);
  return [...used].sort();
}

export function rehypeKatexFonts() {
  return (tree: Root, file: VFile): void => {
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter[KATEX_FONTS] = katexFontsOf(tree);
  };
}

/** The font files rehypeKatexFonts left in a post's remark-plugin frontmatter ([] when none). */
export function katexFontsIn(remarkFrontmatter: Record<string, unknown> | undefined): string[] {
  const fonts = remarkFrontmatter?.[KATEX_FONTS];
  return Array.isArray(fonts) ? fonts.filter((f): f is string => KATEX_FACES.has(f)) : [];
}
