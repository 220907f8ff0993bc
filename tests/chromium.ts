/**
 * Which Chromium the tests drive: the system one (Debian's `chromium`) when present, otherwise
 * Playwright's own download. Shared by the Playwright config and the scripts that launch a browser.
 */
import { existsSync } from 'node:fs';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const systemChromium: string | undefined =
  process.env.CHROMIUM_PATH ?? SYSTEM_CANDIDATES.find((path) => existsSync(path));

/** Flags Chromium needs when it runs as root in a container with no network beyond localhost. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // A synthetic camera that needs no permission prompt, for the playground's webcam test.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export const launchOptions = {
  args: chromiumArgs,
  ...(systemChromium ? { executablePath: systemChromium } : {}),
};
