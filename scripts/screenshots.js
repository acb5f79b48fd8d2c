#!/usr/bin/env node
/**
 * Screenshots of the playground (production build) in headless Chromium, light and dark, for a
 * person to look at: test-output/playground-<theme>*.png. Also prints console errors and CSP
 * violations, and how long the task pane takes to render (median of a few loads).
 *
 * Usage: npm run build && node scripts/screenshots.js [dist] [--chromium /usr/bin/chromium]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { serveStatic } = require('./serve-static');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUT = path.resolve(__dirname, '..', 'test-output');

/** Just enough of office.js for the composition root: Excel host, dark Office theme, a partition key. */
const FAKE_OFFICE_JS = `
window.Office = {
  HostType: { Excel: 'Excel' },
  onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }); },
  context: {
    partitionKey: 'screenshot',
    officeTheme: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff' },
    requirements: { isSetSupported: function () { return true; } }
  }
};
window.Excel = { run: function () { return Promise.reject(new Error('no Excel in screenshots')); } };
`;

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const dist = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
  fs.mkdirSync(OUT, { recursive: true });
  const server = await serveStatic(dist, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: option('--chromium', '/usr/bin/chromium'), args: FLAGS });
  const problems = [];
  try {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 820 }, locale: 'sv-SE' });
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`[${scheme}] console ${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`[${scheme}] page error: ${error.message}`));

      const started = Date.now();
      await page.goto(`${base}/playground.html`);
      await page.getByTestId('task-pane').waitFor();
      const paneReady = Date.now() - started;
      await page.getByTestId('sheet-grid').waitFor({ timeout: 30_000 });
      const gridReady = Date.now() - started;
      console.log(`[${scheme}] task pane rendered after ${paneReady} ms, sample grid after ${gridReady} ms`);
      await page.screenshot({ path: path.join(OUT, `playground-${scheme}.png`) });
      await page.getByTestId('task-pane-host').screenshot({ path: path.join(OUT, `taskpane-home-${scheme}.png`) });

      // Mallar: the sample is open, so every input tab is already there.
      await page.getByRole('tab', { name: 'Mallar' }).click();
      await page.getByRole('button', { name: 'Lägg in exempeldata' }).click();
      await page.getByTestId('templates-result').waitFor();
      await page.getByTestId('task-pane-host').screenshot({ path: path.join(OUT, `taskpane-mallar-${scheme}.png`) });

      // Another tab of the grid with a cell selected: the formula bar shows its content.
      await page.getByRole('tab', { name: 'Driftbudget' }).click();
      await page.locator('[data-address="E6"]').click();
      await page.screenshot({ path: path.join(OUT, `playground-driftbudget-${scheme}.png`) });

      // English, and a section that is still to come.
      await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
      await page.getByRole('tab', { name: 'Follow-up' }).click();
      await page.getByTestId('task-pane-host').screenshot({ path: path.join(OUT, `taskpane-followup-en-${scheme}.png`) });
      await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
      await context.close();
    }

    // High contrast (forced colours): Fluent's high-contrast theme and system colours.
    const contrast = await browser.newContext({ forcedColors: 'active', colorScheme: 'dark', viewport: { width: 1280, height: 820 } });
    const hcPage = await contrast.newPage();
    await hcPage.goto(`${base}/playground.html`);
    await hcPage.getByTestId('sheet-grid').waitFor({ timeout: 30_000 });
    await hcPage.screenshot({ path: path.join(OUT, 'playground-high-contrast.png') });
    await contrast.close();

    // taskpane.html as Excel would show it, with a stand-in office.js (no Excel here): Office's dark
    // theme must win over the browser's light scheme, and office-js-helpers must load only lazily.
    const office = await browser.newContext({ colorScheme: 'light', viewport: { width: 360, height: 760 } });
    await office.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: FAKE_OFFICE_JS }),
    );
    const paneRequests = [];
    const officePage = await office.newPage();
    officePage.on('request', (request) => paneRequests.push(request.url()));
    officePage.on('pageerror', (error) => problems.push(`[taskpane.html] page error: ${error.message}`));
    await officePage.goto(`${base}/taskpane.html`);
    await officePage.getByTestId('next-deadline').waitFor();
    await officePage.waitForTimeout(500);
    await officePage.screenshot({ path: path.join(OUT, 'taskpane-office-dark.png') });
    const scripts = paneRequests.filter((u) => u.endsWith('.js')).map((u) => u.replace(base, ''));
    console.log(`taskpane.html loaded scripts: ${scripts.join(', ')}`);
    await office.close();

    // Narrow window: the task pane goes under the grid.
    const narrow = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const page = await narrow.newPage();
    await page.goto(`${base}/playground.html`);
    await page.getByTestId('sheet-grid').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'playground-narrow.png'), fullPage: true });
    await narrow.close();

    // Ready time: median of five cold loads, from navigation start to the task pane's first render.
    const times = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.goto(`${base}/playground.html`);
      await p.getByTestId('next-deadline').waitFor();
      times.push(Math.round(await p.evaluate(() => performance.getEntriesByName('budgetkoll:taskpane-ready')[0]?.startTime ?? NaN)));
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`task pane ready (first render after navigation start): median ${times[2]} ms of ${times.join(', ')}`);
  } finally {
    await browser.close();
    server.close();
  }
  if (problems.length > 0) {
    console.log('Console problems:');
    for (const p of problems) console.log(`  ${p}`);
  }
  console.log(`Screenshots in ${path.relative(process.cwd(), OUT)}/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
