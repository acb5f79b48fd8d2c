/**
 * KEY-SPELLING-VARIANT: a nämnd or verksamhet in Driftbudget or Utfall whose cell text differs
 * from the canonical name (text/normalize.ts canonicalName) only invisibly — a trailing or leading
 * space, a non-breaking space, doubled inner spaces, an "ä" written as "a" + a combining mark —
 * is the same name to the core but not to a written SUMIFS. Each such cell is an error finding at
 * that cell, in Swedish, with a quick fix to the canonical spelling; and the follow-up writer is
 * blocked until it is fixed. The criteria of the written tabs are canonical names.
 */
import { toA1 } from '../../../src/core/a1';
import { exactCriterion } from '../../../src/core/followup/formulas';
import { followUpBoards } from '../../../src/core/followup';
import { validateModel } from '../../../src/core/rules';
import { editsForRule } from '../../../src/core/rules/quick-fixes';
import { blockedMessage, writeBlockers } from '../../../src/core/rules/write-blockers';
import { canonicalName, normalizeKey, spellingVariant } from '../../../src/core/text/normalize';
import { recognizeSpecs } from '../sample/recognize-specs';
import { modelOf, sample, sampleSpecs, withRows } from '../followup/helpers';

const SOC = 'Socialnämnden';
const NFD_SOC = SOC.normalize('NFD');

/** The sample with one Driftbudget (or Utfall) cell's text replaced: row index i of the data, column c. */
function withCell(input: 'driftbudget' | 'utfall', i: number, c: number, text: string) {
  return withRows(sample(), input, (rows) => {
    rows[i][c] = text;
    return rows;
  });
}

function variantFindings(input: 'driftbudget' | 'utfall', i: number, c: number, text: string) {
  const model = modelOf(withCell(input, i, c, text));
  const layout = model.layouts[input]!;
  return { model, cell: toA1(layout.firstDataRow + i, c), findings: model.findings.filter((f) => f.rule === 'KEY-SPELLING-VARIANT') };
}

/** Index of the first Driftbudget row of a nämnd in the sample. */
function firstRowOf(board: string): number {
  return sample().sheets.find((s) => s.input === 'driftbudget')!.rows.findIndex((r) => r[0] === board);
}

describe('the one notion of "the same name"', () => {
  it('canonicalName: NFC, one ordinary space per run of white space, none at the ends; case kept', () => {
    expect(canonicalName('Socialnämnden ')).toBe(SOC);
    expect(canonicalName('Social\u00a0nämnden')).toBe('Social nämnden');
    expect(canonicalName('Barn-  och ungdomsnämnden')).toBe('Barn- och ungdomsnämnden');
    expect(canonicalName(NFD_SOC)).toBe(SOC);
    expect(canonicalName('SOCIALNÄMNDEN')).toBe('SOCIALNÄMNDEN');
    expect(normalizeKey(NFD_SOC)).toBe(normalizeKey(SOC));
    expect(spellingVariant(SOC)).toEqual([]);
    expect(spellingVariant('socialnämnden')).toEqual([]);
    expect(spellingVariant(`${SOC}\u00a0`)).toEqual(['trailing', 'nbsp']);
    expect(spellingVariant(NFD_SOC)).toEqual(['decomposed']);
  });

  it('the criteria the tabs write are the canonical names (wildcards escaped)', () => {
    expect(exactCriterion(`${NFD_SOC} `)).toBe(`=${SOC}`);
    expect(exactCriterion('Vård*  omsorg\u00a0')).toBe('=Vård~* omsorg');
  });
});

