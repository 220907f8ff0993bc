/** Page objects: what a reader looks at, named the way a reader would name it. */
import type { Locator, Page } from '@playwright/test';

export const ARTICLE_PATH = '/understanding-convolutional-neural-networks/';

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

  /** Rows of numbers of one grid of the static figure ("Input", "Kernel", "Output"). */
  async grid(label: 'Input' | 'Kernel' | 'Output'): Promise<number[][]> {
    const table = this.figure.getByRole('table', { name: new RegExp(`^${label},`) });
    return table.evaluate((t) =>
      [...t.querySelectorAll('tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => Number((td.textContent ?? '').replace('−', '-'))),
      ),
    );
  }
}
