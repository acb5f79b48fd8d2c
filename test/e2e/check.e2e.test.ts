/**
 * Kontrollera budget end to end in the playground: a workbook with a number stored as text and a
 * budget over its frame (from the broken-case table) is uploaded, checked, a finding selects its
 * cell in the grid, the text-number quick fix is applied, a new check no longer reports it, and
 * the downloaded file holds a real number in that cell — read back with ExcelJS. Screenshots of
 * the section in light and dark go to test-output/.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { testSheetsToXlsx } from '../cli/xlsx-fixtures';
import { BROKEN_CASES, cleanWorkbook } from '../fixtures/broken-cases';
import { expectInput, expectText, OUTPUT, openPlaygroundPage, harnessForFile, type PlaygroundPage } from './browser';

const harness = harnessForFile();

async function openPlayground(scheme: 'light' | 'dark', height = 900): Promise<PlaygroundPage> {
  return openPlaygroundPage(harness(), { colorScheme: scheme, viewport: { width: 1280, height }, acceptDownloads: true });
}

/** The clean broken-case workbook with a number stored as text (Driftbudget!E3) and a budget over its frame (Ramar!C2). */
async function defectiveWorkbook(): Promise<Buffer> {
  const sheets = cleanWorkbook();
  for (const rule of ['CELL-TEXT-NUMBER', 'RAM-OVER']) BROKEN_CASES.find((c) => c.rule === rule)!.mutate(sheets);
  return Buffer.from(await testSheetsToXlsx(sheets));
}

async function uploadAndCheck(page: Page): Promise<void> {
  await page
    .getByTestId('open-file-input')
    .setInputFiles({ name: 'nämndbudget.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await defectiveWorkbook() });
  await page.getByTestId('file-name').filter({ hasText: 'nämndbudget.xlsx' }).waitFor();
  await page.getByRole('tab', { name: 'Kontrollera budget' }).click();
  await page.getByRole('button', { name: 'Kontrollera', exact: true }).click();
  await page.getByTestId('check-summary').waitFor();
}

const finding = (page: Page, rule: string) => page.locator(`[data-testid="finding"][data-rule="${rule}"]`);

describe('Kontrollera budget in the playground', () => {
  it('finds the defects, selects a finding’s cell, fixes the text number and the download holds a number', async () => {
    const page = await openPlayground('light', 1600);
    await uploadAndCheck(page);

    await expectText(page.getByTestId('count-error'), /^2 fel$/);
    await expectText(page.getByTestId('count-warning'), /^0 varningar$/);
    expect(await page.getByTestId('finding').count()).toBe(2);
    await expectText(finding(page, 'CELL-TEXT-NUMBER'), /Driftbudget!E3.*”130” i Budget 2027 är ett tal lagrat som text/);
    await expectText(finding(page, 'RAM-OVER'), /Ramar!C2.*nettobudgeten 1 035 tkr överstiger ramen 1 030 tkr med 5 tkr/);
    await expectText(page.getByTestId('frame-chart-description'), /Över ramen: Barn- och ungdomsnämnden 2028 \(\+5 tkr\)\./);

    // Clicking a finding selects its cell in the grid, on its sheet.
    await finding(page, 'RAM-OVER').getByRole('button', { name: /Ramar!C2/ }).click();
    await expectInput(page, 'cell-address', 'C2');
    await expectSelectedSheet(page, 'Ramar');
    await expectText(page.getByTestId('sheet-grid').locator('[aria-selected="true"]').first(), /1\s?030/);
    // And with the keyboard.
    await finding(page, 'CELL-TEXT-NUMBER').getByRole('button', { name: /Driftbudget!E3/ }).focus();
    await page.keyboard.press('Enter');
    await expectInput(page, 'cell-address', 'E3');
    await expectSelectedSheet(page, 'Driftbudget');
    await expectInput(page, 'formula-bar', '130');

    await page.getByTestId('task-pane-host').screenshot({ path: join(OUTPUT, 'e2e-check-light.png') });

    // The quick fix: only on its click, then listed.
    await finding(page, 'CELL-TEXT-NUMBER').getByRole('button', { name: 'Åtgärda: Konvertera till talet 130' }).click();
    await expectText(page.getByTestId('fix-result'), /Ändrade 1 cell.*Driftbudget!E3: ”130” → 130/);
    await page.getByTestId('task-pane-host').screenshot({ path: join(OUTPUT, 'e2e-check-fixed-light.png') });
    await page.getByTestId('fix-result').getByRole('button', { name: 'Kontrollera igen' }).click();
    await page.getByTestId('count-error').filter({ hasText: /^1 fel$/ }).waitFor();
    expect(await finding(page, 'CELL-TEXT-NUMBER').count()).toBe(0);
    expect(await finding(page, 'RAM-OVER').count()).toBe(1);

    // The Kontrollrapport tab, written on request and replaced (not duplicated) the second time.
    await page.getByRole('button', { name: 'Skriv kontrollrapport' }).click();
    await expectText(page.getByTestId('report-result'), /skrevs till fliken Kontrollrapport\./);
    await page.getByRole('button', { name: 'Skriv kontrollrapport' }).click();
    await expectText(page.getByTestId('report-result'), /Kontrollrapport ersattes/);
    expect(await page.getByTestId('sheet-tabs').getByRole('tab', { name: /^Kontrollrapport/ }).count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const path = join(OUTPUT, 'e2e-check-download.xlsx');
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const drift = wb.getWorksheet('Driftbudget')!;
    expect(drift.getCell('E3').value).toBe(130);
    expect(drift.getCell('E3').type).toBe(ExcelJS.ValueType.Number);
    // Nothing else in the user's sheets changed.
    expect(drift.getCell('F2').value).toBe(930);
    expect(wb.getWorksheet('Ramar')!.getCell('C2').value).toBe(1030);
    expect((wb.getWorksheet('Ramar')!.getCell('B4').value as ExcelJS.CellFormulaValue).formula).toBe('SUM(B2:B3)');
    expect(wb.getWorksheet('Kontrollrapport')).toBeDefined();

    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('looks right in the dark theme in a 360 px pane (screenshot)', async () => {
    const page = await openPlayground('dark', 1600);
    await uploadAndCheck(page);
    await page.getByRole('button', { name: 'Visa som tabell' }).click();
    await page.getByRole('table', { name: /Budget, ram och skillnad/ }).waitFor();
    const pane = page.getByTestId('task-pane-host');
    const box = await pane.boundingBox();
    expect(Math.round(box?.width ?? 0)).toBeGreaterThanOrEqual(360);
    expect(Math.round(box?.width ?? 0)).toBeLessThanOrEqual(362); // 360 px and its border
    // Nothing in the section is wider than the pane (no sideways scrolling).
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await pane.screenshot({ path: join(OUTPUT, 'e2e-check-dark.png') });
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});

async function expectSelectedSheet(page: Page, sheet: string): Promise<void> {
  await page.getByTestId('sheet-tabs').getByRole('tab', { name: sheet, exact: true, selected: true }).waitFor({ timeout: 10_000 });
}
