/**
 * Open Graph / Twitter card images (1200x630 PNG), drawn at build time: satori lays out a tree of
 * plain `{ type, props }` elements into an SVG (text as paths), sharp rasterises it. No JSX, no
 * network, no external images: the fonts come from the @fontsource packages.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori, { type Font } from 'satori';
import sharp from 'sharp';

export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;

export interface SocialImageInput {
  title: string;
  /** A short label above the title, e.g. a series or section name. */
  kicker?: string;
  /** A line under the title (the site-wide image uses the site description). */
  subtitle?: string;
  /** Already formatted, e.g. "January 11, 2017". */
  date?: string;
  tags?: string[];
  siteTitle: string;
  /** e.g. "convolutions.example.org" */
  siteUrlHost: string;
}

// The site's light palette (src/styles/global.css).
const C = {
  bg: '#fdfcf9',
  fg: '#1f2328',
  muted: '#5b6169',
  accent: '#0b57d0',
  accentSoft: '#e8f0fe',
  rule: '#e3e1db',
  window: '#fde68a',
  windowEdge: '#b45309',
};

// ---- Fonts: read once per process, shared by every image. ----

// Each face loads three of fontsource's subsets: Latin, Latin Extended (Łódź, Ő) and Greek (σ, Ψ).
// Satori keeps one font per name and weight, so each subset gets its own name ("Inter greek") and
// a place in the family list. Glyphs in none of them (≤, emoji) render as a "no glyph" box.
const FACES = [
  ['Source Serif 4', 'source-serif-4', 400],
  ['Source Serif 4', 'source-serif-4', 700],
  ['Inter', 'inter', 400],
  ['Inter', 'inter', 600],
] as const;
const SUBSETS = ['latin', 'latin-ext', 'greek'] as const;
const family = (name: string) => SUBSETS.map((subset) => `${name} ${subset}`).join(', ');
const SERIF = family('Source Serif 4');
const SANS = family('Inter');

let fontsPromise: Promise<Font[]> | undefined;

/** The fonts satori needs, loaded on first call and memoised (satori reads .woff, not .woff2). */
export function loadSocialImageFonts(): Promise<Font[]> {
  if (fontsPromise) return fontsPromise;
  const require = createRequire(import.meta.url);
  const load = async (name: string, pkg: string, subset: string, weight: 400 | 600 | 700): Promise<Font> => {
    const file = require.resolve(`@fontsource/${pkg}/files/${pkg}-${subset}-${weight}-normal.woff`);
    return { name, weight, style: 'normal', data: await readFile(file) };
  };
  const loading = Promise.all(
    FACES.flatMap(([name, pkg, weight]) =>
      SUBSETS.map((subset) => load(`${name} ${subset}`, pkg, subset, weight)),
    ),
  );
  loading.catch(() => (fontsPromise = undefined)); // let a later call retry
  return (fontsPromise = loading);
}

// ---- Elements: the object form of JSX that satori accepts. ----

type Style = Record<string, string | number>;
interface El {
  type: 'div';
  props: { style: Style; children?: (El | string)[] | string };
}
/** Every satori div with more than one child must be a flex box; this sets it once. */
const div = (style: Style, ...children: (El | string)[]): El => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

// ---- Layout ----

const PAD_X = 72;
const MOTIF_W = 5 * 30 + 4 * 6; // the 5x5 grid below: 174px
const TEXT_W = SOCIAL_IMAGE_WIDTH - 2 * PAD_X - MOTIF_W - 64; // the title's column: 818px
const BAND = 10; // the accent band along the top
const PAD_TOP = 48;
const PAD_BOTTOM = 48;
const LINE_HEIGHT = 1.14;

/**
 * The largest title size (76px down to 30px) whose greedy word wrap fits `maxLines` and `height`,
 * estimating a Source Serif 4 Bold glyph as 0.5em wide on average (0.54 for safety).
 */
export function titleFontSize(title: string, width = TEXT_W, height = 300, maxLines = 6): number {
  const words = title.trim().split(/\s+/);
  for (let size = 76; size > 30; size -= 2) {
    const perLine = Math.floor(width / (size * 0.54));
    let lines = 1;
    let used = 0;
    for (const word of words) {
      if (used > 0 && used + 1 + word.length <= perLine) {
        used += 1 + word.length;
        continue;
      }
      // A new line; a word longer than a line breaks over several (wordBreak below).
      const chunks = Math.ceil(word.length / perLine);
      lines += (used > 0 ? 1 : 0) + chunks - 1;
      used = word.length - (chunks - 1) * perLine;
    }
    if (lines <= maxLines && lines * size * LINE_HEIGHT <= height) return size;
  }
  return 30;
}

