/** Page objects: what a reader looks at, named the way a reader would name it. */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A canvas's size and RGBA bytes. Read in the page and carried as base64: Playwright carries a
 * plain array of a 256×256 picture's 262,144 numbers one by one, in about a second.
 */
export async function canvasRgba(
  canvas: Locator,
): Promise<{ width: number; height: number; rgba: number[] }> {
  const { width, height, base64 } = await canvas.evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d', { willReadFrequently: true });
    const data = ctx?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) {
      binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    }
    return { width: c.width, height: c.height, base64: btoa(binary) };
  });
  return { width, height, rgba: [...Buffer.from(base64, 'base64')] };
}

/**
 * The page's address once the demos have written their last change to it: they write a change
 * 250 ms after it settles (src/islands/shared/use-url-state.ts), so this waits until two reads
 * 400 ms apart agree. A reload before then would restore the change before last.
 */
export async function settledHash(page: Page): Promise<string> {
  const read = () => page.evaluate(() => location.hash);
  let last = await read();
  for (;;) {
    await page.waitForTimeout(400);
    const now = await read();
    if (now === last) return now;
    last = now;
  }
}

/** Tells the page its tab is hidden or shown, as the browser does when the reader switches tabs. */
export async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hidden) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

export const ARTICLE_PATH = '/understanding-convolutional-neural-networks/';
/** The authoring guide, a post like any other. */
export const GUIDE_PATH = '/writing-a-post/';
export const GUIDE_TITLE = 'Writing a post for this site';
/** Part 2 of the series that the article starts (content/posts/2026-11-20-feature-maps). */
export const PART2_PATH = '/feature-maps/';
export const PART2_TITLE = 'Feature maps: many filters, ReLU and pooling';
/** The series' own page. */
export const SERIES_PATH = '/series/cnns-step-by-step/';
export const SERIES_NAME = 'CNNs, step by step';
/** content/posts/draft-example is a draft: never in the build. */
export const DRAFT_PATH = '/draft-example/';
export const DRAFT_TITLE = 'A draft, kept out of the build';
/** A word only the draft uses. */
export const DRAFT_WORD = 'marsupialia';
/** Its tag, which no published post uses. */
export const DRAFT_TAG = 'unfinished';
/** Part 3 of the series (content/posts/2026-12-01-learning-the-filters). */
export const PART3_PATH = '/learning-the-filters/';
export const PART3_TITLE = 'Learning the filters';
/** Part 4 of the series (content/posts/2026-12-08-searching-text). */
export const PART4_PATH = '/searching-text/';
export const PART4_TITLE = 'Searching text with convolutions';

export class ArticlePage {
  readonly body: Locator;
  readonly figure: Locator;
  readonly references: Locator;
  constructor(readonly page: Page) {
    this.body = page.getByTestId('post-body');
    this.figure = page.getByTestId('conv-figure');
    this.references = page.locator('ol.references > li');
  }

  async goto(): Promise<void> {
    await this.page.goto(ARTICLE_PATH);
  }

