/**
 * The package writer (issue 14) recalculated by a real spreadsheet engine: a sample's input tabs,
 * the allocation result tab and the kommun's August follow-up tab built from them are written into a package (new, and into a
 * user's workbook with pivot, chart, comments and VBA parts), LibreOffice loads and recalculates it,
 * and no cell may show an error the writer caused (Err:…, #NAME?, #REF!), while every formula must
 * give the cached value its spec carried (0.5 on the allocation tab, which is in kronor; 0.0005
 * elsewhere; text exactly). The playground's download is recalculated too: owned tabs deleted, a
 * tab added first, values typed into the user's cells and a table resized, and the user's own
 * formulas must see the typed values.
 */
import { runAllocation } from '../../src/core/allocation/model';
import { buildAllocationTab } from '../../src/core/allocation/result-tab';
import { buildFollowUpTab } from '../../src/core/followup';
import { readBudgetModel } from '../../src/core/recognition';
import { generateSample, sampleToSheetSpecs } from '../../src/core/sample';
import { emptySheetSpec, type SheetSpec } from '../../src/core/workbook/sheet-spec';
import { formulaOfCell } from '../../src/core/workbook/r1c1';
import { toA1 } from '../../src/core/a1';
import { writePackage } from '../../src/io/xlsx/package';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { deps, inputPackage } from '../io/xlsx/package/input-package';
import { changesPackage, INPUT_SHEET, OWNED_CHART_SHEET } from '../io/xlsx/package/changes-package';
import { recalculatedTexts } from './libreoffice';

const GENERATED_AT = new Date('2026-09-15T08:00:00Z');
const WRITER_ERRORS = /^(Err:\d+|#NAME\?|#REF!)$/;

let specs: SheetSpec[];
let allocationTab: SheetSpec;
let followUpTab: SheetSpec;

beforeAll(async () => {
  const sample = generateSample({ rows: 2000, seed: 1 });
  specs = sampleToSheetSpecs(sample);
  // The allocation tab as the add-in builds it: the core reads the written inputs.
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of specs) await port.writeSheet(spec);
  const model = await readBudgetModel(port, 'allocation');
  const result = runAllocation(model);
  if (!result) throw new Error('no budget years');
  allocationTab = buildAllocationTab(result, model, GENERATED_AT);
  // The kommun's August follow-up tab: row blocks, shared R1C1 cells, sums over the ledger.
  const followUpModel = await readBudgetModel(port, 'followUp');
  followUpTab = buildFollowUpTab({ model: followUpModel, report: 'august', board: 'Kommunen', year: sample.year, generatedAt: GENERATED_AT });
});

/** A number as the CSV export gives it; percent-formatted cells come as "2.8%". */
function numberOf(text: string): number {
  return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
}

interface Mismatch {
  sheet: string;
  at: string;
  formula: string;
  cached: unknown;
  recalculated: string;
}

/** Formula cells whose recalculated text differs from the cached value of the spec. */
function mismatches(spec: SheetSpec, texts: string[][], tolerance: number): { checked: number; wrong: Mismatch[] } {
  const wrong: Mismatch[] = [];
  let checked = 0;
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const formula = formulaOfCell(cell, r, c);
      if (formula === undefined || cell.value === undefined || cell.value === null) continue;
      const got = texts[r]?.[c] ?? '';
      const want = cell.value;
      checked++;
      const ok =
        typeof want === 'number'
          ? got !== '' && Math.abs(numberOf(got) - want) <= tolerance
          : typeof want === 'boolean'
            ? got === (want ? 'TRUE' : 'FALSE')
            : got === want;
      if (!ok) wrong.push({ sheet: spec.name, at: toA1(r, c), formula, cached: want, recalculated: got });
    }
  }
  return { checked, wrong };
}

function writerErrors(sheets: Map<string, string[][]>): string[] {
  const found: string[] = [];
  for (const [name, rows] of sheets) {
    rows.forEach((row, r) => row.forEach((text, c) => {
      if (WRITER_ERRORS.test(text)) found.push(`${name}!${toA1(r, c)}: ${text}`);
    }));
  }
  return found;
}

