/**
 * The feature-maps demo in the authoring guide (its live example: Sobel x, Sobel y and a Laplacian
 * with bias −10 on the checkerboard picture, ReLU, 2×2 max pool stride 2). Expected numbers come
 * from src/compute's reference run here, in Node, on the same sample PNG: never from the page.
 */
import { readFileSync } from 'node:fs';
import { featureMaps, layerShapes, shapeText, type LayerSpec } from '../../src/compute';
import { follow, toSpec, workingPicture, type Inspect } from '../../src/islands/feature-maps/model';
import { decodePng } from '../../src/islands/kernel-playground/static-figure';
import { expect, test } from './fixtures';
import { FeatureMapsPage, GUIDE_PATH, settledHash } from './pages';
import { seriousViolations } from './axe';

// Each test visits the page once and checks many things (nine maps pixel by pixel, axe): more than
// the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

const GUIDE_SPEC: LayerSpec = {
  size: 3,
  filters: [
    { values: [-1, 0, 1, -2, 0, 2, -1, 0, 1], bias: 0 },
    { values: [-1, -2, -1, 0, 0, 0, 1, 2, 1], bias: 0 },
    { values: [0, 1, 0, 1, -4, 1, 0, 1, 0], bias: -10 },
  ],
  relu: true,
  pool: { mode: 'max', size: 2, stride: 2 },
};

function reference(spec: LayerSpec) {
  const png = decodePng(readFileSync(new URL('../../public/samples/checker-text.png', import.meta.url)));
  const pic = workingPicture(png.rgba, png.width, png.height);
  const result = featureMaps({ data: pic.values, shape: [1, pic.height, pic.width, 1] }, spec);
  return { pic, result };
}

const close = (got: number | null, want: number | null, what: string) => {
  if (want === null) return expect(got, what).toBeNull();
  expect(got, what).not.toBeNull();
  expect(Math.abs((got as number) - want), `${what}: ${got} vs ${want}`).toBeLessThanOrEqual(
    1e-3 * Math.max(1, Math.abs(want)),
  );
};

/** A few cells spread over every stage and filter (a fixed LCG: the same cells every run). */
function someCells(h: Record<'conv' | 'relu' | 'pool', [number, number]>, count: number): Inspect[] {
  let s = 20261201;
  const next = (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const stage = (['conv', 'relu', 'pool'] as const)[i % 3] as 'conv' | 'relu' | 'pool';
    const [rows, cols] = h[stage];
    return { filter: next(3), stage, row: next(rows), col: next(cols) };
  });
}

test('every stage of every filter: shapes, static maps = live maps, inspected values = the reference', async ({
  page,
}) => {
  const fm = new FeatureMapsPage(page);
  await page.goto(GUIDE_PATH);
  // The build-time maps, as the server set them on the figure (before the island draws).
  const statics = (await page.locator('style[data-fm-static="fmaps-1"]').textContent()) ?? '';
  await fm.waitReady();
  const { pic, result } = reference(GUIDE_SPEC);
  const shapes = layerShapes(pic.height, pic.width, 1, GUIDE_SPEC);
  expect(await fm.shape('input')).toBe(shapeText(shapes.input));
  for (const stage of ['conv', 'relu', 'pool'] as const)
    expect(await fm.shape(stage)).toBe(shapeText(shapes[stage]));
  expect(shapes.pool).toEqual([31, 31, 3]);
  await expect(fm.root.getByTestId('fm-filter')).toHaveCount(3);
  await expect(fm.root.getByTestId('fm-filter').first().getByTestId('kernel-cell')).toHaveCount(9);
  await expect(fm.root.getByTestId('fm-stage')).toHaveCount(9);

  // Static figure = live figure, map by map (colours may differ by a rounding step of the scale).
  for (let f = 0; f < 3; f++) {
    for (const stage of ['conv', 'relu', 'pool'] as const) {
      const rule = new RegExp(
        `\\[data-filter="${f}"\\]\\[data-stage="${stage}"\\]\\{background-image:url\\(([^)]+)\\)`,
      );
      const url = rule.exec(statics)?.[1];
      expect(url, `a build-time map for filter ${f + 1}, ${stage}`).toMatch(/^data:image\/png;base64,/);
      const built = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return [...ctx.getImageData(0, 0, c.width, c.height).data];
      }, url as string);
      const live = await fm.pixels(f, stage);
      expect(live.length, `filter ${f + 1} ${stage}: same size`).toBe(built.length);
      let worst = 0;
      live.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (built[i] ?? 0)))));
      expect(worst, `filter ${f + 1} ${stage}: largest colour difference`).toBeLessThanOrEqual(3);
    }
  }

  // Cells picked by pointer on every stage; each stage's value equals the reference's.
  const sizes = { conv: [62, 62], relu: [62, 62], pool: [31, 31] } as Record<
    'conv' | 'relu' | 'pool',
    [number, number]
  >;
  for (const at of someCells(sizes, 6)) {
    await fm.pick(at.filter, at.stage, at.row, at.col);
    const want = follow(result, GUIDE_SPEC, at);
    await expect(fm.inspector).toContainText(`Filter ${at.filter + 1}`);
    close(await fm.value('conv'), want.conv.value, `${JSON.stringify(at)} conv`);
    close(await fm.value('relu'), want.relu.after, `${JSON.stringify(at)} relu`);
    close(await fm.value('pool'), want.pool?.value ?? null, `${JSON.stringify(at)} pool`);
    if (at.stage === 'pool') {
      // The window: four cells, the winner marked, its value the pooled value.
      const cells = fm.inspector.getByTestId('fm-window-cell');
      await expect(cells).toHaveCount(4);
      await expect(fm.inspector.locator('[data-winner="true"]')).toHaveCount(1);
    }
  }
});