  /** The article's own paragraphs (not editor's notes or captions), as read, without citation markers. */
  async paragraphs(): Promise<string[]> {
    return this.body.evaluate((body) =>
      [...body.querySelectorAll(':scope > p')].map((p) => {
        const copy = p.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('sup.citation').forEach((s) => s.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    );
  }

  /** Reference texts, without the back-links. */
  async referenceTexts(): Promise<string[]> {
    return this.references.locator('.reference-text').allTextContents();
  }

  /**
   * Rows of numbers of one grid of the example figure as the server drew it ("Input", "Kernel",
   * "Output"): the stepper's own layout, which readers without JavaScript see as it is.
   */
  async grid(label: 'Input' | 'Kernel' | 'Output'): Promise<number[][]> {
    const testId = { Input: 'input-cell', Kernel: 'kernel-cell', Output: 'output-cell' }[label];
    const cells = this.figure.getByTestId('conv-stepper').first().getByTestId(testId);
    const values = await cells.evaluateAll((els) =>
      els.map((el) =>
        Number((el instanceof HTMLInputElement ? el.value : (el.textContent ?? '')).replace('−', '-')),
      ),
    );
    const side = Math.round(Math.sqrt(values.length));
    return Array.from({ length: side }, (_, r) => values.slice(r * side, r * side + side));
  }
}

type CellKind = 'input-cell' | 'kernel-cell' | 'output-cell';

/** The convolution stepper, hydrated: the `index`-th on its page (0 = the first). */
export class StepperPage {
  readonly root: Locator;
  /** The message on screen (each control has its own; at most one shows at a time). */
  readonly message: Locator;
  readonly announcer: Locator;
  constructor(
    readonly page: Page,
    readonly index = 0,
  ) {
    this.root = page.getByTestId('conv-stepper').nth(index);
    this.message = this.root
      .getByTestId('demo-message')
      .filter({ has: page.locator('.demo-message__bubble') });
    this.announcer = this.root.getByTestId('step-announcer');
  }

  /** Opens the article (or another post), scrolls the stepper into view and waits until it is interactive. */
  async open(path = ARTICLE_PATH): Promise<void> {
    // The demo's own readiness is what counts: no wait for the page's images and fonts ('load').
    await this.page.goto(path, { waitUntil: 'domcontentloaded' });
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await this.root.scrollIntoViewIfNeeded();
    await this.root.and(this.page.locator('[data-ready="true"]')).waitFor();
  }

  cells(kind: CellKind): Locator {
    return this.root.getByTestId(kind);
  }

  async values(kind: CellKind): Promise<number[]> {
    const texts =
      kind === 'output-cell'
        ? await this.cells(kind).allTextContents()
        : await this.cells(kind).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    return texts.map((t) => (t.trim() === '' ? Number.NaN : Number(t.replace('−', '-'))));
  }

  /** Values of a square grid of cells as rows. */
  async rows(kind: CellKind): Promise<number[][]> {
    const flat = await this.values(kind);
    const [, cols] =
      kind === 'output-cell' ? await this.outputShape() : [0, Math.round(Math.sqrt(flat.length))];
    return Array.from({ length: flat.length / cols }, (_, r) => flat.slice(r * cols, r * cols + cols));
  }

  async outputShape(): Promise<[number, number]> {
    const text = (await this.root.getByTestId('output-shape').textContent()) ?? '';
    const [rows, cols] = text.split('×').map(Number);
    return [rows ?? 0, cols ?? 0];
  }

  /** Opens the settings (folded by default) if they are closed. */
  async openSettings(): Promise<void> {
    const details = this.root.getByTestId('stepper-settings');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  }

  async setting(testId: 'input-size' | 'kernel-size' | 'stride' | 'padding' | 'dilation', value: string) {
    await this.openSettings();
    const control = this.root.getByTestId(testId);
    if (testId === 'padding') await control.selectOption(value);
    else await control.fill(value);
  }

  /** Types into a cell and commits with Enter, as a reader would. */
  async typeInCell(kind: 'input-cell' | 'kernel-cell', index: number, text: string): Promise<void> {
    const cell = this.cells(kind).nth(index);
    await cell.fill(text);
    await cell.press('Enter');
  }

  /** Index of the selected output cell (the one whose window is shown). */
  async selected(): Promise<number> {
    return this.cells('output-cell').evaluateAll((els) =>
      els.findIndex((e) => e.getAttribute('aria-pressed') === 'true'),
    );
  }

  /** The formula symbols and the figure parts standing for `term`. */
  term(term: string): Locator {
    return this.root.locator(`[data-testid="formula-term"][data-term="${term}"]`);
  }

  part(term: string): Locator {
    return this.root.locator(`[data-testid="figure-part"][data-term="${term}"]`);
  }
}

/** The kernel playground (the first on the page, or the nth), hydrated, with one update drawn. */
export class PlaygroundPage {
  readonly root: Locator;
  /** Any sentence the playground shows beside a control (messages are empty until needed). */
  readonly message: Locator;
  constructor(
    readonly page: Page,
    index = 0,
  ) {
    this.root = page.getByTestId('kernel-playground').nth(index);
    this.message = this.root.getByTestId('demo-message').filter({ hasText: /\S/ });
  }

  async open(query = '', path = ARTICLE_PATH, hash = ''): Promise<void> {
    await this.page.goto(path + query + hash, { waitUntil: 'domcontentloaded' });
    await this.root.scrollIntoViewIfNeeded();
    await this.root.and(this.page.locator('[data-ready="true"]')).waitFor({ timeout: 30_000 });
  }

  async updates(): Promise<number> {
    return Number(await this.root.getAttribute('data-updates'));
  }

  async tensors(): Promise<number> {
    return Number(await this.root.getAttribute('data-tensors'));
  }

  /** RGBA bytes and size of one of the playground's canvases. */
  async pixels(
    testId: 'input-canvas' | 'feature-map',
  ): Promise<{ width: number; height: number; rgba: number[] }> {
    return canvasRgba(this.root.getByTestId(testId));
  }

  kernelCells(): Locator {
    return this.root.getByTestId('kernel-cell');
  }

  /** Opens "Picture and colours" (the picture's source, grey or RGB, the scale). */
  async openSettings(): Promise<void> {
    const details = this.root.locator('details.playground-settings');
    if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) {
      await details.locator('summary').click();
    }
  }

  /** Picks a radio button of "Picture and colours" by its label ("RGB, per channel", "Clip to 0–255"). */
  async choose(label: string): Promise<void> {
    await this.openSettings();
    const radio = this.root.getByLabel(label, { exact: true });
    await radio.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await radio.check();
  }

  /** Picks a preset (and waits for its picture), unless it is already the one shown. */
  async choosePreset(id: string): Promise<void> {
    const select = this.root.getByTestId('kernel-preset');
    if ((await select.inputValue()) === id) return;
    // Bring the control on screen first: the figure uses content-visibility: auto, whose skipped
    // content Playwright does not count as visible.
    await select.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await this.afterUpdate(async () => {
      await select.selectOption(id);
    });
  }

  /** Runs `change` and waits until the playground has drawn at least one more update. */
  async afterUpdate(change: () => Promise<void>): Promise<void> {
    const before = await this.updates();
    await change();
    await expect
      .poll(() => this.updates(), {
        message: 'the playground draws the change',
        timeout: 30_000,
        intervals: [50, 100, 200],
      })
      .toBeGreaterThan(before);
  }
}

/**
 * What every live demo's page object shares: its root (the `index`-th element with the demo's
 * test id on the page), and opening a page with it, scrolled into view and ready.
 */
class DemoPage {
  readonly root: Locator;
  constructor(
    readonly page: Page,
    testId: string,
    readonly index = 0,
  ) {
    this.root = page.getByTestId(testId).nth(index);
  }

  /** Opens a page (the authoring guide by default), scrolls the demo into view, waits until it is live. */
  async open(path = GUIDE_PATH, hash = ''): Promise<void> {
    await this.page.goto(`${path}${hash}`, { waitUntil: 'domcontentloaded' });
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await this.root.scrollIntoViewIfNeeded();
    await this.root.and(this.page.locator('[data-ready="true"]')).waitFor({ timeout: 30_000 });
  }
}

type FmStage = 'conv' | 'relu' | 'pool';

/** The feature-maps demo, hydrated: the `index`-th on its page. */
export class FeatureMapsPage extends DemoPage {
  readonly inspector: Locator;
  constructor(page: Page, index = 0) {
    super(page, 'feature-maps', index);
    this.inspector = this.root.getByTestId('fm-inspector');
  }

  async updates(): Promise<number> {
    return Number(await this.root.getAttribute('data-updates'));
  }

  /** Runs an action and waits until the maps have been drawn again. */
  async afterUpdate(action: () => Promise<void>): Promise<void> {
    const before = await this.updates();
    await action();
    await expect.poll(() => this.updates()).toBeGreaterThan(before);
  }

  map(filter: number, stage: FmStage): Locator {
    return this.root.locator(`[data-testid="fm-stage"][data-filter="${filter}"][data-stage="${stage}"]`);
  }

  /** Taps (or clicks) the centre of one cell of one map. */
  async pick(filter: number, stage: FmStage, row: number, col: number, touch = false): Promise<void> {
    const map = this.map(filter, stage);
    await map.scrollIntoViewIfNeeded();
    const [h, w] = [Number(await map.getAttribute('data-h')), Number(await map.getAttribute('data-w'))];
    const box = await map.boundingBox();
    if (box === null) throw new Error('the map is not on screen');
    const x = box.x + ((col + 0.5) / w) * box.width;
    const y = box.y + ((row + 0.5) / h) * box.height;
    if (touch) await this.page.touchscreen.tap(x, y);
    else await this.page.mouse.click(x, y);
  }

  /** The inspected cell's value at one stage, as the inspector holds it (null: no pooled cell). */
  async value(stage: FmStage): Promise<number | null> {
    const text = await this.inspector
      .locator(`[data-testid="fm-value"][data-stage="${stage}"]`)
      .getAttribute('data-value');
    return text === '' || text === null ? null : Number(text);
  }

  async shape(stage: FmStage | 'input'): Promise<string> {
    return (await this.root.locator(`[data-testid="fm-shape"][data-stage="${stage}"]`).textContent()) ?? '';
  }

  /** RGBA bytes of one drawn map (the live canvas). */
  async pixels(filter: number, stage: FmStage): Promise<number[]> {
    return (await canvasRgba(this.map(filter, stage).locator('canvas'))).rgba;
  }
}

export class TextConvPage extends DemoPage {
  readonly input: Locator;
  constructor(page: Page, index = 0) {
    super(page, 'text-conv', index);
    this.input = this.root.getByTestId('text-input');
  }

  filter(f: number): Locator {
    return this.root.getByTestId('text-filter').nth(f);
  }

  /** The scores filter f shows, by position (from each output's data-value). */
  async outputs(f: number): Promise<number[]> {
    const cells = this.filter(f).getByTestId('conv1d-output');
    const positions = await cells.evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute('data-position'))),
    );
    expect(positions, 'outputs are drawn in order of position').toEqual(positions.map((_, i) => i));
    return cells.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  }

  async winner(f: number): Promise<{ position: number; value: number }> {
    const w = this.filter(f).getByTestId('maxpool-winner');
    return {
      position: Number(await w.getAttribute('data-position')),
      value: Number(await w.getAttribute('data-value')),
    };
  }

  async tokens(): Promise<string[]> {
    return this.root.getByTestId('token').allTextContents();
  }

  /** Selects characters [start, end) of the sentence box (UTF-16 offsets), as a reader's drag would. */
  async selectText(start: number, end: number): Promise<void> {
    await this.input.evaluate(
      (el: HTMLInputElement, [s, e]) => {
        el.focus();
        el.setSelectionRange(s, e);
      },
      [start, end] as const,
    );
  }
}

