/**
 * Frozen panes on every page of the playground grid, in Chromium: a follow-up tab longer than one
 * page (PAGE_ROWS) is created in the task pane on a generated workbook of 6 000 Driftbudget rows;
 * on its second page the tab's frozen top rows (its title and introduction; the marker row 1 is
 * hidden) are drawn above the page's rows and stay right under the column letters however far the
 * page is scrolled, as Excel keeps frozen rows in view. A screenshot goes to test-output/.
 */
import { join } from 'path';
import type { Page } from 'playwright-core';
import { generateSample, sampleToSheetSpecs } from '../../src/core/sample';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { expectText, OUTPUT, harnessForFile, openPlaygroundPage } from './browser';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let workbook: Buffer;

beforeAll(async () => {
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of sampleToSheetSpecs(generateSample({ rows: 6000, seed: 1 }))) await port.writeSheet(spec);
  workbook = Buffer.from(await port.toBuffer());
}, 120_000);

const harness = harnessForFile();

/** The drawn rows' numbers (0-based), the frozen ones, and where the first frozen cell is after scrolling down. */
async function gridRows(page: Page): Promise<{ rows: number[]; frozen: number[]; scrolled: number; frozenTop: number; headerBottom: number }> {
  return page.getByTestId('sheet-grid').evaluate(async (grid) => {
    grid.scrollTop = 4000;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const rowNumbers = (selector: string) => [...grid.querySelectorAll(selector)].map((tr) => Number(tr.getAttribute('data-row')));
    const firstFrozen = grid.querySelector('tbody tr[data-frozen="true"] [role="gridcell"]');
    return {
      rows: rowNumbers('tbody tr'),
      frozen: rowNumbers('tbody tr[data-frozen="true"]'),
      scrolled: grid.scrollTop,
      frozenTop: firstFrozen ? firstFrozen.getBoundingClientRect().top : Number.NaN,
      headerBottom: grid.querySelector('thead th')!.getBoundingClientRect().bottom,
    };
  });
}

describe('frozen panes on every page of the grid', () => {
  it("a follow-up tab's frozen top rows are drawn above its second page and stay in view when it scrolls", async () => {
    const page = await openPlaygroundPage(harness(), { viewport: { width: 1366, height: 768 } });
    const tabs = page.getByTestId('sheet-tabs');
    await tabs.getByRole('tab', { name: 'Driftbudget', exact: true }).waitFor();
    await page.getByTestId('open-file-input').setInputFiles({ name: 'mellan.xlsx', mimeType: XLSX, buffer: workbook });
    await page.getByTestId('file-name').filter({ hasText: 'mellan.xlsx' }).waitFor({ timeout: 120_000 });
    const before = await tabs.getByRole('tab').allInnerTexts();

    const pane = page.getByTestId('task-pane-host');
    await pane.getByRole('tab', { name: 'Uppföljning' }).click();
    await pane.getByRole('button', { name: /^Läs in arbetsboken/ }).click();
    await pane.getByRole('radio', { name: 'Årsbokslut (per 31 december)' }).check({ timeout: 60_000 });
    await pane.getByRole('group', { name: 'Nämnder' }).getByRole('checkbox', { name: 'Barn- och ungdomsnämnden', exact: true }).check();
    await pane.getByRole('button', { name: 'Skapa uppföljningsflik', exact: true }).click();
    await expectText(pane.getByTestId('followup-outcome'), /Skapade fliken/, 120_000);
    const sheet = (await tabs.getByRole('tab').allInnerTexts()).find((t) => !before.includes(t))!;
    expect(sheet).toBeTruthy();
    await tabs.getByRole('tab', { name: sheet, exact: true }).click();

    // Page 1: the frozen rows are the page's own first rows.
    const grid = page.getByTestId('sheet-grid');
    await expectText(page.getByTestId('rows-note'), /^Visar rad 1–500 av \d/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sheet-grid"] tbody tr[data-frozen="true"]').length > 0);
    const first = await gridRows(page);
    expect(first.frozen).toEqual([1, 2]); // row 1 (the marker) is hidden
    expect(first.rows[0]).toBe(1);

    // Page 2: the same frozen rows, then rows 501 on.
    await page.getByRole('button', { name: 'Följande rader' }).click();
    await expectText(page.getByTestId('rows-note'), /^Visar rad 501–/);
    await page.waitForFunction(() => document.querySelector('[data-testid="sheet-grid"] tbody tr[data-row="500"]') !== null);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sheet-grid"] tbody tr[data-frozen="true"]').length === 2);
    const second = await gridRows(page);
    expect(second.rows.slice(0, 3)).toEqual([1, 2, 500]);
    expect(second.frozen).toEqual([1, 2]);
    await expectText(grid.locator('tr[data-row="1"]'), /Årsbokslut 2027 – Barn- och ungdomsnämnden/);
    expect(second.scrolled).toBeGreaterThan(1000);
    expect(Math.abs(second.frozenTop - second.headerBottom)).toBeLessThanOrEqual(2);
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-frozen-page-2.png') });
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
