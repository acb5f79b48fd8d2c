/**
 * The playground's download (issue 14): the workbook is viewed through ExcelJS, and saved by the
 * package writer over the bytes that were opened, with every change made through the port. On a
 * user's workbook with a pivot table, a chart, comments and VBA (and the sample's input tabs):
 * after an owned tab is written, replaced and deleted, a quick fix typed and a table resized, the
 * saved file holds exactly what the view holds for those changes, and every other part is the
 * input's byte for byte.
 */
import { runAllocation } from '../../../src/core/allocation/model';
import { allocationTabName, buildAllocationTab } from '../../../src/core/allocation/result-tab';
import { readBudgetModel } from '../../../src/core/recognition';
import { generateSample, sampleToSheetSpecs } from '../../../src/core/sample';
import type { RawWorkbook } from '../../../src/core/workbook/raw';
import type { WorkbookReader } from '../../../src/core/workbook/port';
import { journaled } from '../../../src/io/xlsx/journaled-port';
import { writePackage } from '../../../src/io/xlsx/package';
import { XlsxReadPort } from '../../../src/io/xlsx/read-port';
import { withExcelJsPartNames } from '../../../src/io/xlsx/view-part-names';
import { XlsxWorkbookPort } from '../../../src/io/xlsx/xlsx-port';
import { entriesOf, expectCopiedByteForByte, sheetPartsOf } from './package/copied';
import { deps, inputPackage } from './package/input-package';

let input: Uint8Array;

/** The parts any change of tabs edits: the lists of the workbook, its styles and app.xml's titles. */
const WORKBOOK_LISTS = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml'];

beforeAll(async () => {
  const owned = await sampleSpec();
  input = await writePackage(inputPackage(), [...sampleToSheetSpecs(generateSample({ rows: 400, seed: 5 })), { ...owned, name: 'Gammal resursfördelning' }].map((spec) => ({ spec })), deps);
});

async function sampleOnly(): Promise<XlsxReadPort> {
  const bytes = await writePackage(null, sampleToSheetSpecs(generateSample({ rows: 400, seed: 5 })).map((spec) => ({ spec })), deps);
  return XlsxReadPort.fromBuffer(bytes, { inflateRaw: deps.inflateRaw });
}

async function open() {
  // As the playground opens a file: checked, then renamed for ExcelJS where needed (xlsx-loader.ts).
  const prepare = (checked: Uint8Array) => withExcelJsPartNames(checked, deps.inflateRaw, deps);
  const view = await XlsxWorkbookPort.fromBuffer(input, { inflateRaw: deps.inflateRaw, prepare });
  return journaled(view, input, deps);
}

/** What a port holds in a block of a tab: values, as the core reads them. */
async function block(port: WorkbookReader, sheet: string, address: string): Promise<RawWorkbook['grids'] extends Map<string, infer G> ? G : never> {
  const raw = await port.read(() => ({ ranges: [{ id: 'b', sheet, address, formulas: false, numberFormats: false }] }));
  return raw.grids.get('b')!;
}

