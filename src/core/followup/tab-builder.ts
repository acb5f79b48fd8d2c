/**
 * Building a follow-up tab row by row: keyed rows write their descriptor into the key cell, take
 * their input values from the InputBook (what people typed before a refresh), and collect the
 * merges, validations and conditional formats of the spec. Rows are numbered in sheet coordinates:
 * row 0 is left free for the marker (fillMarkerRow), so nothing has to be shifted afterwards.
 */
import { columnLetters, toA1 } from '../a1';
import type { ConditionalFormatSpec, DataValidationSpec, SpecCell, SpecValue } from '../workbook/sheet-spec';
import type { StyleName } from '../workbook/styles';
import type { FilledTabInputs, TypedInput } from './filled';
import { COL, FIELDS } from './layout';
import { encodeDescriptor, keyId, type RowFields, type RowKey } from './row-keys';

/** Typed values of an earlier version of the tab, handed out by key and field. */
export class InputBook {
  private readonly byField = new Map<string, TypedInput[]>();
  private readonly consumed = new Set<TypedInput>();

  constructor(previous?: FilledTabInputs) {
    for (const input of previous?.values ?? []) {
      const id = InputBook.id(input.key, input.field);
      const list = this.byField.get(id);
      if (list) list.push(input);
      else this.byField.set(id, [input]);
    }
  }

  private static id(key: RowKey, field: string): string {
    return `${keyId(key)}\u0001${field}`;
  }

  /**
   * The value typed for this key and field, if any: a live row's value first, else one kept in
   * "Borttagna rader". Copies with the same value are used up with it (nothing is lost).
   */
  take(key: RowKey, field: string): SpecValue | undefined {
    const list = this.byField.get(InputBook.id(key, field));
    if (!list) return undefined;
    const open = list.filter((v) => !this.consumed.has(v));
    const chosen = open.find((v) => v.origin === 'row') ?? open[0];
    if (!chosen) return undefined;
    this.consumed.add(chosen);
    for (const v of open) if (v !== chosen && v.origin === 'removed' && sameValue(v.value, chosen.value)) this.consumed.add(v);
    return chosen.value;
  }

  /** Typed values no row took: they go to "Borttagna rader". */
  leftovers(): TypedInput[] {
    const out: TypedInput[] = [];
    for (const list of this.byField.values()) for (const v of list) if (!this.consumed.has(v)) out.push(v);
    return out;
  }
}

