// npm run samples: draws the sample images of the kernel playground in headless Chromium (a 2D
// canvas each) and writes them, with samples.json, to public/samples/. Every image is 256x256,
// opaque and deterministic (a seeded PRNG, never Math.random), so a rerun gives the same files.
// The images are ours, CC0: regenerate them with this script, never edit the PNGs by hand.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { launchOptions } from '../tests/chromium.ts';

const SIZE = 256;
const OUT_DIR = 'public/samples';
const CREDIT = 'Drawn for this site by scripts/make-samples.ts (public domain, CC0)';

/** Seeded uniform random numbers in [0, 1): returned by the page's mulberry32. */
type Rand = () => number;
/** Draws one image. Runs in the page, so it may use only its arguments and browser globals. */
type Draw = (ctx: CanvasRenderingContext2D, rand: Rand, size: number) => void;

interface Sample {
  id: string;
  title: string;
  alt: string;
  seed: number;
  draw: Draw;
}

/** A crisp diagonal gradient and solid shapes: edges at many angles for Sobel and outline kernels. */
const drawShapes: Draw = (ctx, _rand, size) => {
  const bg = ctx.createLinearGradient(0, 0, size, size);
  bg.addColorStop(0, '#e2eefa');
  bg.addColorStop(1, '#c9bfe4');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, size, size);

  // Red circle, top left.
  ctx.fillStyle = '#e0262b';
  ctx.beginPath();
  ctx.arc(72, 72, 44, 0, 2 * Math.PI);
  ctx.fill();

  // Blue square, 70 px a side, rotated 15 degrees, top right.
  ctx.save();
  ctx.translate(184, 76);
  ctx.rotate((15 * Math.PI) / 180);
  ctx.fillStyle = '#1f4fd1';
  ctx.fillRect(-35, -35, 70, 70);
  ctx.restore();

  // Yellow triangle, bottom left.
  ctx.fillStyle = '#f7c800';
  ctx.beginPath();
  ctx.moveTo(70, 140);
  ctx.lineTo(122, 228);
  ctx.lineTo(18, 228);
  ctx.closePath();
  ctx.fill();

  // Green ring, bottom right.
  ctx.strokeStyle = '#17a34a';
  ctx.lineWidth = 14;
  ctx.beginPath();
  ctx.arc(186, 184, 40, 0, 2 * Math.PI);
  ctx.stroke();
};

/** A dusk skyline: smooth sky, hard-edged buildings and hundreds of tiny windows (fine detail). */
const drawCity: Draw = (ctx, rand, size) => {
  const sky = ctx.createLinearGradient(0, 0, 0, size);
  sky.addColorStop(0, '#141a4a');
  sky.addColorStop(0.45, '#5b3a84');
  sky.addColorStop(0.75, '#e0785a');
  sky.addColorStop(1, '#f6c27a');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, size, size);

  // A few faint stars high up.
  for (let i = 0; i < 28; i++) {
    const x = Math.floor(rand() * size);
    const y = Math.floor(rand() * 90);
    ctx.fillStyle = `rgba(255, 255, 240, ${0.35 + 0.5 * rand()})`;
    ctx.fillRect(x, y, 1, 1);
  }

  // The moon, with a soft glow and two darker patches.
  const glow = ctx.createRadialGradient(196, 52, 14, 196, 52, 40);
  glow.addColorStop(0, 'rgba(255, 244, 214, 0.45)');
  glow.addColorStop(1, 'rgba(255, 244, 214, 0)');
  ctx.fillStyle = glow;
  ctx.fillRect(150, 6, 92, 92);
  ctx.fillStyle = '#fbf1d3';
  ctx.beginPath();
  ctx.arc(196, 52, 18, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = '#e5d8b4';
  ctx.beginPath();
  ctx.arc(190, 47, 4, 0, 2 * Math.PI);
  ctx.arc(201, 59, 3, 0, 2 * Math.PI);
  ctx.fill();

  // Two rows of buildings: a paler one behind, a darker one in front with lit windows.
  const ground = 240;
  const row = (minH: number, maxH: number, colours: string[], windows: boolean) => {
    let x = -Math.floor(rand() * 10);
    while (x < size) {
      const w = 18 + Math.floor(rand() * 22);
      const h = minH + Math.floor(rand() * (maxH - minH));
      const top = ground - h;
      ctx.fillStyle = colours[Math.floor(rand() * colours.length)] ?? '#000';
      ctx.fillRect(x, top, w, h);
      if (windows) {
        const lit = 0.35 + 0.35 * rand();
        for (let wy = top + 5; wy + 3 <= ground - 4; wy += 6) {
          for (let wx = x + 3; wx + 2 <= x + w - 3; wx += 5) {
            if (rand() < lit) {
              const warm = rand();
              ctx.fillStyle = warm < 0.7 ? '#ffd66b' : warm < 0.9 ? '#fff1b8' : '#9fd4ff';
              ctx.fillRect(wx, wy, 2, 3);
            }
          }
        }
      }
      x += w + Math.floor(rand() * 3);
    }
  };
  row(70, 150, ['#3b2f5c', '#43355f', '#362b52'], false);
  row(40, 130, ['#14131f', '#1b1a2a', '#201c2c', '#111018'], true);

  ctx.fillStyle = '#0b0a12';
  ctx.fillRect(0, ground, size, size - ground);
};