/** A 5x5 picture under a 3x3 kernel window, an arrow, and the 3x3 map it makes: the site's idea. */
function motif(): El {
  const cell = 30;
  const gap = 6;
  // The input reads as a small grey picture; the window and the value it makes are amber.
  const shade = (r: number, c: number) => ['#ebe8e1', '#d3cfc6', '#aea99e'][(r * 2 + c) % 3]!;
  const grid = (n: number, fill: (r: number, c: number) => string) =>
    div(
      { flexDirection: 'column', gap },
      ...Array.from({ length: n }, (_, r) =>
        div(
          { gap },
          ...Array.from({ length: n }, (_, c) =>
            div({ width: cell, height: cell, borderRadius: 4, backgroundColor: fill(r, c) }),
          ),
        ),
      ),
    );
  const edge = 4; // the window's border sits in the gaps around the middle 3x3 cells
  const inset = cell + (gap - edge) / 2;
  const span = 3 * cell + 2 * gap + (gap + edge);
  return div(
    { flexDirection: 'column', alignItems: 'center' },
    div(
      { position: 'relative' },
      grid(5, shade),
      div({
        position: 'absolute',
        left: inset,
        top: inset,
        width: span,
        height: span,
        borderRadius: 7,
        border: `${edge}px solid ${C.windowEdge}`,
        backgroundColor: 'rgba(253, 230, 138, 0.4)',
      }),
    ),
    // A short arrow down: a stem and a border-drawn triangle.
    div({ width: 4, height: 22, marginTop: 14, backgroundColor: C.windowEdge }),
    div({
      width: 0,
      height: 0,
      marginBottom: 14,
      borderLeft: '9px solid transparent',
      borderRight: '9px solid transparent',
      borderTop: `11px solid ${C.windowEdge}`,
    }),
    grid(3, (r, c) => (r === 1 && c === 1 ? C.window : C.accentSoft)),
  );
}

/** The date and as many whole tags as fit beside the host (Inter at 24px: about 13px a character). */
function footerItems(items: string[], host: string): string[] {
  let room = SOCIAL_IMAGE_WIDTH - 2 * PAD_X - 32 - host.length * 14;
  const fit: string[] = [];
  for (const item of items) {
    room -= item.length * 13 + 18;
    if (room < 0) break;
    fit.push(item);
  }
  return fit;
}

/** The card as a satori element tree: header; title beside the motif; footer. */
function card(input: SocialImageInput): El {
  const { title, kicker, subtitle, date, tags = [], siteTitle, siteUrlHost } = input;
  const titleSize = titleFontSize(title, TEXT_W, subtitle ? 250 : kicker ? 290 : 340);
  const small = { fontFamily: SANS, fontSize: 24, color: C.muted };
  const meta = footerItems([...(date ? [date] : []), ...tags.map((t) => `#${t}`)], siteUrlHost);

  // Header: the site's name beside a small accent square (left out when it is the title).
  const header = div(
    { alignItems: 'center', gap: 14, height: 30, ...small, fontWeight: 600, color: C.fg },
    ...(title === siteTitle
      ? []
      : [div({ width: 18, height: 18, borderRadius: 3, backgroundColor: C.accent }), siteTitle]),
  );

  // Kicker, title (scaled to fit; clamped as a last resort), subtitle. Satori clamps only
  // `display: block` text, so these three leave the helper's flex.
  const clamp = (lines: number) => ({ display: 'block', lineClamp: lines, wordBreak: 'break-word' });
  const text = div(
    { flexDirection: 'column', gap: 18, width: TEXT_W },
    ...(kicker
      ? [
          div(
            { ...small, ...clamp(1), fontWeight: 600, color: C.accent, letterSpacing: 2 },
            kicker.toUpperCase(),
          ),
        ]
      : []),
    div(
      {
        ...clamp(6),
        fontFamily: SERIF,
        fontWeight: 700,
        fontSize: titleSize,
        lineHeight: LINE_HEIGHT,
        color: C.fg,
      },
      // Glue a one- or two-letter word to the next ("(A Beginner's"), so no line ends on it.
      title.replace(/(?<=^|\s)(\S{1,2}) (?=\S)/g, '$1\u00a0'),
    ),
    ...(subtitle
      ? [div({ ...clamp(2), fontFamily: SERIF, fontSize: 34, lineHeight: 1.3, color: C.muted }, subtitle)]
      : []),
  );

  // Footer, above a hairline: date and the tags that fit, then the host. Should the estimate be
  // wrong, the host's box, painted later in the background colour from 32px before its text to the
  // canvas's edge, covers what runs under it: a clip without `overflow: hidden`, which satori draws
  // as a mask on every child and which takes sharp about 4 ms a mask to rasterise.
  const footer = div(
    { ...small, justifyContent: 'space-between', borderTop: `2px solid ${C.rule}`, paddingTop: 20 },
    div(
      { gap: 18, flexGrow: 1, flexBasis: 0, minWidth: 0, whiteSpace: 'nowrap' },
      ...meta.map((m) => div({}, m)),
    ),
    div(
      {
        color: C.accent,
        fontWeight: 600,
        flexShrink: 0,
        backgroundColor: C.bg,
        paddingLeft: 32,
        paddingRight: PAD_X,
        marginRight: -PAD_X,
      },
      siteUrlHost,
    ),
  );

  // The root fills the canvas; padding goes on an inner box (satori sizes the root content-box).
  return div(
    {
      width: SOCIAL_IMAGE_WIDTH,
      height: SOCIAL_IMAGE_HEIGHT,
      flexDirection: 'column',
      backgroundColor: C.bg,
    },
    div({ height: BAND, backgroundColor: C.accent }),
    div(
      { flexGrow: 1, flexDirection: 'column', gap: 14, padding: `${PAD_TOP}px ${PAD_X}px ${PAD_BOTTOM}px` },
      header,
      div(
        { flexGrow: 1, minHeight: 0, alignItems: 'center', justifyContent: 'space-between' },
        text,
        motif(),
      ),
      footer,
    ),
  );
}

/** A 1200x630 PNG for one page. */
export async function socialImage(input: SocialImageInput): Promise<Buffer> {
  const svg = await satori(card(input), {
    width: SOCIAL_IMAGE_WIDTH,
    height: SOCIAL_IMAGE_HEIGHT,
    fonts: await loadSocialImageFonts(),
  });
  // The card is opaque: an RGB PNG is a little smaller and quicker to encode than an RGBA one.
  return sharp(Buffer.from(svg)).removeAlpha().png().toBuffer();
}
