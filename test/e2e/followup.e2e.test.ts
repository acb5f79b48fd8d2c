/**
 * Uppföljning end to end in the playground, on the sample: create the Delårsbokslut tab for one
 * nämnd, download the workbook, fill it as a nämnd would (with ExcelJS: a prognos for every
 * verksamhet, one of them above its budget and no åtgärd for it), open it in the playground again,
 * run Kontrollera inför inlämning and see UPF-ATGARD-MISSING at the right cell; clicking it selects
 * that cell in the grid. Screenshots of the section in light and dark (360 px pane) go to
 * test-output/.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { followUpBoards, followUpTabNames, readFollowUp, type FilledRow } from '../../src/core/followup';
import { normalizeKey } from '../../src/core/text/normalize';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { expectInput, expectText, OUTPUT, openPlaygroundPage, harnessForFile, type PlaygroundPage } from './browser';

const harness = harnessForFile();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function openPlayground(scheme: 'light' | 'dark', height = 1600): Promise<PlaygroundPage> {
  return openPlaygroundPage(harness(), { colorScheme: scheme, viewport: { width: 1280, height }, acceptDownloads: true });
}

async function openFollowUp(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Uppföljning' }).click();
  await page.getByRole('button', { name: /^Läs in arbetsboken/ }).click();
  await page.getByRole('combobox', { name: 'Budgetår' }).waitFor({ timeout: 30_000 });
}

/** Creates the Delårsbokslut 2027 tab for one nämnd and returns the workbook as downloaded. */
async function generateAndDownload(page: Page, board: string): Promise<{ buffer: Buffer; sheet: string }> {
  await openFollowUp(page);
  await page.getByRole('radio', { name: 'Delårsbokslut (per 31 augusti)' }).check();
  await page.getByRole('checkbox', { name: board, exact: true }).check();
  await page.getByRole('button', { name: 'Skapa uppföljningsflik', exact: true }).click();
  const sheet = followUpTabNames('august', [board], 2027).get(board)!;
  await expectText(page.getByTestId('followup-outcome'), new RegExp(`Skapade fliken ${escape(sheet)}\\.`));
  await page.getByTestId('sheet-tabs').getByRole('tab', { name: sheet, exact: true }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const path = join(OUTPUT, 'e2e-followup-generated.xlsx');
  await download.saveAs(path);
  return { buffer: readFileSync(path), sheet };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Filled {
  buffer: Buffer;
  /** Where UPF-ATGARD-MISSING belongs: the deficit row's Åtgärd input, else its Avvikelse helår. */
  expectedCell: string;
  deficitActivity: string;
}

/**
 * Fills the tab as a nämnd would: a prognos for every verksamhet (= budget), one 500 tkr above its
 * budget and no åtgärd. Cells are found by the tab's row keys. Excel saves formula results with
 * the file; ExcelJS does not calculate, so the budget and deviation results are written as Excel
 * would have computed them from Driftbudget.
 */
async function fillTab(buffer: Buffer, sheet: string, board: string): Promise<Filled> {
  const { model, tabs } = await readFollowUp(await XlsxWorkbookPort.fromBuffer(buffer));
  const tab = tabs.find((t) => t.sheet === sheet)!;
  expect(tab).toBeDefined();
  const budgetTkr = new Map<string, number>();
  for (const r of model.operatingBudget) {
    if (normalizeKey(r.board) !== normalizeKey(board)) continue;
    budgetTkr.set(normalizeKey(r.activity), (budgetTkr.get(normalizeKey(r.activity)) ?? 0) + r.amounts[0] / 1000);
  }
  const economy = tab.rows.filter((r) => r.key.section === 'ekonomi' && !r.key.total && !r.removed);
  expect(economy.length).toBeGreaterThan(1);
  const deficit: FilledRow = economy[1];

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  for (const row of economy) {
    const budget = Math.round(budgetTkr.get(normalizeKey(row.key.item ?? '')) ?? 0);
    const forecast = row === deficit ? budget + 500 : budget;
    expect(row.inputs.forecast).toBeDefined();
    ws.getCell(row.inputs.forecast.cell).value = forecast;
    for (const [field, result] of [['budget', budget], ['diffYear', budget - forecast]] as const) {
      const cell = row.formulas[field];
      if (cell?.formula) ws.getCell(cell.cell).value = { formula: cell.formula.replace(/^=/, ''), result };
    }
  }
  const measureRow = tab.rows.find((r) => r.key.section === 'atgarder' && r.key.item === deficit.key.item && !r.removed);
  const expectedCell = measureRow?.inputs.measure?.cell ?? deficit.formulas.diffYear.cell;
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), expectedCell, deficitActivity: deficit.label };
}

