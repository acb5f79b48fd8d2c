import { buildControlReport } from '../../../src/core/reports/control-report';
import { decodeMarker } from '../../../src/core/workbook/marker';
import type { Finding } from '../../../src/core/findings';

const finding: Finding = {
  rule: 'RAM-OVER',
  severity: 'error',
  sheet: 'Övriga förändringar',
  cell: 'C5',
  message: 'Barn- och ungdomsnämnden 2028: nettobudgeten …',
  message_en: '…',
  fix: 'Minska kostnaderna.',
  board: 'Barn- och ungdomsnämnden',
};

describe('Kontrollrapport', () => {
  const spec = buildControlReport({
    findings: [finding],
    frames: [{ board: 'Barn- och ungdomsnämnden', years: [2027, 2028, 2029].map((year) => ({ year, budget: 1_035_000, frame: 1_030_000, diff: 5_000 })) }],
    years: [2027, 2028, 2029],
    kommun: 'Alingsås kommun',
    generatedAt: new Date(2027, 2, 15, 12, 0),
  });
  const cells = spec.rows.flat().filter((c) => c !== null);

  it('is an owned tab with a marker in A1 and the date', () => {
    expect(decodeMarker(spec.rows[0][0]!.value)).toMatchObject({ type: 'kontrollrapport', version: 1 });
    expect(spec.hiddenRows).toContain(0);
    expect(cells.some((c) => typeof c!.value === 'string' && c!.value.includes('Kontrollerad 2027-03-15'))).toBe(true);
  });

  it('links each finding to its cell, quoting the sheet name', () => {
    const link = cells.find((c) => c!.link);
    expect(link).toMatchObject({ value: 'C5', link: "'Övriga förändringar'!C5", style: 'link' });
  });

  it('shows budget vs frame in tkr and the summary counts', () => {
    expect(cells.filter((c) => c!.value === 1035 && c!.numberFormat)).toHaveLength(3);
    const summaryRow = spec.rows.findIndex((r) => r[0]?.value === 'Fel');
    expect(spec.rows[summaryRow + 1].map((c) => c?.value)).toEqual([1, 0, 0]);
  });
});
