/**
 * Building a follow-up tab row by row: keyed rows write their descriptor into the key cell, take
 * their input values from the InputBook (what people typed before a refresh), and collect the
 * merges, validations and conditional formats of the spec. Rows are numbered in sheet coordinates:
 * row 0 is left free for the marker (fillMarkerRow), so nothing has to be shifted afterwards.
 */
import { columnLetters, toA1 } from '../a1';
import type { ChartSpec, ConditionalFormatSpec, DataValidationSpec, SheetSpec, SpecCell } from '../workbook/sheet-spec';
import type { StyleName } from '../workbook/styles';
import type { InputBook } from './input-book';
import { COL, COLUMN_WIDTHS } from './layout';
import { MergeRuns } from './merge-runs';
import { encodeWithFields, type RowKey } from './row-keys';
import { RowShape, shapeSignature, type BlockRow, type FieldCell, type KeyedRow, type OwnCells } from './row-shape';

/** Puts a row's own cells (KeyedRow.own) over its prepared cells. */
function overlay(row: (SpecCell | null | undefined)[], own: OwnCells): void {
  for (let c = 0; c < COLUMN_WIDTHS.length; c++) {
    const cell = own[c];
    if (cell !== undefined) row[c] = cell;
  }
}

export class TabBuilder {
  readonly rows: (SpecCell | null)[][] = [];
  private readonly merges = new MergeRuns();
  readonly validations: DataValidationSpec[] = [];
  readonly conditionalFormats: ConditionalFormatSpec[] = [];
  readonly charts: ChartSpec[] = [];
  private readonly shapes = new Map<string, RowShape>();

  constructor(readonly book: InputBook) {
    this.rows.push([]); // the marker row
  }

  /** 0-based sheet row of the next row pushed. */
  get next(): number {
    return this.rows.length;
  }

  /** Pushes a row given as column → cell; returns its sheet row. */
  push(cells: Record<number, SpecCell | null> = {}): number {
    const row: (SpecCell | null)[] = [];
    for (const col in cells) row[Number(col)] = cells[col];
    return this.pushRow(row);
  }

  /** Pushes a row given as an array by column (holes are empty cells); returns its sheet row. */
  pushRow(row: (SpecCell | null | undefined)[]): number {
    let width = 0;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === undefined) row[c] = null;
      else if (row[c] !== null) width = c + 1;
    }
    if (row.length > width) row.length = width; // no trailing empty cells
    this.rows.push(row as (SpecCell | null)[]);
    return this.rows.length - 1;
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

  /** Merges columns from..to of a row; the same span on consecutive rows makes one run (MergeRuns). */
  merge(row: number, from: number, to: number): void {
    this.merges.add(row, from, to);
  }

  /** The merges for the spec (MergeRuns.ranges). */
  mergeRanges(): Pick<SheetSpec, 'merges' | 'mergesAcross'> {
    return this.merges.ranges();
  }

  /** A keyed row: descriptor in column A, inputs filled from the book (or their defaults). */
  keyed(spec: KeyedRow): number {
    const at = this.next;
    const shape = spec.shape ?? this.shapeOf(spec.fields);
    const fields = spec.fields;
    // Rows with the shape's own fields start from one prepared row while nothing typed has to be put back.
    let row: (SpecCell | null | undefined)[];
    if (fields === shape.fields && this.book.isEmpty()) {
      row = (shape.blankRow ??= this.fieldRow(shape, fields, null)).slice();
      if (spec.own) overlay(row, spec.own);
    } else {
      row = this.fieldRow(shape, fields, spec.key, spec.own);
    }
    // Fields take precedence over the label, the label over the extra cells.
    if (spec.label && !row[COL.text]) row[COL.text] = spec.label;
    if (spec.extra) {
      for (let c = 0; c < COLUMN_WIDTHS.length; c++) {
        const cell = spec.extra[c];
        if (cell !== undefined && !row[c]) row[c] = cell;
      }
    }
    for (let m = 0; m < shape.merges.length; m++) this.merge(at, shape.merges[m][0], shape.merges[m][1]);
    row[COL.key] = { value: descriptorOf(spec, shape.encoded), style: 'marker' };
    return this.pushRow(row);
  }

  /**
   * Keyed rows of one shape, one per item, in consecutive rows from the next: an economy or
   * Åtgärder block of up to thousands of verksamheter. The rows start from the shape's prepared
   * row (its fields and shared formula cells, made once); merges of consecutive rows make one run.
   * Returns the first row.
   */
  keyedBlock(shape: RowShape, items: readonly BlockRow[]): number {
    const first = this.next;
    for (const item of items) this.keyed({ ...item, fields: shape.fields, shape });
    return first;
  }

  /**
   * A section's table of keyed rows: `text.empty` as a note when there are no items (returns
   * null), else the intro note, the header and the rows (returns the first row).
   */
  keyedTable(shape: RowShape, items: readonly BlockRow[], text: { empty: string; intro: string }, header: Record<number, string>, merges?: Record<number, number>): number | null {
    if (items.length === 0) {
      this.note(text.empty);
      this.blank();
      return null;
    }
    this.note(text.intro);
    this.header(header, merges);
    return this.keyedBlock(shape, items);
  }

  /**
   * The cells of a row's fields by column: the row's own cells where it has them, and inputs take
   * what was typed under `key` (none for null) before their defaults.
   */
  private fieldRow(shape: RowShape, fields: readonly FieldCell[], key: RowKey | null, own?: OwnCells): (SpecCell | null | undefined)[] {
    const row = new Array<SpecCell | null | undefined>(COLUMN_WIDTHS.length);
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const typed = key && f.kind === 'input' ? this.book.take(key, f.field) : undefined;
      const cell = typed !== undefined ? shape.cellAt(i, typed) : (own?.[f.col] ?? shape.cellAt(i, f.value ?? null, f.formula, f));
      row[f.col] = cell;
      // Every cell of a merge gets the style, so borders and fill cover the whole field.
      if (f.mergeTo !== undefined) for (let c = f.col + 1; c <= f.mergeTo; c++) row[c] = { style: cell.style ?? 'computed' };
    }
    return row;
  }

  /** The shape of a row's own fields list, shared with earlier rows of the same shape. */
  private shapeOf(fields: readonly FieldCell[]): RowShape {
    const signature = shapeSignature(fields);
    let shape = this.shapes.get(signature);
    if (!shape) this.shapes.set(signature, (shape = new RowShape(fields)));
    return shape;
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

  chart(chart: ChartSpec): void {
    this.charts.push(chart);
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

/** The descriptor of a row's key cell (remembered for a row that recurs on many tabs). */
function descriptorOf(spec: BlockRow & Pick<KeyedRow, 'removed'>, encodedFields: string): string {
  const memo = spec.removed ? undefined : spec.descriptorMemo;
  if (memo?.descriptor !== undefined && memo.encoded === encodedFields) return memo.descriptor;
  const descriptor = encodeWithFields(spec.key, encodedFields, spec.removed);
  if (memo) {
    memo.encoded = encodedFields;
    memo.descriptor = descriptor;
  }
  return descriptor;
}

/** The descriptor-free plain text cell. */
export const textCell = (value: string, style: StyleName = 'text'): SpecCell => ({ value, style });
