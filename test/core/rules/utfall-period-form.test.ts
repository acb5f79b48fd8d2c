/**
 * UTF-PERIOD-FORM (issue 13): a Utfall period typed as text the core reads as a month but the
 * follow-up tabs' text criterion ("YYYY-MM*", followup/formulas.ts actualFormula) would not match
 * — "2027/08", "2027-8", "202708" as text, "2027.08", a leading space — is an error finding at
 * that cell, with a quick fix to the text "YYYY-MM", and blocks the follow-up writer. Periods the
 * formulas match (text "2027-08", "2027-08-31", a date, the number 202708) are not flagged.
 */
import { toA1 } from '../../../src/core/a1';
import { actualFormula } from '../../../src/core/followup/formulas';
import { editsFor, editsForRule, QUICK_FIX_RULES } from '../../../src/core/rules/quick-fixes';
import { blockedMessage, writeBlockers } from '../../../src/core/rules/write-blockers';
import { modelOf, sample, withRows } from '../followup/helpers';

function withPeriod(i: number, value: string | number) {
  return modelOf(
    withRows(sample(), 'utfall', (rows) => {
      rows[i][3] = value;
      return rows;
    }),
  );
}

const flagged = (model: ReturnType<typeof modelOf>) => model.findings.filter((f) => f.rule === 'UTF-PERIOD-FORM');

describe('UTF-PERIOD-FORM', () => {
  it('the sample writes periods as text "YYYY-MM" in column D and has no finding', () => {
    const model = modelOf();
    expect(model.layouts.utfall!.columns.period).toBe(3);
    expect(model.actuals[0].period).toMatch(/^\d{4}-\d{2}$/);
    expect(flagged(model)).toEqual([]);
  });

  it.each(['2027/08', '2027-8', '202708', '2027.08', ' 2027-08', '2027/8/31'])('"%s": an error at the Utfall cell, counted by the core as 2027-08, fixed to "2027-08"', (text) => {
    const model = withPeriod(4, text);
    const layout = model.layouts.utfall!;
    const found = flagged(model);
    expect(found).toEqual([
      expect.objectContaining({ rule: 'UTF-PERIOD-FORM', severity: 'error', sheet: layout.sheet, cell: toA1(layout.firstDataRow + 4, 3), quickFix: expect.objectContaining({ value: '2027-08' }) }),
    ]);
    expect(found[0].message).toContain('läser Budgetkoll som 2027-08');
    expect(found[0].message).toContain('”ÅÅÅÅ-MM”');
    expect(found[0].message_en).toContain('"YYYY-MM"');
    expect(model.actuals[4].period).toBe('2027-08');
    expect(editsFor(found[0])).toEqual([{ sheet: layout.sheet, cell: found[0].cell, value: '2027-08' }]);
    expect(editsForRule(model.findings, 'UTF-PERIOD-FORM')).toHaveLength(1);
    expect(QUICK_FIX_RULES).toContain('UTF-PERIOD-FORM');
  });

  it('shows an invisible leading space as "␠"', () => {
    expect(flagged(withPeriod(4, ' 2027-08'))[0].message).toContain('”␠2027-08”');
  });

  it.each<[string | number]>([['2027-08'], ['2027-08-31'], ['2027-08-31T00:00:00'], [202708], [46600]])('%s is matched by the formulas: no finding', (value) => {
    expect(flagged(withPeriod(4, value))).toEqual([]);
  });

  it('text the core cannot read as a period is not this rule (neither the core nor the formulas count it)', () => {
    expect(flagged(withPeriod(4, 'augusti'))).toEqual([]);
  });

  it('the formulas match text by the pattern "YYYY-MM*", so the canonical form is what they count', () => {
    const model = modelOf();
    const formula = actualFormula(model.layouts.utfall!, 2027, 8)({ board: 'R6C10', activity: null });
    expect(formula).toContain('"2027-08*"');
  });

  it('blocks the follow-up writer, naming the cell and the expected form', () => {
    const model = withPeriod(4, '2027/08');
    const blockers = writeBlockers(model.findings, model.layouts);
    expect(blockers.map((f) => f.rule)).toEqual(['UTF-PERIOD-FORM']);
    const message = blockedMessage(blockers);
    expect(message.sv).toMatch(new RegExp(`^En period i Utfall är inte skriven som ”ÅÅÅÅ-MM” .*: Utfall!${blockers[0].cell}\\. .*inget skrevs`));
    expect(message.en).toContain(`Utfall!${blockers[0].cell}`);
  });
});