const finding = (page: Page, rule: string) => page.locator(`[data-testid="finding"][data-rule="${rule}"]`);

describe('Uppföljning in the playground', () => {
  it('creates a Delårsbokslut tab, and after filling it the check finds the deficit without an åtgärd at its cell', async () => {
    const page = await openPlayground('light');
    const sample = await readFollowUp(await playgroundSample(page));
    const board = followUpBoards(sample.model)[0];
    const { buffer, sheet } = await generateAndDownload(page, board);
    const filled = await fillTab(buffer, sheet, board);

    await page.getByTestId('open-file-input').setInputFiles({ name: 'nämnd-ifylld.xlsx', mimeType: XLSX, buffer: filled.buffer });
    await page.getByTestId('file-name').filter({ hasText: 'nämnd-ifylld.xlsx' }).waitFor();
    await page.getByRole('tab', { name: 'Uppföljning' }).click();
    await page.getByRole('button', { name: /^Läs in arbetsboken/ }).click();
    const card = page.locator(`[data-testid="followup-tab"][data-sheet="${sheet}"]`);
    await expectText(card, new RegExp(`Delårsbokslut t.o.m. 2027-08-31 · ${escape(board)}.*Utkast`));
    await card.getByRole('button', { name: `Kontrollera inför inlämning: ${sheet}` }).click();
    await page.getByTestId('followup-check').waitFor();

    const missing = finding(page, 'UPF-ATGARD-MISSING');
    expect(await missing.count()).toBe(1);
    await expectText(missing, new RegExp(`${escape(sheet)}!${filled.expectedCell}.*500 tkr`));
    // Every verksamhet has a prognos now.
    expect(await finding(page, 'UPF-PROGNOS-MISSING').count()).toBe(0);

    await page.getByTestId('followup-check').scrollIntoViewIfNeeded();
    await page.getByTestId('task-pane-host').screenshot({ path: join(OUTPUT, 'e2e-followup-check-light.png') });
    await page.getByTestId('followup-check').screenshot({ path: join(OUTPUT, 'e2e-followup-findings-light.png') });

    await missing.getByRole('button', { name: new RegExp(`${escape(sheet)}!${filled.expectedCell}`) }).click();
    await expectInput(page, 'cell-address', filled.expectedCell);
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: sheet, exact: true, selected: true }).waitFor({ timeout: 10_000 });

    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('fits a 360 px pane in light and dark (screenshots)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openPlayground(scheme);
      await openFollowUp(page);
      // The first nämnd (after "Alla nämnder").
      await page.getByRole('group', { name: 'Nämnder' }).getByRole('checkbox').nth(1).check();
      await page.getByRole('button', { name: 'Skapa uppföljningsflik', exact: true }).click();
      await page.getByTestId('followup-outcome').waitFor();
      const pane = page.getByTestId('task-pane-host');
      const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await pane.screenshot({ path: join(OUTPUT, `e2e-followup-${scheme}.png`) });
      // The lower half: the tabs in the workbook, Sammanställ för KS and the import note.
      await page.getByTestId('followup-import-unsupported').scrollIntoViewIfNeeded();
      await pane.screenshot({ path: join(OUTPUT, `e2e-followup-${scheme}-lower.png`) });
      expect(page.errors).toEqual([]);
      await page.context().close();
    }
  });
});

/** The workbook the playground starts with, as downloaded (the sample). */
async function playgroundSample(page: Page): Promise<XlsxWorkbookPort> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const path = join(OUTPUT, 'e2e-followup-sample.xlsx');
  await download.saveAs(path);
  return XlsxWorkbookPort.fromBuffer(readFileSync(path));
}