async function expectRecalculatesToCached(input: Uint8Array | null, extraSheets: string[]): Promise<void> {
  const owned = [...specs, allocationTab, followUpTab];
  const bytes = await writePackage(input, owned.map((spec) => ({ spec })), deps);
  const sheets = await recalculatedTexts(bytes, [...extraSheets, ...owned.map((s) => s.name)]);
  expect(writerErrors(sheets)).toEqual([]);
  let checked = 0;
  for (const spec of owned) {
    const result = mismatches(spec, sheets.get(spec.name)!, spec === allocationTab ? 0.5 : 0.0005);
    expect(result.wrong.slice(0, 10)).toEqual([]);
    checked += result.checked;
  }
  // The allocation and follow-up tabs have hundreds of formulas with cached results.
  expect(checked).toBeGreaterThan(200);
  expect(mismatches(followUpTab, sheets.get(followUpTab.name)!, 0.0005).checked).toBeGreaterThan(50);
}

describe('package writer, recalculated by LibreOffice', () => {
  it('a new package with the sample’s tabs, the allocation tab and a follow-up tab: no errors, every formula gives its cached value', async () => {
    await expectRecalculatesToCached(null, []);
  });

  it('the same tabs written into a user’s workbook (pivot, chart, comments, VBA): still no errors, the user’s own formulas still work', async () => {
    await expectRecalculatesToCached(inputPackage(), ['Data', 'Blad ett']);
    const sheets = await recalculatedTexts(await writePackage(inputPackage(), [{ spec: allocationTab }], deps), ['Data', 'Blad ett']);
    expect(sheets.get('Data')![2][2]).toBe('350');
    expect(sheets.get('Blad ett')![0][1]).toBe('200');
  });

  it('the playground’s download: owned tabs deleted, a tab added first, cells typed into and a table resized in the user’s tabs', async () => {
    // An owned tab first whose formulas read the user's edited cells.
    const overview: SheetSpec = {
      ...emptySheetSpec('Budgetkoll översikt'),
      rows: [
        [{ value: 'Översikt', style: 'title' }],
        [{ formula: '=Data!B2*3', value: 1200 }, { formula: `=SUM('${INPUT_SHEET}'!B2:B3)`, value: 195 }, { formula: '=Data!C3', value: 650 }],
      ],
    };
    const bytes = await writePackage(changesPackage(), [{ spec: overview, position: 'start' }], deps, {
      deleted: ['Budgetkoll gammal', OWNED_CHART_SHEET],
      cellEdits: [
        { sheet: 'Data', cell: 'B2', value: 400 },
        { sheet: INPUT_SHEET, cell: 'B2', value: 120 },
        { sheet: INPUT_SHEET, cell: 'B3', value: 75 },
        { sheet: INPUT_SHEET, cell: 'A4', value: '=inte en formel' },
      ],
      tableResizes: [{ sheet: INPUT_SHEET, table: 'Utfall', address: 'A1:D4' }],
    });
    const sheets = await recalculatedTexts(bytes, [overview.name, 'Data', 'Blad ett', INPUT_SHEET]);
    expect(writerErrors(sheets)).toEqual([]);
    expect(mismatches(overview, sheets.get(overview.name)!, 0.0005)).toEqual({ checked: 3, wrong: [] });
    // The user's formulas see the typed values: SUM(B2:B3), Data!B2*2, and the shared A6*2.
    expect(sheets.get('Data')![2][2]).toBe('650');
    expect(sheets.get('Blad ett')![0][1]).toBe('800');
    const input = sheets.get(INPUT_SHEET)!;
    expect(input[5].slice(0, 2)).toEqual(['195', '390']);
    expect(input[0].slice(0, 4)).toEqual(['Konto', 'Belopp', 'Kolumn3', 'Belopp2']);
    expect(input[3][0]).toBe('=inte en formel');
  });
});
