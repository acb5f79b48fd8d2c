/**
 * Utfall periods in forms the follow-up formulas do not match, recalculated by LibreOffice
 * (issue 13). The sample's Utfall gets periods typed as text "2027/03", "2027-5", "202706" and
 * " 2027-07" for Socialnämnden. The core reads each as its month (UTF-PERIOD-FORM flags each cell).
 * Unfixed, the written SUMIFS sum less than the core (what the rule keeps from being written);
 * after the quick fix is applied through the port (writeCells), LibreOffice's recalculated Utfall
 * t.o.m. period equals the core's figure for every nämnd.
 */
import { periodMonth } from '../../src/core/followup';
import { readBudgetModel, type BudgetModel } from '../../src/core/recognition';
import { editsForRule } from '../../src/core/rules/quick-fixes';
import { generateSample, type SampleWorkbook } from '../../src/core/sample';
import { normalizeKey } from '../../src/core/text/normalize';
import { portOf, recalculatedTotals, REPORT, YEAR } from './august-totals';

const SOC = 'Socialnämnden';
const BUN = 'Barn- och ungdomsnämnden';
const BOARDS = [SOC, BUN];
/** Month → the form it is typed in. */
const FORMS: Record<string, (year: string, month: string) => string> = {
  '03': (y) => `${y}/03`,
  '05': (y) => `${y}-5`,
  '06': (y) => `${y}06`,
  '07': (y, m) => ` ${y}-${m}`,
};

/** The sample with Socialnämnden's Utfall periods of some months typed in other forms. */
function periodSample(): SampleWorkbook {
  const sample = generateSample();
  return {
    ...sample,
    sheets: sample.sheets.map((s) => {
      if (s.input !== 'utfall') return s;
      const rows = s.rows.map((row) => {
        const out = [...row];
        const match = typeof out[3] === 'string' ? /^(\d{4})-(\d{2})$/.exec(out[3]) : null;
        if (out[0] === SOC && match && FORMS[match[2]]) out[3] = FORMS[match[2]](match[1], match[2]);
        return out;
      });
      return { ...s, rows };
    }),
  };
}

/** The core's Utfall up to the report's month for a nämnd, in tkr. */
function coreActual(model: BudgetModel, board: string): number {
  const key = normalizeKey(board);
  const last = periodMonth(REPORT, YEAR);
  return model.actuals.filter((r) => normalizeKey(r.board) === key && r.period >= `${YEAR}-01` && r.period <= last).reduce((s, r) => s + r.amount, 0) / 1000;
}

describe('Utfall periods in other forms, recalculated by LibreOffice', () => {
  it('unfixed, the written SUMIFS miss the rows the core counts: the figure the rule keeps from being written', async () => {
    const port = await portOf(periodSample());
    const model = await readBudgetModel(port, 'followUp');
    expect(model.findings.some((f) => f.rule === 'UTF-PERIOD-FORM')).toBe(true);
    const recalculated = await recalculatedTotals(port, model, [SOC]);
    expect(Math.abs(recalculated.get(SOC)!.actual - coreActual(model, SOC))).toBeGreaterThan(1);
  });

  it('after the quick fix, every recalculated Utfall t.o.m. period equals the core', async () => {
    const port = await portOf(periodSample());
    const before = await readBudgetModel(port, 'followUp');
    const flagged = before.findings.filter((f) => f.rule === 'UTF-PERIOD-FORM');
    expect(new Set(flagged.map((f) => (typeof f.quickFix?.value === 'string' ? f.quickFix.value.slice(5) : '')))).toEqual(new Set(Object.keys(FORMS)));
    const coreBefore = new Map(BOARDS.map((b) => [b, coreActual(before, b)]));

    const edits = editsForRule(flagged, 'UTF-PERIOD-FORM');
    expect(edits).toHaveLength(flagged.length);
    await port.writeCells(edits);

    const model = await readBudgetModel(port, 'followUp');
    expect(model.findings.filter((f) => f.rule === 'UTF-PERIOD-FORM')).toEqual([]);
    const recalculated = await recalculatedTotals(port, model, BOARDS);
    for (const board of BOARDS) {
      const core = coreActual(model, board);
      // The fix changes no figure of the core: it counted those rows under their month all along.
      expect(core).toBe(coreBefore.get(board));
      expect(core).toBeGreaterThan(0);
      expect({ board, actual: recalculated.get(board)!.actual }).toEqual({ board, actual: expect.closeTo(core, 6) });
    }
  });
});
