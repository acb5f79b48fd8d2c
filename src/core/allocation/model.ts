/**
 * The resursfördelningsmodell (docs/resursfordelning.md): five steps from volumes and unit costs to a
 * compensation per nämnd and year, other non-political changes, and a proposed frame reconciled
 * with KF's Ramar. Pure and exact: kronor are integers, rounding is Excel's ROUND(x, 0), and every
 * product is taken in the same order as the result tab's formulas so the two agree to the krona.
 */
import { toA1 } from '../a1';
import type { Finding } from '../findings';
import { makeFinding } from '../messages/rule-catalogue';
import { roundHalfAwayFromZero } from '../money';
import type { AllocationMode, BudgetModel, Correction, OtherChangeRow, Triple, VolumeRow } from '../recognition/model';
import { isCompleteVolume, isPoliticalType } from '../rules/checks/allocation-inputs';
import { ruleConfigFor, type RuleConfig } from '../rules/config';
import { cellOf } from '../rules/place';
import { normalizeKey } from '../text/normalize';
import { formatTkr } from '../text/numbers';

export interface ActivityResult {
  board: string;
  activity: string;
  measure: string;
  /** Where the Volymer row is (sheet, 0-based row). */
  sheet: string;
  row: number;
  unitCost: number;
  /** c(y): cost per unit in each year's prices, kr, not rounded. */
  costPerUnit: [number, number, number];
  /** K = Utfall Y0 − Prognos Y0. */
  correction: number;
  /** ΔV(y) = Prognos y − Utfall Y0. */
  forecastChange: Triple;
  /** ΔT(y) = K + ΔV(y). */
  totalChange: Triple;
  /** Komp(y) = ROUND(c(y) × ΔT(y)); in Y1 plus the retroactive one-off when chosen. Kronor. */
  compensation: Triple;
  /** ROUND(c(Y1) × K) when Korrigering is "Permanent och retroaktiv", else 0. Included in compensation[0]. */
  retroactive: number;
  /** Mode Nivå: ROUND(c(y) × Prognos y). Kronor. */
  level: Triple;
}

export interface BoardResult {
  board: string;
  /** Σ activity compensation (Delta) or Σ level amounts (Nivå), kronor. */
  compensation: Triple;
  /** Step 5: Σ non-political Övriga förändringar, kronor. */
  other: Triple;
  /** Utgångsram Y0 in kronor, or null when Utgångsramar lacks the nämnd. */
  baseFrame: number | null;
  /** ROUND(Utgångsram × Ib(y)), kronor; null without a base frame or in mode Nivå. */
  indexedBase: Triple | null;
  /** Proposed frame, kronor; null when it cannot be computed (Delta without base frame). */
  proposed: Triple | null;
  /** KF's frame from Ramar, kronor, or null. */
  frame: Triple | null;
  /** Ramar − Förslag: "politiska prioriteringar och övrigt". */
  difference: Triple | null;
}

export interface ExcludedRow {
  sheet: string;
  cell: string;
  reason: string;
  reason_en: string;
}

export interface AllocationResult {
  years: Triple;
  baseYear: number;
  priceLevel: number;
  /** u(k) for the years the indices use, as fractions. */
  indexation: Record<number, number>;
  /** Ic(y) unit-cost index and Ib(y) base-frame index per budget year. */
  unitCostIndex: [number, number, number];
  baseFrameIndex: [number, number, number];
  mode: AllocationMode;
  correctionRule: Correction;
  activities: ActivityResult[];
  boards: BoardResult[];
  excluded: ExcludedRow[];
  /** Other-change rows used in step 5. */
  otherChanges: OtherChangeRow[];
  hasBaseFrames: boolean;
  findings: Finding[];
}

/** Π (1 + u(k)) for k = from..to, multiplied in increasing k (the formula's order). */
export function indexFactor(indexation: Record<number, number>, from: number, to: number): number {
  let factor = 1;
  for (let k = from; k <= to; k++) factor *= 1 + (indexation[k] ?? 0);
  return factor;
}

function addTriple(target: Triple, add: readonly number[]): void {
  target[0] += add[0];
  target[1] += add[1];
  target[2] += add[2];
}

