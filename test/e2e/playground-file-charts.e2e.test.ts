/**
 * A chart the opened file has, as Excel saves the clustered column charts Budgetkoll adds there,
 * is drawn by the playground in Chromium: read from the package with the browser's own inflate
 * (file-charts.ts) and drawn over the cells its anchor covers, from the cells' values. A
 * screenshot goes to test-output/.
 */
import { join } from 'path';
import { chartXml, workbookWithChart } from '../playground/chart-package';
import { expectText, OUTPUT, startHarness, type Harness } from './browser';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

it("an opened file's clustered column chart is drawn over its cells from their values", async () => {
  const series = [{ name: 'Data!$B$1', categories: 'Data!$A$2:$A$3', values: 'Data!$B$2:$B$3' }];
  const bytes = await workbookWithChart(chartXml(series, { title: 'Belopp per enhet' }));
  const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${harness.baseUrl}/playground.html`);
  await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Driftbudget', exact: true }).waitFor();
  await page.getByTestId('open-file-input').setInputFiles({ name: 'diagram.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
  await page.getByTestId('file-name').filter({ hasText: 'diagram.xlsx' }).waitFor();
  const chart = page.getByTestId('sheet-grid').getByTestId('grid-chart');
  await chart.waitFor();
  expect(await chart.getAttribute('data-drawn')).toBe('true');
  await expectText(chart, /Belopp per enhet/);
  expect(await chart.locator('xpath=ancestor::td[1]').getAttribute('data-address')).toBe('E2');
  expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(/Skola: Belopp 100.*Omsorg: Belopp 250/);
  await page.screenshot({ path: join(OUTPUT, 'e2e-playground-file-chart.png') });
  expect(errors).toEqual([]);
  await context.close();
});
