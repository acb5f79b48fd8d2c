/** SUM-*: total rows must equal the rows they close, and their SUM must cover the whole block. */
import { columnLetters, parseRangeA1, toA1 } from '../../a1';
import type { Finding } from '../../findings';
import type { InputId } from '../../inputs/catalogue';
import { makeFinding } from '../../messages/rule-catalogue';
import type { BudgetModel } from '../../recognition/model';
import { formatAmountIn } from '../../text/numbers';
import type { RuleConfig } from '../config';

const YEAR_GROUP: Partial<Record<InputId, string>> = { ramar: 'frame', driftbudget: 'amount' };

/** The range of a formula that is exactly one SUM over one range ("=SUM(D2:D9)"), or null. */
function sumRange(formula: string) {
  const match = /^=\s*(?:SUM|SUMMA)\(\s*([$A-Za-z]+[$]?\d+(?::[$A-Za-z]+[$]?\d+)?)\s*\)\s*$/i.exec(formula);
  return match ? parseRangeA1(match[1]) : null;
}

export function checkTotals(model: BudgetModel, config: RuleConfig): Finding[] {
  const findings: Finding[] = [];
  for (const input of ['ramar', 'driftbudget'] as const) {
    const layout = model.layouts[input];
    const totals = model.totals[input];
    if (!layout || !totals) continue;
    const cols = layout.yearColumns[YEAR_GROUP[input]!] ?? [];
    for (const total of totals) {
      if (!total.closes) continue;
      cols.forEach((col, i) => {
        if (col < 0) return;
        const cell = toA1(total.row, col);
        const shown = total.amounts[i];
        const place = { sheet: layout.sheet, cell, range: `${toA1(total.closes!.first, col)}:${toA1(total.closes!.last, col)}` };
        if (shown !== null && Math.abs(shown - total.sums[i]) > config.toleranceKr) {
          findings.push(
            makeFinding('SUM-MISMATCH', place, {
              total: formatAmountIn(shown, layout.kronorPerUnit[col]),
              sum: formatAmountIn(total.sums[i], layout.kronorPerUnit[col]),
              diff: formatAmountIn(Math.abs(shown - total.sums[i]), layout.kronorPerUnit[col]),
              column: layout.headers.find((h) => h.includes(String(model.years?.[i] ?? ''))) ?? columnLetters(col),
            }),
          );
        }
        const formula = total.formulas[i];
        const range = formula ? sumRange(formula) : null;
        if (formula && range && (range.left !== col || range.top > total.closes!.first || range.bottom < total.closes!.last)) {
          findings.push(makeFinding('SUM-RANGE', place, { formula, block: place.range }));
        }
      });
    }
  }
  return findings;
}
