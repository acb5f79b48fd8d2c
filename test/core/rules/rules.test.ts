import { editsForRule } from '../../../src/core/rules/quick-fixes';
import { JOB_INPUTS, locateInputs, recognizeWorkbook } from '../../../src/core/recognition';
import { validateModel, VALIDATION_CHECKS } from '../../../src/core/rules';
import { RULE_CATALOGUE } from '../../../src/core/messages/rule-catalogue';
import { BROKEN_CASES, brokenWorkbook, cleanWorkbook, type Sheets } from '../../fixtures/broken-cases';
import { indexOf, readPlan } from '../../helpers/raw-workbook';

function validate(sheets: Sheets, job: 'validation' | 'followUp' = 'validation') {
  const request = JOB_INPUTS[job];
  const located = locateInputs(indexOf(sheets), request);
  // The in-memory reader gives formula cells the value 0; give Summa rows their real sums.
  const raw = readPlan(sheets, located.plan);
  return validateModel(recognizeWorkbook(raw, located, request));
}

describe('validation rules', () => {
  it('finds nothing wrong in the clean workbook (apart from formula cells the in-memory reader leaves at 0)', () => {
    const findings = validate(cleanWorkbook()).filter((f) => f.rule !== 'SUM-MISMATCH');
    expect(findings).toEqual([]);
  });

  it.each(BROKEN_CASES.map((c) => [c.rule, c.defect, c] as const))('%s (%s) points at the right cell', (rule, _defect, c) => {
    const findings = validate(brokenWorkbook(c), c.job);
    const hit = findings.find((f) => f.rule === rule && f.sheet === c.sheet && f.cell === c.cell);
    expect({ rule, found: hit ? `${hit.sheet}!${hit.cell}` : findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`) }).toEqual({
      rule,
      found: `${c.sheet}!${c.cell}`,
    });
    expect(hit!.message).toMatch(/\S/);
    expect(hit!.fix).toMatch(/\S/);
  });

  it('has a broken case for every rule id it checks, and a catalogue entry for each', () => {
    const checked = VALIDATION_CHECKS.flatMap((c) => c.rules);
    const covered = new Set(BROKEN_CASES.map((c) => c.rule));
    for (const rule of checked) {
      expect(covered.has(rule) ? rule : `missing case ${rule}`).toBe(rule);
      expect(Object.keys(RULE_CATALOGUE)).toContain(rule);
    }
  });

  it('says budget, frame and difference in Swedish number format for RAM-OVER', () => {
    const c = BROKEN_CASES.find((x) => x.rule === 'RAM-OVER')!;
    const f = validate(brokenWorkbook(c)).find((x) => x.rule === 'RAM-OVER')!;
    expect(f.message.replace(/\s/g, ' ')).toBe('Barn- och ungdomsnämnden 2028: nettobudgeten 1 035 tkr överstiger ramen 1 030 tkr med 5 tkr.');
    expect(f.severity).toBe('error');
  });

  it('suggests the closest nämnd for a misspelt one', () => {
    const c = BROKEN_CASES.find((x) => x.rule === 'KEY-UNKNOWN-NAMND')!;
    const f = validate(brokenWorkbook(c)).find((x) => x.rule === 'KEY-UNKNOWN-NAMND')!;
    expect(f.message).toContain('Menade du ”Kultur- och fritidsnämnden”?');
  });
});

describe('quick fixes', () => {
  it('offers the parsed number for a number stored as text, and the suggested name for a misspelt nämnd', () => {
    
    const textNumber = BROKEN_CASES.find((x) => x.rule === 'CELL-TEXT-NUMBER')!;
    const findings = validate(brokenWorkbook(textNumber));
    expect(editsForRule(findings, 'CELL-TEXT-NUMBER')).toEqual([{ sheet: 'Driftbudget', cell: 'E3', value: 130 }]);
    const unknown = BROKEN_CASES.find((x) => x.rule === 'KEY-UNKNOWN-NAMND')!;
    expect(editsForRule(validate(brokenWorkbook(unknown)), 'KEY-UNKNOWN-NAMND')).toEqual([{ sheet: 'Driftbudget', cell: 'A5', value: 'Kultur- och fritidsnämnden' }]);
  });

  it('offers no fix where the fix is not unambiguous', () => {
    const c = BROKEN_CASES.find((x) => x.rule === 'CELL-NOT-NUMBER')!;
    expect(validate(brokenWorkbook(c)).filter((f) => f.quickFix)).toEqual([]);
  });
});

describe('configuration', () => {
  it('takes the tolerance from a settings file unless Parametrar gives one', () => {
    const { ruleConfigFor } = jest.requireActual('../../../src/core/rules/config');
    const request = JOB_INPUTS.validation;
    const modelOf = (sheets: Sheets) => {
      const located = locateInputs(indexOf(sheets), request);
      return recognizeWorkbook(readPlan(sheets, located.plan), located, request);
    };
    const withTolerance = cleanWorkbook();
    expect(ruleConfigFor(modelOf(withTolerance), { toleranceKr: 9000 }).toleranceKr).toBe(500);
    const without = cleanWorkbook();
    without[0].rows = without[0].rows.filter((r) => r[0] !== 'Tolerans');
    expect(ruleConfigFor(modelOf(without), { toleranceKr: 9000 }).toleranceKr).toBe(9000);
    expect(ruleConfigFor(modelOf(without)).toleranceKr).toBe(500);
  });
});
