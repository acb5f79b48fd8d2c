import { FINANCING_POSTS, INPUTS, STATUS_VALUES, inputDef, type InputId } from '../../../src/core/inputs/catalogue';
import { DEFAULT_SAMPLE_ROWS, MAX_SAMPLE_ROWS, MIN_SAMPLE_ROWS, SAMPLE_SIZES, generateSample, sampleToSheetSpecs } from '../../../src/core/sample';
import type { SampleSheet, SampleValue, SampleWorkbook } from '../../../src/core/sample';
import { inputHeaders } from '../../../src/core/templates/input-layout';
import { excelSerial } from '../../../src/core/templates/excel-date';
import { validateModel } from '../../../src/core/rules';
import { recognizeSpecs } from './recognize-specs';

const TOLERANCE_TKR = 0.5;

function sheet(sample: SampleWorkbook, id: InputId): SampleSheet {
  const found = sample.sheets.find((s) => s.input === id);
  if (!found) throw new Error(`no sheet ${id}`);
  return found;
}

function num(value: SampleValue): number {
  if (typeof value !== 'number') throw new Error(`not a number: ${String(value)}`);
  return value;
}

/** Net Driftbudget per nämnd and year, and the Ramar frames, both in tkr. */
function budgetsAndFrames(sample: SampleWorkbook) {
  const budgets = new Map<string, number[]>();
  for (const row of sheet(sample, 'driftbudget').rows) {
    const sums = budgets.get(row[0] as string) ?? [0, 0, 0];
    for (let y = 0; y < 3; y++) sums[y] += num(row[4 + y]);
    budgets.set(row[0] as string, sums);
  }
  const frames = new Map(sheet(sample, 'ramar').rows.map((r) => [r[0] as string, r.slice(1).map(num)]));
  return { budgets, frames };
}

function expectFramesAddUp(sample: SampleWorkbook): void {
  const { budgets, frames } = budgetsAndFrames(sample);
  expect([...budgets.keys()].sort()).toEqual([...frames.keys()].sort());
  for (const [board, frame] of frames) {
    const budget = budgets.get(board)!;
    for (let y = 0; y < 3; y++) {
      expect(Math.abs(budget[y] - frame[y])).toBeLessThanOrEqual(TOLERANCE_TKR);
      expect(frame[y]).toBeGreaterThan(0);
    }
  }
}

const standard = generateSample();
const small = generateSample({ rows: SAMPLE_SIZES.S, seed: 1 });

