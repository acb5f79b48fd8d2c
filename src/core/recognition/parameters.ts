/**
 * Parametrar: optional settings of the workbook (budget year, price level, indexation, …).
 * Unknown names are findings, never silently ignored. Percentages follow what the user sees:
 * a percent-formatted cell holds a fraction, a plain number is a percent.
 */
import { toA1 } from '../a1';
import type { Finding } from '../findings';
import { makeFinding } from '../messages/rule-catalogue';
import { toKronor } from '../money';
import { foldText } from '../text/normalize';
import { parseNumberText } from '../text/numbers';
import { CellError, type RawValue } from '../workbook/raw';
import type { Parameters } from './model';
import type { ReadTable } from './table-reader';
import { cellAt } from './table-reader';

export const DEFAULT_TOLERANCE_KR = 500;

export function defaultParameters(): Parameters {
  return {
    kommun: null,
    budgetYear: null,
    priceLevel: null,
    indexation: {},
    financialTarget: null,
    toleranceKr: DEFAULT_TOLERANCE_KR,
    correction: 'Permanent',
    mode: 'Delta',
    cells: {},
    indexationCells: {},
  };
}

interface ParamValue {
  raw: RawValue;
  numberFormat: string | undefined;
}

function asNumber(v: ParamValue): number | null {
  if (typeof v.raw === 'number' && Number.isFinite(v.raw)) return v.raw;
  if (typeof v.raw === 'string') return parseNumberText(v.raw)?.value ?? null;
  return null;
}

/** A percentage parameter as a fraction. */
function asFraction(v: ParamValue): number | null {
  if (typeof v.raw === 'number' && Number.isFinite(v.raw)) {
    return v.numberFormat?.includes('%') ? v.raw : v.raw / 100;
  }
  if (typeof v.raw === 'string') {
    const parsed = parseNumberText(v.raw);
    if (!parsed) return null;
    return parsed.percent ? parsed.value : parsed.value / 100;
  }
  return null;
}

function asYear(v: ParamValue): number | null {
  const n = asNumber(v);
  return n !== null && Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : null;
}

export function readParameters(table: ReadTable, findings: Finding[]): Parameters {
  const params = defaultParameters();
  const nameCol = table.layout.columns.parameter;
  const valueCol = table.layout.columns.value;
  const formats = table.grid.numberFormats;
  for (const row of table.dataRows) {
    const nameRaw = cellAt(table, row, nameCol);
    if (typeof nameRaw !== 'string' || nameRaw.trim() === '') continue;
    const name = foldText(nameRaw);
    const value: ParamValue = {
      raw: cellAt(table, row, valueCol),
      numberFormat: formats?.[row - table.grid.top]?.[valueCol - table.grid.left],
    };
    if (value.raw instanceof CellError) continue;
    const ref = { sheet: table.layout.sheet, row, col: valueCol };
    const indexation = /^upprakning\s*((?:19|20)\d{2})$/.exec(name);
    if (indexation) {
      const fraction = asFraction(value);
      const year = Number(indexation[1]);
      if (fraction !== null) params.indexation[year] = fraction;
      if (typeof value.raw === 'number' && fraction !== null) {
        params.indexationCells[year] = { ...ref, divisor: value.numberFormat?.includes('%') ? 1 : 100 };
      }
      params.cells[`Uppräkning ${indexation[1]}`] = ref;
      continue;
    }
    switch (name) {
      case 'kommun':
        params.kommun = typeof value.raw === 'string' ? value.raw.trim() || null : null;
        break;
      case 'budgetar':
        params.budgetYear = asYear(value);
        break;
      case 'prisniva':
        params.priceLevel = asYear(value);
        break;
      case 'finansiellt mal':
        params.financialTarget = asFraction(value);
        break;
      case 'tolerans': {
        const tkr = asNumber(value);
        if (tkr !== null && tkr >= 0) {
          params.toleranceKr = toKronor(tkr, 'tkr');
          params.toleranceFromWorkbook = true;
        }
        break;
      }
      case 'korrigering':
        if (typeof value.raw === 'string' && foldText(value.raw).includes('retroaktiv')) params.correction = 'Permanent och retroaktiv';
        break;
      case 'modell':
        if (typeof value.raw === 'string' && foldText(value.raw).startsWith('niva')) params.mode = 'Nivå';
        break;
      default:
        findings.push(makeFinding('STRUCT-UNKNOWN-PARAMETER', { sheet: table.layout.sheet, cell: toA1(row, nameCol) }, { name: nameRaw.trim() }));
        continue;
    }
    params.cells[nameRaw.trim()] = ref;
  }
  return params;
}
