/**
 * An amount stored as text in a column the follow-up tabs sum with SUMIFS (Driftbudget's years,
 * Utfall's Belopp) blocks the follow-up writer: the core reads "130" as 130 but SUMIFS skips text,
 * so the recalculated tab would show less than Budgetkoll wrote. Text elsewhere (Volymer, a
 * description) does not block.
 */
import { blockedMessage, writeBlockers } from '../../../src/core/rules/write-blockers';
import { modelOf, sample, withRows } from '../followup/helpers';

describe('amounts stored as text and the follow-up writer', () => {
  it('a Driftbudget amount as text blocks, naming the cell', () => {
    const model = modelOf(
      withRows(sample(), 'driftbudget', (rows) => {
        rows[3][4] = String(rows[3][4]);
        return rows;
      }),
    );
    const text = model.findings.filter((f) => f.rule === 'CELL-TEXT-NUMBER');
    expect(text).toHaveLength(1);
    const blockers = writeBlockers(model.findings, model.layouts);
    expect(blockers).toEqual(text);
    expect(blockedMessage(blockers).sv).toContain(`Ett belopp i Driftbudget eller Utfall är lagrat som text, som SUMIFS inte räknar med: ${text[0].sheet}!${text[0].cell}.`);
  });

  it('a Volymer figure as text does not block the follow-up', () => {
    const model = modelOf(
      withRows(sample(), 'volymer', (rows) => {
        const col = rows[0].findIndex((v) => typeof v === 'number');
        rows[0][col] = String(rows[0][col]);
        return rows;
      }),
    );
    expect(model.findings.some((f) => f.rule === 'CELL-TEXT-NUMBER')).toBe(true);
    expect(writeBlockers(model.findings, model.layouts)).toEqual([]);
  });
});
