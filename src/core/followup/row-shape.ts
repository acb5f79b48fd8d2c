/**
 * The fields of a keyed row of a follow-up tab, and what rows with the same fields have in common
 * (RowShape): a block of thousands of verksamheter makes its descriptor's fields part, number
 * formats and shared R1C1 formula cells once, and each row only its own cells.
 */
import type { SpecCell, SpecValue } from '../workbook/sheet-spec';
import type { StyleName } from '../workbook/styles';
import { COLUMN_WIDTHS, FIELDS } from './layout';
import { encodeFields, type RowFields, type RowKey } from './row-keys';

export type FieldKind = 'input' | 'formula' | 'constant';

export interface FieldCell {
  field: string;
  col: number;
  kind: FieldKind;
  /** Formula ("=…") of a formula field. */
  formula?: string;
  /**
   * Or the formula in R1C1 notation (relative to its cell): the same for every row of a block, so
   * all rows sharing this fields list share one cell object.
   */
  formulaR1C1?: string;
  /**
   * Value of a constant, or the default of an input (used when nothing was typed before), or a
   * formula's result as the core computed it (its cached value, SpecCell.value).
   */
  value?: SpecValue;
  numberFormat?: string;
  /** Style of a constant or formula (inputs are always `input`). */
  style?: StyleName;
  /** Merge the cell through this column (inclusive). */
  mergeTo?: number;
}

/**
 * The last descriptor made for a row that recurs on many tabs, with the encoded fields it was
 * made for: a verksamhet's row has the same fields on several reports' tabs.
 */
export interface DescriptorMemo {
  encoded?: string;
  descriptor?: string;
}

export interface KeyedRow {
  key: RowKey;
  /** Column B: the row's text. */
  label?: SpecCell | null;
  fields: readonly FieldCell[];
  /**
   * The shape of these fields when the caller made it once for a block of rows that differ only
   * in values and A1 formulas (saves working it out per row).
   */
  shape?: RowShape;
  /** Other cells by column (criteria, notes), within the tab's columns A..J. */
  extra?: Record<number, SpecCell>;
  /**
   * The row's own cells of fields whose content differs from row to row (a constant or an A1
   * formula naming the row's source, an input's default), by column: made with ownCells and
   * RowShape.put, so rows can share the shape's fields list and its prepared row. Typed values
   * still win.
   */
  own?: OwnCells;
  /** For a "Borttagna rader" row: the key and field its value came from. */
  removed?: { key: RowKey; field: string };
  /**
   * Where to remember the descriptor of this key, for a row that recurs on many tabs (the
   * verksamheter of each report): one descriptor text for all tabs with the same fields.
   */
  descriptorMemo?: DescriptorMemo;
}

/** A row's own cells by column (KeyedRow.own); columns it does not have are left undefined. */
export type OwnCells = (SpecCell | undefined)[];

/** An empty set of a row's own cells, as wide as the tab. */
export function ownCells(): OwnCells {
  return new Array<SpecCell | undefined>(COLUMN_WIDTHS.length);
}

/** A row of a block of rows with one shape (TabBuilder.keyedBlock): what differs from row to row. */
export type BlockRow = Pick<KeyedRow, 'key' | 'label' | 'extra' | 'descriptorMemo' | 'own'>;

/**
 * What rows with the same fields have in common: the descriptor's fields part, each field's
 * number format, and the one shared cell of each R1C1 formula field. A block of many rows makes
 * its shape once (new RowShape(fields)) and passes it with each row (KeyedRow.shape).
 */
export class RowShape {
  /** encodeFields of the fields. */
  readonly encoded: string;
  /** Number format of each field, by index. */
  readonly numberFormats: (string | undefined)[];
  /** The one cell of each R1C1 formula field, by index. */
  readonly sharedCells: (SpecCell | undefined)[];
  /** Merged fields: [first column, last column]. */
  readonly merges: [number, number][];
  /** The fields' cells with nothing typed (TabBuilder.keyed), made on first use. */
  blankRow?: readonly (SpecCell | null | undefined)[];
  private readonly indexOfField = new Map<string, number>();

