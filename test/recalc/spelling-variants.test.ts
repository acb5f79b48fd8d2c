/**
 * Names with invisible differences, recalculated by a real spreadsheet engine (issue 13, case 1).
 * The sample's names get variants — trailing spaces on half of Socialnämnden's rows (the issue's
 * case), a non-breaking space, doubled spaces and a decomposed "ä" in other nämnder, a verksamhet
 * with a trailing space in Utfall. Recognition flags each (KEY-SPELLING-VARIANT). Unfixed, the
 * written SUMIFS sum less than the core (what the check prevents); after the quick fix is applied
 * through the port (writeCells, as the task pane's "Åtgärda alla" does), LibreOffice's
 * recalculated Budget helår and Utfall t.o.m. period equal the core's figures for every nämnd.
 */
import { periodMonth } from '../../src/core/followup';
import { readBudgetModel, type BudgetModel } from '../../src/core/recognition';
import { editsForRule } from '../../src/core/rules/quick-fixes';
import { generateSample, type SampleWorkbook } from '../../src/core/sample';
import { normalizeKey } from '../../src/core/text/normalize';
import { portOf, recalculatedTotals, REPORT, YEAR } from './august-totals';

const SOC = 'Socialnämnden';
const BUN = 'Barn- och ungdomsnämnden';
const VON = 'Vård- och äldreomsorgsnämnden';
const KFN = 'Kultur- och fritidsnämnden';
const BOARDS = [SOC, BUN, VON, KFN];

/** The sample with invisible variants in Driftbudget and Utfall. */
function variantSample(): SampleWorkbook {
  const sample = generateSample();
  let n = 0;
  return {
    ...sample,
    sheets: sample.sheets.map((s) => {
      if (s.input !== 'driftbudget' && s.input !== 'utfall') return s;
      const rows = s.rows.map((row) => {
        const out = [...row];
        if (out[0] === SOC && n++ % 2 === 0) out[0] = `${SOC} `;
        else if (out[0] === BUN && s.input === 'driftbudget') out[0] = BUN.replace(' ', '\u00a0');
        else if (out[0] === VON) out[0] = VON.normalize('NFD');
        else if (out[0] === KFN && s.input === 'utfall') out[0] = KFN.replace('och ', 'och  ');
        if (out[0] === SOC && s.input === 'utfall' && typeof out[1] === 'string') out[1] = `${out[1]}\u00a0`;
        return out;
      });
      return { ...s, rows };
    }),
  };
}

/** The core's figures for a nämnd: Budget YEAR and Utfall up to the report's month, in tkr. */
function coreFigures(model: BudgetModel, board: string): { budget: number; actual: number } {
  const key = normalizeKey(board);
  const last = periodMonth(REPORT, YEAR);
  return {
    budget: model.operatingBudget.filter((r) => normalizeKey(r.board) === key).reduce((s, r) => s + r.amounts[0], 0) / 1000,
    actual: model.actuals.filter((r) => normalizeKey(r.board) === key && r.period >= `${YEAR}-01` && r.period <= last).reduce((s, r) => s + r.amount, 0) / 1000,
  };
}

describe('names with invisible differences, recalculated by LibreOffice', () => {
  it('unfixed, the written SUMIFS miss the variant rows: the figure the check keeps from being written', async () => {
    const port = await portOf(variantSample());
    const model = await readBudgetModel(port, 'followUp');
    expect(model.findings.some((f) => f.rule === 'KEY-SPELLING-VARIANT')).toBe(true);
    const recalculated = await recalculatedTotals(port, model, [SOC]);
    const core = coreFigures(model, SOC);
    expect(recalculated.get(SOC)!.budget).toBeLessThan(core.budget - 1);
  });

  it('after the quick fix, every recalculated tab equals the core', async () => {
    const port = await portOf(variantSample());
    const before = await readBudgetModel(port, 'followUp');
    const flagged = before.findings.filter((f) => f.rule === 'KEY-SPELLING-VARIANT');
    expect(new Set(flagged.map((f) => f.sheet))).toEqual(new Set(['Driftbudget', 'Utfall']));
    const coreBefore = new Map(BOARDS.map((b) => [b, coreFigures(before, b)]));

    const edits = editsForRule(flagged, 'KEY-SPELLING-VARIANT');
    expect(edits).toHaveLength(flagged.length);
    await port.writeCells(edits);

    const model = await readBudgetModel(port, 'followUp');
    expect(model.findings.filter((f) => f.rule === 'KEY-SPELLING-VARIANT')).toEqual([]);
    const recalculated = await recalculatedTotals(port, model, BOARDS);
    for (const board of BOARDS) {
      const core = coreFigures(model, board);
      // The fix changes no figure of the core: it counted the variants under the name all along.
      expect(core).toEqual(coreBefore.get(board));
      expect(core.budget).toBeGreaterThan(0);
      expect(core.actual).toBeGreaterThan(0);
      const tab = recalculated.get(board)!;
      expect({ board, budget: tab.budget, actual: tab.actual }).toEqual({ board, budget: expect.closeTo(core.budget, 6), actual: expect.closeTo(core.actual, 6) });
    }
  });
});
