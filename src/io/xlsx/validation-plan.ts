/**
 * A tab's data validations as both .xlsx writers put them in the file (write-sheet.ts through
 * ExcelJS, package/sheet-xml.ts as XML text): Excel's validation type, operator and formulae, the
 * error alert's texts within Excel's limits, and the hidden columns that hold the lists too long
 * for Excel's inline form. One plan, so the two writers cannot drift apart.
 */
import { rangeToA1, toAbsoluteA1 } from '../../core/a1';
import type { DataValidationSpec, SheetSpec } from '../../core/workbook/sheet-spec';
import { defaultValidationMessage, inlineListFormula, specWidth } from '../../core/workbook/sheet-spec';
import { specRange } from './spec-range';

/** Excel "repairs" (damages) a file whose error alert is longer than these. */
const MAX_VALIDATION_MESSAGE = 225;
const MAX_VALIDATION_TITLE = 32;
const VALIDATION_TITLE = 'Budgetkoll'.slice(0, MAX_VALIDATION_TITLE);
/** The bounds of a number validation without bounds: Excel needs an operator and a formula. */
const UNBOUNDED = 1e15;

export interface PlannedValidation {
  sqref: string;
  type: 'list' | 'whole' | 'decimal' | 'date';
  /** For numbers and dates; 'between' is Excel's default and takes two formulae. */
  operator?: 'between' | 'greaterThanOrEqual' | 'lessThanOrEqual';
  /** The list's source (inline "\"a,b\"" or an absolute range), or the bounds; dates as Excel serials. */
  formulae: (string | number)[];
  errorTitle: string;
  error: string;
}

/** A hidden column (0-based) holding a list's values from row 1 down. */
export interface ListColumn {
  col: number;
  items: readonly string[];
}

export interface ValidationPlan {
  validations: PlannedValidation[];
  listColumns: ListColumn[];
}

function bounds(v: DataValidationSpec, convert: (n: number) => number): Pick<PlannedValidation, 'operator' | 'formulae'> {
  if (v.min !== undefined && v.max !== undefined) return { operator: 'between', formulae: [convert(v.min), convert(v.max)] };
  if (v.min !== undefined) return { operator: 'greaterThanOrEqual', formulae: [convert(v.min)] };
  if (v.max !== undefined) return { operator: 'lessThanOrEqual', formulae: [convert(v.max)] };
  return { operator: 'between', formulae: [convert(-UNBOUNDED), convert(UNBOUNDED)] };
}

const identity = (n: number) => n;

export function planValidations(spec: SheetSpec): ValidationPlan {
  // Lists that do not fit Excel's inline form go into hidden columns, one empty column right of the content.
  let nextListColumn = specWidth(spec) + 1;
  const validations: PlannedValidation[] = [];
  const listColumns: ListColumn[] = [];
  for (const v of spec.validations) {
    const common = {
      sqref: rangeToA1(specRange(v.range, 'validation')),
      errorTitle: VALIDATION_TITLE,
      error: (v.errorMessage ?? defaultValidationMessage(v)).slice(0, MAX_VALIDATION_MESSAGE),
    };
    switch (v.kind) {
      case 'list': {
        const items = v.list ?? [];
        if (items.length === 0) throw new Error(`list validation without values: ${v.range}`);
        const inline = inlineListFormula(items);
        if (inline !== null) {
          validations.push({ ...common, type: 'list', formulae: [inline] });
        } else {
          const col = nextListColumn++;
          listColumns.push({ col, items });
          validations.push({ ...common, type: 'list', formulae: [`${toAbsoluteA1(0, col)}:${toAbsoluteA1(items.length - 1, col)}`] });
        }
        break;
      }
      case 'wholeNumber':
        validations.push({ ...common, type: 'whole', ...bounds(v, Math.round) });
        break;
      case 'decimal':
        validations.push({ ...common, type: 'decimal', ...bounds(v, identity) });
        break;
      case 'date':
        // Spec bounds are already Excel serials, which is what the file stores.
        validations.push({ ...common, type: 'date', ...bounds(v, identity) });
        break;
    }
  }
  return { validations, listColumns };
}
