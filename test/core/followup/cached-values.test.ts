/**
 * The core's figures as the cached results of the economy formulas (SpecCell.value beside the
 * formula): per verksamhet and in the total, Budget helår and Utfall t.o.m. period from the
 * sample's rows, the derived columns, and none where a typed cell decides (prognos). The same
 * values after a real recalculation: test/recalc/cached-values.test.ts.
 */
import { buildFollowUpTab, type FollowUpReport } from '../../../src/core/followup';
import { normalizeKey } from '../../../src/core/text/normalize';
import type { SheetSpec, SpecCell } from '../../../src/core/workbook/sheet-spec';
import { columnIn, inA1, modelOf, rowIn, sample, sectionRange } from './helpers';

const BUN = 'Barn- och ungdomsnämnden';
const MODEL = modelOf(sample());
const ECONOMY = 'Ekonomisk';

function build(report: FollowUpReport, board = BUN): SheetSpec {
  return inA1(buildFollowUpTab({ model: MODEL, report, board, year: 2027, generatedAt: new Date('2027-09-15T08:00:00Z') }));
}

function sums(board: string | null, activity: string | null, lastMonth: number): { budget: number; actual: number } {
  const match = (r: { board: string; activity: string }) =>
    (board === null || normalizeKey(r.board) === normalizeKey(board)) && (activity === null || normalizeKey(r.activity) === normalizeKey(activity));
  const last = `2027-${String(lastMonth).padStart(2, '0')}`;
  return {
    budget: MODEL.operatingBudget.filter(match).reduce((s, r) => s + r.amounts[0], 0) / 1000,
    actual: MODEL.actuals.filter((r) => match(r) && r.period >= '2027-01' && r.period <= last).reduce((s, r) => s + r.amount, 0) / 1000,
  };
}

const at = (spec: SheetSpec, row: number, col: number): SpecCell => spec.rows[row][col]!;

describe('cached values of the economy formulas', () => {
  it('a nämnd tab (august): each verksamhet and the total carry the core’s figures; nothing typed: prognos columns empty text', () => {
    const spec = build('august');
    const col = (h: string) => columnIn(spec, ECONOMY, h);
    const { top, bottom } = sectionRange(spec, ECONOMY);
    let rows = 0;
    for (let r = top; r <= bottom; r++) {
      const label = spec.rows[r][col('Budget helår') - 1]?.value;
      const budgetCell = spec.rows[r][col('Budget helår')];
      if (!budgetCell?.formula || typeof label !== 'string' || label.startsWith('Summa')) continue;
      const expected = sums(BUN, label === '(utan verksamhet)' ? '' : label, 8);
      expect(budgetCell.value).toBeCloseTo(expected.budget, 6);
      expect(at(spec, r, col('Utfall t.o.m. period')).value).toBeCloseTo(expected.actual, 6);
      expect(at(spec, r, col('Budget t.o.m. period')).value).toBeCloseTo((expected.budget * 8) / 12, 6);
      expect(at(spec, r, col('Avvikelse t.o.m. period')).value).toBeCloseTo((expected.budget * 8) / 12 - expected.actual, 6);
      expect(at(spec, r, col('Avvikelse helår')).value).toBe(''); // =IF(G="","",…)
      rows++;
    }
    expect(rows).toBeGreaterThan(1);
    const total = rowIn(spec, ECONOMY, `Summa ${BUN}`);
    const expected = sums(BUN, null, 8);
    expect(at(spec, total, col('Budget helår')).value).toBeCloseTo(expected.budget, 6);
    expect(at(spec, total, col('Utfall t.o.m. period')).value).toBeCloseTo(expected.actual, 6);
    expect(at(spec, total, col('Prognos helår')).value).toBe(''); // =IF(COUNT(…)=0,"",…)
    expect(at(spec, total, col('Avvikelse helår')).value).toBe('');
  });

  it('the kommun tab (december): per nämnd and in total, with the deviation budget − utfall', () => {
    const spec = build('december', 'Kommunen');
    const col = (h: string) => columnIn(spec, ECONOMY, h);
    const total = rowIn(spec, ECONOMY, 'Summa kommunen');
    const expected = sums(null, null, 12);
    expect(at(spec, total, col('Budget')).value).toBeCloseTo(expected.budget, 6);
    expect(at(spec, total, col('Utfall')).value).toBeCloseTo(expected.actual, 6);
    expect(at(spec, total, col('Avvikelse')).value).toBeCloseTo(expected.budget - expected.actual, 6);
    const bun = rowIn(spec, ECONOMY, BUN);
    expect(at(spec, bun, col('Budget')).value).toBeCloseTo(sums(BUN, null, 12).budget, 6);
  });
});
