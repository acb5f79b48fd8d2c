/**
 * Volymer for the allocation model: förskola, grundskola, gymnasium and äldreomsorg with
 * referenskostnad-like unit costs (docs/resursfordelning.md), last year's forecast and outcome within 3 %,
 * and forecasts that move a few per cent a year (well inside the 15 % VOL-JUMP threshold).
 */
import { BUN, GVN, VOO, unitName } from './kommun-data';
import type { Rng } from './prng';

interface VolumeData {
  board: string;
  activity: string;
  measure: string;
  /** kr per unit at the price level of the budget year. */
  unitCost: number;
  /** Prognos Y0 at the default population. */
  volume: number;
  /** Yearly trend of the forecast. */
  trend: number;
}

const VOLUMES: readonly VolumeData[] = [
  { board: BUN, activity: 'Förskola', measure: 'Barn 1–5 år', unitCost: 125_900, volume: 2_150, trend: -0.01 },
  { board: BUN, activity: 'Grundskola', measure: 'Elever 6–15 år', unitCost: 105_000, volume: 4_200, trend: 0.006 },
  { board: BUN, activity: 'Fritidshem', measure: 'Inskrivna barn 6–12 år', unitCost: 38_400, volume: 1_980, trend: 0.004 },
  { board: GVN, activity: 'Gymnasieskola', measure: 'Ungdomar 16–18 år', unitCost: 134_500, volume: 1_520, trend: 0.018 },
  { board: VOO, activity: 'Äldreomsorg', measure: 'Invånare 80–89 år', unitCost: 137_300, volume: 2_150, trend: 0.033 },
  { board: VOO, activity: 'Äldreomsorg', measure: 'Invånare 90 år och äldre', unitCost: 352_000, volume: 470, trend: 0.02 },
];

/** Smallest volume of one district row, so rounding to whole units never makes a big jump. */
const MIN_DISTRICT_VOLUME = 80;

export type VolumeRow = [string, string, string, number, number, number, number, number, number];

/**
 * One row per activity and measure, split into districts as the sample grows
 * (`districts` wanted per activity, fewer where the volume is small).
 */
export function generateVolumes(rng: Rng, scale: number, districts: number): VolumeRow[] {
  const rows: VolumeRow[] = [];
  for (const v of VOLUMES) {
    const total = v.volume * scale;
    const parts = Math.max(1, Math.min(districts, Math.floor(total / MIN_DISTRICT_VOLUME)));
    const weights = Array.from({ length: parts }, () => rng.uniform(0.8, 1.2));
    const weightSum = weights.reduce((s, w) => s + w, 0);
    for (let d = 0; d < parts; d++) {
      const activity = parts === 1 ? v.activity : unitName(v.activity, d);
      const forecastY0 = Math.round((total * weights[d]) / weightSum);
      const actualY0 = Math.round(forecastY0 * (1 + rng.uniform(-0.03, 0.03)));
      const y1 = Math.round(actualY0 * (1 + v.trend + rng.uniform(-0.01, 0.01)));
      const y2 = Math.round(y1 * (1 + v.trend + rng.uniform(-0.01, 0.01)));
      const y3 = Math.round(y2 * (1 + v.trend + rng.uniform(-0.01, 0.01)));
      rows.push([v.board, activity, v.measure, v.unitCost, forecastY0, actualY0, y1, y2, y3]);
    }
  }
  return rows;
}