test('keyboard inspection, a bad kernel value keeps the last maps, and the address restores the figure', async ({
  page,
}) => {
  const fm = new FeatureMapsPage(page);
  await fm.open();
  const { result } = reference(GUIDE_SPEC);

  // Keyboard: focus filter 2's pooled map, Enter starts at its centre, arrows move the cell.
  await fm.map(1, 'pool').locator('canvas').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const at: Inspect = { filter: 1, stage: 'pool', row: 16, col: 16 };
  await expect(fm.inspector).toContainText('Filter 2, pooled cell row 17, column 17');
  const want = follow(result, GUIDE_SPEC, at);
  close(await fm.value('pool'), want.pool?.value ?? null, 'pool by keyboard');
  close(await fm.value('conv'), want.conv.value, 'conv by keyboard');
  await expect(fm.map(1, 'pool').locator('canvas')).toBeFocused();

  // A bad kernel value: a sentence beside the kernel; the cell and the maps keep their last good state.
  const before = await fm.pixels(0, 'conv');
  const updates = await fm.updates();
  const cell = fm.root.getByTestId('fm-filter').first().getByTestId('kernel-cell').nth(4);
  await cell.click();
  await cell.fill('abc');
  await cell.press('Enter');
  await expect(fm.root.getByTestId('fm-filter').first().locator('.demo-message__bubble')).toContainText(
    '“abc” is not a number',
  );
  await expect(cell).toHaveValue('0');
  expect(await fm.updates()).toBe(updates);
  expect(await fm.pixels(0, 'conv')).toEqual(before);

  // A good edit, a pooling change, ReLU off: the address keeps them; a reload restores them.
  await fm.afterUpdate(() => cell.fill('2'));
  await fm.afterUpdate(async () => {
    await fm.root.getByTestId('fm-pool-stride').selectOption('1');
  });
  await fm.afterUpdate(() => fm.root.getByTestId('fm-relu').uncheck());
  await expect(fm.shape('pool')).resolves.toBe('61×61×3');
  // The address follows the figure once each change settles: wait for the last one to reach it.
  const hash = await settledHash(page);
  expect(hash).toContain('fmaps-1=');
  expect(hash).toContain('p:max-2-1');
  expect(hash).toContain('r:0');
  await page.reload();
  await fm.waitReady();
  await expect(fm.root.getByTestId('fm-filter').first().getByTestId('kernel-cell').nth(4)).toHaveValue('2');
  await expect(fm.root.getByTestId('fm-pool-stride')).toHaveValue('1');
  await expect(fm.root.getByTestId('fm-relu')).not.toBeChecked();
  expect(await fm.shape('pool')).toBe('61×61×3');
  // The restored maps are the reference's for the restored settings.
  const edited = toSpec({
    size: 3,
    filters: GUIDE_SPEC.filters.map((f, i) =>
      i === 0 ? { ...f, values: f.values.map((v, j) => (j === 4 ? 2 : v)) } : { ...f },
    ),
    relu: false,
    pool: { mode: 'max', size: 2, stride: 1 },
    sample: 'checker-text',
  });
  const again = reference(edited).result;
  await fm.pick(0, 'conv', 10, 20);
  close(
    await fm.value('conv'),
    follow(again, edited, { filter: 0, stage: 'conv', row: 10, col: 20 }).conv.value,
    'restored',
  );
});

const VIEWS = [
  {
    name: 'phone 390×844',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    scheme: 'dark',
  },
  {
    name: 'desktop 1280×800',
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    hasTouch: false,
    scheme: 'light',
  },
] as const;

for (const view of VIEWS) {
  test.describe(view.name, () => {
    test.use({
      viewport: view.viewport,
      isMobile: view.isMobile,
      hasTouch: view.hasTouch,
      colorScheme: view.scheme,
    });
    test(`${view.scheme}: an edit and its maps are in view together; a tap inspects; axe finds nothing serious`, async ({
      page,
    }) => {
      const fm = new FeatureMapsPage(page);
      await fm.open();
      await fm.root.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const cell = fm.root.getByTestId('fm-filter').nth(1).getByTestId('kernel-cell').nth(0);
      if (view.hasTouch) await cell.tap();
      else await cell.click();
      await fm.afterUpdate(() => cell.fill('3'));
      const height = view.viewport.height;
      for (const stage of ['conv', 'relu', 'pool'] as const) {
        const box = await fm.map(1, stage).boundingBox();
        expect(
          box !== null && box.y >= 0 && box.y + box.height <= height,
          `filter 2's ${stage} map is in view`,
        ).toBe(true);
      }
      await fm.pick(2, 'relu', 30, 30, view.hasTouch);
      await expect(fm.inspector).toContainText('Filter 3, ReLU cell row 31, column 31');
      await fm.root.locator('.demo-predict summary').click();
      const serious = await seriousViolations(page, '[data-testid="feature-maps"]');
      expect(serious).toEqual([]);
    });
  });
}
