/**
 * The column layout of an input tab as Budgetkoll writes it: headers straight from the catalogue
 * (year columns as "<prefix><year>"), and per column its number format, width and data validation.
 * The blank template and the sample workbook both build their tabs from this one layout.
 */
import { STATUS_VALUES, type ColumnKind, type InputDef } from '../inputs/catalogue';
import type { DataValidationSpec } from '../workbook/sheet-spec';
import { NUMBER_FORMATS } from '../workbook/styles';
import { excelSerial } from './excel-date';

export type ValidationRule = Omit<DataValidationSpec, 'range'>;

export interface ColumnLayout {
  /** Catalogue column key, or the year group's key for a year column. */
  key: string;
  /** The header cell text. */
  label: string;
  kind: ColumnKind;
  /** The absolute year of a year column. */
  year?: number;
  numberFormat?: string;
  /** Width in characters. */
  width: number;
  validation?: ValidationRule;
}

export const YES_NO = ['Ja', 'Nej'] as const;

const YES_NO_RULE: ValidationRule = { kind: 'list', list: [...YES_NO], errorMessage: 'Välj Ja eller Nej.' };
const STATUS_RULE: ValidationRule = {
  kind: 'list',
  list: [...STATUS_VALUES],
  errorMessage: `Välj en status i listan: ${STATUS_VALUES.join(', ')}.`,
};
const SCALE_RULE: ValidationRule = { kind: 'wholeNumber', min: 1, max: 4, errorMessage: 'Skriv ett heltal från 1 till 4.' };
const RISK_VALUE_RULE: ValidationRule = {
  kind: 'wholeNumber',
  min: 1,
  max: 16,
  errorMessage: 'Riskvärdet är sannolikhet × konsekvens: ett heltal från 1 till 16.',
};
const DATE_RULE: ValidationRule = {
  kind: 'date',
  min: excelSerial(2000, 1, 1),
  max: excelSerial(2099, 12, 31),
  errorMessage: 'Skriv ett datum, t.ex. 2027-06-30.',
};
const PERCENT_RULE: ValidationRule = { kind: 'decimal', min: 0, max: 100, errorMessage: 'Skriv procent som ett tal 0–100, t.ex. 5,2.' };
const NON_NEGATIVE_RULE: ValidationRule = { kind: 'decimal', min: 0, max: 1e12, errorMessage: 'Skriv ett tal som är 0 eller större.' };

/** Columns whose number format differs from their kind's default (input id + column key). */
const FORMAT_OVERRIDES: Record<string, string> = {
  'internkontrollplan.riskValue': NUMBER_FORMATS.integer,
  'nyckeltal.value': NUMBER_FORMATS.decimal1,
  'nyckeltal.similar': NUMBER_FORMATS.decimal1,
  'personal.employees': '#,##0',
  'personal.fte': NUMBER_FORMATS.decimal1,
};

/** Columns that need text wide enough to read without widening by hand. */
const WIDTH_OVERRIDES: Record<string, number> = {
  'parametrar.parameter': 24,
  'parametrar.value': 26,
  'driftbudget.description': 36,
  'ovrigaForandringar.description': 48,
  'ovrigaForandringar.type': 22,
  'finansiering.post': 40,
  'internkontrollplan.process': 24,
  'internkontrollplan.risk': 48,
  'internkontrollplan.control': 48,
  'internkontrollplan.responsible': 22,
  'internkontrollplan.timing': 16,
  'politiskaInriktningar.direction': 90,
  'uppdrag.recipient': 34,
  'uppdrag.assignment': 70,
  'uppdrag.decidedBy': 22,
  'nyckeltal.indicator': 60,
  'privataUtforare.contractor': 34,
  'privataUtforare.contractPeriod': 22,
  'privataUtforare.observations': 50,
  'volymer.measure': 26,
};

function formatFor(kind: ColumnKind): string | undefined {
  switch (kind) {
    case 'amount':
      return NUMBER_FORMATS.tkr;
    case 'unitCost':
      return NUMBER_FORMATS.kr;
    case 'number':
      return '#,##0';
    case 'percent':
      return NUMBER_FORMATS.decimal1;
    case 'period':
      // "2027-04" typed into a General cell becomes a date; text keeps what the user wrote.
      return NUMBER_FORMATS.text;
    case 'date':
      return NUMBER_FORMATS.date;
    case 'scale':
      return NUMBER_FORMATS.integer;
    default:
      return undefined;
  }
}

function validationFor(def: InputDef, key: string, kind: ColumnKind): ValidationRule | undefined {
  if (def.id === 'internkontrollplan' && key === 'riskValue') return RISK_VALUE_RULE;
  switch (kind) {
    case 'yesNo':
      return YES_NO_RULE;
    case 'status':
      return STATUS_RULE;
    case 'scale':
      return SCALE_RULE;
    case 'date':
      return DATE_RULE;
    case 'percent':
      return PERCENT_RULE;
    case 'unitCost':
      return NON_NEGATIVE_RULE;
    default:
      return undefined;
  }
}

function widthFor(def: InputDef, key: string, kind: ColumnKind, label: string): number {
  const override = WIDTH_OVERRIDES[`${def.id}.${key}`];
  if (override !== undefined) return override;
  let width: number;
  switch (kind) {
    case 'key':
      width = key === 'account' ? 10 : 32;
      break;
    case 'text':
      width = 30;
      break;
    case 'amount':
    case 'unitCost':
      width = 14;
      break;
    case 'period':
    case 'date':
      width = 12;
      break;
    default:
      width = 12;
  }
  // Header cells wrap, but a header much wider than its column reads badly.
  return Math.max(width, Math.min(label.length + 2, 24));
}

/** The columns of an input tab for budget year `year` (Y1), in the order the template writes them. */
export function inputColumns(def: InputDef, year: number): ColumnLayout[] {
  const columns: ColumnLayout[] = def.columns.map((col) => ({
    key: col.key,
    label: col.label,
    kind: col.kind,
    numberFormat: FORMAT_OVERRIDES[`${def.id}.${col.key}`] ?? formatFor(col.kind),
    width: widthFor(def, col.key, col.kind, col.label),
    validation: validationFor(def, col.key, col.kind),
  }));
  for (const group of def.yearGroups) {
    for (const offset of group.offsets) {
      const label = `${group.prefix}${year + offset}`;
      columns.push({
        key: group.key,
        label,
        kind: group.kind,
        year: year + offset,
        numberFormat: group.kind === 'amount' ? NUMBER_FORMATS.tkr : '#,##0',
        width: Math.max(12, label.length + 2),
        // Volumes cannot be negative (VOL-NEGATIVE); amounts can (revenues are negative).
        validation: group.kind === 'number' ? NON_NEGATIVE_RULE : undefined,
      });
    }
  }
  return columns;
}

/** The header texts of an input tab, exactly as the template writes them. */
export function inputHeaders(def: InputDef, year: number): string[] {
  return inputColumns(def, year).map((c) => c.label);
}

/**
 * The Excel table name of an input: its name without diacritics, spaces as underscores
 * ("Övriga förändringar" → "Ovriga_forandringar"); recognition matches it back by folding.
 */
export function inputTableName(def: InputDef): string {
  const folded = def.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Za-z_]/.test(folded) ? folded : `_${folded}`;
}

