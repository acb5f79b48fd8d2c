/**
 * Hostile workbooks: random cell types, error values, duplicated and odd headers, åäö and odd
 * Unicode, huge and negative numbers, empty tables, long sheet names. Recognition must never
 * throw, every finding must point at a valid sheet and A1 cell, and the result is deterministic.
 */
import fc from 'fast-check';
import { isA1 } from '../../../src/core/a1';
import { INPUTS } from '../../../src/core/inputs/catalogue';
import { JOB_INPUTS, locateInputs, recognizeWorkbook } from '../../../src/core/recognition';
import { validateModel } from '../../../src/core/rules';
import { runAllocation } from '../../../src/core/allocation/model';
import { indexOf, readPlan, type TestSheet } from '../../helpers/raw-workbook';

const headerWords = INPUTS.flatMap((d) => [d.name, ...d.columns.flatMap((c) => [c.label, ...(c.synonyms ?? [])])]);
const cell = fc.oneof(
  fc.constantFrom(...headerWords, 'Summa', 'Totalt', 'Budget 2027', 'Plan 2028', '2029', 'Ram 2027 (mnkr)', 'Prognos 2026', 'Utfall 2026'),
  fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#SPILL!', '=SUM(A1:A2)', '1 234,5', '−12', '12 %', 'NaN', 'Infinity'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(1e300, -1e300, Number.MAX_VALUE, 5e-324),
  fc.integer({ min: -1e15, max: 1e15 }),
  fc.boolean(),
  fc.constant(null),
);
const sheetName = fc.oneof(
  fc.constantFrom(...INPUTS.map((d) => d.name), 'Övriga_förändringar', 'tbl_Ramar', 'x'.repeat(31)),
  fc.string({ minLength: 1, maxLength: 31 }),
);
const sheet = fc.record({
  name: sheetName,
  rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
});

const workbook = fc.uniqueArray(sheet, { maxLength: 6, selector: (s) => s.name.toLocaleLowerCase('sv-SE') }).map((sheets) =>
  sheets.map((s, i): TestSheet => {
    // Some sheets also get a table over their first rows, named like an input.
    const width = Math.max(1, ...s.rows.map((r) => r.length));
    return i % 2 === 0 && s.rows.length > 0
      ? { ...s, tables: [{ name: INPUTS[i % INPUTS.length].name.replace(/\s/g, '_'), range: `A1:${String.fromCharCode(64 + Math.min(width, 26))}${s.rows.length}` }] }
      : s;
  }),
);

describe('recognition, rules and allocation on hostile workbooks', () => {
  it('never throw, give valid places, and are deterministic', () => {
    fc.assert(
      fc.property(workbook, fc.constantFrom('validation' as const, 'allocation' as const, 'followUp' as const), (sheets, job) => {
        const run = () => {
          const located = locateInputs(indexOf(sheets), JOB_INPUTS[job]);
          const model = recognizeWorkbook(readPlan(sheets, located.plan), located, JOB_INPUTS[job]);
          // The rules and the allocation model run on whatever recognition made of it.
          return { ...model, findings: validateModel(model), allocation: runAllocation(model) };
        };
        const first = run();
        for (const f of first.findings) {
          expect(isA1(f.cell)).toBe(true);
          expect(f.sheet.length).toBeGreaterThan(0);
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.message_en.length).toBeGreaterThan(0);
          expect(['error', 'warning', 'info']).toContain(f.severity);
        }
        for (const row of first.operatingBudget) for (const a of row.amounts) expect(Number.isFinite(a)).toBe(true);
        expect(JSON.stringify(run())).toBe(JSON.stringify(first));
      }),
      { numRuns: 300 },
    );
  });
});