describe('generateSample', () => {
  it('is deterministic: the same seed gives the same workbook, another seed other data', () => {
    // Compared as JSON: deep equality over thousands of rows is slow in expect.
    expect(JSON.stringify(generateSample({ seed: 42 }))).toBe(JSON.stringify(generateSample({ seed: 42 })));
    expect(JSON.stringify(generateSample({ rows: 2000, seed: 3 }))).toBe(JSON.stringify(generateSample({ rows: 2000, seed: 3 })));
    expect(generateSample({ seed: 43 }).sheets).not.toEqual(generateSample({ seed: 42 }).sheets);
  });

  it('defaults to budget year 2027, about 600 Driftbudget rows and an Alingsås-sized kommun', () => {
    expect(standard.year).toBe(2027);
    expect(sheet(standard, 'driftbudget').rows).toHaveLength(DEFAULT_SAMPLE_ROWS);
    expect(standard.population).toBe(42_000);
    const boards = sheet(standard, 'ramar').rows.map((r) => r[0]);
    expect(boards.length).toBeGreaterThanOrEqual(10);
    expect(boards).toEqual(expect.arrayContaining(['Kommunstyrelsen', 'Barn- och ungdomsnämnden', 'Vård- och äldreomsorgsnämnden', 'Socialnämnden']));
  });

  it('has one sheet per input with the template headers, and rows as wide as the header', () => {
    for (const sample of [standard, small]) {
      expect(sample.sheets.map((s) => s.input)).toEqual(INPUTS.map((d) => d.id));
      for (const s of sample.sheets) {
        expect(s.name).toBe(inputDef(s.input).name);
        expect(s.header).toEqual(inputHeaders(inputDef(s.input), sample.year));
        expect(s.rows.length).toBeGreaterThan(0);
        expect(s.rows.filter((row) => row.length !== s.header.length)).toEqual([]);
      }
    }
  });

  it('makes exactly the asked number of Driftbudget rows and scales the other inputs alike', () => {
    expect(sheet(small, 'driftbudget').rows).toHaveLength(2000);
    for (const id of ['volymer', 'internkontrollplan', 'uppdrag', 'nyckeltal', 'privataUtforare', 'ovrigaForandringar', 'utfall'] as const) {
      expect(sheet(small, id).rows.length).toBeGreaterThan(2.5 * sheet(standard, id).rows.length);
    }
    const ledgerRatio = sheet(small, 'utfall').rows.length / sheet(small, 'driftbudget').rows.length;
    expect(ledgerRatio).toBeGreaterThan(2);
    expect(ledgerRatio).toBeLessThan(5);
  });

  it('lets every nämnd net Driftbudget equal its frame per year, at the default size, S and M', () => {
    expectFramesAddUp(standard);
    expectFramesAddUp(small);
    expectFramesAddUp(generateSample({ rows: SAMPLE_SIZES.M, seed: 9 }));
    expectFramesAddUp(generateSample({ rows: MIN_SAMPLE_ROWS, seed: 2 }));
    expectFramesAddUp(generateSample({ rows: 1234, seed: 5, year: 2031 }));
  });

  it('keeps revenues (class 3) negative and costs (classes 4–7) positive, with unique keys', () => {
    for (const sample of [standard, small]) {
      const rows = sheet(sample, 'driftbudget').rows;
      const wrong = rows.filter((row) => {
        const account = num(row[2]);
        const amounts = row.slice(4).map(num);
        if (account < 3000 || account >= 8000 || !amounts.every(Number.isInteger)) return true;
        return account < 4000 ? amounts.some((a) => a > 0) : amounts.some((a) => a < 0);
      });
      expect(wrong).toEqual([]);
      expect(new Set(rows.map((r) => `${r[0]}|${r[1]}|${r[2]}`)).size).toBe(rows.length);
    }
  });

  it('meets the balanskrav with a result of at least 2 % of skatteintäkter and generella statsbidrag', () => {
    for (const sample of [standard, small]) {
      const financing = new Map(sheet(sample, 'finansiering').rows.map((r) => [r[0] as string, r.slice(1).map(num)]));
      expect([...financing.keys()]).toEqual(Object.values(FINANCING_POSTS));
      const { frames } = budgetsAndFrames(sample);
      for (let y = 0; y < 3; y++) {
        const income = financing.get(FINANCING_POSTS.taxes)![y] + financing.get(FINANCING_POSTS.grants)![y];
        const totalFrames = [...frames.values()].reduce((s, f) => s + f[y], 0);
        const result = income + financing.get(FINANCING_POSTS.financialNet)![y] - totalFrames - financing.get(FINANCING_POSTS.other)![y];
        expect(result).toBeGreaterThan(0);
        expect(result / income).toBeGreaterThanOrEqual(0.02);
        expect(result / income).toBeLessThan(0.03);
      }
    }
  });

  it('gives Utgångsramar for Y0 for every nämnd, close to the Y1 frame', () => {
    const { frames } = budgetsAndFrames(standard);
    const base = sheet(standard, 'utgangsramar');
    expect(base.header).toEqual(['Nämnd', 'Ram 2026']);
    expect(base.rows.map((r) => r[0])).toEqual([...frames.keys()]);
    for (const [board, y0] of base.rows) {
      if (board === 'Valnämnden') continue; // election years swing its frame
      const ratio = frames.get(board as string)![0] / num(y0);
      expect(ratio).toBeGreaterThan(1);
      expect(ratio).toBeLessThan(1.08);
    }
  });

  it('has realistic volumes: förskola, grundskola, gymnasium and äldreomsorg, within the rule bounds', () => {
    for (const sample of [standard, small]) {
      const rows = sheet(sample, 'volymer').rows;
      const activities = rows.map((r) => String(r[1]));
      for (const name of ['Förskola', 'Grundskola', 'Gymnasieskola', 'Äldreomsorg']) {
        expect(activities.some((a) => a.startsWith(name))).toBe(true);
      }
      for (const row of rows) {
        const [unitCost, forecastY0, actualY0, y1, y2, y3] = row.slice(3).map(num);
        expect(unitCost).toBeGreaterThan(10_000);
        expect(unitCost).toBeLessThan(500_000);
        expect(Math.abs(actualY0 - forecastY0) / forecastY0).toBeLessThanOrEqual(0.05);
        for (const [from, to] of [[forecastY0, y1], [actualY0, y1], [y1, y2], [y2, y3]]) {
          expect(Math.abs(to - from) / from).toBeLessThan(0.15);
        }
      }
    }
    const grundskola = sheet(standard, 'volymer').rows.find((r) => r[1] === 'Grundskola')!;
    expect(grundskola.slice(2, 5)).toEqual(['Elever 6–15 år', 105_000, 4_200]);
  });

  it('lists only non-political other changes, each with a description', () => {
    for (const row of sheet(small, 'ovrigaForandringar').rows) {
      expect(String(row[1]).length).toBeGreaterThan(5);
      expect(String(row[2])).not.toMatch(/politisk/i);
    }
  });

  it('has an internkontrollplan for every nämnd with riskvärde = sannolikhet × konsekvens and controls for high risks', () => {
    const boards = new Set(sheet(small, 'ramar').rows.map((r) => r[0]));
    const rows = sheet(small, 'internkontrollplan').rows;
    expect(new Set(rows.map((r) => r[0]))).toEqual(boards);
    for (const [, , , p, k, value, control] of rows) {
      expect([1, 2, 3, 4]).toContain(p);
      expect([1, 2, 3, 4]).toContain(k);
      expect(value).toBe(num(p) * num(k));
      if (num(value) >= 9) expect(String(control ?? '').length).toBeGreaterThan(0);
    }
    expect(rows.some((r) => num(r[5]) >= 9)).toBe(true);
  });

  it('keeps politiska inriktningar few (≤ 5 per nämnd) and short (≤ 300 characters)', () => {
    const perBoard = new Map<string, number>();
    for (const [board, text] of sheet(small, 'politiskaInriktningar').rows) {
      perBoard.set(board as string, (perBoard.get(board as string) ?? 0) + 1);
      expect(String(text).length).toBeLessThanOrEqual(300);
    }
    expect(Math.max(...perBoard.values())).toBeLessThanOrEqual(5);
  });

  it('gives uppdrag a recipient, an end date in Y1 or Y2 and an allowed status', () => {
    const rows = sheet(small, 'uppdrag').rows;
    const statuses = new Set<string>();
    for (const [recipient, text, decidedBy, due, status] of rows) {
      expect(String(recipient).length).toBeGreaterThan(0);
      expect(String(text).length).toBeGreaterThan(0);
      expect(['Kommunfullmäktige', 'Kommunstyrelsen']).toContain(decidedBy);
      expect(num(due)).toBeGreaterThanOrEqual(excelSerial(2027, 1, 1));
      expect(num(due)).toBeLessThanOrEqual(excelSerial(2028, 12, 31));
      expect(STATUS_VALUES as readonly string[]).toContain(status);
      statuses.add(String(status));
    }
    expect(statuses.size).toBeGreaterThanOrEqual(3);
  });

  it('has Kolada-like nyckeltal with Ja/Nej and net cost against referenskostnad', () => {
    const rows = sheet(standard, 'nyckeltal').rows;
    expect(rows.some((r) => r[3] === 'N15419')).toBe(true);
    for (const row of rows) {
      expect(String(row[3])).toMatch(/^[NU]\d{5}$/);
      expect(['Ja', 'Nej']).toContain(row[6]);
    }
    const withCosts = rows.filter((r) => typeof r[7] === 'number' && typeof r[8] === 'number');
    expect(withCosts.length).toBeGreaterThanOrEqual(4);
    expect(withCosts.some((r) => num(r[7]) > num(r[8]))).toBe(true);
    expect(withCosts.some((r) => num(r[7]) < num(r[8]))).toBe(true);
  });

  it('books Utfall for months 1–8 of Y1 on budget keys, about 8/12 of the budget, with verksamheter heading for a deficit', () => {
    for (const sample of [standard, small]) {
      const budget = new Map<string, number>();
      for (const row of sheet(sample, 'driftbudget').rows) budget.set(`${row[0]}|${row[1]}|${row[2]}`, num(row[4]));
      const byActivity = new Map<string, { budget: number; actual: number }>();
      for (const row of sheet(sample, 'driftbudget').rows) {
        const entry = byActivity.get(`${row[0]}|${row[1]}`) ?? { budget: 0, actual: 0 };
        entry.budget += num(row[4]);
        byActivity.set(`${row[0]}|${row[1]}`, entry);
      }
      const periods = new Set<string>();
      const offBudget: SampleValue[][] = [];
      for (const row of sheet(sample, 'utfall').rows) {
        const [board, activity, account, period, amount] = row;
        if (!budget.has(`${board}|${activity}|${account}`) || !/^2027-0[1-8]$/.test(String(period))) offBudget.push(row);
        periods.add(String(period));
        byActivity.get(`${board}|${activity}`)!.actual += num(amount);
      }
      expect(offBudget).toEqual([]);
      expect(periods.size).toBe(8);
      const paces = [...byActivity.values()].filter((e) => e.budget > 0).map((e) => e.actual / ((e.budget * 8) / 12));
      const onTrack = paces.filter((p) => p > 0.9 && p < 1.06).length;
      expect(onTrack / paces.length).toBeGreaterThan(0.8);
      expect(paces.filter((p) => p > 1.06).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('reports Personal monthly per nämnd, with one nämnd of 10 or fewer employees', () => {
    const rows = sheet(small, 'personal').rows;
    const employees = new Map<string, number[]>();
    for (const [board, period, count, fte, sick] of rows) {
      expect(String(period)).toMatch(/^2027-0[1-8]$/);
      expect(num(fte)).toBeLessThanOrEqual(num(count));
      expect(num(sick)).toBeGreaterThanOrEqual(0);
      employees.set(board as string, [...(employees.get(board as string) ?? []), num(count)]);
    }
    const smallGroups = [...employees.entries()].filter(([, counts]) => Math.max(...counts) <= 10);
    expect(smallGroups).toHaveLength(1);
    expect(smallGroups[0][1]).toHaveLength(8);
  });

  it('fills Parametrar with the budget year, indexation and the defaults', () => {
    const values = Object.fromEntries(sheet(standard, 'parametrar').rows.map((r) => [r[0], r[1]]));
    expect(values).toMatchObject({ Budgetår: 2027, Prisnivå: 2027, 'Uppräkning 2027': 2.8, 'Uppräkning 2028': 3, 'Uppräkning 2029': 2.5, Tolerans: 0.5, Korrigering: 'Permanent', Modell: 'Delta', 'Finansiellt mål': 2 });
    const other = Object.fromEntries(sheet(generateSample({ year: 2030 }), 'parametrar').rows.map((r) => [r[0], r[1]]));
    expect(other).toMatchObject({ Budgetår: 2030, 'Uppräkning 2032': 2.5 });
  });

  it('rejects sizes and years it cannot make', () => {
    expect(() => generateSample({ rows: MIN_SAMPLE_ROWS - 1 })).toThrow(RangeError);
    expect(() => generateSample({ rows: MAX_SAMPLE_ROWS + 1 })).toThrow(RangeError);
    expect(() => generateSample({ rows: 1000.5 })).toThrow(RangeError);
    expect(() => generateSample({ year: 1999 })).toThrow(RangeError);
  });
});

describe('the sample through recognition and validation', () => {
  it.each([
    ['default', standard],
    ['S', small],
  ])('%s: recognised with parameters read as written, and no errors or warnings', (_label, sample) => {
    const specs = sampleToSheetSpecs(sample);
    const model = recognizeSpecs(specs, 'validation');
    expect(model.years).toEqual([2027, 2028, 2029]);
    expect(model.parameters.indexation[2027]).toBeCloseTo(0.028, 10);
    expect(model.parameters.financialTarget).toBeCloseTo(0.02, 10);
    expect(model.operatingBudget).toHaveLength(sheet(sample, 'driftbudget').rows.length);
    const findings = validateModel(model);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // Only the election-year frame jump of Valnämnden is worth a controller's attention.
    expect(findings.map((f) => `${f.rule} ${f.board}`)).toEqual(['RAM-JUMP Valnämnden']);
    const followUp = recognizeSpecs(specs, 'followUp');
    expect(followUp.findings).toEqual([]);
    expect(followUp.actuals).toHaveLength(sheet(sample, 'utfall').rows.length);
  });
});
