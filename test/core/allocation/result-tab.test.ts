/**
 * The structure of the result tab `Resursfördelning <Y1>`: marker, the text that explains the five
 * steps, every number a formula, formulas that reference the right input cells of the worked
 * example, the left-out rows and the sentence when Utgångsramar is missing. That the formulas
 * compute the core's numbers is proven in test/recalc/allocation-tab.test.ts.
 */
import { allocationTabName, buildAllocationTab, NO_BASE_FRAMES_SENTENCE, OTHER_CHANGE_COLUMNS, SUMMARY_COLUMNS, TKR_FROM_KRONOR_FORMAT } from '../../../src/core/allocation/result-tab';
import { detailColumns } from '../../../src/core/allocation/result-tab-columns';
import { toA1 } from '../../../src/core/a1';
import { decodeMarker } from '../../../src/core/workbook/marker';
import type { SheetSpec, SpecCell } from '../../../src/core/workbook/sheet-spec';
import { BUN, VOO, workedExample } from '../../fixtures/worked-example';
import type { TestSheet } from '../../helpers/raw-workbook';
import { build, GENERATED_AT } from './build-result-tab';


const ramar: TestSheet = {
  name: 'Ramar',
  rows: [
    ['Nämnd', '2027', '2028', '2029'],
    [BUN, 1_050_000, 1_090_000, 1_115_000],
    [VOO, 667_000, 699_100, 727_300],
  ],
};

/** 0-based row of the first row whose first cells have these values. */
function rowStarting(spec: SheetSpec, ...values: string[]): number {
  const r = spec.rows.findIndex((row) => values.every((v, i) => row[i]?.value === v));
  if (r < 0) throw new Error(`no row starting ${values.join(', ')}`);
  return r;
}

const cell = (spec: SheetSpec, row: number, col: number): SpecCell | null => spec.rows[row]?.[col] ?? null;
const formulaAt = (spec: SheetSpec, row: number, col: number) => cell(spec, row, col)?.formula;
const texts = (spec: SheetSpec) => spec.rows.flatMap((row) => row.map((c) => (typeof c?.value === 'string' ? c.value : ''))).filter(Boolean);

