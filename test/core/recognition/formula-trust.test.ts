import { locateInputs, recognizeWorkbook, JOB_INPUTS } from '../../../src/core/recognition';
import { formulaReferences } from '../../../src/core/workbook/formula-refs';
import { indexOf, readPlan, type TestSheet } from '../../helpers/raw-workbook';

function findings(sheets: TestSheet[]) {
  const located = locateInputs(indexOf(sheets), JOB_INPUTS.validation);
  return recognizeWorkbook(readPlan(sheets, located.plan), located, JOB_INPUTS.validation).findings;
}

const at = (rule: string, list: ReturnType<typeof findings>) => list.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);

const ramar = (summa: string | number = '=SUM(B2:B3)'): TestSheet => ({
  name: 'Ramar',
  rows: [
    ['Nämnd', 'Ram 2027', 'Ram 2028', 'Ram 2029'],
    ['BUN', 1000, 1010, 1020],
    ['KFN', 200, 205, 210],
    ['Summa', summa, '=SUM(C2:C3)', '=SUM(D2:D3)'],
  ],
});

const drift = (e2: string | number = 800, f2: string | number = 810, g2: string | number = 820): TestSheet => ({
  name: 'Driftbudget',
  rows: [
    ['Nämnd', 'Verksamhet', 'Konto', 'Benämning', 'Budget 2027', 'Plan 2028', 'Plan 2029', 'Anteckning'],
    ['BUN', 'Grundskola', '5010', 'Löner', e2, f2, g2],
    ['KFN', 'Bibliotek', '5010', 'Löner', 200, 205, 210],
  ],
});

describe('formula references', () => {
  it('finds same-sheet and quoted-sheet cells, ranges, whole columns and rows; skips string literals', () => {
    const refs = (f: string) => formulaReferences(f, 'Eget').refs.map((r) => [r.sheet, r.rect.top, r.rect.left, r.rect.bottom, r.rect.right]);
    expect(refs("=SUM(E3:E11)+'Övriga förändringar'!$D$2")).toEqual([['Eget', 2, 4, 10, 4], ['Övriga förändringar', 1, 3, 1, 3]]);
    expect(refs('=Ramar!B2*2')).toEqual([['Ramar', 1, 1, 1, 1]]);
    expect(refs('=SUM(E:E)')).toEqual([['Eget', 0, 4, 1048575, 4]]);
    expect(refs('=SUM(3:4)')).toEqual([['Eget', 2, 0, 3, 16383]]);
    expect(refs('=LOG10(A1)&"C5"')).toEqual([['Eget', 0, 0, 0, 0]]);
    expect(refs('=Driftbudget[2027]')).toEqual([]);
  });

  it('tells references into another workbook and volatile functions', () => {
    expect(formulaReferences('=[1]Blad1!A1', 'X')).toMatchObject({ refs: [], external: true });
    expect(formulaReferences("='C:\\Budget\\[Ramar.xlsx]Blad1'!A1+B2", 'X')).toMatchObject({ external: true, refs: [{ sheet: 'X' }] });
    expect(formulaReferences('=INDIRECT("A1")+NOW()', 'X')).toMatchObject({ external: false, volatile: ['INDIRECT', 'NOW'] });
    expect(formulaReferences('="OFFSET(A1)"', 'X').volatile).toEqual([]);
  });
});

describe('CELL-CIRCULAR', () => {
  it('a Summa row whose SUM includes itself is an error at that cell, naming the cycle', () => {
    const list = findings([ramar('=SUM(B2:B4)'), drift()]);
    expect(at('CELL-CIRCULAR', list)).toEqual(['Ramar!B4']);
    const f = list.find((x) => x.rule === 'CELL-CIRCULAR')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('Cellen ingår i en cirkelreferens: B4');
    expect(f.message_en).toContain('circular reference');
    expect(f.fix).toMatch(/Bryt cirkeln/);
  });

  it('a cycle through two sheets is reported at each amount cell in it, with the cells listed by sheet', () => {
    const frames = ramar();
    frames.rows[1] = ['BUN', '=Driftbudget!E2+200', 1010, 1020];
    const list = findings([frames, drift('=Ramar!B2-200')]);
    expect(at('CELL-CIRCULAR', list)).toEqual(['Driftbudget!E2', 'Ramar!B2']);
    expect(list.find((x) => x.rule === 'CELL-CIRCULAR')!.message).toContain('Driftbudget!E2, Ramar!B2');
  });

  it('reports only what the formulas read prove: no cycle through cells whose formulas are unknown', () => {
    // E2 refers to a helper sheet Budgetkoll does not read: its formula is unknown, so no finding.
    const helper: TestSheet = { name: 'Hjälp', rows: [['=Driftbudget!E2']] };
    expect(at('CELL-CIRCULAR', findings([ramar(), drift('=Hjälp!A1'), helper]))).toEqual([]);
    // Formulas without a cycle: nothing.
    expect(at('CELL-CIRCULAR', findings([ramar(), drift('=F2+G2-1000')]))).toEqual([]);
  });

  it('a cycle outside the amount columns is not reported at cells the core does not read', () => {
    const list = findings([ramar(), { ...drift(), rows: drift().rows.map((r, i) => (i === 1 ? [...r, '=H2'] : r)) }]);
    expect(at('CELL-CIRCULAR', list)).toEqual([]);
  });
});

describe('CELL-FORMULA-UNTRUSTED', () => {
  it('warns at an amount cell linking another workbook, using INDIRECT/OFFSET or a changing function', () => {
    const list = findings([ramar(), drift('=[1]Blad1!E2', '=INDIRECT("F3")', '=RAND()*0+820')]);
    const untrusted = list.filter((f) => f.rule === 'CELL-FORMULA-UNTRUSTED');
    expect(untrusted.map((f) => [f.cell, f.severity])).toEqual([
      ['E2', 'warning'],
      ['F2', 'warning'],
      ['G2', 'warning'],
    ]);
    expect(untrusted[0].message).toContain('annan arbetsbok');
    expect(untrusted[1].message).toContain('INDIRECT');
    expect(untrusted[2].message).toContain('RAND');
  });

  it('plain formulas over the workbook are trusted', () => {
    expect(at('CELL-FORMULA-UNTRUSTED', findings([ramar(), drift('=100*8', '=F3+605', '=SUM(G3)+610')]))).toEqual([]);
  });
});
