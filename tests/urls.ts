/**
 * Where the test servers listen: the built site, and the engine harness (tests/harness).
 * E2E_PORT_BASE moves both (site = base, harness = base + 1), so two checkouts on one machine can
 * run their end-to-end tests at the same time.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4391);
export const SITE_PORT = base;
export const HARNESS_PORT = base + 1;
export const SITE_URL = `http://127.0.0.1:${SITE_PORT}`;
export const HARNESS_URL = `http://127.0.0.1:${HARNESS_PORT}`;
