/** RAM-*: each nämnd's net budget per year against its frame, frame sanity, balanskrav, financial target. */
import { toA1 } from '../../a1';
import type { Finding } from '../../findings';
import { FINANCING_POSTS } from '../../inputs/catalogue';
import { makeFinding } from '../../messages/rule-catalogue';
import type { BudgetModel, FrameRow, Triple } from '../../recognition/model';
import { foldText, normalizeKey } from '../../text/normalize';
import { formatAmountIn, formatPercentSv, formatTkr } from '../../text/numbers';
import type { RuleConfig } from '../config';
import { yearCellOf } from '../place';

export interface BoardYear {
  year: number;
  /** Net Driftbudget, kronor. */
  budget: number;
  /** KF's frame, kronor. */
  frame: number;
  /** budget − frame: positive = over the frame. */
  diff: number;
}

export interface BoardFrameSummary {
  board: string;
  years: BoardYear[];
}

/** Net budget per nämnd (normalised key) and year, in kronor. */
export function netBudgetByBoard(model: BudgetModel): Map<string, Triple> {
  const totals = new Map<string, Triple>();
  for (const row of model.operatingBudget) {
    if (row.board === '') continue;
    const key = normalizeKey(row.board);
    let t = totals.get(key);
    if (!t) totals.set(key, (t = [0, 0, 0]));
    t[0] += row.amounts[0];
    t[1] += row.amounts[1];
    t[2] += row.amounts[2];
  }
  return totals;
}

/** The first Ramar row of each nämnd (later duplicates are KEY-DUPLICATE territory). */
export function uniqueFrames(model: BudgetModel): FrameRow[] {
  const seen = new Set<string>();
  return model.frames.filter((f) => {
    const key = normalizeKey(f.board);
    if (f.board === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Budget vs frame per nämnd and year: the summary the task pane draws. */
export function frameSummary(model: BudgetModel): BoardFrameSummary[] {
  if (!model.years) return [];
  const budgets = netBudgetByBoard(model);
  return uniqueFrames(model).map((frame) => {
    const budget = budgets.get(normalizeKey(frame.board)) ?? [0, 0, 0];
    return {
      board: frame.board,
      years: [0, 1, 2].map((i) => ({ year: model.years![i], budget: budget[i], frame: frame.amounts[i], diff: budget[i] - frame.amounts[i] })),
    };
  });
}

export function checkFrames(model: BudgetModel, config: RuleConfig): Finding[] {
  if (!model.years || !model.layouts.ramar) return [];
  const findings: Finding[] = [];
  const budgets = model.layouts.driftbudget ? netBudgetByBoard(model) : null;
  const frameCols = model.layouts.ramar.yearColumns.frame ?? [];
  for (const frame of uniqueFrames(model)) {
    const budget = budgets?.get(normalizeKey(frame.board));
    for (let i = 0; i < 3; i++) {
      const year = model.years[i];
      const place = { sheet: frame.sheet, cell: yearCellOf(model, 'ramar', frame, 'frame', i), board: frame.board };
      const amount = frame.amounts[i];
      // In the unit of the frame cell the finding points at (mnkr in a mapped mnkr workbook).
      const fmt = (kronor: number) => formatAmountIn(kronor, model.layouts.ramar!.kronorPerUnit[frameCols[i]]);
      if (amount <= 0) findings.push(makeFinding('RAM-NEGATIVE', place, { board: frame.board, year, frame: fmt(amount) }));
      if (budget) {
        const diff = budget[i] - amount;
        const params = { board: frame.board, year, budget: fmt(budget[i]), frame: fmt(amount), diff: fmt(Math.abs(diff)) };
        if (diff > config.toleranceKr) findings.push(makeFinding('RAM-OVER', place, params));
        else if (diff < -config.toleranceKr) findings.push(makeFinding('RAM-UNDER', place, params));
      }
      if (i > 0) {
        const previous = frame.amounts[i - 1];
        if (previous > 0 && Math.abs(amount - previous) / previous > config.frameJump) {
          findings.push(
            makeFinding('RAM-JUMP', place, {
              board: frame.board,
              change: formatPercentSv((amount - previous) / previous),
              from: fmt(previous),
              to: fmt(amount),
              fromYear: model.years[i - 1],
              toYear: year,
            }),
          );
        }
      }
    }
  }
  return findings;
}

function financingPost(model: BudgetModel, name: string) {
  const folded = foldText(name);
  return model.financing.find((f) => foldText(f.post) === folded);
}

export function checkBalance(model: BudgetModel): Finding[] {
  if (!model.years || !model.layouts.finansiering || !model.layouts.ramar) return [];
  const taxes = financingPost(model, FINANCING_POSTS.taxes);
  const grants = financingPost(model, FINANCING_POSTS.grants);
  const net = financingPost(model, FINANCING_POSTS.financialNet);
  const other = financingPost(model, FINANCING_POSTS.other);
  const anchor = taxes ?? model.financing[0];
  if (!anchor) return [];
  const frames = uniqueFrames(model);
  const findings: Finding[] = [];
  for (let i = 0; i < 3; i++) {
    const year = model.years[i];
    const taxesAndGrants = (taxes?.amounts[i] ?? 0) + (grants?.amounts[i] ?? 0);
    const income = taxesAndGrants + (net?.amounts[i] ?? 0);
    const framesTotal = frames.reduce((s, f) => s + f.amounts[i], 0);
    const otherItems = other?.amounts[i] ?? 0;
    const result = income - framesTotal - otherItems;
    const place = { sheet: anchor.sheet, cell: yearCellOf(model, 'finansiering', anchor, 'amount', i) };
    if (result < 0) {
      findings.push(
        makeFinding('RAM-BALANSKRAV', place, { year, result: formatTkr(result), income: formatTkr(income), frames: formatTkr(framesTotal), other: formatTkr(otherItems) }),
      );
      continue;
    }
    const target = model.parameters.financialTarget;
    if (target !== null && taxesAndGrants > 0 && result < target * taxesAndGrants) {
      const targetCell = model.parameters.cells['Finansiellt mål'];
      findings.push(
        makeFinding('RAM-FINANSIELLT-MAL', targetCell ? { sheet: targetCell.sheet, cell: toA1(targetCell.row, targetCell.col) } : place, {
          year,
          result: formatTkr(result),
          share: formatPercentSv(result / taxesAndGrants),
          target: formatPercentSv(target),
          targetAmount: formatTkr(Math.round(target * taxesAndGrants)),
        }),
      );
    }
  }
  return findings;
}
