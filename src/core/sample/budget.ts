/**
 * The sample's money: KF's frames per nämnd and year, the detail budget spread over verksamheter
 * and accounts so that every nämnd's net budget equals its frame exactly, last year's frames,
 * and financing with a result of about 2 % of skatteintäkter and generella statsbidrag.
 */
import { ACCOUNTS, BOARDS, PROFILES, isElectionYear, unitName, type AccountData, type BoardData } from './kommun-data';
import type { Rng } from './prng';

/** One Driftbudget row. Amounts are whole tkr for Y1..Y3. */
export interface BudgetLine {
  board: number;
  activity: string;
  /** Index of the verksamhet in its nämnd's activity list. */
  activityIndex: number;
  account: AccountData;
  amounts: [number, number, number];
}

export interface SampleBudget {
  /** Frames per nämnd (BOARDS order): Y0, Y1, Y2, Y3 in tkr. */
  frames: number[][];
  lines: BudgetLine[];
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** A nämnd's frame for year index -1..2 (Y0..Y3) at the given population scale, rounded to 100 tkr. */
export function boardFrame(board: BoardData, scale: number, y1: number, yearIndex: number): number {
  let frame = board.frame * scale;
  if (yearIndex < 0) frame /= 1 + board.growth[0];
  for (let k = 1; k <= yearIndex; k++) frame *= 1 + board.growth[k];
  if (board.elections && isElectionYear(y1 + yearIndex)) frame *= 3.6;
  return Math.max(100, roundTo(frame, 100));
}

interface Slot {
  board: number;
  activityIndex: number;
  rows: number;
}

/** Rows that a sample with this few units needs at least: every fixed verksamhet fully, one row per unit-based one. */
export function minimumBudgetRows(): number {
  let rows = 0;
  for (const board of BOARDS) {
    for (const activity of board.activities) rows += activity.replicable ? 1 : PROFILES[activity.profile].length;
  }
  return rows;
}

/** Spreads `total` integer rows over weights by largest remainder, at least `min` each. */
function apportion(total: number, weights: number[], min: number): number[] {
  const free = total - min * weights.length;
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (free * w) / sum);
  const result = exact.map((x) => min + Math.floor(x));
  let left = total - result.reduce((s, r) => s + r, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) result[order[k][1]]++;
  return result;
}

/** The verksamheter and how many Driftbudget rows each gets, exactly `rows` in total. */
function layoutSlots(rows: number): Slot[] {
  const slots: Slot[] = [];
  const replicable: Slot[] = [];
  const weights: number[] = [];
  let fixedRows = 0;
  BOARDS.forEach((board, b) => {
    board.activities.forEach((activity, i) => {
      const slot: Slot = { board: b, activityIndex: i, rows: PROFILES[activity.profile].length };
      slots.push(slot);
      if (activity.replicable) {
        replicable.push(slot);
        weights.push(board.frame * activity.share);
      } else {
        fixedRows += slot.rows;
      }
    });
  });
  const counts = apportion(rows - fixedRows, weights, 1);
  replicable.forEach((slot, k) => (slot.rows = counts[k]));
  return slots;
}

/** Frames, Driftbudget lines and nothing else: exactly `rows` lines, each nämnd's lines summing to its frames. */
export function generateBudget(rng: Rng, rows: number, scale: number, y1: number): SampleBudget {
  const frames = BOARDS.map((board) => [-1, 0, 1, 2].map((yi) => boardFrame(board, scale, y1, yi)));
  const lines: BudgetLine[] = [];
  const raw: number[][] = [[], [], []];

  const boardStart: number[] = [];
  let currentBoard = -1;
  for (const slot of layoutSlots(rows)) {
    if (slot.board !== currentBoard) {
      currentBoard = slot.board;
      boardStart[currentBoard] = lines.length;
    }
    const board = BOARDS[slot.board];
    const activity = board.activities[slot.activityIndex];
    const profile = PROFILES[activity.profile];
    const units = Math.ceil(slot.rows / profile.length);
    const unitGross = (board.frame * scale * activity.share) / units;
    let left = slot.rows;
    for (let u = 0; u < units; u++) {
      const name = units === 1 ? activity.name : unitName(activity.name, u);
      const size = unitGross * rng.uniform(0.85, 1.15);
      const count = Math.min(left, profile.length);
      left -= count;
      for (let k = 0; k < count; k++) {
        const [code, share] = profile[k];
        const y1Raw = size * share * rng.uniform(0.9, 1.1);
        const y2Raw = y1Raw * (1 + board.growth[1] + rng.uniform(-0.012, 0.012));
        const y3Raw = y2Raw * (1 + board.growth[2] + rng.uniform(-0.012, 0.012));
        raw[0].push(y1Raw);
        raw[1].push(y2Raw);
        raw[2].push(y3Raw);
        lines.push({ board: slot.board, activity: name, activityIndex: slot.activityIndex, account: ACCOUNTS[code], amounts: [0, 0, 0] });
      }
    }
  }
  boardStart[BOARDS.length] = lines.length;

  // Scale each nämnd's lines to its frame, in whole tkr; the rounding rest goes to its largest line.
  for (let b = 0; b < BOARDS.length; b++) {
    const from = boardStart[b];
    const to = boardStart[b + 1];
    for (let y = 0; y < 3; y++) {
      const frame = frames[b][y + 1];
      let rawSum = 0;
      for (let i = from; i < to; i++) rawSum += raw[y][i];
      const factor = frame / rawSum;
      let sum = 0;
      let largest = from;
      for (let i = from; i < to; i++) {
        const amount = Math.round(raw[y][i] * factor);
        lines[i].amounts[y] = amount;
        sum += amount;
        if (amount > lines[largest].amounts[y]) largest = i;
      }
      lines[largest].amounts[y] += frame - sum;
    }
  }
  return { frames, lines };
}

export interface Financing {
  taxes: number[];
  grants: number[];
  financialNet: number[];
  other: number[];
}

/** Share of skatteintäkter + generella statsbidrag the sample's result aims at (the goal is 2 %). */
export const TARGET_RESULT_SHARE = 0.0225;

/** Financing for Y1..Y3 so that the result is about 2,25 % of skatteintäkter and statsbidrag. */
export function generateFinancing(frames: number[][]): Financing {
  const financing: Financing = { taxes: [], grants: [], financialNet: [], other: [] };
  for (let y = 1; y <= 3; y++) {
    const totalFrames = frames.reduce((s, f) => s + f[y], 0);
    // Pensions and capital costs outside the nämnder's frames, and net interest costs.
    const other = roundTo(totalFrames * 0.017, 100);
    const financialNet = -roundTo(totalFrames * 0.004, 100);
    const income = roundTo((totalFrames + other - financialNet) / (1 - TARGET_RESULT_SHARE), 100);
    const taxes = roundTo(income * 0.765, 100);
    financing.taxes.push(taxes);
    financing.grants.push(income - taxes);
    financing.financialNet.push(financialNet);
    financing.other.push(other);
  }
  return financing;
}
