/**
 * Shared set-up for end-to-end tests: serve the production build (dist/) over HTTP on a free
 * port and launch Debian's Chromium headless. `npm run build` must have run (CI does it first).
 */
import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import type { AddressInfo, Server } from 'net';
import { chromium, type Browser } from 'playwright-core';

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
