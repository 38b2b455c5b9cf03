import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@rightly/services';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import { BROWSER_REQUIRED, HAS_CHROMIUM, launchChromium, MISSING_CHROMIUM_MESSAGE } from './browser';
import { startMailCatcher, type CaughtMail, type MailCatcher } from './mail-catcher';
import { startRightlyServer, type RunningServer } from './rightly-server';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Every screenshot of a run lands here (ignored by git), to be looked at after the run. */
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DOCS_SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');
/**
 * The README's pictures are refreshed only on request (`npm run screenshots:docs`): a plain test
 * run must leave the checkout as it found it.
 */
const UPDATE_DOCS_SCREENSHOTS = process.env.RIGHTLY_DOCS_SCREENSHOTS === '1';

export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

if (!HAS_CHROMIUM && !BROWSER_REQUIRED) {
  console.warn(`Skipping the browser tests: ${MISSING_CHROMIUM_MESSAGE}`);
}

/**
 * `describe` for a browser suite: skipped without Chromium on a developer machine, but in CI (or
 * with RIGHTLY_REQUIRE_BROWSER) it runs and fails in `beforeAll`, naming what to install.
 */
export const describeInChromium = describe.skipIf(!HAS_CHROMIUM && !BROWSER_REQUIRED);

export interface BrowserSuiteOptions {
  /** Start a local mail server and point the app's SMTP_URL at it; `mails()` lists what arrived. */
  catchMail?: boolean;
}

export interface BrowserSuite {
  /** The running server; only inside a test or a later hook. */
  server(): RunningServer;
  /** A page in a fresh browser context (no cookies), closed after the test. */
  openPage(options?: BrowserContextOptions): Promise<Page>;
  /** Uncaught errors of every page the current test opened: a test ends by expecting none. */
  pageErrors(): readonly string[];
  /** The e-mail the server sent, oldest first (with `catchMail`). */
  mails(): readonly CaughtMail[];
}

/**
 * Registers the hooks every browser suite needs: the web build, a real `rightly serve` on a copy
 * of the demo folder, one Chromium for the file, a fresh context per page. Call it inside the
 * suite's `describe`, before the suite's own hooks (vitest runs `beforeAll` hooks in order).
 */
export function useBrowserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let mailCatcher: MailCatcher | undefined;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (!HAS_CHROMIUM) throw new Error(MISSING_CHROMIUM_MESSAGE);
    // Built when missing or older than its sources: a stale build would test yesterday's UI.
    execFileSync('node', ['scripts/ensure-web-build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    mailCatcher = options.catchMail ? await startMailCatcher() : undefined;
    const env = mailCatcher ? { SMTP_URL: mailCatcher.url, MAIL_FROM: 'Rightly <rightly@demo.test>' } : undefined;
    [server, browser] = await Promise.all([
      startRightlyServer({ timeoutMs: 150_000, ...(env ? { env } : {}) }),
      launchChromium(),
    ]);
  });
  beforeEach(() => {
    errors.length = 0;
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mailCatcher?.close();
  });

  return {
    server: () => {
      if (!server) throw new Error('beforeAll did not finish');
      return server;
    },
    openPage: async (contextOptions = {}) => {
      if (!browser || !server) throw new Error('beforeAll did not finish');
      const context = await browser.newContext({ viewport: LAPTOP, baseURL: server.url, ...contextOptions });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      return page;
    },
    pageErrors: () => errors,
    mails: () => mailCatcher?.mails ?? [],
  };
}

/** Fills the sign-in form the page shows and submits it. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Opens a deep link while signed out, and signs in on the form it redirects to. */
export async function signInAt(page: Page, path: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(path);
  await submitSignIn(page, email, password);
}

/** Evaluated as a string: these files are type-checked without the DOM library. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const [scrollWidth, innerWidth] = (await page.evaluate(
    '[document.documentElement.scrollWidth, window.innerWidth]',
  )) as [number, number];
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

export interface ScreenshotParams {
  /** A whole page (full length) or one part of it, such as a settings card. */
  of: Page | Locator;
  name: string;
  /** Also the README's copy in docs/screenshots, when RIGHTLY_DOCS_SCREENSHOTS=1. */
  forDocs?: boolean;
  /** A page is shot at its full length unless this is false (then only what the window shows). */
  fullPage?: boolean;
  /** CSS applied for the shot only, e.g. to hide the sticky header over a card. */
  style?: string;
}

/** A screenshot in the run's folder, and in docs/ when the docs' pictures are being refreshed. */
export async function screenshot(params: ScreenshotParams): Promise<void> {
  const path = join(SCREENSHOTS, params.name);
  if ('goto' in params.of) {
    const fullPage = params.fullPage ?? true;
    // From the top: the app's header is fixed, and would otherwise land mid-page.
    if (fullPage) await params.of.evaluate('window.scrollTo(0, 0)');
    await params.of.screenshot({ path, fullPage, animations: 'disabled', style: params.style });
  } else {
    await params.of.screenshot({ path, animations: 'disabled', style: params.style });
  }
  if (params.forDocs && UPDATE_DOCS_SCREENSHOTS) {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(path, join(DOCS_SCREENSHOTS, params.name));
  }
}
