/**
 * A chart the opened file has, as Excel saves the clustered column charts Budgetkoll adds there,
 * is drawn by the playground in Chromium: read from the package with the browser's own inflate
 * (file-charts.ts) and drawn over the cells its anchor covers, from the cells' values. A
 * screenshot goes to test-output/.
 */
import { join } from 'path';
import { chartXml, workbookWithChart } from '../playground/chart-package';
import { expectText, OUTPUT, harnessForFile, openPlaygroundPage } from './browser';

const harness = harnessForFile();

it("an opened file's clustered column chart is drawn over its cells from their values", async () => {
  const series = [{ name: 'Data!$B$1', categories: 'Data!$A$2:$A$3', values: 'Data!$B$2:$B$3' }];
  const bytes = await workbookWithChart(chartXml(series, { title: 'Belopp per enhet' }));
  const page = await openPlaygroundPage(harness(), { viewport: { width: 1366, height: 768 } });
  await page.getByTestId('open-file-input').setInputFiles({ name: 'diagram.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
  await page.getByTestId('file-name').filter({ hasText: 'diagram.xlsx' }).waitFor();
  const chart = page.getByTestId('sheet-grid').getByTestId('grid-chart');
  await chart.waitFor();
  expect(await chart.getAttribute('data-drawn')).toBe('true');
  await expectText(chart, /Belopp per enhet/);
  expect(await chart.locator('xpath=ancestor::td[1]').getAttribute('data-address')).toBe('E2');
  expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(/Skola: Belopp 100.*Omsorg: Belopp 250/);
  await page.screenshot({ path: join(OUTPUT, 'e2e-playground-file-chart.png') });
  expect(page.errors).toEqual([]);
  await page.context().close();
});
