/**
 * The playground's grid shows values, not formulas or markers: on the bundled sample, follow-up
 * tabs for every nämnd (Uppföljning) and the Resursfördelning tab are written, the formulas are
 * evaluated by the playground's engine (IronCalc, in a worker), and no visible cell of any tab
 * begins with "=" or shows Budgetkoll's ownership marker. A proposed frame in the grid equals the
 * core's figure (whole tkr, as the tab's number format shows kronor), and it came from the engine.
 */
import { join } from 'path';
import type { Page } from 'playwright-core';
import { columnLetters } from '../../src/core/a1';
import { runAllocation, type AllocationResult } from '../../src/core/allocation/model';
import { SUMMARY_COLUMNS } from '../../src/core/allocation/result-tab';
import { readBudgetModel } from '../../src/core/recognition';
import { generateSample, sampleToSheetSpecs } from '../../src/core/sample';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { expectText, OUTPUT, harnessForFile, openPlaygroundPage } from './browser';

const harness = harnessForFile();

async function coreOnSample(): Promise<AllocationResult> {
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of sampleToSheetSpecs(generateSample())) await port.writeSheet(spec);
  const result = runAllocation(await readBudgetModel(port, 'allocation'));
  if (!result) throw new Error('the sample has no budget years');
  return result;
}

const spaces = (text: string) => text.replace(/\s/g, ' ').replace(/\u2212/g, '-');
const wholeTkr = (kronor: number) => spaces(new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(Math.round(kronor / 1000)));

/** Waits until the engine has evaluated the workbook as it is now (no cell waiting for a value). */
async function evaluated(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-testid="engine-status"]');
      return status?.getAttribute('data-state') === 'done' && !document.querySelector('[data-source="pending"]');
    },
    undefined,
    { timeout: 60_000 },
  );
}

/** The text of every visible cell of the grid shown now. */
async function visibleCellTexts(page: Page): Promise<string[]> {
  return page.getByTestId('sheet-grid').locator('[role="gridcell"]').evaluateAll((cells) =>
    cells.filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => (c as HTMLElement).innerText),
  );
}

describe('the playground grid shows values', () => {
  it('after follow-up tabs for all nämnder and the Resursfördelning tab: no formula text, no marker, the core’s total', async () => {
    const core = await coreOnSample();
    const page = await openPlaygroundPage(harness(), { viewport: { width: 1366, height: 768 } });
    const pane = page.getByTestId('task-pane-host');

    // Uppföljning: Delårsbokslut for all nämnder.
    await pane.getByRole('tab', { name: 'Uppföljning' }).click();
    await pane.getByRole('button', { name: /^Läs in arbetsboken/ }).click();
    await pane.getByRole('combobox', { name: 'Budgetår' }).waitFor({ timeout: 30_000 });
    await pane.getByRole('radio', { name: 'Delårsbokslut (per 31 augusti)' }).check();
    await pane.getByRole('group', { name: 'Nämnder' }).getByRole('checkbox').first().check();
    await pane.getByRole('button', { name: /^Skapa uppföljningsflik/ }).click();
    await expectText(pane.getByTestId('followup-outcome'), /Skapade/, 120_000);

    // Resursfördelning: run the model and write its tab.
    await pane.getByRole('tab', { name: 'Resursfördelning', exact: true }).click();
    const section = pane.getByRole('tabpanel', { name: 'Resursfördelning' });
    await section.getByRole('button', { name: 'Läs in arbetsboken' }).click();
    await section.getByRole('region', { name: 'Det här använder modellen' }).waitFor();
    await section.getByRole('button', { name: 'Kör modellen' }).click();
    await section.getByRole('region', { name: 'Resultat per nämnd' }).waitFor();
    const write = section.getByRole('region', { name: 'Resultatflik' });
    await write.getByRole('button', { name: 'Skriv resultatflik' }).click();
    await write.getByText('Skrev fliken Resursfördelning 2027.').waitFor();
    await evaluated(page);
    const status = await page.getByTestId('engine-status').innerText();
    console.log(`engine status: ${status}`);

    // Every tab: no formula text, no marker in any visible cell.
    const tabs = await page.getByTestId('sheet-tabs').getByRole('tab').allInnerTexts();
    const followUpTabs = tabs.filter((t) => t.startsWith('Delår'));
    expect(followUpTabs.length).toBeGreaterThan(5);
    const offending: string[] = [];
    let checked = 0;
    for (const name of tabs) {
      await page.getByTestId('sheet-tabs').getByRole('tab', { name, exact: true }).click();
      await page.getByTestId('sheet-grid').waitFor();
      await evaluated(page);
      const texts = await visibleCellTexts(page);
      checked += texts.length;
      for (const text of texts) if (text.trimStart().startsWith('=') || text.includes('BUDGETKOLL:')) offending.push(`${name}: ${text.slice(0, 80)}`);
    }
    expect(checked).toBeGreaterThan(1000);
    expect(offending).toEqual([]);

    // A written total: the first nämnd's proposed frame for the first year, in the grid.
    await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Resursfördelning 2027', exact: true }).click();
    await evaluated(page);
    const board = core.boards[0];
    const year = core.years[0];
    const rowNumber = await page.getByTestId('sheet-grid').locator('[role="row"]').evaluateAll(
      (rows, [boardName, yearLabel, boardCol, yearCol]) => {
        for (const row of rows) {
          const cells = row.querySelectorAll('[role="gridcell"]');
          const at = (col: string) => [...cells].find((c) => (c as HTMLElement).dataset.address?.replace(/\d+$/, '') === col) as HTMLElement | undefined;
          if (at(boardCol as string)?.innerText === boardName && at(yearCol as string)?.innerText === yearLabel) {
            return Number(at(boardCol as string)!.dataset.address!.replace(/^[A-Z]+/, ''));
          }
        }
        return -1;
      },
      [board.board, `Budget ${year}`, columnLetters(SUMMARY_COLUMNS.board), columnLetters(SUMMARY_COLUMNS.year)],
    );
    expect(rowNumber).toBeGreaterThan(0);
    const address = `${columnLetters(SUMMARY_COLUMNS.proposed)}${rowNumber}`;
    const cell = page.getByTestId('sheet-grid').locator(`[data-address="${address}"]`);
    expect(await cell.getAttribute('data-source')).toBe('engine');
    expect(spaces(await cell.innerText())).toBe(wholeTkr(board.proposed![0]));
    // The formula bar shows the formula of the selected cell, as Excel does.
    await cell.click();
    await expect(page.getByTestId('formula-bar').inputValue()).resolves.toMatch(/^=/);
    await page.screenshot({ path: join(OUTPUT, 'e2e-playground-values.png') });
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
