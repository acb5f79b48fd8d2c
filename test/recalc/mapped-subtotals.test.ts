/**
 * A controller's own layout whose subtotal rows per verksamhet are marked in a column of their own
 * ("Kommunstyrelsen | Summa | Administration | | −1,05"): the nämnd and verksamhet criteria alone
 * would count the subtotal too.
 * Through the mapping, recognition leaves those rows out; the follow-up tab's SUMIFS must too.
 * LibreOffice recalculates the August tabs: Budget helår equals the core's figure, costs negative
 * and the unit turned by the layout's factor.
 */
import type { Mapping } from '../../src/core/inputs/mapping';
import { parseMapping } from '../../src/core/inputs/mapping-parse';
import { readBudgetModel } from '../../src/core/recognition';
import { emptySheetSpec, type SheetSpec } from '../../src/core/workbook/sheet-spec';
import { XlsxWorkbookPort } from '../../src/io/xlsx/xlsx-port';
import { recalculatedTotals } from './august-totals';

const KS = 'Kommunstyrelsen';
const SN = 'Socialnämnden';

/** Costs negative in mnkr, subtotals per verksamhet marked "Summa" in column B, nämnd and verksamhet still filled. */
const ROWS: (string | number | null)[][] = [
  ['Driftbudget 2027–2029 (mnkr), nettokostnader negativa'],
  ['Nämnd', 'Rad', 'Verksamhet', 'Konto', 'Budget 2027 (mnkr)', 'Budget 2028 (mnkr)', 'Budget 2029 (mnkr)'],
  [KS, null, 'Administration', '5010', -1.25, -1.3, -1.35],
  [KS, null, 'Administration', '3110', 0.2, 0.2, 0.2],
  [KS, 'Summa', 'Administration', null, -1.05, -1.1, -1.15],
  [SN, null, 'Äldreomsorg', '5010', -5.5, -5.6, -5.7],
  [SN, 'Summa', 'Äldreomsorg', null, -5.5, -5.6, -5.7],
];

const MAPPING = parseMapping({
  version: 1,
  inputs: {
    Driftbudget: {
      sheet: 'Budget',
      headerRow: 2,
      columns: { Nämnd: 'A', Verksamhet: 'C', Konto: 'D', '2027': 'E', '2028': 'F', '2029': 'G' },
      unit: 'mnkr',
      costs: 'negative',
      subtotals: { column: 'B', startsWith: ['Summa'] },
    },
  },
});

function budgetSpec(): SheetSpec {
  return { ...emptySheetSpec('Budget'), rows: ROWS.map((row) => row.map((value) => (value === null ? null : { value }))) };
}

describe('a mapped layout with subtotals in their own column, recalculated by LibreOffice', () => {
  it('Budget helår of each nämnd equals the core’s: subtotal rows left out, sign and unit turned', async () => {
    const mapping = (MAPPING as { mapping: Mapping }).mapping;
    const port = XlsxWorkbookPort.createEmpty();
    await port.writeSheet(budgetSpec());
    const model = await readBudgetModel(port, 'followUp', undefined, mapping);
    expect(model.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(model.operatingBudget.map((r) => [r.board, r.amounts[0]])).toEqual([
      [KS, 1_250_000],
      [KS, -200_000],
      [SN, 5_500_000],
    ]);
    const totals = await recalculatedTotals(port, model, [KS, SN]);
    expect(totals.get(KS)!.budget).toBeCloseTo(1050, 6);
    expect(totals.get(SN)!.budget).toBeCloseTo(5500, 6);
  });
});
