/**
 * How the playground's grid shows a cell: Swedish number formatting (numbers.ts), percentages and
 * dates by the cell's number format, formulas as their text when the file has no cached result.
 */
import { CellError, type RawValue } from '../core/workbook/raw';
import { formatDateSv, formatNumberSv, formatPercentSv } from '../core/text/numbers';

const MANY_DECIMALS = new Map<number, Intl.NumberFormat>();

function formatWithDecimals(value: number, decimals: number): string {
  if (decimals <= 1) return formatNumberSv(value, decimals as 0 | 1);
  let format = MANY_DECIMALS.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    MANY_DECIMALS.set(decimals, format);
  }
  return format.format(value);
}

// Excel's General format shows no thousands grouping ("5010", an account number), only a decimal comma.
const GENERAL = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 4, useGrouping: false });
const GROUPED = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 4 });

/** The first section of a format code, without quoted text, escapes and colours. */
function mainSection(code: string): string {
  return code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const main = mainSection(code).toLowerCase();
  if (main === 'general' || main === '@') return false;
  return /[yd]/.test(main) || /m{3,}/.test(main) || /^m+[/-]/.test(main);
}

export function isPercentFormat(code: string | undefined): boolean {
  return !!code && mainSection(code).includes('%');
}

/** Decimals a number format shows ("#,##0.0" → 1), or null for General / no format. */
export function formatDecimals(code: string | undefined): number | null {
  if (!code) return null;
  const main = mainSection(code);
  if (main.toLowerCase() === 'general' || !/[0#]/.test(main)) return null;
  const dot = main.indexOf('.');
  if (dot < 0) return 0;
  return (main.slice(dot + 1).match(/[0#]/g) ?? []).length;
}

/** Excel serial date (1900 system) → the calendar date, as a local Date for formatDateSv. */
export function serialToDate(serial: number): Date {
  const utc = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** Thousands the format divides by: each comma right after the last digit placeholder ("#,##0," → 1). */
export function formatScale(code: string | undefined): number {
  if (!code) return 0;
  const match = /[0#?](,+)[^0#?]*$/.exec(mainSection(code));
  return match ? match[1].length : 0;
}

/** True when the format groups thousands (a comma between digit placeholders). */
function groups(code: string): boolean {
  return /[0#?],[0#?]/.test(mainSection(code));
}

/**
 * Text shown in a grid cell. With a number format: as Excel shows it in Swedish (General without
 * grouping, "#,##0" with space grouping, decimals as the format says); without one, grouped.
 */
export function displayValue(value: RawValue, numberFormat?: string, formula?: string): string {
  if (value === null || value === '') return formula ?? '';
  if (value instanceof CellError) return value.code;
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (isPercentFormat(numberFormat)) return formatPercentSv(value);
  if (isDateFormat(numberFormat) && value > 0 && value < 2_958_466) return formatDateSv(serialToDate(value));
  if (numberFormat !== undefined && formatDecimals(numberFormat) === null) return GENERAL.format(value);
  const decimals = formatDecimals(numberFormat);
  const scale = formatScale(numberFormat);
  if (scale > 0) value = value / 1000 ** scale;
  if (decimals !== null && !groups(numberFormat ?? '')) {
    return new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false })
      .format(value);
  }
  if (decimals !== null) return formatWithDecimals(value, Math.min(decimals, 6));
  // No format known: group thousands, the usual Swedish way of writing amounts.
  return Number.isInteger(value) ? formatNumberSv(value) : GROUPED.format(value);
}

/**
 * What the formula bar shows, as Excel does: the formula, else the value as typed — numbers
 * without grouping (percentages and dates as shown in the cell).
 */
export function formulaBarText(value: RawValue, numberFormat?: string, formula?: string): string {
  if (formula) return formula;
  if (typeof value === 'number' && Number.isFinite(value) && !isPercentFormat(numberFormat) && !isDateFormat(numberFormat)) {
    return GENERAL.format(value);
  }
  return displayValue(value, numberFormat);
}

/** True when the grid should right-align the cell (numbers, as Excel does). */
export function isNumeric(value: RawValue): boolean {
  return typeof value === 'number';
}
