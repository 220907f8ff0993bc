/**
 * The playground's figure computed at build time (Node only: the .astro wrapper imports this, the
 * island never does). It reads the sample PNG from public/, filters it with the reference
 * convolution and the same colour scale as the live demo, and returns the feature map as a PNG data
 * URL, its legend and where the kernel responds most. The reader sees this figure until the live
 * one is drawn, and without JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import {
  depthwiseConv2d,
  renderToRGBA,
  rgbaToChannels,
  tileKernel,
  type ChannelMode,
  type Legend,
} from '../../compute';
import { strongestPixel, type Pixel } from './model';

export interface StaticFigure {
  /** The feature map as a PNG data URL. */
  src: string;
  width: number;
  height: number;
  legend: Legend;
  strongest: (Pixel & { value: number }) | null;
}

/** RGBA pixels of an 8-bit, non-interlaced RGB or RGBA PNG. */
export function decodePng(png: Buffer): { rgba: Uint8ClampedArray; width: number; height: number } {
  let width = 0;
  let height = 0;
  let bpp = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8);
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) {
        throw new Error('decodePng: expected an 8-bit, non-interlaced RGB or RGBA PNG');
      }
      bpp = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= bpp ? (rows[y * stride + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (rows[(y - 1) * stride + x - bpp] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`decodePng: unknown row filter ${filter}`);
      rows[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = rows[i * bpp] ?? 0;
    rgba[i * 4 + 1] = rows[i * bpp + 1] ?? 0;
    rgba[i * 4 + 2] = rows[i * bpp + 2] ?? 0;
    rgba[i * 4 + 3] = bpp === 4 ? (rows[i * bpp + 3] ?? 255) : 255;
  }
  return { rgba, width, height };
}

/** An RGB PNG (the alpha of `rgba` is dropped: feature maps are opaque). */
export function encodePng(rgba: Uint8ClampedArray, width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  // Each row with the "up" filter: feature maps are smooth from row to row, so this deflates well.
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 2;
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        const v = rgba[(y * width + x) * 4 + c] ?? 0;
        const up = y > 0 ? (rgba[((y - 1) * width + x) * 4 + c] ?? 0) : 0;
        raw[y * (stride + 1) + 1 + x * 3 + c] = (v - up) & 0xff;
      }
    }
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const cache = new Map<string, StaticFigure>();

/** The feature map of a shipped sample (its path under public/) for one kernel, grey or RGB. */
export function staticFigure(
  file: string,
  kernel: readonly number[],
  size: number,
  mode: ChannelMode,
): StaticFigure {
  const key = `${file}|${size}|${kernel.join(',')}|${mode}`;
  const known = cache.get(key);
  if (known) return known;
  const { rgba, width, height } = decodePng(readFileSync(join(process.cwd(), 'public', file)));
  const channels = mode === 'rgb' ? 3 : 1;
  const values = depthwiseConv2d(
    { data: rgbaToChannels(rgba, width, height, mode), shape: [1, height, width, channels] },
    { data: tileKernel(kernel, size, channels), shape: [size, size, channels, 1] },
    { padding: 'same' },
  ).data;
  const out = new Uint8ClampedArray(width * height * 4);
  const legend = renderToRGBA(values, channels, 'auto', out);
  const figure = {
    src: `data:image/png;base64,${encodePng(out, width, height).toString('base64')}`,
    width,
    height,
    legend,
    strongest: strongestPixel(values, width, height, channels, size),
  };
  cache.set(key, figure);
  return figure;
}
