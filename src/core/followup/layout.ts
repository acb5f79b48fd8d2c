/**
 * The column grid every follow-up tab shares (one set of column widths serves all sections):
 * A key cell · B the row's text · C–H six number columns · I a wide text column · J the SUMIFS
 * criteria. Long texts sit in B and I, which are never merged, so Excel and LibreOffice grow the
 * row to fit wrapped text. Also the field names with their Swedish labels and number formats.
 */
import { NUMBER_FORMATS } from '../workbook/styles';

export const COL = {
  key: 0,
  text: 1,
  c: 2,
  d: 3,
  e: 4,
  f: 5,
  g: 6,
  h: 7,
  wide: 8,
  criterion: 9,
} as const;

/** Widths in characters, A..J. */
export const COLUMN_WIDTHS = [2.5, 44, 15, 15, 15, 15, 15, 15, 42, 2.5];

export const FORMATS = {
  tkr: NUMBER_FORMATS.tkr,
  percent: NUMBER_FORMATS.percent1,
  count: '#,##0',
  decimal: NUMBER_FORMATS.decimal1,
  kr: NUMBER_FORMATS.kr,
  text: NUMBER_FORMATS.text,
} as const;

/** Header block status values (the tab's own workflow, not the section statuses). */
export const TAB_STATUS_VALUES = ['Utkast', 'Klar för inlämning'] as const;
export const YES_NO_VALUES = ['Ja', 'Nej'] as const;

export interface FieldInfo {
  /** Swedish label, as in the section's header row. */
  label: string;
  numberFormat?: string;
}

/** Every field a row may have, by name. */
export const FIELDS: Readonly<Record<string, FieldInfo>> = {
  status: { label: 'Status' },
  periodEnd: { label: 'Period t.o.m.' },
  text: { label: 'Text' },
  budget: { label: 'Budget helår', numberFormat: FORMATS.tkr },
  budgetToDate: { label: 'Budget t.o.m. period', numberFormat: FORMATS.tkr },
  actual: { label: 'Utfall', numberFormat: FORMATS.tkr },
  diffToDate: { label: 'Avvikelse t.o.m. period', numberFormat: FORMATS.tkr },
  forecast: { label: 'Prognos helår', numberFormat: FORMATS.tkr },
  diffYear: { label: 'Avvikelse helår', numberFormat: FORMATS.tkr },
  diff: { label: 'Avvikelse', numberFormat: FORMATS.tkr },
  comment: { label: 'Kommentar' },
  deviation: { label: 'Avvikelse helår', numberFormat: FORMATS.tkr },
  effect: { label: 'Effekt (tkr)', numberFormat: FORMATS.tkr },
  decidedBy: { label: 'Beslutad av' },
  schedule: { label: 'Tidplan' },
  measure: { label: 'Åtgärd' },
  done: { label: 'Genomförd' },
  deviations: { label: 'Avvikelser' },
  measures: { label: 'Åtgärder' },
  women: { label: 'Kvinnor' },
  men: { label: 'Män' },
  total: { label: 'Totalt' },
  value: { label: 'Vårt utfall', numberFormat: FORMATS.decimal },
  similar: { label: 'Liknande kommuner', numberFormat: FORMATS.decimal },
  comparison: { label: 'Jämförelse' },
  netCost: { label: 'Nettokostnad (kr/inv)', numberFormat: FORMATS.kr },
  referenceCost: { label: 'Referenskostnad (kr/inv)', numberFormat: FORMATS.kr },
  costDeviation: { label: 'Nettokostnadsavvikelse', numberFormat: FORMATS.percent },
  quadrant: { label: 'Kvadrant' },
  share: { label: 'Andel', numberFormat: FORMATS.percent },
  count: { label: 'Antal', numberFormat: FORMATS.count },
  cost: { label: 'Kostnad (tkr)', numberFormat: FORMATS.tkr },
  followedUp: { label: 'Uppföljning genomförd' },
  observations: { label: 'Iakttagelser' },
  amount: { label: 'Belopp (tkr)', numberFormat: FORMATS.tkr },
  fulfilled: { label: 'Balanskravet uppfyllt' },
  riskValue: { label: 'Riskvärde', numberFormat: NUMBER_FORMATS.integer },
  contractPeriod: { label: 'Avtalsperiod' },
  dueDate: { label: 'Slutdatum' },
  lowCost: { label: 'Kostnad ≤ referens', numberFormat: FORMATS.count },
  highCost: { label: 'Kostnad > referens', numberFormat: FORMATS.count },
};

export function fieldLabel(field: string): string {
  return FIELDS[field]?.label ?? field;
}
