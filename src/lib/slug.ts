/**
 * Page addresses from words: "Beginner's Guide: CNNs & Kernels" -> "beginners-guide-cnns-and-kernels".
 * Pure, with no imports, so scripts/ can use it as well as the site.
 */

/** Straight and curly apostrophes, and the modifier letter apostrophe: removed, never a hyphen. */
const APOSTROPHES = /['\u2018\u2019\u02bc]/g;

/**
 * Lowercase, accents stripped (NFKD, then combining marks removed), "&" read as "and", apostrophes
 * dropped, every other run of characters outside a-z and 0-9 turned into one hyphen, with no
 * hyphen at either end. '' when nothing usable is left (the caller decides what to say).
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(APOSTROPHES, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
