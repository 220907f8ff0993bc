/**
 * axe's serious and critical findings, one line each ("rule (impact): where"), on the whole page
 * or inside one element. Every accessibility check of the suite goes through here.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  // axe.run in the page itself ("legacy" mode), asking only for violations. The default runs axe
  // in each frame, then copies every partial result, passes included, into a new blank page to
  // finish there: on the authoring guide (4,000 elements) that took 10.6 s against 3.8 s, for the
  // same findings. The site has no frames for it to miss.
  let axe = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
  if (within) axe = axe.include(within);
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
