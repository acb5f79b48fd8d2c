/**
 * Issue 14, the playground's download: a controller's macro workbook (.xlsm with a pivot table, a
 * chart, comments, custom properties, a chart sheet, an oddly named sheet part and VBA, plus the
 * budget's input tabs) is opened in the playground, a number stored as text is fixed with its quick
 * fix and the Resursfördelning tab is written. The download keeps the file's name and kind, every
 * part the changes do not touch is the uploaded one byte for byte, the fixed cell is a number, and
 * LibreOffice opens and recalculates the file.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { generateSample, sampleToSheetSpecs } from '../../src/core/sample';
import type { SheetSpec } from '../../src/core/workbook/sheet-spec';
import { writePackage } from '../../src/io/xlsx/package';
import { XlsxReadPort } from '../../src/io/xlsx/read-port';
import { expectCopiedByteForByte, sheetPartPath } from '../io/xlsx/package/copied';
import { deps, inputPackage } from '../io/xlsx/package/input-package';
import { findSoffice, recalculatedTexts, SOFFICE_MISSING } from '../recalc/libreoffice';
import { expectText, OUTPUT, harnessForFile, openPlaygroundPage } from './browser';


beforeAll(async () => {
  if (!findSoffice()) throw new Error(SOFFICE_MISSING);
});

const harness = harnessForFile();

/** The sample's input tabs with one Driftbudget amount stored as text; returns the cell and the number. */
function inputsWithTextNumber(): { specs: SheetSpec[]; cell: string; value: number } {
  const specs = sampleToSheetSpecs(generateSample({ rows: 400, seed: 2 }));
  const drift = specs.find((s) => s.name === 'Driftbudget')!;
  for (let r = 1; r < drift.rows.length; r++) {
    const row = drift.rows[r];
    const c = row.findIndex((cell, i) => i >= 3 && typeof cell?.value === 'number' && Number.isInteger(cell.value) && cell.value > 0);
    if (c < 0) continue;
    const value = row[c]!.value as number;
    const rows = drift.rows.slice();
    rows[r] = row.slice();
    rows[r][c] = { ...row[c], value: String(value) };
    specs[specs.indexOf(drift)] = { ...drift, rows };
    return { specs, cell: `${String.fromCharCode(65 + c)}${r + 1}`, value };
  }
  throw new Error('the sample has no amount to store as text');
}

/** Parts the quick fix and the new tab edit; every other part of the upload must come back as it was. */
const EDITED = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|docProps\/app\.xml)$/;

test('a macro workbook: quick fix and result tab, and the download keeps every other part byte for byte', async () => {
  const { specs, cell, value } = inputsWithTextNumber();
  const upload = await writePackage(inputPackage(), specs.map((spec) => ({ spec })), deps);
  const driftPart = await sheetPartPath(upload, 'Driftbudget');

  const page = await openPlaygroundPage(harness(), { viewport: { width: 1280, height: 1400 }, acceptDownloads: true });
  await page.getByTestId('open-file-input').setInputFiles({ name: 'budget.xlsm', mimeType: 'application/vnd.ms-excel.sheet.macroEnabled.12', buffer: Buffer.from(upload) });
  await page.getByTestId('file-name').filter({ hasText: 'budget.xlsm' }).waitFor();
  await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Pivot', exact: true }).waitFor();

  // Kontrollera, then the quick fix on the number stored as text.
  const pane = page.getByTestId('task-pane-host');
  await pane.getByRole('tab', { name: 'Kontrollera budget' }).click();
  await pane.getByRole('button', { name: 'Kontrollera', exact: true }).click();
  await page.getByTestId('check-summary').waitFor();
  const finding = page.locator('[data-testid="finding"][data-rule="CELL-TEXT-NUMBER"]').filter({ hasText: `Driftbudget!${cell}` });
  await finding.getByRole('button', { name: /^Åtgärda: Konvertera till talet/ }).click();
  await expectText(page.getByTestId('fix-result'), new RegExp(`Driftbudget!${cell}`));

  // The Resursfördelning tab.
  await pane.getByRole('tab', { name: 'Resursfördelning', exact: true }).click();
  const section = pane.getByRole('tabpanel', { name: 'Resursfördelning' });
  await section.getByRole('button', { name: 'Läs in arbetsboken' }).click();
  await section.getByRole('button', { name: 'Kör modellen' }).click();
  await section.getByRole('region', { name: 'Resultatflik' }).getByRole('button', { name: 'Skriv resultatflik' }).click();
  await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Resursfördelning 2027', exact: true }).waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toBe('budget.xlsm');
  const path = join(OUTPUT, 'e2e-lossless-download.xlsm');
  await download.saveAs(path);
  const output = new Uint8Array(readFileSync(path));

  // Every part but the workbook's lists, the styles and the fixed Driftbudget sheet is the upload's.
  const copied = expectCopiedByteForByte(upload, output, (name) => EDITED.test(name) || name === driftPart);
  for (const part of ['xl/vbaProject.bin', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/comments1.xml', 'xl/threadedComments/threadedComment1.xml', 'docProps/custom.xml', 'xl/chartsheets/sheet1.xml', 'xl/worksheets/Blad_ett.xml']) {
    expect(copied).toContain(part);
  }
  // The fixed cell is a number now.
  const saved = await XlsxReadPort.fromBuffer(output, { inflateRaw: deps.inflateRaw });
  const fixed = await saved.read(() => ({ ranges: [{ id: 'c', sheet: 'Driftbudget', address: cell, formulas: false, numberFormats: false }] }));
  expect(fixed.grids.get('c')!.values).toEqual([[value]]);

  // LibreOffice opens and recalculates it; the new tab's totals are numbers.
  const texts = await recalculatedTexts(output, ['Driftbudget', 'Resursfördelning 2027', 'Pivot']);
  const tab = texts.get('Resursfördelning 2027')!;
  expect(tab.flat().some((t) => /^-?\d+(\.\d+)?$/.test(t) && Number(t) > 1000)).toBe(true);
  expect(tab.flat().filter((t) => /^(#|Err:)/.test(t))).toEqual([]);
  expect(page.errors).toEqual([]);
  await page.context().close();
});