function sameValue(a: SpecValue, b: SpecValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

export type FieldKind = 'input' | 'formula' | 'constant';

export interface FieldCell {
  field: string;
  col: number;
  kind: FieldKind;
  /** Formula ("=…") of a formula field. */
  formula?: string;
  /** Value of a constant, or the default of an input (used when nothing was typed before). */
  value?: SpecValue;
  numberFormat?: string;
  /** Style of a constant or formula (inputs are always `input`). */
  style?: StyleName;
  /** Merge the cell through this column (inclusive). */
  mergeTo?: number;
}

export interface KeyedRow {
  key: RowKey;
  /** Column B: the row's text. */
  label?: SpecCell | null;
  fields: FieldCell[];
  /** Other cells by column (criteria, notes). */
  extra?: Record<number, SpecCell>;
  /** For a "Borttagna rader" row: the key and field its value came from. */
  removed?: { key: RowKey; field: string };
}

export class TabBuilder {
  readonly rows: (SpecCell | null)[][] = [];
  readonly merges: string[] = [];
  readonly validations: DataValidationSpec[] = [];
  readonly conditionalFormats: ConditionalFormatSpec[] = [];

  constructor(readonly book: InputBook) {
    this.rows.push([]); // the marker row
  }

  /** 0-based sheet row of the next row pushed. */
  get next(): number {
    return this.rows.length;
  }

  /** Pushes a row given as column → cell; returns its sheet row. */
  push(cells: Record<number, SpecCell | null> = {}): number {
    const at = this.next;
    const cols = Object.keys(cells).map(Number);
    const width = cols.length === 0 ? 0 : Math.max(...cols) + 1;
    const row: (SpecCell | null)[] = new Array<SpecCell | null>(width).fill(null);
    for (const c of cols) row[c] = cells[c];
    this.rows.push(row);
    return at;
  }

  blank(): number {
    return this.push();
  }

  heading(text: string): number {
    return this.push({ [COL.text]: { value: text, style: 'heading' } });
  }

  /** A one-line explanation (runs on across the empty cells to its right). */
  note(text: string): number {
    return this.push({ [COL.text]: { value: text, style: 'subtitle' } });
  }

  /**
   * A header: labels by column, merged where asked (col → last col). A label with a line break
   * ("Budget\nhelår") takes two header rows, since a spreadsheet need not grow a row to fit
   * wrapped text (LibreOffice does not). The band covers B..I whatever the labels.
   * Returns the last header row.
   */
  header(labels: Record<number, string>, merges: Record<number, number> = {}): number {
    const split = Object.entries(labels).map(([col, label]) => [Number(col), label.split('\n')] as const);
    const lines = Math.max(1, ...split.map(([, parts]) => parts.length));
    let at = -1;
    for (let line = 0; line < lines; line++) {
      const cells: Record<number, SpecCell> = {};
      for (let c = COL.text; c <= COL.wide; c++) cells[c] = { style: 'header' };
      for (const [col, parts] of split) {
        // Short labels sit on the last line, next to the second line of the long ones.
        const part = parts[line - (lines - parts.length)];
        if (part !== undefined) cells[col] = { value: part, style: 'header' };
      }
      at = this.push(cells);
      for (const [from, to] of Object.entries(merges)) this.merge(at, Number(from), to);
    }
    return at;
  }

  merge(row: number, from: number, to: number): void {
    if (to > from) this.merges.push(`${toA1(row, from)}:${toA1(row, to)}`);
  }

  /** A keyed row: descriptor in column A, inputs filled from the book (or their defaults). */
  keyed(spec: KeyedRow): number {
    const at = this.next;
    const fields: RowFields = { inputs: {}, formulas: {}, constants: {} };
    // Extra cells first: fields and the label take precedence where they overlap.
    const cells: Record<number, SpecCell | null> = { ...spec.extra };
    if (spec.label) cells[COL.text] = spec.label;
    for (const f of spec.fields) {
      const numberFormat = f.numberFormat ?? FIELDS[f.field]?.numberFormat;
      let cell: SpecCell;
      if (f.kind === 'input') {
        fields.inputs[f.field] = f.col;
        const typed = this.book.take(spec.key, f.field);
        const value = typed !== undefined ? typed : (f.value ?? null);
        cell = { value, style: 'input' };
      } else if (f.kind === 'formula') {
        fields.formulas[f.field] = f.col;
        cell = { formula: f.formula ?? '=0', style: f.style ?? 'computed' };
      } else {
        fields.constants[f.field] = f.col;
        cell = { value: f.value ?? null, style: f.style ?? 'computed' };
      }
      if (numberFormat) cell.numberFormat = numberFormat;
      cells[f.col] = cell;
      if (f.mergeTo !== undefined && f.mergeTo > f.col) {
        // Every cell of a merge gets the style, so borders and fill cover the whole field.
        for (let c = f.col + 1; c <= f.mergeTo; c++) cells[c] = { style: cell.style };
        this.merge(at, f.col, f.mergeTo);
      }
    }
    cells[COL.key] = { value: encodeDescriptor({ key: spec.key, fields, removed: spec.removed }), style: 'marker' };
    return this.push(cells);
  }

  /** A validation over one column of a block of rows. */
  validate(col: number, first: number, last: number, rule: Omit<DataValidationSpec, 'range'>): void {
    if (last < first) return;
    const letters = columnLetters(col);
    const range = first === last ? `${letters}${first + 1}` : `${letters}${first + 1}:${letters}${last + 1}`;
    this.validations.push({ ...rule, range });
  }

  /** A validation over a list of single cells (rows need not be adjacent). */
  validateCells(cells: { row: number; col: number }[], rule: Omit<DataValidationSpec, 'range'>): void {
    for (const { row, col } of cells) this.validations.push({ ...rule, range: toA1(row, col) });
  }

  /** A conditional format over a block; `formula` is written for the block's top-left cell. */
  flag(range: { top: number; left: number; bottom: number; right: number }, formula: string): void {
    if (range.bottom < range.top) return;
    this.conditionalFormats.push({
      range: `${toA1(range.top, range.left)}:${toA1(range.bottom, range.right)}`,
      formula,
      style: 'warning',
    });
  }
}

/** The descriptor-free plain text cell. */
export const textCell = (value: string, style: StyleName = 'text'): SpecCell => ({ value, style });
