/**
 * The text classifier in the authoring guide. Expected numbers come from src/compute's reference,
 * run here in Node on the shipped weights (public/data/text/text-cnn.json): never from the page.
 */
import { readFileSync } from 'node:fs';
import { parseTextModel } from '../../src/compute/text-cnn-file';
import {
  classifierFromFile,
  classify,
  EMPTY_MESSAGE,
  MAX_CHARS,
} from '../../src/islands/text-classifier/model';
import { expect, test } from './fixtures';
import { GUIDE_PATH, setTabHidden, TextClassifierPage } from './pages';
import { seriousViolations } from './axe';

test.describe.configure({ timeout: 120_000 });

const model = classifierFromFile(
  parseTextModel(JSON.parse(readFileSync('public/data/text/text-cnn.json', 'utf8'))),
);

async function expectReference(demo: TextClassifierPage, text: string, what: string) {
  const want = classify(model, text);
  const [ham, spam] = await demo.probabilities();
  expect(Math.abs(spam - want.probabilities[1]), `${what}: P(spam) is the reference's`).toBeLessThan(1e-6);
  expect(Math.abs(ham - want.probabilities[0]), `${what}: P(not spam) is the reference's`).toBeLessThan(1e-6);
  const shown = await demo.contributions();
  expect(
    shown.map((s) => s.word),
    `${what}: one word-contribution per word read`,
  ).toEqual(want.words.map((w) => w.text));
  shown.forEach((s, i) =>
    expect(Math.abs(s.value - (want.words[i]?.value ?? NaN)), `${what}: word ${i} (${s.word})`).toBeLessThan(
      1e-6,
    ),
  );
}

test('built figure and typed sentences show the reference numbers; bad input gets a sentence and keeps the last state', async ({
  page,
}) => {
  // The figure as built (no JavaScript) is the reference's for the default sentence.
  const html = await (await page.request.get(GUIDE_PATH)).text();
  const figure = html.slice(html.indexOf('data-testid="text-classifier"'));
  const builtSpam = Number(/data-class="spam" data-value="([^"]+)"/.exec(figure)?.[1]);
  const start = classify(model, 'Make $500 a week from home, free!');
  expect(Math.abs(builtSpam - start.probabilities[1]), 'the built P(spam) is the reference').toBeLessThan(
    1e-6,
  );

  const demo = new TextClassifierPage(page);
  await demo.open();
  await expectReference(demo, 'Make $500 a week from home, free!', 'the starting sentence, live');
  await expect(demo.root.getByTestId('ngram-top').first(), 'each filter lists its top n-grams').toContainText(
    '“',
  );

  // Predict, then reveal: the reference's answer, guessed right.
  const want = classify(model, 'Re: [ILUG] make money fast').probabilities[1];
  await demo.root.locator('.demo-predict > summary').click();
  await demo.root.getByTestId('predict-input').fill(String(Math.round(want * 100)));
  await demo.root.getByTestId('predict-reveal').click();
  await expect(demo.root.locator('.demo-predict'), 'a guess at the reference value is right').toContainText(
    'Close',
  );

  for (const text of [
    'Re: [ILUG] apt-get problem with perl',
    'cheap mortgage rates!!!',
    'café 👋🏽 שלום e\u0301',
  ]) {
    await demo.input.fill(text);
    await expectReference(demo, text, JSON.stringify(text));
  }
  // Emoji, combining marks and a right-to-left word stay whole.
  const words = (await demo.contributions()).map((w) => w.word);
  expect(words, 'graphemes are never broken').toEqual(['café', '👋🏽', 'שלום', 'é']);

  // HTML is shown as text, with a sentence.
  await demo.input.fill('<img src=x onerror=alert(1)> free money');
  await expectReference(demo, '<img src=x onerror=alert(1)> free money', 'HTML typed');
  await expect(demo.root.locator('img'), 'no element was made from the text').toHaveCount(0);
  await expect(demo.root.getByTestId('text-message')).toContainText('plain text');

  // Empty: a sentence, and the last good state stays.
  const before = await demo.probabilities();
  await demo.input.fill('');
  await expect(demo.root.getByTestId('text-message')).toHaveText(EMPTY_MESSAGE);
  expect(await demo.probabilities(), 'the last good figure stays').toEqual(before);

  // A 10,000-character paste is cut, with a notice.
  const long = 'win cash now '.repeat(800).slice(0, 10_000);
  await demo.input.fill(long);
  await expect(demo.root.getByTestId('text-message')).toContainText('10,000 characters');
  const kept = await demo.input.inputValue();
  expect(kept.length, `the box keeps the first ${MAX_CHARS} characters`).toBe(MAX_CHARS);
  await expectReference(demo, kept, 'the cut paste');
});

test('train from scratch: progress, held-out accuracy, then back to the pretrained weights', async ({
  page,
}) => {
  const demo = new TextClassifierPage(page);
  await demo.open();
  const pretrained = await demo.probabilities();
  await demo.root.getByTestId('train-scratch').click();
  const progress = demo.root.getByTestId('train-progress');
  await expect(progress, 'progress appears').toContainText('Epoch');
  await expect(progress, 'training finishes').toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(progress, 'held-out accuracy after each epoch').toContainText('held out');
  const accuracy = Number(await demo.root.getByTestId('accuracy-model').getAttribute('data-value'));
  expect(accuracy, 'the trained network beats always answering "not spam"').toBeGreaterThan(0.7);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const serious = await seriousViolations(page, '[data-testid="text-classifier"]');
    expect(serious, `axe finds nothing serious in the trained figure (${scheme})`).toEqual([]);
  }
  await demo.root.getByTestId('use-pretrained').click();
  expect(await demo.probabilities(), 'the pretrained figure is back').toEqual(pretrained);
});

test('training holds while the tab is hidden or the demo is off screen, and finishes once it is back', async ({
  page,
}) => {
  const demo = new TextClassifierPage(page);
  await demo.open();
  const progress = demo.root.getByTestId('train-progress');
  const share = async () => Number(await progress.getAttribute('data-progress'));
  // Hidden before it starts, so the check does not race a run that takes only a few seconds.
  await setTabHidden(page, true);
  await demo.root.getByTestId('train-scratch').click();
  await expect(progress, 'held in a hidden tab').toHaveAttribute('data-held', 'true', { timeout: 60_000 });
  await expect(progress).toHaveAttribute('data-status', 'training');
  await expect(progress).toContainText('Paused while the demo is off screen or the tab is hidden');
  await page.waitForTimeout(1500);
  expect(await share(), 'no batch trained while the tab is hidden').toBe(0);

  // The tab is back, but the demo is scrolled off screen: still held.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(demo.root).not.toBeInViewport();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await setTabHidden(page, false);
  await page.waitForTimeout(1500);
  expect(await share(), 'no batch trained while the demo is off screen').toBe(0);
  await expect(progress).toHaveAttribute('data-held', 'true');

  // On screen again: it goes on, to the end.
  await demo.root.scrollIntoViewIfNeeded();
  await expect(progress, 'training goes on').toHaveAttribute('data-held', 'false');
  await expect(progress, 'training finishes').toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect(await share(), 'the whole run was trained').toBe(1);
  await expect(progress).toContainText('held out');
});
