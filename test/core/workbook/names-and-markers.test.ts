import { freeSheetName, sanitizeSheetName } from '../../../src/core/workbook/sheet-names';
import { decodeMarker, encodeMarker, withMarker } from '../../../src/core/workbook/marker';
import { emptySheetSpec } from '../../../src/core/workbook/sheet-spec';
import fc from 'fast-check';

describe('tab names', () => {
  it('removes forbidden characters and keeps 31 characters', () => {
    expect(sanitizeSheetName("Delår: aug/2027 [BUN]*?'")).toBe('Delår aug 2027 BUN');
    expect(sanitizeSheetName('x'.repeat(40))).toHaveLength(31);
  });
  it('finds a free name, case-insensitively, within 31 characters', () => {
    expect(freeSheetName('Kontrollrapport', ['kontrollrapport', 'Kontrollrapport (2)'])).toBe('Kontrollrapport (3)');
    const long = 'Delårsbokslut augusti 2027 Barn- och ungdomsnämnden';
    const name = freeSheetName(long, [sanitizeSheetName(long)]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(' (2)')).toBe(true);
  });
  it('never returns a taken or illegal name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.array(fc.string({ maxLength: 35 }), { maxLength: 20 }), (wanted, existing) => {
        const name = freeSheetName(wanted, existing);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(/[:\\/?*[\]]/.test(name)).toBe(false);
        expect(existing.map((e) => e.toLocaleLowerCase('sv-SE'))).not.toContain(name.toLocaleLowerCase('sv-SE'));
      }),
    );
  });
});

describe('owned-tab markers', () => {
  it('round-trips and rejects anything else', () => {
    const marker = { type: 'uppfoljning' as const, version: 1, report: 'august', board: 'Barn- och ungdomsnämnden', year: 2027 };
    expect(decodeMarker(encodeMarker(marker))).toEqual(marker);
    expect(decodeMarker('BUDGETKOLL:{bad json')).toBeNull();
    expect(decodeMarker('Driftbudget')).toBeNull();
    expect(decodeMarker(42)).toBeNull();
  });
  it('puts the marker in a hidden first row and moves the content down', () => {
    const spec = { ...emptySheetSpec('X'), rows: [[{ value: 'Rubrik' }]], hiddenRows: [3] };
    const marked = withMarker(spec, { type: 'kontrollrapport', version: 1 });
    expect(marked.rows[1][0]).toEqual({ value: 'Rubrik' });
    expect(marked.hiddenRows).toEqual([0, 4]);
    expect(decodeMarker(marked.rows[0][0]!.value)).toMatchObject({ type: 'kontrollrapport' });
  });
});

describe('withMarker moves everything positional', () => {
  it('shifts merges, validations, conditional formats, tables, freeze and print titles by one row', () => {
    const spec = {
      ...emptySheetSpec('X'),
      rows: [[{ value: 'Rubrik' }]],
      merges: ['A1:C1'],
      mergesAcross: ['B2:C3'],
      validations: [{ range: 'E5:E9', kind: 'list' as const, list: ['Ja', 'Nej'] }],
      conditionalFormats: [{ range: 'F5:F9', formula: '=AND($F5<0,$H5="",\'Blad 2\'!$A$3>0,G$2>0)', style: 'warning' as const }],
      tables: [{ name: 'T', range: 'A4:H9' }],
      freeze: { rows: 4, columns: 1 },
      print: { orientation: 'landscape' as const, fitToWidth: true, repeatRows: '$4:$4', pageNumbers: true },
    };
    const m = withMarker(spec, { type: 'uppfoljning', version: 1 });
    expect(m.merges).toEqual(['A2:C2']);
    expect(m.mergesAcross).toEqual(['B3:C4']);
    expect(m.validations[0].range).toBe('E6:E10');
    expect(m.conditionalFormats[0]).toMatchObject({ range: 'F6:F10', formula: '=AND($F6<0,$H6="",\'Blad 2\'!$A$3>0,G$3>0)' });
    expect(m.tables[0].range).toBe('A5:H10');
    expect(m.freeze).toEqual({ rows: 5, columns: 1 });
    expect(m.print!.repeatRows).toBe('$5:$5');
  });
});

describe('shifting formulas for the marker row', () => {
  const { shiftFormulaRows } = jest.requireActual('../../../src/core/workbook/marker');
  it.each([
    ['=SUM(B5:B9)', '=SUM(B6:B10)'],
    ['=ROUND($C$4*E$10,0)', '=ROUND($C$5*E$11,0)'],
    ["='Volymer'!$D$2*E$10", "='Volymer'!$D$2*E$11"],
    ['=Volymer!D2+A1', '=Volymer!D2+A2'],
    ['=SUMIFS(Utfall!$E$2:$E$9,Utfall!$A$2:$A$9,$A5)', '=SUMIFS(Utfall!$E$2:$E$9,Utfall!$A$2:$A$9,$A6)'],
    ['=IF(A1="B2",LOG10(100),ATAN2(1,1))', '=IF(A2="B2",LOG10(100),ATAN2(1,1))'],
  ])('%s → %s', (from, to) => {
    expect(shiftFormulaRows(from)).toBe(to);
  });
  it('shifts cell formulas in rows', () => {
    const m = withMarker({ ...emptySheetSpec('X'), rows: [[{ value: 1 }], [{ formula: '=A1*2' }]] }, { type: 'kontrollrapport', version: 1 });
    expect(m.rows[2][0]).toEqual({ formula: '=A2*2' });
  });
});
