/** Properties of the model (fast-check): linearity, zero in → zero out, sums exact, order-free. */
import fc from 'fast-check';
import { allocate } from '../../fixtures/worked-example';
import type { TestSheet } from '../../helpers/raw-workbook';

const header = ['Nämnd', 'Verksamhet', 'Volymmått', 'Kostnad per enhet (kr)', 'Prognos 2026', 'Utfall 2026', 'Prognos 2027', 'Prognos 2028', 'Prognos 2029'];
const params = (u: number[]): TestSheet => ({
  name: 'Parametrar',
  rows: [['Parameter', 'Värde'], ['Budgetår', 2027], ...u.map((x, i) => [`Uppräkning ${2027 + i}`, x])],
});

const volumeRow = fc.record({
  board: fc.constantFrom('A-nämnden', 'B-nämnden', 'C-nämnden'),
  unitCost: fc.integer({ min: 1000, max: 500000 }),
  forecastY0: fc.integer({ min: 0, max: 20000 }),
  actualY0: fc.integer({ min: 0, max: 20000 }),
  forecast: fc.tuple(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 20000 })),
});
const indexation = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })).map((t) => t.map((x) => x / 10));

type VolumeInput = { board: string; unitCost: number; forecastY0: number; actualY0: number; forecast: number[] };

function workbook(rows: VolumeInput[], u: number[]): TestSheet[] {
  return [
    params(u),
    { name: 'Volymer', rows: [header, ...rows.map((r, i) => [r.board, `Verksamhet ${i}`, 'Antal', r.unitCost, r.forecastY0, r.actualY0, ...r.forecast])] },
  ];
}

describe('allocation model properties', () => {
  it('the sum over activities equals the nämnd total exactly', () => {
    fc.assert(
      fc.property(fc.array(volumeRow, { minLength: 1, maxLength: 12 }), indexation, (rows, u) => {
        const result = allocate(workbook(rows, u));
        for (const board of result.boards) {
          const acts = result.activities.filter((a) => a.board === board.board);
          for (let i = 0; i < 3; i++) expect(board.compensation[i]).toBe(acts.reduce((s, a) => s + a.compensation[i], 0));
        }
      }),
    );
  });

  it('zero volume change and zero correction give zero compensation', () => {
    fc.assert(
      fc.property(volumeRow, indexation, (row, u) => {
        const flat = { ...row, forecastY0: row.actualY0, forecast: [row.actualY0, row.actualY0, row.actualY0] };
        const result = allocate(workbook([flat], u));
        expect(result.activities[0].compensation).toEqual([0, 0, 0]);
      }),
    );
  });

  it('compensation is linear in the volume change (before rounding: doubling ΔT doubles c × ΔT)', () => {
    fc.assert(
      fc.property(volumeRow, indexation, (row, u) => {
        const base = allocate(workbook([row], u)).activities[0];
        const doubled = {
          ...row,
          actualY0: row.actualY0,
          forecastY0: row.actualY0 - 2 * (row.actualY0 - row.forecastY0),
          forecast: row.forecast.map((f) => row.actualY0 + 2 * (f - row.actualY0)),
        };
        if (doubled.forecastY0 < 0 || doubled.forecast.some((f) => f < 0)) return; // negative volumes are excluded by design
        const twice = allocate(workbook([doubled], u)).activities[0];
        for (let i = 0; i < 3; i++) {
          expect(twice.totalChange[i]).toBe(2 * base.totalChange[i]);
          // Each side is rounded once to whole kronor, so they differ by at most 1 kr.
          expect(Math.abs(twice.compensation[i] - 2 * base.compensation[i])).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('row order does not matter', () => {
    fc.assert(
      fc.property(fc.array(volumeRow, { minLength: 2, maxLength: 10 }), indexation, fc.integer(), (rows, u, seed) => {
        const shuffled = [...rows].map((r, i) => ({ r, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k).map((x) => x.r);
        const byBoard = (res: ReturnType<typeof allocate>) =>
          Object.fromEntries(res.boards.map((b) => [b.board, b.compensation]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
        expect(byBoard(allocate(workbook(shuffled, u)))).toEqual(byBoard(allocate(workbook(rows, u))));
      }),
    );
  });
});
