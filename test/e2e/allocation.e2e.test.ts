/**
 * Resursfördelning end to end: the playground on its bundled sample, the section read and run,
 * the result per nämnd on screen, the result tab written (it appears among the grid's tabs),
 * the workbook downloaded and recalculated by LibreOffice, and the tab's proposed frames read back
 * with ExcelJS — equal to the krona to what the core computes for the same sample. Screenshots of
 * the section with results, light and dark, go to test-output/.
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';
import { runAllocation, type AllocationResult } from '../../src/core/allocation/model';
import { SUMMARY_COLUMNS } from '../../src/core/allocation/result-tab';
import { readBudgetModel } from '../../src/core/recognition';
import { generateSample, sampleToSheetSpecs } from '../../src/core/sample';
import { tkrText } from '../../src/taskpane/components/allocation/format';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { findSoffice, recalculate, SOFFICE_MISSING } from '../recalc/libreoffice';
import { OUTPUT, openPlaygroundPage, harnessForFile, type PlaygroundPage } from './browser';

beforeAll(() => {
  // This test needs LibreOffice (CI installs it first): say so at once instead of after the browser work.
  if (!findSoffice()) throw new Error(SOFFICE_MISSING);
});

const harness = harnessForFile();

/** The core's run on the sample the playground loads (generateSample() at its defaults). */
async function coreOnSample(): Promise<AllocationResult> {
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of sampleToSheetSpecs(generateSample())) await port.writeSheet(spec);
  const result = runAllocation(await readBudgetModel(port, 'allocation'));
  if (!result) throw new Error('the sample has no budget years');
  return result;
}

/** The core's run on the inputs of a downloaded workbook. */
async function coreOnFile(bytes: Uint8Array): Promise<AllocationResult> {
  const port = await XlsxWorkbookPort.fromBuffer(bytes);
  const result = runAllocation(await readBudgetModel(port, 'allocation'));
  if (!result) throw new Error('the downloaded workbook has no budget years');
  return result;
}

// The pane's tkr rule (src/taskpane/format/tkr.ts): whole tkr unless a figure needs decimals.
const tkr = (kronor: number) => tkrText(kronor).replace(/\s/g, ' ');

async function openPlayground(scheme: 'light' | 'dark'): Promise<PlaygroundPage> {
  return openPlaygroundPage(harness(), { colorScheme: scheme, viewport: { width: 1280, height: 900 }, acceptDownloads: true }, 'Volymer');
}

/** Opens Resursfördelning in the task pane, reads the workbook and runs the model. */
async function runModel(page: Page): Promise<Locator> {
  const pane = page.getByTestId('task-pane-host');
  await pane.getByRole('tab', { name: 'Resursfördelning', exact: true }).click();
  const section = pane.getByRole('tabpanel', { name: 'Resursfördelning' });
  await section.getByRole('button', { name: 'Läs in arbetsboken' }).click();
  await section.getByRole('region', { name: 'Det här använder modellen' }).waitFor();
  await section.getByRole('button', { name: 'Kör modellen' }).click();
  await section.getByRole('region', { name: 'Resultat per nämnd' }).waitFor();
  return section;
}

/** The proposed frame per year shown in a nämnd's table. */
async function shownProposal(section: Locator, board: string): Promise<string[]> {
  const table = section.getByRole('table', { name: `${board}, tkr`, exact: true });
  const row = table.getByRole('rowheader', { name: 'Förslag till ram', exact: true }).locator('xpath=..');
  await row.waitFor();
  const cells = await row.getByRole('cell').allTextContents();
  return cells.map((c) => c.replace(/\s/g, ' '));
}

/**
 * Screenshots of the whole task pane, tall enough that nothing is cut off: `<name>.png` whole,
 * and `<name>-1.png`, `<name>-2.png`, … in screen-sized parts that are easy to look at.
 */
