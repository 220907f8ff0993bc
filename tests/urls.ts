/** Where the test servers listen: the built site, and the engine harness (tests/harness). */
export const SITE_PORT = 4391;
export const HARNESS_PORT = 4392;
export const SITE_URL = `http://127.0.0.1:${SITE_PORT}`;
export const HARNESS_URL = `http://127.0.0.1:${HARNESS_PORT}`;
