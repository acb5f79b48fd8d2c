/**
 * The rows of `Parametrar` as Budgetkoll writes them, and how each parameter's value cell is
 * formatted and validated. Percentages are written as plain numbers (2,8 means 2,8 %), which the
 * format reads as percent (docs/arbetsbokens-format.md).
 */
import { NUMBER_FORMATS } from '../workbook/styles';
import type { ValidationRule } from './input-layout';

export interface ParameterValues {
  year: number;
  kommun?: string;
  /** Price level of the unit costs (default: the budget year). */
  priceLevel?: number;
  /** Indexation in percent for Y1..Y3 (default 0). */
  indexation?: [number, number, number];
  financialTarget?: number;
  tolerance?: number;
  correction?: 'Permanent' | 'Permanent och retroaktiv';
  model?: 'Delta' | 'Nivå';
}

export const CORRECTION_VALUES = ['Permanent', 'Permanent och retroaktiv'] as const;
export const MODEL_VALUES = ['Delta', 'Nivå'] as const;

/** Parameter rows (name, value); Kommun is left empty for the user when not given. */
export function parameterRows(values: ParameterValues): [string, string | number | null][] {
  const { year } = values;
  const indexation = values.indexation ?? [0, 0, 0];
  return [
    ['Kommun', values.kommun ?? null],
    ['Budgetår', year],
    ['Prisnivå', values.priceLevel ?? year],
    [`Uppräkning ${year}`, indexation[0]],
    [`Uppräkning ${year + 1}`, indexation[1]],
    [`Uppräkning ${year + 2}`, indexation[2]],
    ['Finansiellt mål', values.financialTarget ?? 2],
    ['Tolerans', values.tolerance ?? 0.5],
    ['Korrigering', values.correction ?? 'Permanent'],
    ['Modell', values.model ?? 'Delta'],
  ];
}

export interface ParameterCellFormat {
  numberFormat?: string;
  validation?: ValidationRule;
}

const YEAR_RULE: ValidationRule = { kind: 'wholeNumber', min: 2000, max: 2100, errorMessage: 'Skriv ett årtal, t.ex. 2027.' };

/** Number format and validation of a parameter's value cell, chosen by the parameter's name. */
export function parameterCellFormat(name: unknown): ParameterCellFormat {
  if (typeof name !== 'string') return {};
  const n = name.trim().toLocaleLowerCase('sv-SE');
  if (n === 'budgetår' || n === 'prisnivå') return { numberFormat: NUMBER_FORMATS.integer, validation: YEAR_RULE };
  if (n.startsWith('uppräkning')) {
    return {
      numberFormat: NUMBER_FORMATS.decimal1,
      validation: { kind: 'decimal', min: -20, max: 20, errorMessage: 'Skriv uppräkningen i procent, t.ex. 2,8.' },
    };
  }
  if (n === 'finansiellt mål') {
    return {
      numberFormat: NUMBER_FORMATS.decimal1,
      validation: { kind: 'decimal', min: -10, max: 20, errorMessage: 'Skriv målet i procent av skatteintäkter och generella statsbidrag, t.ex. 2.' },
    };
  }
  if (n === 'tolerans') {
    return {
      numberFormat: NUMBER_FORMATS.decimal1,
      validation: { kind: 'decimal', min: 0, max: 10000, errorMessage: 'Skriv toleransen i tkr, t.ex. 0,5.' },
    };
  }
  if (n === 'korrigering') {
    return { validation: { kind: 'list', list: [...CORRECTION_VALUES], errorMessage: `Välj ${CORRECTION_VALUES.join(' eller ')}.` } };
  }
  if (n === 'modell') {
    return { validation: { kind: 'list', list: [...MODEL_VALUES], errorMessage: `Välj ${MODEL_VALUES.join(' eller ')}.` } };
  }
  return {};
}
