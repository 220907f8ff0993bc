import sharp from 'sharp';
import { expect, test } from 'vitest';
import { socialImage, titleFontSize } from '~/lib/social-image';

const base = { siteTitle: 'Convolutions, Explained', siteUrlHost: 'convolutions.example.org' };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('socialImage: a 1200x630 PNG', async () => {
  const png = await socialImage({ ...base, title: 'Padding', date: 'March 3, 2020', tags: ['basics'] });
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  const meta = await sharp(png).metadata();
  expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
    format: 'png',
    width: 1200,
    height: 630,
  });
});

test('socialImage: a 200-character title with a kicker and many tags still renders at 1200x630', async () => {
  const title = 'Why a three by three kernel with stride two shrinks the map '.repeat(4).slice(0, 200);
  expect(title).toHaveLength(200);
  const png = await socialImage({
    ...base,
    title,
    kicker: 'Shapes, part 2',
    date: 'May 5, 2021',
    tags: ['cnn', 'shapes', 'padding', 'stride', 'dilation', 'groups', 'channels'],
  });
  const { width, height } = await sharp(png).metadata();
  expect([width, height]).toEqual([1200, 630]);
});

test('socialImage: the title is drawn (two titles give two different images)', async () => {
  const a = await socialImage({ ...base, title: 'Padding' });
  const b = await socialImage({ ...base, title: 'Stride' });
  expect(a.equals(b)).toBe(false);
});

test('socialImage: the image is not blank (some channel varies)', async () => {
  const png = await socialImage({ ...base, title: 'Understanding Convolutional Neural Networks' });
  const { channels } = await sharp(png).stats();
  expect(Math.max(...channels.map((c) => c.stdev))).toBeGreaterThan(20);
});

test('titleFontSize: shrinks as the title grows, within 30..76px', () => {
  const sizes = [7, 64, 120, 200].map((n) => titleFontSize('word '.repeat(n / 5).slice(0, n)));
  expect(sizes[0]).toBe(76);
  for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]!);
  expect(sizes.at(-1)).toBeGreaterThanOrEqual(30);
  expect(sizes.at(-1)).toBeLessThan(sizes[0]!);
});

test('socialImage: tags too wide for the footer never run into the site address', async () => {
  const card = { ...base, title: 'Padding', date: 'May 5, 2021' };
  // Glyphs far wider than the footer's estimate (13px a character): the widest tags there are.
  const wide = await socialImage({ ...card, tags: ['W'.repeat(18), 'W'.repeat(13), 'm'.repeat(15)] });
  const none = await socialImage(card);
  // The address, right-aligned, and the 32px before it and the margin after it, across the footer row.
  const region = { left: 820, top: 545, width: 1200 - 820, height: 50 };
  const pixels = async (png: Buffer) => sharp(png).extract(region).raw().toBuffer();
  const [a, b] = await Promise.all([pixels(wide), pixels(none)]);
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 2) differing++;
  expect(differing).toBe(0);
  // ...and the wide tags are drawn (the row left of the address differs).
  const left = { left: 300, top: 545, width: 400, height: 50 };
  const [c, d] = await Promise.all([wide, none].map((png) => sharp(png).extract(left).raw().toBuffer()));
  expect(c!.equals(d!)).toBe(false);
});
