/** IK-*, POL-*, UPP-*: internal control, political directions and assignments. */
import type { Finding } from '../../findings';
import { inputDef, STATUS_VALUES } from '../../inputs/catalogue';
import { makeFinding } from '../../messages/rule-catalogue';
import type { BudgetModel } from '../../recognition/model';
import { normalizeKey } from '../../text/normalize';
import { formatNumberSv } from '../../text/numbers';
import type { RuleConfig } from '../config';
import { cellOf } from '../place';

export function checkInternalControl(model: BudgetModel, config: RuleConfig): Finding[] {
  const findings: Finding[] = [];
  if (!model.layouts.internkontrollplan) {
    findings.push(makeFinding('IK-MISSING', { sheet: inputDef('internkontrollplan').name, cell: 'A1' }, { board: '' }));
  } else {
    const withPlan = new Set(model.internalControl.map((r) => normalizeKey(r.board)));
    const reported = new Set<string>();
    for (const frame of model.frames) {
      const key = normalizeKey(frame.board);
      if (frame.board === '' || withPlan.has(key) || reported.has(key)) continue;
      reported.add(key);
      findings.push(makeFinding('IK-MISSING', { sheet: frame.sheet, cell: cellOf(model, 'ramar', frame, 'board'), board: frame.board }, { board: frame.board }));
    }
  }
  const { min, max } = config.riskScale;
  for (const row of model.internalControl) {
    const board = row.board || '(utan nämnd)';
    const place = (key: string) => ({ sheet: row.sheet, cell: cellOf(model, 'internkontrollplan', row, key), board: row.board || undefined });
    const onScale = (v: number | null) => v !== null && Number.isInteger(v) && v >= min && v <= max;
    for (const [key, column] of [['probability', 'Sannolikhet'], ['consequence', 'Konsekvens']] as const) {
      const value = row[key];
      if (value !== null && !onScale(value)) findings.push(makeFinding('IK-SCALE', place(key), { board, column, value: formatNumberSv(value, Number.isInteger(value) ? 0 : 1), min, max }));
    }
    const product = onScale(row.probability) && onScale(row.consequence) ? row.probability! * row.consequence! : null;
    if (product !== null && row.riskValue !== null && row.riskValue !== product) {
      findings.push(makeFinding('IK-RISKVARDE', place('riskValue'), { board, value: formatNumberSv(row.riskValue), expected: product }));
    }
    const risk = row.riskValue ?? product;
    if (risk !== null && risk >= config.riskNeedsControl && row.control === '') {
      findings.push(makeFinding('IK-NO-CONTROL', place('control'), { board, risk: row.risk, value: formatNumberSv(risk) }));
    }
  }
  return findings;
}

export function checkPoliticalDirections(model: BudgetModel, config: RuleConfig): Finding[] {
  const findings: Finding[] = [];
  const counts = new Map<string, number>();
  for (const row of model.politicalDirections) {
    if (row.direction === '') continue;
    const key = normalizeKey(row.board);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    const place = { sheet: row.sheet, cell: cellOf(model, 'politiskaInriktningar', row, 'direction'), board: row.board || undefined };
    const board = row.board || '(utan nämnd)';
    if (count === config.maxDirections + 1) {
      const total = model.politicalDirections.filter((r) => r.direction !== '' && normalizeKey(r.board) === key).length;
      findings.push(makeFinding('POL-TOO-MANY', place, { board, count: total, max: config.maxDirections }));
    }
    const length = [...row.direction].length;
    if (length > config.maxDirectionLength) findings.push(makeFinding('POL-TOO-LONG', place, { board, length, max: config.maxDirectionLength }));
  }
  return findings;
}

const ALLOWED_STATUSES = new Set(STATUS_VALUES.map((s) => normalizeKey(s)));

/** True when a status is one of the allowed values (case and spacing ignored). */
export function isAllowedStatus(status: string): boolean {
  return ALLOWED_STATUSES.has(normalizeKey(status));
}

export function checkAssignments(model: BudgetModel): Finding[] {
  const findings: Finding[] = [];
  for (const row of model.assignments) {
    if (row.assignment === '' && row.recipient === '' && row.status === '') continue;
    const missing: [string, string, string][] = [];
    if (row.recipient === '') missing.push(['recipient', 'mottagare', 'recipient']);
    if (row.dueDate === '') missing.push(['dueDate', 'slutdatum', 'end date']);
    if (missing.length > 0) {
      findings.push(
        makeFinding('UPP-INCOMPLETE', { sheet: row.sheet, cell: cellOf(model, 'uppdrag', row, missing[0][0]) }, {
          assignment: row.assignment.slice(0, 80),
          missing: missing.map((m) => m[1]).join(' och '),
          missingEn: missing.map((m) => m[2]).join(' and '),
        }),
      );
    }
    if (!isAllowedStatus(row.status)) {
      findings.push(makeFinding('UPP-STATUS', { sheet: row.sheet, cell: cellOf(model, 'uppdrag', row, 'status'), board: row.recipient || undefined }, { status: row.status || '(tom)' }));
    }
  }
  return findings;
}
