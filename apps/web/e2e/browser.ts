import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
/** CI must never pass by skipping the browser suite. */
export const BROWSER_REQUIRED = Boolean(process.env.CI || process.env.RIGHTLY_REQUIRE_BROWSER);
export const MISSING_CHROMIUM_MESSAGE =
  `Chromium was not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\`, ` +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/**
 * Debian's Chromium with the flags that work in containers. Each run gets a fresh profile:
 * `launch()` refuses a `--user-data-dir` argument ("use launchPersistentContext") and instead
 * creates its own temporary profile folder, which it deletes on close. (A launcher line
 * `[: …: unexpected operator` from Debian's wrapper script on stderr is harmless.)
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