/** A 16 px checkerboard beside bold letters and two single-pixel lines. */
const drawCheckerText: Draw = (ctx, _rand, size) => {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = '#000000';
  for (let y = 0; y < size; y += 16) {
    for (let x = 0; x < size / 2; x += 16) {
      if ((x / 16 + y / 16) % 2 === 0) ctx.fillRect(x, y, 16, 16);
    }
  }

  // "CNN" stacked one letter a line: at 72 px the word is wider than the 128 px half.
  ctx.fillStyle = '#1d2433';
  ctx.font = 'bold 72px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  const cx = (size * 3) / 4;
  ['C', 'N', 'N'].forEach((letter, i) => ctx.fillText(letter, cx - 8, 68 + i * 80));

  // One-pixel lines on whole pixels: a horizontal one across the right half, a vertical one beside
  // the letters.
  ctx.fillStyle = '#1d2433';
  ctx.fillRect(size / 2 + 8, 84, size / 2 - 16, 1);
  ctx.fillRect(size - 18, 8, 1, size - 16);
};

/** A cartoon face with seeded, roughly Gaussian noise on every channel of every pixel. */
const drawNoisyFace: Draw = (ctx, rand, size) => {
  const bg = ctx.createLinearGradient(0, 0, 0, size);
  bg.addColorStop(0, '#8fd3d0');
  bg.addColorStop(1, '#3f8fa8');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, size, size);

  const cx = 128;
  const cy = 136;
  // Shoulders.
  ctx.fillStyle = '#c8474f';
  ctx.beginPath();
  ctx.ellipse(cx, 282, 104, 70, 0, 0, 2 * Math.PI);
  ctx.fill();
  // Neck.
  ctx.fillStyle = '#e0a57c';
  ctx.fillRect(cx - 20, 180, 40, 36);
  // Hair behind the head.
  ctx.fillStyle = '#3a2418';
  ctx.beginPath();
  ctx.ellipse(cx, cy - 10, 80, 82, 0, Math.PI, 2 * Math.PI);
  ctx.lineTo(cx + 80, cy + 40);
  ctx.lineTo(cx - 80, cy + 40);
  ctx.closePath();
  ctx.fill();
  // Ears and face.
  ctx.fillStyle = '#f0bb8f';
  ctx.beginPath();
  ctx.ellipse(cx - 66, cy + 6, 12, 18, 0, 0, 2 * Math.PI);
  ctx.ellipse(cx + 66, cy + 6, 12, 18, 0, 0, 2 * Math.PI);
  ctx.fill();
  ctx.beginPath();
  ctx.arc(cx, cy, 66, 0, 2 * Math.PI);
  ctx.fill();
  // Fringe across the forehead.
  ctx.fillStyle = '#3a2418';
  ctx.beginPath();
  ctx.moveTo(cx - 70, cy - 14);
  ctx.quadraticCurveTo(cx - 60, cy - 80, cx, cy - 76);
  ctx.quadraticCurveTo(cx + 62, cy - 80, cx + 70, cy - 14);
  ctx.quadraticCurveTo(cx + 40, cy - 44, cx + 6, cy - 40);
  ctx.quadraticCurveTo(cx - 30, cy - 36, cx - 70, cy - 14);
  ctx.fill();
  // Eyes: whites, irises, pupils, highlights.
  for (const ex of [cx - 24, cx + 24]) {
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.ellipse(ex, cy - 2, 12, 9, 0, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#3b6fb6';
    ctx.beginPath();
    ctx.arc(ex, cy - 1, 6.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#10131a';
    ctx.beginPath();
    ctx.arc(ex, cy - 1, 3.2, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(ex + 1, cy - 4, 2, 2);
  }
  // Eyebrows, nose, cheeks and the smile.
  ctx.strokeStyle = '#3a2418';
  ctx.lineCap = 'round';
  ctx.lineWidth = 4;
  for (const ex of [cx - 24, cx + 24]) {
    ctx.beginPath();
    ctx.moveTo(ex - 11, cy - 17);
    ctx.quadraticCurveTo(ex, cy - 23, ex + 11, cy - 17);
    ctx.stroke();
  }
  ctx.strokeStyle = '#c98a63';
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(cx, cy + 4);
  ctx.quadraticCurveTo(cx - 6, cy + 18, cx + 3, cy + 20);
  ctx.stroke();
  ctx.fillStyle = 'rgba(232, 110, 110, 0.45)';
  ctx.beginPath();
  ctx.ellipse(cx - 38, cy + 22, 11, 7, 0, 0, 2 * Math.PI);
  ctx.ellipse(cx + 38, cy + 22, 11, 7, 0, 0, 2 * Math.PI);
  ctx.fill();
  ctx.strokeStyle = '#8e2f3a';
  ctx.lineWidth = 5;
  ctx.beginPath();
  ctx.arc(cx, cy + 16, 26, 0.2 * Math.PI, 0.8 * Math.PI);
  ctx.stroke();

  // Noise: the sum of four uniforms (a bell shape, standard deviation about 3.5) scaled to at most
  // +-12 levels, on each channel of each pixel.
  const image = ctx.getImageData(0, 0, size, size);
  const data = image.data;
  for (let i = 0; i < data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      const n = Math.round((rand() + rand() + rand() + rand() - 2) * 6);
      data[i + c] = Math.max(0, Math.min(255, (data[i + c] ?? 0) + n));
    }
  }
  ctx.putImageData(image, 0, 0);
};

/**
 * Chromium's toDataURL always writes 8-bit RGBA. Re-encodes that PNG as 8-bit RGB (colour type 2),
 * after checking that every pixel is opaque, choosing the smallest of the row-filter and zlib
 * strategies at level 9: far fewer bytes to ship, and the noisy portrait stays under 120 KB.
 */
function toOpaqueRgbPng(rgba: Buffer): Buffer {
  const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!rgba.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < rgba.length;) {
    const length = rgba.readUInt32BE(at);
    const type = rgba.toString('latin1', at + 4, at + 8);
    const data = rgba.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8);
      if (depth !== 8 || colour !== 6 || interlace !== 0) throw new Error('expected 8-bit RGBA PNG');
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }

  // Undo the row filters (PNG spec, section 9) into plain RGBA rows.
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = 4;
  const stride = width * bpp;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= bpp ? (pixels[y * stride + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (pixels[(y - 1) * stride + x - bpp] ?? 0) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter ?? 0];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`);
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    if (pixels[i * 4 + 3] !== 255) throw new Error('sample image is not opaque');
    pixels.copy(rgb, i * 3, i * 4, i * 4 + 3);
  }

  // Filter the RGB rows each possible way: one filter type throughout, or per row the type with the
  // smallest sum of absolute signed residuals. Keep whichever deflates smallest.
  const rgbStride = width * 3;
  const filterRow = (y: number, type: number, out: Buffer) => {
    for (let x = 0; x < rgbStride; x++) {
      const a = x >= 3 ? (rgb[y * rgbStride + x - 3] ?? 0) : 0;
      const b = y > 0 ? (rgb[(y - 1) * rgbStride + x] ?? 0) : 0;
      const c = x >= 3 && y > 0 ? (rgb[(y - 1) * rgbStride + x - 3] ?? 0) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type] ?? 0;
      out[x] = ((rgb[y * rgbStride + x] ?? 0) - predictor) & 0xff;
    }
  };
  const encode = (choose: (y: number) => number) => {
    const filtered = Buffer.alloc((rgbStride + 1) * height);
    for (let y = 0; y < height; y++) {
      const type = choose(y);
      filtered[y * (rgbStride + 1)] = type;
      filterRow(y, type, filtered.subarray(y * (rgbStride + 1) + 1, (y + 1) * (rgbStride + 1)));
    }
    // Every zlib strategy: default, filtered, Huffman only (best on the noisy portrait), RLE.
    return [0, 1, 2, 3].map((strategy) => deflateSync(filtered, { level: 9, memLevel: 9, strategy }));
  };
  const row = Buffer.alloc(rgbStride);
  const adaptive = (y: number) => {
    let best = 0;
    let bestCost = Infinity;
    for (let type = 0; type < 5; type++) {
      filterRow(y, type, row);
      let cost = 0;
      for (const v of row) cost += v < 128 ? v : 256 - v;
      if (cost < bestCost) [best, bestCost] = [type, cost];
    }
    return best;
  };
  const candidates = [0, 1, 2, 3, 4].flatMap((type) => encode(() => type));
  candidates.push(...encode(adaptive));
  const compressed = candidates.reduce((a, b) => (b.length < a.length ? b : a));

  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, colour type 2 (RGB), deflate, adaptive filters, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', compressed),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The Paeth predictor of the PNG spec: whichever of left, up, up-left is nearest a + b - c. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

const samples: Sample[] = [
  {
    id: 'shapes',
    title: 'Shapes',
    alt: 'A red circle, a blue square tilted by 15 degrees, a yellow triangle and a green ring on a soft diagonal gradient from pale blue to pale lilac.',
    seed: 1,
    draw: drawShapes,
  },
  {
    id: 'city',
    title: 'Skyline',
    alt: 'A city skyline at dusk: dark buildings dotted with small lit windows against an indigo-to-orange sky, with a pale full moon in the upper right.',
    seed: 2,
    draw: drawCity,
  },
  {
    id: 'checker-text',
    title: 'Checkerboard and letters',
    alt: 'A black-and-white checkerboard of 16-pixel squares on the left half, and on the right the bold dark letters C, N, N stacked on white beside a thin horizontal and a thin vertical line one pixel wide.',
    seed: 3,
    draw: drawCheckerText,
  },
  {
    id: 'noise-portrait',
    title: 'Stylised face',
    alt: 'A grainy cartoon face with brown hair, blue eyes, rosy cheeks and a smile, on a teal background, sprinkled with fine random noise.',
    seed: 4,
    draw: drawNoisyFace,
  },
];

mkdirSync(OUT_DIR, { recursive: true });
const browser = await chromium.launch(launchOptions);
const page = await browser.newPage();
for (const sample of samples) {
  await page.setContent(`<canvas width="${SIZE}" height="${SIZE}"></canvas>`);
  // The draw function travels as source text: Node has already stripped its types, so it is JS.
  const dataUrl = await page.evaluate(
    ({ source, seed, size }) => {
      const canvas = document.querySelector('canvas')!;
      // alpha: false makes the canvas opaque (Chromium still writes RGBA: see toOpaqueRgbPng).
      const ctx = canvas.getContext('2d', { alpha: false })!;
      let state = seed >>> 0;
      const rand = () => {
        // mulberry32
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const draw = new Function(`return (${source});`)() as (
        ctx: CanvasRenderingContext2D,
        rand: () => number,
        size: number,
      ) => void;
      draw(ctx, rand, size);
      return canvas.toDataURL('image/png');
    },
    { source: sample.draw.toString(), seed: sample.seed, size: SIZE },
  );
  const png = toOpaqueRgbPng(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  const file = `${OUT_DIR}/${sample.id}.png`;
  writeFileSync(file, png);
  console.log(`${file}: ${png.length} bytes`);
}
await browser.close();

const manifest = samples.map(({ id, title, alt }) => ({
  id,
  file: `/samples/${id}.png`,
  title,
  alt,
  credit: CREDIT,
}));
writeFileSync(`${OUT_DIR}/samples.json`, JSON.stringify(manifest, null, 2) + '\n');
console.log(`${OUT_DIR}/samples.json: ${manifest.length} samples`);
