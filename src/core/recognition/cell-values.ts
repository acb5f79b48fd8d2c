/**
 * Reading one cell of a known kind: the value, or a finding value saying why it cannot be used.
 * The one place that decides what counts as a number, a number stored as text, a period, Ja/Nej.
 */
import { CellError, type RawValue } from '../workbook/raw';
import { parseNumberText } from '../text/numbers';

export type NumberReading =
  | { kind: 'number'; value: number }
  | { kind: 'empty' }
  | { kind: 'error'; code: string }
  | { kind: 'text-number'; value: number; text: string }
  | { kind: 'text'; text: string };

/** A numeric cell as read. Booleans are text for this purpose (TRUE is not an amount). */
export function readNumber(value: RawValue): NumberReading {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'text', text: String(value) };
  }
  if (value === null) return { kind: 'empty' };
  if (value instanceof CellError) return { kind: 'error', code: value.code };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'SANT' : 'FALSKT' };
  const text = value;
  if (text.trim().length === 0) return { kind: 'empty' };
  const parsed = parseNumberText(text);
  if (parsed) return { kind: 'text-number', value: parsed.value, text };
  return { kind: 'text', text };
}

/** A text cell as read: trimmed, numbers turned into their text, errors and empties to "". */
export function readText(value: RawValue): string {
  if (value === null || value instanceof CellError) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return value ? 'SANT' : 'FALSKT';
}

/** Ja/Nej (also Yes/No, true/false, x) → boolean; null when empty or unrecognisable. */
export function readYesNo(value: RawValue): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = readText(value).toLocaleLowerCase('sv-SE');
  if (['ja', 'j', 'yes', 'y', 'x', 'sant', 'true', '1'].includes(text)) return true;
  if (['nej', 'n', 'no', 'falskt', 'false', '0'].includes(text)) return false;
  return null;
}

/** Excel date serial (1900 system) → "YYYY-MM-DD". */
export function serialToIsoDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return d.toISOString().slice(0, 10);
}

/**
 * A period cell ("2027-04", "2027-04-30", "202704", "april 2027" is not accepted, or a date serial)
 * → "YYYY-MM"; "" when unreadable.
 */
export function readPeriod(value: RawValue): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value >= 190001 && value <= 209912 && Number.isInteger(value)) {
      const month = value % 100;
      if (month >= 1 && month <= 12) return `${Math.floor(value / 100)}-${String(month).padStart(2, '0')}`;
    }
    if (value > 0 && value < 2958466) return serialToIsoDate(value).slice(0, 7);
    return '';
  }
  const text = readText(value);
  const match = /^(\d{4})[-/.]?(\d{1,2})(?:[-/.]\d{1,2})?(?:[T ].*)?$/.exec(text);
  if (!match) return '';
  const month = Number(match[2]);
  if (month < 1 || month > 12) return '';
  return `${match[1]}-${String(month).padStart(2, '0')}`;
}

/** A date cell → "YYYY-MM-DD"; "" when empty or unreadable. */
export function readDate(value: RawValue): string {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 2958466) return serialToIsoDate(value);
  const text = readText(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : '';
}
