/**
 * Shared set-up for end-to-end tests: serve the production build (dist/) over HTTP on a free
 * port and launch Debian's Chromium headless. `npm run build` must have run (CI does it first).
 */
import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import type { AddressInfo, Server } from 'net';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic } = require('../../scripts/serve-static.js') as { serveStatic: (root: string, port: number) => Promise<Server> };

export const ROOT = join(__dirname, '..', '..');
export const OUTPUT = join(ROOT, 'test-output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Harness {
  browser: Browser;
  server: Server;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'playground.html'))) throw new Error('dist/playground.html saknas: kör `npm run build` först.');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium saknas (${CHROMIUM}): installera paketet chromium.`);
  mkdirSync(OUTPUT, { recursive: true });
  const server = await serveStatic(dist, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const port = (server.address() as AddressInfo).port;
  return {
    browser,
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The e2e file's harness: started before its tests and closed after them. Returns a getter, as the
 * harness exists only once beforeAll has run.
 */
export function harnessForFile(): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('the e2e harness did not start');
    return harness;
  };
}

/** A playground page that collects its uncaught errors (tests expect none). */
export type PlaygroundPage = Page & { errors: string[] };

/**
 * The playground in a new browser context (sv-SE unless `options` say otherwise), once its sample
 * workbook shows the tab `firstTab`.
 */
export async function openPlaygroundPage(harness: Harness, options: BrowserContextOptions = {}, firstTab = 'Driftbudget'): Promise<PlaygroundPage> {
  const context = await harness.browser.newContext({ locale: 'sv-SE', ...options });
  const page = (await context.newPage()) as PlaygroundPage;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${harness.baseUrl}/playground.html`);
  await page.getByTestId('sheet-tabs').getByRole('tab', { name: firstTab, exact: true }).waitFor();
  return page;
}

/** Waits (up to `ms`) until the locator's first match shows text matching the pattern; white space folded. */
export async function expectText(locator: Locator, pattern: RegExp, ms = 30_000): Promise<void> {
  await locator.first().waitFor({ timeout: ms });
  const deadline = Date.now() + ms;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
    if (pattern.test(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(text).toMatch(pattern);
}

/** Waits (up to 10 s) until the input with this test id holds the expected value. */
export async function expectInput(page: Page, testId: string, expected: string): Promise<void> {
  const input = page.getByTestId(testId);
  const deadline = Date.now() + 10_000;
  let value = '';
  while (Date.now() < deadline) {
    value = await input.inputValue();
    if (value === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(value).toBe(expected);
}
