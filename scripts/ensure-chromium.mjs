// Makes sure a Chromium is there for the end-to-end tests and the benchmark, or says exactly how
// to get one.
// On Debian as root it installs the `chromium` package itself; elsewhere it only explains.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
if (candidates.some((p) => p && existsSync(p))) process.exit(0);

let playwrightOwn = false;
try {
  const { chromium } = await import('@playwright/test');
  playwrightOwn = existsSync(chromium.executablePath());
} catch {
  playwrightOwn = false;
}
if (playwrightOwn) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found: installing the Debian package "chromium" with apt-get…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  process.exit(0);
}
console.error(`No Chromium found for the end-to-end tests and the benchmark. Install one, then run again:
  Debian/Ubuntu:  sudo apt-get install chromium
  anywhere else:  npx playwright install chromium
  or point CHROMIUM_PATH at an existing Chromium or Chrome binary.`);
process.exit(1);
