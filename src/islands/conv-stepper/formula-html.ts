/**
 * How the formulas' HTML (KaTeX, rendered at build time by the MDX wrapper) reaches the island
 * without being copied into its props (37 KB of escaped HTML per stepper, which every page load
 * would parse and accessibility tools would crawl): on the server the wrapper leaves it here for
 * the island's server render; in the browser the island reads it back from its own server-rendered
 * markup (the two formulas, and the two templates whose numbers it fills in).
 */
export interface FormulaHtml {
  general: string;
  here: string;
  size: string;
  sizeHere: string;
}

/** Set by src/mdx/ConvolutionStepper.astro at build time; the same for every stepper. */
export const serverFormulas: { html: FormulaHtml | null } = { html: null };

/** The formulas' HTML from the server-rendered formula block whose id is `rootId`, or null. */
export function readFormulas(rootId: string): FormulaHtml | null {
  const root = document.getElementById(rootId);
  const part = (name: string) => root?.querySelector(`[data-formula="${name}"]`)?.innerHTML ?? null;
  const [general, here, size, sizeHere] = ['general', 'here-template', 'size', 'size-template'].map(part);
  if (!general || !here || !size || !sizeHere) return null;
  return { general, here, size, sizeHere };
}