/** Runs the model on a recognised workbook. Null when there are no budget years to run it for. */
export function runAllocation(model: BudgetModel, overrides: Partial<RuleConfig> = {}): AllocationResult | null {
  if (!model.years) return null;
  const config = ruleConfigFor(model, overrides);
  const years = model.years;
  const y1 = years[0];
  const priceLevel = model.parameters.priceLevel ?? y1;
  const indexation = model.parameters.indexation;
  const unitCostIndex = years.map((y) => indexFactor(indexation, priceLevel + 1, y)) as [number, number, number];
  const baseFrameIndex = years.map((y) => indexFactor(indexation, y1, y)) as [number, number, number];
  const mode = model.parameters.mode;
  const correctionRule = model.parameters.correction;
  const findings: Finding[] = [];
  const excluded: ExcludedRow[] = [];
  const activities: ActivityResult[] = [];

  for (const row of model.volumes) {
    if (!isCompleteVolume(row)) {
      excluded.push({
        sheet: row.sheet,
        cell: cellOf(model, 'volymer', row, 'board'),
        reason: `${row.board || '(utan nämnd)'}, ${row.activity || '(utan verksamhet)'}: kostnad per enhet eller en volym saknas (VOL-MISSING).`,
        reason_en: `${row.board || '(no board)'}, ${row.activity || '(no activity)'}: unit cost or a volume is missing (VOL-MISSING).`,
      });
      continue;
    }
    if (hasNegative(row)) {
      excluded.push({
        sheet: row.sheet,
        cell: cellOf(model, 'volymer', row, 'board'),
        reason: `${row.board}, ${row.activity}: negativ volym eller kostnad per enhet (VOL-NEGATIVE).`,
        reason_en: `${row.board}, ${row.activity}: negative volume or unit cost (VOL-NEGATIVE).`,
      });
      continue;
    }
    if (row.board === '') {
      excluded.push({ sheet: row.sheet, cell: cellOf(model, 'volymer', row, 'board'), reason: 'Raden saknar nämnd (CELL-EMPTY-KEY).', reason_en: 'The row has no board (CELL-EMPTY-KEY).' });
      continue;
    }
    activities.push(activityResult(row, unitCostIndex, correctionRule));
  }

  const otherChanges: OtherChangeRow[] = [];
  for (const row of model.otherChanges) {
    if (isPoliticalType(row.type, config)) {
      excluded.push({
        sheet: row.sheet,
        cell: toA1(row.row, model.layouts.ovrigaForandringar?.columns.type ?? 0),
        reason: `${row.board}: ”${row.description}” är en politisk prioritering och hör inte till steg 5 (OVR-POLITICAL).`,
        reason_en: `${row.board}: "${row.description}" is a political priority and does not belong in step 5 (OVR-POLITICAL).`,
      });
      continue;
    }
    if (row.board === '') continue;
    otherChanges.push(row);
  }

  // Boards in order of first appearance: Ramar, then Utgångsramar, Volymer, Övriga förändringar.
  const boards = new Map<string, BoardResult>();
  const boardFor = (name: string): BoardResult => {
    const key = normalizeKey(name);
    let b = boards.get(key);
    if (!b) {
      b = { board: name, compensation: [0, 0, 0], other: [0, 0, 0], baseFrame: null, indexedBase: null, proposed: null, frame: null, difference: null };
      boards.set(key, b);
    }
    return b;
  };
  for (const f of model.frames) if (f.board !== '' && !boards.get(normalizeKey(f.board))) boardFor(f.board).frame = [...f.amounts];
  for (const b of model.baseFrames) {
    if (b.board === '') continue;
    const board = boardFor(b.board);
    if (board.baseFrame === null) board.baseFrame = b.amount;
  }
  for (const a of activities) addTriple(boardFor(a.board).compensation, mode === 'Delta' ? a.compensation : a.level);
  for (const o of otherChanges) addTriple(boardFor(o.board).other, o.amounts);

  for (const board of boards.values()) {
    if (mode === 'Delta') {
      if (board.baseFrame !== null) {
        board.indexedBase = baseFrameIndex.map((ib) => roundHalfAwayFromZero(board.baseFrame! * ib)) as Triple;
        board.proposed = [0, 1, 2].map((i) => board.indexedBase![i] + board.compensation[i] + board.other[i]) as Triple;
      }
    } else {
      board.proposed = [0, 1, 2].map((i) => board.compensation[i] + board.other[i]) as Triple;
    }
    if (board.proposed && board.frame) {
      board.difference = [0, 1, 2].map((i) => board.frame![i] - board.proposed![i]) as Triple;
      const frameRow = model.frames.find((f) => normalizeKey(f.board) === normalizeKey(board.board));
      board.difference.forEach((diff, i) => {
        if (Math.abs(diff) <= config.toleranceKr || !frameRow) return;
        const col = model.layouts.ramar?.yearColumns.frame?.[i] ?? 0;
        findings.push(
          makeFinding('ALLOC-RECONCILE', { sheet: frameRow.sheet, cell: toA1(frameRow.row, col >= 0 ? col : 0), board: board.board }, {
            board: board.board,
            year: years[i],
            proposed: formatTkr(board.proposed![i]),
            frame: formatTkr(board.frame![i]),
            diff: formatTkr(diff),
          }),
        );
      });
    }
  }

  return {
    years,
    baseYear: y1 - 1,
    priceLevel,
    indexation,
    unitCostIndex,
    baseFrameIndex,
    mode,
    correctionRule,
    activities,
    boards: [...boards.values()],
    excluded,
    otherChanges,
    hasBaseFrames: model.baseFrames.length > 0,
    findings,
  };
}

function hasNegative(row: VolumeRow): boolean {
  return [row.unitCost, row.forecastY0, row.actualY0, ...row.forecast].some((v) => v !== null && v < 0);
}

function activityResult(row: VolumeRow, unitCostIndex: readonly number[], correctionRule: Correction): ActivityResult {
  const unitCost = row.unitCost!;
  const actualY0 = row.actualY0!;
  const correction = actualY0 - row.forecastY0!;
  const costPerUnit = unitCostIndex.map((ic) => unitCost * ic) as [number, number, number];
  const forecastChange = row.forecast.map((f) => f! - actualY0) as Triple;
  const totalChange = forecastChange.map((dv) => correction + dv) as Triple;
  const compensation = costPerUnit.map((c, i) => roundHalfAwayFromZero(c * totalChange[i])) as Triple;
  const retroactive = correctionRule === 'Permanent och retroaktiv' ? roundHalfAwayFromZero(costPerUnit[0] * correction) : 0;
  compensation[0] += retroactive;
  const level = costPerUnit.map((c, i) => roundHalfAwayFromZero(c * row.forecast[i]!)) as Triple;
  return {
    board: row.board,
    activity: row.activity,
    measure: row.measure,
    sheet: row.sheet,
    row: row.row,
    unitCost,
    costPerUnit,
    correction,
    forecastChange,
    totalChange,
    compensation,
    retroactive,
    level,
  };
}
