#!/usr/bin/env node
/**
 * The pictures of the illustrated guide (docs/guide.md): a controller's first hour in the
 * playground on the bundled sample, 1366×768, light theme, Swedish, one PNG per step in
 * docs/bilder/; with --narrow the same steps with the pane at 320 px, the pane alone, in
 * test-output/guide-320/ (to look at, not for the docs). Run after `npm run build`:
 * `npm run screenshots:guide` (`npm run screenshots` runs both widths). A step whose section is
 * missing from the build fails the run (the guide must not show what is not there).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { serveStatic } = require('./serve-static');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const NARROW = process.argv.includes('--narrow');
const OUT = NARROW ? path.resolve(__dirname, '..', 'test-output', 'guide-320') : path.resolve(__dirname, '..', 'docs', 'bilder');
const WIDTH = NARROW ? 320 : 1366;

async function main() {
  const dist = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
  fs.mkdirSync(OUT, { recursive: true });
  const server = await serveStatic(dist, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: FLAGS });
  const errors = [];
  try {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: WIDTH, height: 768 }, locale: 'sv-SE' });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/playground.html`);
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Driftbudget', exact: true }).waitFor({ timeout: 60_000 });
    const pane = page.getByTestId('task-pane-host');
    const section = async (name) => {
      await pane.getByRole('tab', { name, exact: true }).click();
      return pane.getByRole('tabpanel', { name });
    };
    const shot = async (name) => {
      await page.waitForTimeout(300);
      // At 320 px the pane sits under the grid: the pane alone, whole.
      // The viewport grown to hold the whole pane first: an element capture taller than the
      // viewport left everything below about 1 200 px blank in Chromium.
      if (NARROW) {
        const height = await pane.evaluate((el) => el.scrollHeight);
        await page.setViewportSize({ width: WIDTH, height: Math.max(768, Math.ceil(height) + 400) });
        await page.waitForTimeout(200);
        await pane.screenshot({ path: path.join(OUT, `${name}.png`) });
        await page.setViewportSize({ width: WIDTH, height: 768 });
      }
      else await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      console.log(path.relative(process.cwd(), path.join(OUT, `${name}.png`)));
    };

    await pane.getByTestId('home-step').waitFor();
    await shot('01-hem');

    const check = await section('Kontrollera budget');
    await check.getByRole('button', { name: 'Kontrollera', exact: true }).click();
    await check.getByTestId('check-summary').waitFor({ timeout: 60_000 });
    await shot('02-kontrollera');

    const allocation = await section('Resursfördelning');
    await allocation.getByRole('button', { name: 'Läs in arbetsboken' }).click();
    await allocation.getByRole('button', { name: 'Kör modellen' }).click({ timeout: 60_000 });
    await allocation.getByRole('region', { name: 'Resultat per nämnd' }).waitFor({ timeout: 60_000 });
    await shot('03-resursfordelning');

    const followUp = await section('Uppföljning');
    await followUp.getByRole('button', { name: /^Läs in arbetsboken/ }).click();
    await followUp.getByRole('group', { name: 'Nämnder' }).getByRole('checkbox').nth(1).check({ timeout: 60_000 });
    await followUp.getByRole('button', { name: 'Skapa uppföljningsflik', exact: true }).click();
    await followUp.getByTestId('followup-outcome').filter({ hasText: 'Skapade fliken' }).waitFor({ timeout: 60_000 });
    // The new tab as the grid draws it, with its formulas worked out, not the spinner before it.
    await page.getByTestId('sheet-grid').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="engine-status"][data-state="done"]').waitFor({ timeout: 60_000 });
    await shot('04-uppfoljning');

    for (const [name, file] of [
      ['Koppla indata', '05-koppla-indata'],
      ['Lämna in', '06-lamna-in'],
    ]) {
      const tab = pane.getByRole('tab', { name, exact: true });
      if ((await tab.count()) === 0) throw new Error(`Fliken ${name} finns inte i bygget: kör npm run build på den senaste koden.`);
      await tab.click();
      await page.waitForTimeout(1500);
      await shot(file);
    }

    await section('Mallar');
    await pane.getByRole('button', { name: 'Skapa tomma mallflikar' }).waitFor();
    await shot('07-mallar');
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
  if (errors.length > 0) {
    console.error(`Fel på sidan:\n  ${errors.join('\n  ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
