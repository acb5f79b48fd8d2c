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