  constructor(readonly fields: readonly FieldCell[]) {
    const rowFields: RowFields = { inputs: {}, formulas: {}, constants: {} };
    for (const f of fields) (f.kind === 'input' ? rowFields.inputs : f.kind === 'formula' ? rowFields.formulas : rowFields.constants)[f.field] = f.col;
    this.encoded = encodeFields(rowFields);
    this.merges = fields.filter((f) => f.mergeTo !== undefined && f.mergeTo > f.col).map((f) => [f.col, f.mergeTo!]);
    this.numberFormats = fields.map((f) => f.numberFormat ?? FIELDS[f.field]?.numberFormat);
    this.sharedCells = fields.map((f, i): SpecCell | undefined => {
      if (f.kind !== 'formula' || f.formulaR1C1 === undefined) return undefined;
      const cell: SpecCell = { formulaR1C1: f.formulaR1C1, style: f.style ?? 'computed' };
      if (this.numberFormats[i]) cell.numberFormat = this.numberFormats[i];
      return Object.freeze(cell);
    });
    fields.forEach((f, i) => this.indexOfField.set(f.field, i));
  }

  /**
   * The cell of the i-th field holding this value (a constant's, or an input's) or A1 formula,
   * styled as the field: what a row of this shape has there. `field` is the row's own copy of the
   * field when it has one (same kind and column, its own value and formula).
   */
  cellAt(i: number, value: SpecValue, formula?: string, field: FieldCell = this.fields[i]): SpecCell {
    const numberFormat = this.numberFormats[i];
    if (field.kind === 'input') {
      return numberFormat ? { value, style: 'input', numberFormat } : { value, style: 'input' };
    }
    const style = field.style ?? 'computed';
    if (field.kind === 'formula') {
      const shared = this.sharedCells[i];
      if (shared) return field.value === undefined || field.value === null ? shared : { ...shared, value: field.value };
      const text = formula ?? field.formula ?? '=0';
      const cached = field.value;
      if (cached !== undefined && cached !== null) return numberFormat ? { formula: text, style, numberFormat, value: cached } : { formula: text, style, value: cached };
      return numberFormat ? { formula: text, style, numberFormat } : { formula: text, style };
    }
    return numberFormat ? { value, style, numberFormat } : { value, style };
  }

  /** Puts a field's own value (a constant from the source row, an input's default) into a row's own cells (ownCells). */
  put(own: OwnCells, field: string, value: SpecValue): OwnCells {
    const i = this.index(field);
    own[this.fields[i].col] = this.cellAt(i, value);
    return own;
  }

  /**
   * Puts a formula field's cell with the core's figure as its cached result (SpecCell.value) into a
   * row's own cells: the shape's shared formula, one cell object for this row.
   */
  putCached(own: OwnCells, field: string, value: SpecValue): OwnCells {
    const i = this.index(field);
    const base = this.sharedCells[i] ?? this.cellAt(i, null);
    own[this.fields[i].col] = { ...base, value };
    return own;
  }

  /** Puts a formula field's own A1 formula (one naming the row's source) into a row's own cells. */
  putFormula(own: OwnCells, field: string, formula: string): OwnCells {
    const i = this.index(field);
    own[this.fields[i].col] = this.cellAt(i, null, formula);
    return own;
  }

  private index(field: string): number {
    const i = this.indexOfField.get(field);
    if (i === undefined) throw new RangeError(`row shape: no field ${field}`);
    return i;
  }
}

/** What decides a shape (TabBuilder shares one RowShape per signature): rows whose fields agree on these share one (values and A1 formulas may differ). */
export function shapeSignature(fields: readonly FieldCell[]): string {
  let signature = '';
  for (const f of fields) signature += `${f.kind}\u0001${f.field}\u0001${f.col}\u0001${f.numberFormat ?? ''}\u0001${f.formulaR1C1 ?? ''}\u0001${f.style ?? ''}\u0002`;
  return signature;
}
