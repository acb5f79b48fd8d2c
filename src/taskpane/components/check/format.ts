/**
 * Display helpers of the check section: amounts in tkr, places and cell values in the UI's
 * language (sv-SE: "1 234,5", en-GB: "1,234.5"). Swedish is what core uses in messages.
 */
import type { Finding, Severity } from '../../../core/findings';
import { LOCALES, type I18n, type Language } from '../../i18n';
import { roundTkr } from '../../format/tkr';
import { isWorkbookError } from '../../../core/workbook/port';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(LOCALES[language], options)));
  return format;
}

/** Kronor as tkr without the unit, under the pane's rounding rule (format/tkr.ts): "1 030", "0,4". */
export function tkrNumber(language: Language, kronor: number, signed = false): string {
  const { value, decimals } = roundTkr(kronor);
  return numberFormat(language, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    ...(signed ? { signDisplay: 'exceptZero' } : {}),
  }).format(value);
}

/** Kronor as tkr with the unit: "1 030 tkr", "+30 tkr". */
export function tkr(language: Language, kronor: number, signed = false): string {
  return `${tkrNumber(language, kronor, signed)} tkr`;
}

/** A share as percent: "2,9 %" / "2.9%". */
export function percent(language: Language, fraction: number, signed = false): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 1, ...(signed ? { signDisplay: 'exceptZero' } : {}) }).format(fraction);
}

/** "Driftbudget!E3": where a finding or an edit is, as Excel writes a reference (unquoted, for reading). */
export function place(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** A value a fix writes, for the confirmation list: numbers in the UI's format, text in quotes. */
export function cellValueText(i18n: I18n, value: number | string | boolean | null): string {
  if (value === null) return i18n.t('check.emptyValue');
  if (typeof value === 'number') return numberFormat(i18n.language, { maximumFractionDigits: 10 }).format(value);
  if (typeof value === 'boolean') return String(value).toUpperCase();
  return i18n.t('check.textValue', { text: value });
}

/** The finding's message in the UI's language. */
export function findingMessage(language: Language, finding: Finding): string {
  return language === 'en' ? finding.message_en : finding.message;
}

/** "kl. 14:05" / "14:05". */
export function timeOfDay(language: Language, date: Date): string {
  return new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit' }).format(date);
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** "2 fel", "1 varning" / "2 errors", "1 warning". */
export function countText(i18n: I18n, severity: Severity, count: number): string {
  return i18n.t(count === 1 ? `check.count.${severity}.one` : `check.count.${severity}.many`, { count });
}

/** A port error's own message in the UI's language; never the raw text of anything else. */
export function errorText(i18n: I18n, error: unknown): string {
  if (isWorkbookError(error)) return i18n.language === 'sv' ? error.message : error.messageEn;
  return i18n.t('check.unexpected');
}