/** The digit network demo (the authoring guide's live example shows held-out digit no. 10, a 7). */
export class DigitNetworkPage extends DemoPage {
  readonly bars: Locator;
  constructor(page: Page, index = 0) {
    super(page, 'digit-network', index);
    this.bars = this.root.getByTestId('prediction-bar');
  }

  /** The ten probabilities shown, as the bars hold them (data-probability), digit 0 first. */
  async probabilities(): Promise<number[]> {
    const byDigit = await this.bars.evaluateAll((els) =>
      els.map((el) => [Number(el.getAttribute('data-digit')), Number(el.getAttribute('data-probability'))]),
    );
    return byDigit.sort((a, b) => (a[0] as number) - (b[0] as number)).map((p) => p[1] as number);
  }

  /** The exact values of a 3×3 grid (row by row) inside a part of the demo. */
  async grid(testId: string, index = 0): Promise<number[]> {
    return this.root
      .getByTestId(testId)
      .nth(index)
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
  }

  /** Draws a stroke on the pad with the mouse, through points given as fractions of its size. */
  async draw(points: [number, number][]): Promise<void> {
    const pad = this.root.getByTestId('draw-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (box === null) throw new Error('the drawing pad is not on screen');
    const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
    const [first, ...rest] = points;
    if (!first) return;
    await this.page.mouse.move(...at(first));
    await this.page.mouse.down();
    for (const p of rest) await this.page.mouse.move(...at(p), { steps: 4 });
    await this.page.mouse.up();
  }
}

/** The text classifier (TextClassifier) on a page: its numbers read from data-value attributes. */
export class TextClassifierPage extends DemoPage {
  readonly input: Locator;
  constructor(page: Page, index = 0) {
    super(page, 'text-classifier', index);
    this.input = this.root.getByTestId('text-input');
  }

  /** [not spam, spam], as shown. */
  async probabilities(): Promise<[number, number]> {
    const read = (name: string) =>
      this.root.locator(`[data-testid="class-probability"][data-class="${name}"]`).getAttribute('data-value');
    return [Number(await read('not spam')), Number(await read('spam'))];
  }

  async contributions(): Promise<{ word: string; value: number }[]> {
    return this.root.getByTestId('word-contribution').evaluateAll((els) =>
      els.map((e) => ({
        word: e.getAttribute('data-word') ?? '',
        value: Number(e.getAttribute('data-value')),
      })),
    );
  }
}
