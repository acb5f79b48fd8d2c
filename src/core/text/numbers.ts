/**
 * Reading numbers that people typed as text ("1 234,5", "12 %", "−12", "1,234.5") and
 * formatting numbers the Swedish way. The one number parser of the project.
 */

export interface ParsedNumber {
  value: number;
  /** The text carried a percent sign: value is the fraction (12 % → 0.12). */
  percent: boolean;
}

// Spaces of every kind people and Excel use as thousands separators.
const GROUP_SPACES = /[\s\u00a0\u202f\u2009\u2007']/g;
const MINUS_SIGNS = /^[\u2212\u2013\u2012-]/;

/**
 * Parses a number written as text in Swedish or English notation. Returns null when the text is
 * not a number (then it is "other text", not a number stored as text).
 */
export function parseNumberText(raw: string): ParsedNumber | null {
  let text = raw.trim();
  if (text.length === 0 || text.length > 40) return null;
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  text = text.replace(/\s*(kr|tkr|mnkr|sek)\.?$/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (MINUS_SIGNS.test(text)) {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trim();
  }
  text = text.replace(GROUP_SPACES, '');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  let normalized: string;
  if (commas > 0 && dots > 0) {
    // The later separator is the decimal one: "1.234,5" (sv/de) or "1,234.5" (en).
    const decimalIsComma = text.lastIndexOf(',') > text.lastIndexOf('.');
    const group = decimalIsComma ? /\./g : /,/g;
    normalized = text.replace(group, '');
    if (decimalIsComma) normalized = normalized.replace(',', '.');
  } else if (commas > 1) {
    normalized = text.replace(/,/g, '');
  } else if (dots > 1) {
    normalized = text.replace(/\./g, '');
  } else if (commas === 1) {
    normalized = text.replace(',', '.');
  } else {
    normalized = text;
  }
  if (!/^\d*\.?\d*$/.test(normalized)) return null;
  const value = Number(normalized);
  if (!Number.isFinite(value)) return null;
  const signed = negative ? -value : value;
  return { value: percent ? signed / 100 : signed, percent };
}

const INTEGER_FORMAT = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const ONE_DECIMAL_FORMAT = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PERCENT_FORMAT = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });

/** Swedish number with space grouping and a proper minus: "1 234 567", "−12". */
export function formatNumberSv(value: number, decimals: 0 | 1 = 0): string {
  return (decimals === 0 ? INTEGER_FORMAT : ONE_DECIMAL_FORMAT).format(value);
}

/** Integer kronor shown as tkr: "612 340 tkr". */
export function formatTkr(kronor: number): string {
  const tkr = kronor / 1000;
  const decimals = Number.isInteger(tkr) ? 0 : 1;
  return `${formatNumberSv(tkr, decimals)} tkr`;
}

const MNKR_FORMAT = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 3 });

/**
 * Integer kronor in the unit of the cells a finding points at (an input layout's kronorPerUnit;
 * its sign, costs shown negative, does not matter here): "336,6 mnkr", "612 340 tkr", "1 234 kr".
 * A controller whose workbook is in mnkr reads mnkr.
 */
export function formatAmountIn(kronor: number, kronorPerUnit: number | undefined): string {
  const factor = Math.abs(kronorPerUnit ?? 1000);
  if (factor === 1) return `${formatNumberSv(kronor)} kr`;
  if (factor === 1_000_000) return `${MNKR_FORMAT.format(kronor / 1_000_000)} mnkr`;
  return formatTkr(kronor);
}

/** A fraction shown as a Swedish percentage: "12,5 %". */
export function formatPercentSv(fraction: number): string {
  return PERCENT_FORMAT.format(fraction);
}

/** Dates in ISO form as used in Sweden: 2027-08-31. */
export function formatDateSv(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