describe('buildAllocationTab', () => {
  it('is an owned tab named after Y1, with its marker in the hidden first row', () => {
    const { spec } = build(workedExample());
    expect(spec.name).toBe('Resursfördelning 2027');
    expect(allocationTabName(2027)).toBe(spec.name);
    expect(decodeMarker(spec.rows[0][0]?.value)).toEqual({ type: 'resursfordelning', version: 1, year: 2027, generatedAt: '2026-09-15T08:00:00.000Z' });
    expect(spec.hiddenRows).toEqual([0]);
    expect(spec.rows[1][0]).toEqual({ value: 'Resursfördelning 2027', style: 'title' });
  });

  it('explains the five steps in Swedish and says amounts are kronor shown in tkr', () => {
    const all = texts(build(workedExample()).spec);
    expect(all).toContain('Så läser du fliken');
    for (const step of [
      '1. Identifiera volymstyrda verksamheter',
      '2. Kostnad per volymenhet från referenskostnaden',
      '3. Volymförändring med prognoskorrigering',
      '4. Kompensation = kostnad per enhet × volymförändring',
      '5. Övriga icke-politiska kostnadsförändringar',
    ]) {
      expect(all.some((t) => t.startsWith(step))).toBe(true);
    }
    expect(all.some((t) => t.includes('visas i tkr') && t.includes('kronor'))).toBe(true);
  });

  it('has the parameters block: u(k) from the Parametrar cells, Ic and Ib as products in increasing year order', () => {
    const { spec } = build(workedExample());
    const h = rowStarting(spec, 'År', 'Uppräkning u(år)');
    expect([1, 2, 3].map((i) => cell(spec, h + i, 0)?.value)).toEqual([2027, 2028, 2029]);
    // Uppräkning 2027..2029 are Parametrar B4..B6, plain percent numbers.
    expect([1, 2, 3].map((i) => formulaAt(spec, h + i, 1))).toEqual(["='Parametrar'!$B$4/100", "='Parametrar'!$B$5/100", "='Parametrar'!$B$6/100"]);
    const u = (i: number) => `$B$${h + 2 + i}`;
    expect([1, 2, 3].map((i) => formulaAt(spec, h + i, 2))).toEqual(['=1', `=(1+${u(1)})`, `=(1+${u(1)})*(1+${u(2)})`]);
    expect([1, 2, 3].map((i) => formulaAt(spec, h + i, 3))).toEqual([`=(1+${u(0)})`, `=(1+${u(0)})*(1+${u(1)})`, `=(1+${u(0)})*(1+${u(1)})*(1+${u(2)})`]);
    const params = Object.fromEntries(spec.rows.slice(0, h).map((row) => [row[0]?.value, row[1]?.value]));
    expect(params).toMatchObject({ Budgetår: 2027, 'Basår (utfall och utgångsram)': 2026, 'Prisnivå för kostnad per enhet': 2027, Modell: 'Delta', Korrigering: 'Permanent' });
  });

  it('takes a percent-formatted indexation as it is, a missing one as the constant 0, and starts Ic at the price level', () => {
    const sheets = workedExample();
    sheets[0].rows = [
      ['Parameter', 'Värde'],
      ['Budgetår', 2027],
      ['Prisnivå', 2025],
      ['Uppräkning 2026', 0.031],
      ['Uppräkning 2027', 2.8],
      ['Uppräkning 2028', 3.0],
    ];
    sheets[0].numberFormats = { B4: '0.0%' };
    const { spec, result } = build(sheets);
    const h = rowStarting(spec, 'År', 'Uppräkning u(år)');
    expect([1, 2, 3, 4].map((i) => cell(spec, h + i, 0)?.value)).toEqual([2026, 2027, 2028, 2029]);
    expect(formulaAt(spec, h + 1, 1)).toBe("='Parametrar'!$B$4");
    expect(cell(spec, h + 4, 1)).toMatchObject({ value: 0 });
    expect(cell(spec, h + 4, 1)?.formula).toBeUndefined();
    const u = (k: number) => `(1+$B$${h + 2 + (k - 2026)})`;
    // Ic(2027) = (1+u2026)(1+u2027); Ib(2027) = (1+u2027); 2026 is not a budget year.
    expect(formulaAt(spec, h + 2, 2)).toBe(`=${u(2026)}*${u(2027)}`);
    expect(formulaAt(spec, h + 2, 3)).toBe(`=${u(2027)}`);
    expect(cell(spec, h + 1, 2)).toBeNull();
    expect(result.unitCostIndex[0]).toBe((1 + 0.031) * (1 + 0.028));
  });

  it('refers to the right Volymer cells and computes each step from them', () => {
    const { spec } = build(workedExample());
    const cols = detailColumns('Delta', false);
    const h = rowStarting(spec, 'Nämnd', 'Verksamhet');
    const h2 = rowStarting(spec, 'År', 'Uppräkning u(år)');
    const ic = (i: number) => `$C$${h2 + 2 + i}`;
    // Grundskola is Volymer row 2, Äldreomsorg row 4: D unit cost, E Prognos 2026, F Utfall 2026, G..I Prognos 2027..2029.
    [
      [h + 1, 2, BUN, 'Grundskola'],
      [h + 3, 4, VOO, 'Äldreomsorg'],
    ].forEach(([row, inputRow, board, activity]) => {
      const r = row as number;
      const R = r + 1;
      const at = (c: number) => toA1(r, c);
      expect(cell(spec, r, 0)?.value).toBe(board);
      expect(cell(spec, r, 1)?.value).toBe(activity);
      expect(formulaAt(spec, r, cols.unitCost)).toBe(`='Volymer'!$D$${inputRow}`);
      expect(formulaAt(spec, r, cols.forecastY0)).toBe(`='Volymer'!$E$${inputRow}`);
      expect(formulaAt(spec, r, cols.actualY0)).toBe(`='Volymer'!$F$${inputRow}`);
      expect(formulaAt(spec, r, cols.correction)).toBe(`=${at(cols.actualY0)}-${at(cols.forecastY0)}`);
      cols.years.forEach((y, i) => {
        expect(formulaAt(spec, r, y.forecast)).toBe(`='Volymer'!$${'GHI'[i]}$${inputRow}`);
        expect(formulaAt(spec, r, y.costPerUnit)).toBe(`=$D${R}*${ic(i)}`);
        expect(formulaAt(spec, r, y.forecastChange)).toBe(`=${at(y.forecast)}-$F${R}`);
        expect(formulaAt(spec, r, y.totalChange)).toBe(`=$G${R}+${at(y.forecastChange)}`);
        expect(formulaAt(spec, r, y.compensation)).toBe(`=ROUND(${at(y.costPerUnit)}*${at(y.totalChange)},0)`);
        expect(cell(spec, r, y.compensation)?.numberFormat).toBe(TKR_FROM_KRONOR_FORMAT);
      });
    });
  });

  it('refers to Utgångsramar, Ramar and Övriga förändringar cells in kronor, exactly as the core rounds them', () => {
    const { spec } = build([...workedExample(), ramar]);
    const C = SUMMARY_COLUMNS;
    const s = rowStarting(spec, 'Nämnd', 'År');
    const h2 = rowStarting(spec, 'År', 'Uppräkning u(år)');
    const ib = (i: number) => `$D$${h2 + 2 + i}`;
    const summaryRows = result(spec, s);
    expect(summaryRows.map(([board, year]) => `${board} ${year}`)).toEqual([
      `${BUN} Budget 2027`,
      `${BUN} Plan 2028`,
      `${BUN} Plan 2029`,
      `${VOO} Budget 2027`,
      `${VOO} Plan 2028`,
      `${VOO} Plan 2029`,
    ]);
    // Vård- och äldreomsorgsnämnden, Plan 2029: Utgångsramar B3, Ramar D3.
    const r = s + 6;
    const at = (c: number) => toA1(r, c);
    expect(formulaAt(spec, r, C.indexedBase)).toBe(`=ROUND(ROUND('Utgångsramar'!$B$3*1000,0)*${ib(2)},0)`);
    expect(formulaAt(spec, r, C.frame)).toBe(`=ROUND('Ramar'!$D$3*1000,0)`);
    expect(formulaAt(spec, r, C.proposed)).toBe(`=${at(C.indexedBase)}+${at(C.compensation)}+${at(C.other)}`);
    expect(formulaAt(spec, r, C.difference)).toBe(`=${at(C.frame)}-${at(C.proposed)}`);

    const o = rowStarting(spec, 'Nämnd', 'Beskrivning');
    expect(cell(spec, o + 1, 1)?.value).toBe('Hyra ny skola');
    expect([0, 1, 2].map((i) => formulaAt(spec, o + 1, OTHER_CHANGE_COLUMNS.firstYear + i))).toEqual([
      "=ROUND('Övriga förändringar'!$D$2*1000,0)",
      "=ROUND('Övriga förändringar'!$E$2*1000,0)",
      "=ROUND('Övriga förändringar'!$F$2*1000,0)",
    ]);
  });

  it('groups per nämnd with SUMPRODUCT over the constant, canonical nämnd column (no SUMIF, no table references)', () => {
    const sheets = [...workedExample(), ramar];
    // The same nämnd spelled differently in Volymer still counts for it, under the canonical name.
    sheets[1].rows.push(['  BARN- OCH  UNGDOMSNÄMNDEN ', 'Fritidshem', 'Barn 6–12 år', 38_400, 1000, 1010, 1020, 1030, 1040]);
    const { spec } = build(sheets);
    const cols = detailColumns('Delta', false);
    const d = rowStarting(spec, 'Nämnd', 'Verksamhet');
    expect(cell(spec, d + 4, 1)?.value).toBe('Fritidshem');
    expect(cell(spec, d + 4, 0)?.value).toBe(BUN);
    const s = rowStarting(spec, 'Nämnd', 'År');
    const range = (c: number) => `$${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[c]}$${d + 2}:$${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[c]}$${d + 5}`;
    expect(formulaAt(spec, s + 2, SUMMARY_COLUMNS.compensation)).toBe(`=SUMPRODUCT((${range(0)}=A${s + 3})*(${range(cols.years[1].compensation)}))`);
    const o = rowStarting(spec, 'Nämnd', 'Beskrivning');
    expect(formulaAt(spec, s + 1, SUMMARY_COLUMNS.other)).toBe(`=SUMPRODUCT(($A$${o + 2}:$A$${o + 3}=A${s + 2})*($D$${o + 2}:$D$${o + 3}))`);
    const formulas = spec.rows.flatMap((row) => row.map((c) => c?.formula ?? '')).filter(Boolean);
    expect(formulas.some((f) => /SUMIFS?\(|COUNTIF|\[/.test(f))).toBe(false);
  });

  it('has a formula in every numeric cell of the summary, the detail and step 5, amounts in tkr format', () => {
    const { spec } = build([...workedExample({ retroactive: true }), ramar]);
    const from = rowStarting(spec, 'Sammanställning per nämnd (tkr)');
    const to = rowStarting(spec, 'Utelämnade rader');
    let formulas = 0;
    for (let r = from; r < to; r++) {
      spec.rows[r].forEach((c, col) => {
        if (!c) return;
        // No typed-in constants: every number is a formula (carrying the core's figure as its cached value).
        expect({ at: toA1(r, col), numeric: typeof c.value === 'number' && !c.formula }).toEqual({ at: toA1(r, col), numeric: false });
        if (c.formula) {
          formulas++;
          expect({ at: toA1(r, col), cached: typeof c.value }).toEqual({ at: toA1(r, col), cached: 'number' });
          expect(c.formula.startsWith('=')).toBe(true);
          expect(c.style).toBe('computed');
        }
      });
    }
    // 6 summary rows × 6 amounts + 3 activities × (4 + 3 × 5 + 1 retroactive) + 2 other changes × 3.
    expect(formulas).toBe(36 + 3 * 20 + 6);
    const s = rowStarting(spec, 'Nämnd', 'År');
    for (let c = SUMMARY_COLUMNS.compensation; c <= SUMMARY_COLUMNS.difference; c++) {
      expect(cell(spec, s + 1, c)?.numberFormat).toBe(TKR_FROM_KRONOR_FORMAT);
      expect(cell(spec, s, c)?.value).toMatch(/\(tkr\)$|används inte/);
    }
  });

  it('adds the retroactive one-off to Y1 when chosen', () => {
    const { spec } = build(workedExample({ retroactive: true }));
    const cols = detailColumns('Delta', true);
    const y = cols.years[0];
    const r = rowStarting(spec, 'Nämnd', 'Verksamhet') + 1;
    expect(formulaAt(spec, r, y.retroactive)).toBe(`=ROUND(${toA1(r, y.costPerUnit)}*$G${r + 1},0)`);
    expect(formulaAt(spec, r, y.compensation)).toBe(`=ROUND(${toA1(r, y.costPerUnit)}*${toA1(r, y.totalChange)},0)+${toA1(r, y.retroactive)}`);
    expect(cols.years[1].retroactive).toBe(-1);
  });

  it('computes levels in mode Nivå and has no base frame there', () => {
    const { spec } = build([...workedExample({ mode: 'Nivå' }), ramar]);
    const cols = detailColumns('Nivå', false);
    const r = rowStarting(spec, 'Nämnd', 'Verksamhet') + 1;
    cols.years.forEach((y) => expect(formulaAt(spec, r, y.level)).toBe(`=ROUND(${toA1(r, y.costPerUnit)}*${toA1(r, y.forecast)},0)`));
    expect(cols.forecastY0).toBe(-1);
    const s = rowStarting(spec, 'Nämnd', 'År') + 1;
    expect(cell(spec, s, SUMMARY_COLUMNS.indexedBase)).toBeNull();
    expect(formulaAt(spec, s, SUMMARY_COLUMNS.proposed)).toBe(`=${toA1(s, SUMMARY_COLUMNS.compensation)}+${toA1(s, SUMMARY_COLUMNS.other)}`);
    expect(formulaAt(spec, s, SUMMARY_COLUMNS.compensation)).toContain(`$${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[cols.years[0].level]}$`);
    expect(texts(spec)).not.toContain(NO_BASE_FRAMES_SENTENCE);
  });

  it('says so clearly when there is no Utgångsramar, and proposes no frame', () => {
    const { spec } = build([...workedExample().filter((s) => s.name !== 'Utgångsramar'), ramar]);
    expect(texts(spec)).toContain('Utgångsramar saknas: bara kompensation beräknas, inget förslag till ram.');
    const s = rowStarting(spec, 'Nämnd', 'År');
    for (let i = 1; i <= 6; i++) {
      expect(formulaAt(spec, s + i, SUMMARY_COLUMNS.compensation)).toMatch(/^=SUMPRODUCT/);
      expect(formulaAt(spec, s + i, SUMMARY_COLUMNS.frame)).toMatch(/^=ROUND\('Ramar'!/);
      for (const c of [SUMMARY_COLUMNS.indexedBase, SUMMARY_COLUMNS.proposed, SUMMARY_COLUMNS.difference]) expect(cell(spec, s + i, c)).toBeNull();
    }
    expect(texts(build(workedExample()).spec)).not.toContain(NO_BASE_FRAMES_SENTENCE);
  });

  it('lists the left-out rows with their reasons and a link to the cell', () => {
    const sheets = workedExample();
    sheets[1].rows.push([BUN, 'Fritidshem', 'Barn 6–12 år', null, 1000, 1010, 1020, 1030, 1040]);
    sheets[3].rows.push([BUN, 'Fler lärare', 'Politisk satsning', 5000, 5000, 5000]);
    const { spec, result } = build(sheets);
    const h = rowStarting(spec, 'Flik', 'Cell', 'Orsak');
    expect(result.excluded).toHaveLength(2);
    result.excluded.forEach((e, i) => {
      expect(cell(spec, h + 1 + i, 0)?.value).toBe(e.sheet);
      expect(cell(spec, h + 1 + i, 1)).toMatchObject({ value: e.cell, style: 'link', link: `'${e.sheet}'!${e.cell}` });
      expect(cell(spec, h + 1 + i, 2)?.value).toBe(e.reason);
    });
    expect(cell(spec, h + 1, 2)?.value).toMatch(/Fritidshem.*VOL-MISSING/);
    expect(cell(spec, h + 2, 2)?.value).toMatch(/Fler lärare.*OVR-POLITICAL/);
    // The left-out rows are in no formula: 3 activity rows, then a blank row and step 5's heading.
    expect(rowStarting(spec, 'Nämnd', 'Beskrivning') - rowStarting(spec, 'Nämnd', 'Verksamhet')).toBe(3 + 3);
    const o = rowStarting(spec, 'Nämnd', 'Beskrivning');
    expect(cell(spec, o + 3, 0)).toBeNull(); // the blank row after the two non-political changes
  });

  it('scales unit costs and amounts by the header units', () => {
    const sheets = workedExample();
    sheets[1].rows[0][3] = 'Kostnad per enhet (tkr)';
    sheets[1].rows.slice(1).forEach((row) => (row[3] = (row[3] as number) / 1000));
    sheets[2].rows[0][1] = 'Ram 2026 (mnkr)';
    sheets[2].rows[1][1] = 1020;
    sheets[2].rows[2][1] = 640;
    const { spec } = build(sheets);
    const d = rowStarting(spec, 'Nämnd', 'Verksamhet');
    expect(formulaAt(spec, d + 1, detailColumns('Delta', false).unitCost)).toBe("='Volymer'!$D$2*1000");
    const s = rowStarting(spec, 'Nämnd', 'År');
    expect(formulaAt(spec, s + 1, SUMMARY_COLUMNS.indexedBase)).toMatch(/^=ROUND\(ROUND\('Utgångsramar'!\$B\$2\*1000000,0\)\*/);
  });

  it('is laid out for reading and printing', () => {
    const { spec } = build(workedExample());
    expect(spec.freeze).toEqual({ rows: 2, columns: 1 });
    expect(spec.print).toEqual({ orientation: 'landscape', fitToWidth: true, pageNumbers: true });
    expect(spec.columnWidths.length).toBeGreaterThanOrEqual(detailColumns('Delta', false).count);
    expect(spec.columnWidths.every((w) => w >= 14)).toBe(true);
    const headings = spec.rows.filter((row) => row[0]?.style === 'heading').map((row) => row[0]?.value);
    expect(headings).toEqual(['Så läser du fliken', 'Parametrar', 'Sammanställning per nämnd (tkr)', 'Steg 1–4 per verksamhet', 'Steg 5: övriga icke-politiska kostnadsförändringar (tkr)', 'Utelämnade rader']);
  });

  it('is pure: the same input gives the same spec and the result is not changed', () => {
    const { model, result, spec } = build([...workedExample(), ramar]);
    const snapshot = JSON.stringify(result);
    expect(buildAllocationTab(result, model, GENERATED_AT)).toEqual(spec);
    expect(JSON.stringify(result)).toBe(snapshot);
  });
});

/** The summary's (nämnd, year label) pairs below its header row. */
function result(spec: SheetSpec, header: number): [unknown, unknown][] {
  const rows: [unknown, unknown][] = [];
  for (let r = header + 1; spec.rows[r]?.[0]?.value !== undefined; r++) rows.push([spec.rows[r][0]?.value, spec.rows[r][1]?.value]);
  return rows;
}