describe('KEY-SPELLING-VARIANT', () => {
  const i = firstRowOf(SOC);
  const cases: [string, string, RegExp, RegExp][] = [
    ['a trailing space', `${SOC} `, /”Socialnämnden␠” har ett mellanslag på slutet/, /a space at the end/],
    ['a leading space', ` ${SOC}`, /”␠Socialnämnden” har ett mellanslag i början/, /a space at the start/],
    ['a non-breaking space', `Social\u00a0nämnden`, /”Social␠nämnden” har ett hårt mellanslag/, /a non-breaking space/],
    ['doubled inner spaces', 'Barn-  och ungdomsnämnden', /”Barn-␠␠och ungdomsnämnden” har dubbla mellanslag/, /double spaces/],
    ['a decomposed ä (NFD)', NFD_SOC, /har ett ”ä” skrivet som ”a” \+ ett separat tecken/, /an "ä" written as "a"/],
  ];
  it.each(cases)('flags %s at the cell, in Swedish, with a quick fix to the canonical name', (_kind, text, sv, en) => {
    const { cell, findings } = variantFindings('driftbudget', i, 0, text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ severity: 'error', sheet: 'Driftbudget', cell });
    expect(f.message).toMatch(sv);
    expect(f.message).toMatch(/Nämnd .*Budgetkoll läser det som ”.*”, men formlerna .*SUMIFS/);
    expect(f.message_en).toMatch(en);
    expect(f.fix).toMatch(/Rätta stavningen/);
    expect(f.quickFix?.value).toBe(canonicalName(text));
    expect(f.quickFix?.label).toBe(`Rätta stavningen till ”${canonicalName(text)}”`);
  });

  it('names two differences of one cell together', () => {
    const { findings } = variantFindings('driftbudget', i, 0, `${SOC}\u00a0`);
    expect(findings[0].message).toMatch(/har ett mellanslag på slutet och ett hårt mellanslag/);
  });

  it('flags a verksamhet, and names in Utfall, at their own cells', () => {
    const activity = sample().sheets.find((s) => s.input === 'driftbudget')!.rows[i][1] as string;
    const a = variantFindings('driftbudget', i, 1, `${activity}  `);
    expect(a.findings.map((f) => f.cell)).toEqual([a.cell]);
    expect(a.findings[0].message).toMatch(/^Verksamhet /);
    const u = variantFindings('utfall', 3, 0, `${sample().sheets.find((s) => s.input === 'utfall')!.rows[3][0]} `);
    expect(u.findings).toMatchObject([{ sheet: 'Utfall', cell: u.cell }]);
  });

  it('is silent for canonical names, whatever their case (SUMIFS ignores case as the core does)', () => {
    expect(modelOf().findings.filter((f) => f.rule === 'KEY-SPELLING-VARIANT')).toEqual([]);
    expect(variantFindings('driftbudget', i, 0, SOC.toLocaleUpperCase('sv-SE')).findings).toEqual([]);
  });

  it('an NFD name is one nämnd to the core (one tab, not two)', () => {
    const model = modelOf(withCell('driftbudget', i, 0, NFD_SOC));
    expect(followUpBoards(model).filter((b) => normalizeKey(b) === normalizeKey(SOC))).toHaveLength(1);
  });

  it('validate reports it; it blocks writing, naming the cells; "fix all" lists one edit per cell', () => {
    const workbook = withRows(sample(), 'driftbudget', (rows) => {
      for (const r of rows) if (r[0] === SOC) r[0] = `${SOC} `;
      return rows;
    });
    const model = recognizeSpecs(sampleSpecs(workbook), 'validation');
    const findings = validateModel(model).filter((f) => f.rule === 'KEY-SPELLING-VARIANT');
    const count = workbook.sheets.find((s) => s.input === 'driftbudget')!.rows.filter((r) => r[0] === `${SOC} `).length;
    expect(findings).toHaveLength(count);
    const blockers = writeBlockers(validateModel(model), model.layouts);
    expect(blockers).toHaveLength(count);
    expect(blockedMessage(blockers).sv).toMatch(new RegExp(`^${count} namn i indata har en osynlig skillnad .*: Driftbudget!A\\d+, .* och ${count - 5} till\\. .*inget skrevs`));
    const edits = editsForRule(findings, 'KEY-SPELLING-VARIANT');
    expect(edits).toHaveLength(count);
    expect(new Set(edits.map((e) => e.value))).toEqual(new Set([SOC]));
  });
});
