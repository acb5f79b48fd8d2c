/**
 * The playground's view of a package whose parts are not named as ExcelJS expects: a worksheet
 * saved as xl/worksheets/Blad_ett.xml and a table as xl/tables/Gammal.xml (other programs name
 * parts freely; only the relationships count). Without the renaming ExcelJS loses both silently.
 */
import { withExcelJsPartNames } from '../../../src/io/xlsx/view-part-names';
import { XlsxWorkbookPort } from '../../../src/io/xlsx/xlsx-port';
import { deps, inputPackage, inputParts, zipOf } from './package/input-package';

/** The test workbook with its one table part renamed as well. */
function oddlyNamed(): Uint8Array {
  return zipOf(
    inputParts().map(([name, content]) => {
      const renamed = name === 'xl/tables/table1.xml' ? 'xl/tables/Gammal.xml' : name;
      const text = typeof content === 'string' ? content.replace('/xl/tables/table1.xml', '/xl/tables/Gammal.xml').replace('../tables/table1.xml', '../tables/Gammal.xml') : content;
      return [renamed, text];
    }),
  );
}

async function view(bytes: Uint8Array) {
  return (await XlsxWorkbookPort.fromBuffer(bytes, { inflateRaw: deps.inflateRaw })).index();
}

test('ExcelJS alone misses the oddly named sheet, and cannot open the file at all with the oddly named table', async () => {
  expect((await view(inputPackage())).sheets.map((s) => s.name)).not.toContain('Blad ett');
  await expect(view(oddlyNamed())).rejects.toThrow(/skadad/);
});

test('renamed for the view, the workbook has the sheet and the table, with their contents', async () => {
  const input = oddlyNamed();
  const after = await view(await withExcelJsPartNames(input, deps.inflateRaw, deps));
  expect(after.sheets.map((s) => s.name)).toEqual(['Data', 'Blad ett', 'Budgetkoll gammal', 'Pivot']);
  expect(after.tables.map((t) => [t.name, t.sheet, t.address])).toEqual([['Gammal_tabell', 'Budgetkoll gammal', 'A2:A3']]);
  const port = await XlsxWorkbookPort.fromBuffer(await withExcelJsPartNames(input, deps.inflateRaw, deps), { inflateRaw: deps.inflateRaw });
  const raw = await port.read(() => ({ ranges: [{ id: 'b', sheet: 'Blad ett', address: 'A1:B1', formulas: true, numberFormats: false }] }));
  expect(raw.grids.get('b')!.values).toEqual([['Blad med udda delnamn', 200]]);
});

test('a package whose parts are named as ExcelJS expects is given back as it is', async () => {
  const input = zipOf(inputParts().filter(([name]) => !name.includes('Blad_ett')).map(([name, content]) => [name, typeof content === 'string' ? content.replace(/<Relationship Id="rId2"[^>]*\/>/, '') : content]));
  expect(await withExcelJsPartNames(input, deps.inflateRaw, deps)).toBe(input);
});
