/**
 * The submission fingerprint is over values, not bytes: a submitted workbook opened and saved
 * again in LibreOffice (which rewrites every part, shared strings, styles and all) still verifies
 * as intact; changing one input cell there is reported as that cell; a mapping saved in the
 * Koppling tab survives the same round trip.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { serializeMapping } from '../../src/core/inputs/mapping-parse';
import type { VerifyJson } from '../../src/cli/commands/verify';
import { exampleMapping, exampleSheets } from '../core/inputs/mapping-example';
import { run } from '../cli/run-cli';
import { testSheetsToXlsx } from '../cli/xlsx-fixtures';
import { recalculate } from './libreoffice';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bk-lo-submit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function verify(file: string): Promise<VerifyJson['files'][number]> {
  const r = await run('verify', file, '--format', 'json');
  return (JSON.parse(r.stdout) as VerifyJson).files[0];
}

describe('a submitted workbook saved again in LibreOffice', () => {
  it('verifies as intact; one input cell changed in it is reported as that cell', async () => {
    const book = join(dir, 'budget.xlsx');
    expect((await run('sample', '-o', book, '--rows', '400', '--seed', '5')).code).toBe(0);
    const submitted = join(dir, 'inlamnad.xlsx');
    const r = await run('submit', book, '--by', 'Anna Andersson', '-o', submitted);
    expect(r.code).toBe(0);

    const resaved = join(dir, 'sparad-i-libreoffice.xlsx');
    writeFileSync(resaved, await recalculate(readFileSync(submitted)));
    expect(readFileSync(resaved).equals(readFileSync(submitted))).toBe(false);
    expect(await verify(resaved)).toMatchObject({ status: 'intact', submitted: { by: 'Anna Andersson' } });

    // A cell changed, then the file saved in LibreOffice (ExcelJS cannot write LibreOffice's tables back).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(submitted) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('Driftbudget')!.getCell('E7');
    cell.value = Number(cell.value) + 1;
    const changed = join(dir, 'andrad.xlsx');
    writeFileSync(changed, await recalculate(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(await verify(changed)).toMatchObject({ status: 'changed', changed: [{ sheet: 'Driftbudget', cell: 'E7', kind: 'changed' }] });
  });
});

describe('a mapping saved in the workbook, through LibreOffice', () => {
  it('is printed back the same by map, and validate uses it without --mapping', async () => {
    const book = join(dir, 'egen.xlsx');
    writeFileSync(book, await testSheetsToXlsx(exampleSheets));
    const mappingFile = join(dir, 'koppling.json');
    writeFileSync(mappingFile, serializeMapping(exampleMapping));
    const stored = join(dir, 'kopplad.xlsx');
    expect((await run('map', book, '--mapping', mappingFile, '-o', stored)).code).toBe(0);

    const resaved = join(dir, 'kopplad-libreoffice.xlsx');
    writeFileSync(resaved, await recalculate(readFileSync(stored)));
    const back = await run('map', resaved);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual(JSON.parse(serializeMapping(exampleMapping)));

    const withFlag = JSON.parse((await run('validate', book, '--mapping', mappingFile, '--format', 'json')).stdout).files[0].findings;
    const saved = JSON.parse((await run('validate', resaved, '--format', 'json')).stdout).files[0].findings;
    expect(saved).toEqual(withFlag);
  });
});
