/**
 * The columns of the result tab's step-by-step block, per mode: which 0-based column holds which
 * step, with its header and step label. One place, so the rows, the summary's SUMPRODUCTs and the
 * tests agree on where things are.
 */
import { columnLetters } from '../a1';
import type { AllocationMode } from '../recognition/model';

export interface YearColumns {
  /** c(y), kr per unit. */
  costPerUnit: number;
  /** Prognos y (reference to Volymer). */
  forecast: number;
  /** ΔV(y); -1 in mode Nivå. */
  forecastChange: number;
  /** ΔT(y); -1 in mode Nivå. */
  totalChange: number;
  /** The retroactive one-off (Y1 only, when chosen); else -1. */
  retroactive: number;
  /** Komp(y); -1 in mode Nivå. */
  compensation: number;
  /** Nivå(y); -1 in mode Delta. */
  level: number;
}

export interface DetailColumns {
  board: number;
  activity: number;
  measure: number;
  unitCost: number;
  /** Prognos Y0, Utfall Y0 and K; -1 in mode Nivå (not used there). */
  forecastY0: number;
  actualY0: number;
  correction: number;
  years: [YearColumns, YearColumns, YearColumns];
  /** The column summed per nämnd for each year: Komp(y) in Delta, Nivå(y) in Nivå. */
  amount: [number, number, number];
  /** Step label per column, with the formula in column letters where computed ('' where none). */
  steps: string[];
  /** Column headers for the given years (short: one line at the tab's column widths). */
  headers(years: readonly number[], baseYear: number, priceLevel: number): string[];
  count: number;
}

export function detailColumns(mode: AllocationMode, retroactive: boolean): DetailColumns {
  const delta = mode === 'Delta';
  let next = 4;
  const take = () => next++;
  const forecastY0 = delta ? take() : -1;
  const actualY0 = delta ? take() : -1;
  const correction = delta ? take() : -1;
  const years = [0, 1, 2].map((i): YearColumns => {
    const costPerUnit = take();
    const forecast = take();
    if (!delta) return { costPerUnit, forecast, forecastChange: -1, totalChange: -1, retroactive: -1, compensation: -1, level: take() };
    const forecastChange = take();
    const totalChange = take();
    const retro = retroactive && i === 0 ? take() : -1;
    return { costPerUnit, forecast, forecastChange, totalChange, retroactive: retro, compensation: take(), level: -1 };
  }) as [YearColumns, YearColumns, YearColumns];
  const count = next;

  // Each column's step, and for computed columns the formula in the tab's column letters, kept
  // short: headers do not wrap onto a second line (Excel does not grow rows it did not lay out).
  const L = columnLetters;
  const steps: string[] = new Array<string>(count).fill('');
  steps[0] = 'Steg 1';
  steps[3] = 'Steg 2';
  if (delta) {
    steps[forecastY0] = 'Steg 3';
    steps[actualY0] = 'Steg 3';
    steps[correction] = `Steg 3: ${L(actualY0)} − ${L(forecastY0)}`;
  }
  for (const y of years) {
    steps[y.costPerUnit] = `Steg 2: ${L(3)} × Ic`;
    steps[y.forecast] = 'Steg 3';
    if (delta) {
      steps[y.forecastChange] = `Steg 3: ${L(y.forecast)} − ${L(actualY0)}`;
      steps[y.totalChange] = `Steg 3: ${L(correction)} + ${L(y.forecastChange)}`;
      if (y.retroactive >= 0) steps[y.retroactive] = `Steg 4: ${L(y.costPerUnit)} × ${L(correction)}`;
      steps[y.compensation] = `Steg 4: ${L(y.costPerUnit)} × ${L(y.totalChange)}${y.retroactive >= 0 ? ` + ${L(y.retroactive)}` : ''}`;
    } else {
      steps[y.level] = `Steg 4: ${L(y.costPerUnit)} × ${L(y.forecast)}`;
    }
  }

  return {
    board: 0,
    activity: 1,
    measure: 2,
    unitCost: 3,
    forecastY0,
    actualY0,
    correction,
    years,
    amount: years.map((y) => (delta ? y.compensation : y.level)) as [number, number, number],
    steps,
    count,
    headers(yearList, baseYear, priceLevel) {
      const h: string[] = new Array<string>(count).fill('');
      h[0] = 'Nämnd';
      h[1] = 'Verksamhet';
      h[2] = 'Volymmått';
      h[3] = `Kr per enhet ${priceLevel}`;
      if (delta) {
        h[forecastY0] = `Prognos ${baseYear}`;
        h[actualY0] = `Utfall ${baseYear}`;
        h[correction] = 'K';
      }
      years.forEach((y, i) => {
        const year = yearList[i];
        h[y.costPerUnit] = `c ${year} (kr)`;
        h[y.forecast] = `Prognos ${year}`;
        if (delta) {
          h[y.forecastChange] = `ΔV ${year}`;
          h[y.totalChange] = `ΔT ${year}`;
          if (y.retroactive >= 0) h[y.retroactive] = 'Retroaktiv (tkr)';
          h[y.compensation] = `Komp ${year} (tkr)`;
        } else {
          h[y.level] = `Nivå ${year} (tkr)`;
        }
      });
      return h;
    },
  };
}
