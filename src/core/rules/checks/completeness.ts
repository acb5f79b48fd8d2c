/**
 * Completeness: the inputs a submission needs are there and hold figures. An untouched template
 * (headers, no rows), a year column left empty, a nämnd listed in Ramar without a frame — each is
 * an error at the cell where it shows, never a silent "ready to submit".
 */
import { toA1 } from '../../a1';
import type { Finding } from '../../findings';
import type { InputId } from '../../inputs/catalogue';
import { inputDef } from '../../inputs/catalogue';
import { makeFinding } from '../../messages/rule-catalogue';
import type { BudgetModel } from '../../recognition/model';
import { JOB_NAMES } from '../../recognition/row-reader';
import { normalizeKey } from '../../text/normalize';
import { cellOf, yearCellOf } from '../place';

/** The inputs a submission needs, with the year group that carries their figures. */
const NEEDED: { input: InputId; group: string; rows: (m: BudgetModel) => readonly unknown[] }[] = [
  { input: 'ramar', group: 'frame', rows: (m) => m.frames },
  { input: 'driftbudget', group: 'amount', rows: (m) => m.operatingBudget },
];

/** STRUCT-EMPTY-INPUT (no data rows) and STRUCT-EMPTY-YEAR (a budgeted year with no figures). */
export function checkEmptyInputs(model: BudgetModel): Finding[] {
  const findings: Finding[] = [];
  const job = JOB_NAMES.validation;
  for (const { input, group, rows } of NEEDED) {
    const layout = model.layouts[input];
    if (!layout) continue; // missing table or key column: STRUCT-MISSING-* already say so
    const name = inputDef(input).name;
    if (rows(model).length === 0) {
      const firstCol = Math.min(...Object.values(layout.columns), ...Object.values(layout.yearColumns).flat().filter((c) => c >= 0));
      const cell = toA1(layout.headerRow + 1, Number.isFinite(firstCol) ? firstCol : 0);
      findings.push(makeFinding('STRUCT-EMPTY-INPUT', { sheet: layout.sheet, cell }, { input: name, job: job.sv, jobEn: job.en }));
      continue;
    }
    const empty = new Set(layout.emptyYearColumns ?? []);
    (layout.yearColumns[group] ?? []).forEach((col, i) => {
      if (col < 0 || !empty.has(col)) return;
      const year = model.years?.[i] ?? i + 1;
      findings.push(makeFinding('STRUCT-EMPTY-YEAR', { sheet: layout.sheet, cell: toA1(layout.headerRow, col) }, { input: name, year }));
    });
  }
  return findings;
}

/** KEY-NAMND-NO-FRAME: a nämnd listed in Ramar whose frame cells are all empty. */
export function checkBoardsWithoutFrame(model: BudgetModel): Finding[] {
  if (!model.layouts.ramar) return [];
  const budgeted = new Set(model.operatingBudget.map((r) => normalizeKey(r.board)));
  const findings: Finding[] = [];
  for (const frame of model.frames) {
    if (!frame.noFigures || frame.board === '') continue;
    const first = yearCellOf(model, 'ramar', frame, 'frame', 0);
    const last = yearCellOf(model, 'ramar', frame, 'frame', 2);
    findings.push(
      makeFinding('KEY-NAMND-NO-FRAME', { sheet: frame.sheet, cell: cellOf(model, 'ramar', frame, 'board'), range: `${first}:${last}`, board: frame.board }, {
        board: frame.board,
        budgeted: budgeted.has(normalizeKey(frame.board)) ? 1 : '',
      }),
    );
  }
  return findings;
}
