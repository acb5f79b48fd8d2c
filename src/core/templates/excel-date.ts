/** Excel date serials (1900 system) for dates Budgetkoll writes: validation bounds and sample dates. */

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A calendar date → the Excel serial number Excel stores for it. */
export function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_MS) / DAY_MS);
}

/** A period text "ÅÅÅÅ-MM" as the format writes it (not a date, so Excel keeps it as text). */
export function periodText(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}