async function paneScreenshot(page: Page, name: string): Promise<void> {
  for (const old of readdirSync(OUTPUT).filter((f) => f.startsWith(`${name}-`) && /-\d+\.png$/.test(f))) rmSync(join(OUTPUT, old));
  const pane = page.getByTestId('task-pane-host');
  const height = await pane.evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(900, height + 80), 8000) });
  await pane.screenshot({ path: join(OUTPUT, `${name}.png`) });
  const box = (await pane.boundingBox())!;
  const part = 800;
  for (let k = 0; k * part < box.height; k++) {
    const clip = { x: box.x, y: box.y + k * part, width: box.width, height: Math.min(part, box.height - k * part) };
    await page.screenshot({ path: join(OUTPUT, `${name}-${k + 1}.png`), clip });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Rows of the recalculated tab's summary: nämnd and year label → the row's cells. */
function summaryRows(sheet: Worksheet): Map<string, ExcelJS.Row> {
  const rows = new Map<string, ExcelJS.Row>();
  let inSummary = false;
  sheet.eachRow((row) => {
    const a = row.getCell(SUMMARY_COLUMNS.board + 1).value;
    const b = row.getCell(SUMMARY_COLUMNS.year + 1).value;
    if (a === 'Nämnd' && b === 'År') {
      inSummary = true;
      return;
    }
    if (!inSummary) return;
    if (typeof a !== 'string' || typeof b !== 'string' || !/^(Budget|Plan) \d{4}$/.test(b)) {
      inSummary = false;
      return;
    }
    rows.set(`${a}|${b.slice(-4)}`, row);
  });
  return rows;
}

describe('Resursfördelning in the playground', () => {
  it('runs the model on the sample, writes the result tab, and the recalculated tab agrees with the core to the krona', async () => {
    const core = await coreOnSample();
    const page = await openPlayground('light');
    const section = await runModel(page);

    // What the model used: the sample's six volume rows, nothing left out.
    await expectText(section.getByRole('region', { name: 'Det här använder modellen' }), /Volymstyrda verksamheter \(6\)/);
    await expectText(section.getByRole('region', { name: 'Det här använder modellen' }), /Inga rader lämnas utanför\./);

    // The result per nämnd on screen is the core's, in tkr.
    expect(core.boards.length).toBeGreaterThan(5);
    for (const board of core.boards) {
      expect({ board: board.board, shown: await shownProposal(section, board.board) }).toEqual({
        board: board.board,
        shown: board.proposed!.map(tkr),
      });
    }
    await section.getByRole('img', { name: /Förändring per nämnd och år/ }).waitFor();
    await paneScreenshot(page, 'e2e-allocation-light');

    // Write the tab: it appears among the grid's tabs.
    const write = section.getByRole('region', { name: 'Resultatflik' });
    await write.getByRole('button', { name: 'Skriv resultatflik' }).click();
    await write.getByText('Skrev fliken Resursfördelning 2027.').waitFor();
    const sheetTab = page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Resursfördelning 2027', exact: true });
    await sheetTab.waitFor();
    await write.getByRole('button', { name: 'Visa fliken Resursfördelning 2027' }).click();
    // The grid switches tabs in a React transition: wait for it.
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Resursfördelning 2027', exact: true, selected: true }).waitFor();
    await expect(sheetTab.getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByTestId('sheet-grid').getByText('Sammanställning per nämnd (tkr)', { exact: true }).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'e2e-allocation-tab-light.png') });

    // Writing again replaces that tab instead of adding another.
    await write.getByRole('button', { name: 'Skriv resultatflik' }).click();
    await write.getByText('Ersatte fliken Resursfördelning 2027 med den nya beräkningen.').waitFor();
    const tabNames = await page.getByTestId('sheet-tabs').getByRole('tab').allTextContents();
    expect(tabNames.filter((n) => n.startsWith('Resursfördelning'))).toEqual(['Resursfördelning 2027']);

    // Download, recalculate in LibreOffice, read back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const path = join(OUTPUT, 'e2e-allocation.xlsx');
    await download.saveAs(path);
    const downloaded = new Uint8Array(readFileSync(path));
    const recalculated = await recalculate(downloaded);
    writeFileSync(join(OUTPUT, 'e2e-allocation-recalculated.xlsx'), recalculated);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(recalculated as unknown as ArrayBuffer);
    const tab = wb.getWorksheet('Resursfördelning 2027');
    if (!tab) throw new Error('Resursfördelning 2027 is missing from the downloaded workbook');

    // The downloaded file's inputs give the same result as the sample the core generated.
    const fromFile = await coreOnFile(downloaded);
    expect(fromFile.boards).toEqual(core.boards);

    const rows = summaryRows(tab);
    expect(rows.size).toBe(core.boards.length * 3);
    let compared = 0;
    for (const board of core.boards) {
      core.years.forEach((year, i) => {
        const row = rows.get(`${board.board}|${year}`);
        if (!row) throw new Error(`no summary row for ${board.board} ${year}`);
        const cell = (col: number) => {
          const c = row.getCell(col + 1);
          return { formula: Boolean(c.formula), value: c.result };
        };
        const what = `${board.board} ${year}`;
        expect({ what, proposed: cell(SUMMARY_COLUMNS.proposed) }).toEqual({ what, proposed: { formula: true, value: board.proposed![i] } });
        expect({ what, compensation: cell(SUMMARY_COLUMNS.compensation) }).toEqual({ what, compensation: { formula: true, value: board.compensation[i] } });
        expect({ what, other: cell(SUMMARY_COLUMNS.other) }).toEqual({ what, other: { formula: true, value: board.other[i] } });
        expect({ what, difference: cell(SUMMARY_COLUMNS.difference) }).toEqual({ what, difference: { formula: true, value: board.difference![i] } });
        compared += 4;
      });
    }
    expect(compared).toBe(core.boards.length * 3 * 4);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('shows the result in the dark theme', async () => {
    const page = await openPlayground('dark');
    const section = await runModel(page);
    await section.getByRole('img', { name: /Förändring per nämnd och år/ }).waitFor();
    await section.getByRole('button', { name: 'Diagrammets värden som text' }).click();
    await section.getByTestId('allocation-chart-table').waitFor();
    await paneScreenshot(page, 'e2e-allocation-dark');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});

async function expectText(locator: Locator, pattern: RegExp): Promise<void> {
  expect(((await locator.textContent()) ?? '').replace(/\s/g, ' ')).toMatch(pattern);
}