test('tabs written, replaced and deleted, a quick fix and a resized table: the file holds what the view holds, the rest byte for byte', async () => {
  const { port, toBuffer } = await open();
  const index = await port.index();
  const drift = index.tables.find((t) => t.sheet === 'Driftbudget')!;
  expect(drift).toBeDefined();

  // An owned tab written, then written again in place; a second one written and deleted; the input's own deleted.
  const model = await readBudgetModel(port, 'allocation');
  const allocation = runAllocation(model)!;
  const spec = buildAllocationTab(allocation, model, new Date(0));
  const { name } = await port.writeSheet(spec);
  expect(name).toBe(allocationTabName(allocation.years[0]));
  await port.writeSheet(buildAllocationTab(allocation, model, new Date(86_400_000)), { replace: name });
  const extra = await port.writeSheet({ ...spec, name: 'Tillfällig' });
  await port.deleteOwnedSheet(extra.name);
  await port.deleteOwnedSheet('Gammal resursfördelning');

  // A quick fix: a number and a text that must stay text.
  const firstDataRow = Number(/\d+/.exec(drift.address.split(':')[0])![0]) + 1;
  const edits = await port.writeCells([
    { sheet: 'Driftbudget', cell: `E${firstDataRow}`, value: 4321 },
    { sheet: 'Driftbudget', cell: `B${firstDataRow + 1}`, value: '=inte en formel' },
  ]);
  expect(edits.changed).toHaveLength(2);
  // The table grows by one row.
  const [from, to] = drift.address.split(':');
  const lastRow = Number(/\d+/.exec(to)![0]);
  const grown = `${from}:${to.replace(/\d+/, String(lastRow + 1))}`;
  await port.resizeTable({ sheet: 'Driftbudget', table: drift.name, address: grown });

  const output = await toBuffer();
  const saved = await XlsxReadPort.fromBuffer(output, { inflateRaw: deps.inflateRaw });
  const [viewIndex, savedIndex] = [await port.index(), await saved.index()];

  // The same tabs in the same order (the view too has the sheet whose part is not named sheetN.xml),
  // and the same tables where they are.
  expect(savedIndex.sheets.map((s) => s.name)).toEqual(viewIndex.sheets.map((s) => s.name));
  expect(viewIndex.sheets.map((s) => s.name)).toContain('Blad ett');
  expect(savedIndex.sheets.map((s) => s.name)).not.toContain('Gammal resursfördelning');
  expect(savedIndex.sheets.map((s) => s.name)).not.toContain('Tillfällig');
  expect(savedIndex.tables.find((t) => t.name === drift.name)?.address).toBe(grown);
  // The quick fix's cells and the rewritten tab read back as in the view.
  for (const [sheet, address] of [
    ['Driftbudget', `A${firstDataRow}:F${firstDataRow + 1}`],
    [name, 'A1:H40'],
  ]) {
    expect((await block(saved, sheet, address)).values).toEqual((await block(port, sheet, address)).values);
  }
  expect((await block(saved, 'Driftbudget', `E${firstDataRow}`)).values).toEqual([[4321]]);
  expect((await block(saved, 'Driftbudget', `B${firstDataRow + 1}`)).values).toEqual([['=inte en formel']]);

  // Everything but the parts the edits touch is the input's, byte for byte.
  const gone = await sheetPartsOf(input, 'Gammal resursfördelning');
  const edited = new Set([...WORKBOOK_LISTS, ...(await sheetPartsOf(input, 'Driftbudget')), ...gone]);
  const copied = expectCopiedByteForByte(input, output, (part) => edited.has(part));
  expect(gone.filter((part) => entriesOf(output).has(part))).toEqual([]);
  for (const part of ['xl/vbaProject.bin', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/charts/chart1.xml', 'xl/comments1.xml', 'docProps/custom.xml', 'xl/chartsheets/sheet1.xml']) {
    expect(copied).toContain(part);
  }
});

test('cells of a tab written in this session are not typed into (quick fixes are for the user’s own cells)', async () => {
  const { port } = await open();
  const { name } = await port.writeSheet({ ...(await sampleSpec()), name: 'Egen' });
  await expect(port.writeCells([{ sheet: name, cell: 'B2', value: 1 }])).rejects.toThrow(/egna flikar/);
});

async function sampleSpec() {
  const model = await readBudgetModel(await sampleOnly(), 'allocation');
  return buildAllocationTab(runAllocation(model)!, model, new Date(0));
}

test('a tab deleted and written again under the same name is one tab in the file', async () => {
  const { port, toBuffer } = await open();
  await port.deleteOwnedSheet('Gammal resursfördelning');
  const { name } = await port.writeSheet({ ...(await sampleSpec()), name: 'Gammal resursfördelning' });
  expect(name).toBe('Gammal resursfördelning');
  const saved = await XlsxReadPort.fromBuffer(await toBuffer(), { inflateRaw: deps.inflateRaw });
  const names = (await saved.index()).sheets.map((s) => s.name);
  expect(names.filter((n) => n === name)).toHaveLength(1);
  expect(names.at(-1)).toBe(name);
});
