/** VOL-* and OVR-*: the inputs of the resource-allocation model. */
import type { Finding } from '../../findings';
import { makeFinding } from '../../messages/rule-catalogue';
import type { BudgetModel, VolumeRow } from '../../recognition/model';
import { foldText } from '../../text/normalize';
import { formatNumberSv, formatPercentSv } from '../../text/numbers';
import type { RuleConfig } from '../config';
import { cellOf, yearCellOf } from '../place';

interface VolumeField {
  value: (r: VolumeRow) => number | null;
  cell: (m: BudgetModel, r: VolumeRow) => string;
  sv: string;
  en: string;
}

function volumeFields(years: readonly number[] | null): VolumeField[] {
  const y = (offset: number) => (years ? String(years[0] + offset) : '');
  return [
    { value: (r) => r.unitCost, cell: (m, r) => cellOf(m, 'volymer', r, 'unitCost'), sv: 'kostnad per enhet', en: 'unit cost' },
    { value: (r) => r.forecastY0, cell: (m, r) => yearCellOf(m, 'volymer', r, 'forecastY0', 0), sv: `prognos ${y(-1)}`, en: `forecast ${y(-1)}` },
    { value: (r) => r.actualY0, cell: (m, r) => yearCellOf(m, 'volymer', r, 'actualY0', 0), sv: `utfall ${y(-1)}`, en: `outcome ${y(-1)}` },
    ...[0, 1, 2].map((i) => ({
      value: (r: VolumeRow) => r.forecast[i],
      cell: (m: BudgetModel, r: VolumeRow) => yearCellOf(m, 'volymer', r, 'forecast', i),
      sv: `prognos ${y(i)}`,
      en: `forecast ${y(i)}`,
    })),
  ];
}

/** True when the row takes part in the model (unit cost and all five volumes present). */
export function isCompleteVolume(row: VolumeRow): boolean {
  return row.unitCost !== null && row.forecastY0 !== null && row.actualY0 !== null && row.forecast.every((v) => v !== null);
}

export function checkVolumes(model: BudgetModel, config: RuleConfig): Finding[] {
  const findings: Finding[] = [];
  const fields = volumeFields(model.years);
  for (const row of model.volumes) {
    const base = { board: row.board || '(utan nämnd)', activity: row.activity || '(utan verksamhet)' };
    const missing = fields.filter((f) => f.value(row) === null);
    if (missing.length > 0) {
      findings.push(
        makeFinding('VOL-MISSING', { sheet: row.sheet, cell: missing[0].cell(model, row), board: row.board || undefined }, {
          ...base,
          missing: missing.map((f) => f.sv).join(', '),
          missingEn: missing.map((f) => f.en).join(', '),
        }),
      );
    }
    for (const field of fields) {
      const value = field.value(row);
      if (value !== null && value < 0) {
        findings.push(
          makeFinding('VOL-NEGATIVE', { sheet: row.sheet, cell: field.cell(model, row), board: row.board || undefined }, { ...base, column: field.sv, value: formatNumberSv(value) }),
        );
      }
    }
    // Year-on-year changes of the volume path: outcome Y0 → forecast Y1 → Y2 → Y3.
    const path = [row.actualY0, ...row.forecast];
    for (let i = 1; i < path.length; i++) {
      const from = path[i - 1];
      const to = path[i];
      if (from === null || to === null || from <= 0) continue;
      const change = (to - from) / from;
      if (Math.abs(change) > config.volumeJump) {
        findings.push(
          makeFinding('VOL-JUMP', { sheet: row.sheet, cell: fields[2 + i].cell(model, row), board: row.board || undefined }, {
            ...base,
            change: formatPercentSv(change),
            from: formatNumberSv(from),
            to: formatNumberSv(to),
            fromYear: model.years ? model.years[0] + i - 2 : '',
            toYear: model.years ? model.years[0] + i - 1 : '',
          }),
        );
      }
    }
    if (row.forecastY0 !== null && row.actualY0 !== null && row.forecastY0 > 0) {
      const miss = (row.actualY0 - row.forecastY0) / row.forecastY0;
      if (Math.abs(miss) > config.forecastMiss) {
        findings.push(
          makeFinding('VOL-FORECAST-MISS', { sheet: row.sheet, cell: fields[2].cell(model, row), board: row.board || undefined }, {
            ...base,
            year: model.years ? model.years[0] - 1 : '',
            actual: formatNumberSv(row.actualY0),
            forecast: formatNumberSv(row.forecastY0),
            share: formatPercentSv(Math.abs(miss)),
            correction: formatNumberSv(row.actualY0 - row.forecastY0),
          }),
        );
      }
    }
  }
  return findings;
}

/** True for an Övriga förändringar type that marks a political priority. */
export function isPoliticalType(type: string, config: RuleConfig): boolean {
  const folded = foldText(type);
  return config.politicalTypes.some((t) => foldText(t) === folded);
}

export function checkOtherChanges(model: BudgetModel, config: RuleConfig): Finding[] {
  const findings: Finding[] = [];
  for (const row of model.otherChanges) {
    const board = row.board || '(utan nämnd)';
    if (isPoliticalType(row.type, config)) {
      findings.push(
        makeFinding('OVR-POLITICAL', { sheet: row.sheet, cell: cellOf(model, 'ovrigaForandringar', row, 'type'), board: row.board || undefined }, {
          board,
          description: row.description,
          type: row.type,
        }),
      );
    }
    if (row.description === '' && row.amounts.some((a) => a !== 0)) {
      findings.push(makeFinding('OVR-NO-DESCRIPTION', { sheet: row.sheet, cell: cellOf(model, 'ovrigaForandringar', row, 'description'), board: row.board || undefined }, { board }));
    }
  }
  return findings;
}
