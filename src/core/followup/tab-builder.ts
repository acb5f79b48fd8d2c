/**
 * Building a follow-up tab row by row: keyed rows write their descriptor into the key cell, take
 * their input values from the InputBook (what people typed before a refresh), and collect the
 * merges, validations and conditional formats of the spec. Rows are numbered in sheet coordinates:
 * row 0 is left free for the marker (fillMarkerRow), so nothing has to be shifted afterwards.
 */
import { columnLetters, rangeToA1, toA1, type RangePosition } from '../a1';
import type { ChartSpec, ConditionalFormatSpec, DataValidationSpec, RowBlock, SheetSpec, SpecCell, SpecValue } from '../workbook/sheet-spec';
import type { StyleName } from '../workbook/styles';
import type { FilledTabInputs, TypedInput } from './filled';
import { COL, COLUMN_WIDTHS, FIELDS } from './layout';
import { encodeFields, encodeWithFields, keyId, type RowFields, type RowKey } from './row-keys';

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

  /** True when nothing was typed before (a first build). */
  isEmpty(): boolean {
    return this.byField.size === 0;
  }

  /**
   * The value typed for this key and field, if any: a live row's value first, else one kept in
   * "Borttagna rader". Copies with the same value are used up with it (nothing is lost).
   */
  take(key: RowKey, field: string): SpecValue | undefined {
    if (this.isEmpty()) return undefined;
    const list = this.byField.get(InputBook.id(key, field));
    if (!list) return undefined;
    const open = list.filter((v) => !this.consumed.has(v));
    const chosen = open.find((v) => v.origin === 'row') ?? open[0];
    if (!chosen) return undefined;
    this.consumed.add(chosen);
    for (const v of open) if (v !== chosen && v.origin === 'removed' && sameValue(v.value, chosen.value)) this.consumed.add(v);
    return chosen.value;
  }

  /**
   * The value take() would hand out for this key and field, without using it up: a builder needs
   * it to compute the cached results of formulas over the typed cell before the row is made.
   */
  peek(key: RowKey, field: string): SpecValue | undefined {
    if (this.isEmpty()) return undefined;
    const open = (this.byField.get(InputBook.id(key, field)) ?? []).filter((v) => !this.consumed.has(v));
    return (open.find((v) => v.origin === 'row') ?? open[0])?.value;
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

/**
 * An empty set of a row's own cells, as wide as the tab: an array set by index, not an object
 * literal with computed keys (which V8 builds by a runtime call per key).
 */
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
    // Each cell made whole in one literal: a property added afterwards costs an extra object.
    if (field.kind === 'input') {
      if (value === null) return emptyInputCell(numberFormat);
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

/** What decides a shape: rows whose fields agree on these share one (values and A1 formulas may differ). */
function shapeSignature(fields: readonly FieldCell[]): string {
  let signature = '';
  for (const f of fields) signature += `${f.kind}\u0001${f.field}\u0001${f.col}\u0001${f.numberFormat ?? ''}\u0001${f.formulaR1C1 ?? ''}\u0001${f.style ?? ''}\u0002`;
  return signature;
}

/**
 * A copy of a prepared row of the tab's columns A..J (or A..I), as an array literal: V8 sees that
 * rows made at these sites live on and allocates them as long-lived, so the garbage collector does
 * not copy a hundred thousand rows around (Array.prototype.slice gets no such treatment).
 */
function copyRow(b: readonly (SpecCell | null | undefined)[]): (SpecCell | null | undefined)[] {
  if (b.length === 10) return [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9]];
  if (b.length === 9) return [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8]];
  return b.slice();
}

/** Puts a row's own cells (KeyedRow.own) over its prepared cells. */
function overlay(row: (SpecCell | null | undefined)[], own: OwnCells): void {
  for (let c = 0; c < COLUMN_WIDTHS.length; c++) {
    const cell = own[c];
    if (cell !== undefined) row[c] = cell;
  }
}

/** A row of the tab's columns with nothing in them yet. */
const EMPTY_ROW: readonly undefined[] = new Array<undefined>(COLUMN_WIDTHS.length).fill(undefined);

/** More than the columns a tab has: keys a column span (first, last) as one number. */
const COLUMN_SPAN = 1 << 14;

// Cells that are the same everywhere are shared (specs are read-only once built).
const emptyInputCells = new Map<string | undefined, SpecCell>();
function emptyInputCell(numberFormat: string | undefined): SpecCell {
  let cell = emptyInputCells.get(numberFormat);
  if (!cell) emptyInputCells.set(numberFormat, (cell = Object.freeze(numberFormat ? { value: null, style: 'input', numberFormat } : { value: null, style: 'input' }) as SpecCell));
  return cell;
}
const styleOnlyCells = new Map<StyleName, SpecCell>();
function styleOnlyCell(style: StyleName): SpecCell {
  let cell = styleOnlyCells.get(style);
  if (!cell) styleOnlyCells.set(style, (cell = Object.freeze({ style })));
  return cell;
}

export class TabBuilder {
  readonly rows: (SpecCell | null)[][] = [];
  /** Merged cells as runs of rows merging the same columns (see mergeRanges). */
  private readonly mergeRuns: RangePosition[] = [];
  /** The last run of each column span, by first column × COLUMN_SPAN + last column. */
  private readonly lastRunOfSpan = new Map<number, RangePosition>();
  readonly validations: DataValidationSpec[] = [];
  readonly conditionalFormats: ConditionalFormatSpec[] = [];
  readonly charts: ChartSpec[] = [];
  /** Blocks of rows made by keyedBlock (SheetSpec.blocks). */
  readonly blocks: RowBlock[] = [];
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

  /** Merges columns from..to of a row; the same span on consecutive rows makes one run. */
  merge(row: number, from: number, to: number): void {
    this.mergeRows(row, row, from, to);
  }

  /** Merges columns from..to of each row top..bottom (see merge). */
  private mergeRows(top: number, bottom: number, from: number, to: number): void {
    if (to <= from) return;
    const span = from * COLUMN_SPAN + to;
    const run = this.lastRunOfSpan.get(span);
    if (run && run.bottom === top - 1) run.bottom = bottom;
    else {
      const started = { top, left: from, bottom, right: to };
      this.mergeRuns.push(started);
      this.lastRunOfSpan.set(span, started);
    }
  }

  /**
   * The merges for the spec: a one-row run as a merge, a longer run as one range merged across
   * (a block of a thousand Åtgärder rows merges two spans: two ranges, not two thousand).
   */
  mergeRanges(): Pick<SheetSpec, 'merges' | 'mergesAcross'> {
    const merges: string[] = [];
    const mergesAcross: string[] = [];
    for (const run of this.mergeRuns) (run.top === run.bottom ? merges : mergesAcross).push(rangeToA1(run));
    return mergesAcross.length > 0 ? { merges, mergesAcross } : { merges };
  }

  /** A keyed row: descriptor in column A, inputs filled from the book (or their defaults). */
  keyed(spec: KeyedRow): number {
    const at = this.next;
    const shape = spec.shape ?? this.shapeOf(spec.fields);
    const fields = spec.fields;
    // Rows with the shape's own fields start from one prepared row while nothing typed has to be put back.
    let row: (SpecCell | null | undefined)[];
    if (fields === shape.fields && this.book.isEmpty()) {
      row = copyRow((shape.blankRow ??= this.fieldRow(shape, fields, null)));
      if (spec.own) overlay(row, spec.own);
    } else {
      row = this.fieldRow(shape, fields, spec.key, spec.own);
    }
    // Fields take precedence over the label, the label over the extra cells.
    if (spec.label && !row[COL.text]) row[COL.text] = spec.label;
    if (spec.extra) {
      // By index over the tab's columns: for…in over numeric keys is slow on a hot path.
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
   * Åtgärder block of up to thousands of verksamheter. The same rows as keyed() would make, kept
   * as a RowBlock (SheetSpec.blocks): one shared row, and per row only the cells that differ.
   * Returns the first row.
   */
  keyedBlock(shape: RowShape, items: readonly BlockRow[]): number {
    const first = this.next;
    if (!this.book.isEmpty()) {
      // Typed values go back row by row.
      for (const item of items) this.keyed({ ...item, fields: shape.fields, shape });
      return first;
    }
    if (items.length === 0) return first;
    const block = blockOf(first, (shape.blankRow ??= this.fieldRow(shape, shape.fields, null)), shape.encoded, items);
    this.blocks.push(block);
    for (let i = 0; i < items.length; i++) this.rows.push(block.shared as (SpecCell | null)[]);
    for (const [from, to] of shape.merges) this.mergeRows(first, this.next - 1, from, to);
    return first;
  }

  /**
   * The cells of a row's fields by column: the row's own cells where it has them, and inputs take
   * what was typed under `key` (none for null) before their defaults.
   */
  private fieldRow(shape: RowShape, fields: readonly FieldCell[], key: RowKey | null, own?: OwnCells): (SpecCell | null | undefined)[] {
    const row = copyRow(EMPTY_ROW);
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const typed = key && f.kind === 'input' ? this.book.take(key, f.field) : undefined;
      const cell = typed !== undefined ? shape.cellAt(i, typed) : (own?.[f.col] ?? shape.cellAt(i, f.value ?? null, f.formula, f));
      row[f.col] = cell;
      // Every cell of a merge gets the style, so borders and fill cover the whole field.
      if (f.mergeTo !== undefined) for (let c = f.col + 1; c <= f.mergeTo; c++) row[c] = styleOnlyCell(cell.style ?? 'computed');
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

/**
 * The RowBlock of keyed rows from `top`, one per item, over the shape's row with nothing typed:
 * the same rows as TabBuilder.keyed would make. Plain functions over plain data, not builder
 * methods: a full garbage collection throws away optimised code that held the shape of a builder
 * no longer alive, and these loops run over every row of the economy and Åtgärder blocks.
 */
function blockOf(top: number, blank: readonly (SpecCell | null | undefined)[], encoded: string, items: readonly BlockRow[]): RowBlock {
  const varying = varyingColumns(blank, items);
  // The rest of the row is the shape's, shared by every row of the block.
  const shared: (SpecCell | null)[] = [];
  for (let c = 0; c < COLUMN_WIDTHS.length; c++) shared.push(c === COL.key || varying.includes(c) ? null : (blank[c] ?? null));
  let width = shared.length;
  while (width > 0 && shared[width - 1] === null && !varying.includes(width - 1) && width - 1 !== COL.key) width--;
  shared.length = width;
  // By varying column, by row: each row's cell there, by the rules of keyed() (its own cells
  // over its fields, fields over the label, the label over extra cells).
  const cells: (SpecCell | null)[][] = varying.map(() => new Array<SpecCell | null>(items.length));
  const descriptors = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const { own, label, extra } = items[i];
    descriptors[i] = descriptorOf(items[i], encoded);
    for (let v = 0; v < varying.length; v++) {
      const c = varying[v];
      let cell: SpecCell | null | undefined = own?.[c] ?? blank[c];
      if (!cell && c === COL.text) cell = label;
      if (!cell && extra) cell = extra[c];
      cells[v][i] = cell ?? null;
    }
  }
  return { top, count: items.length, shared, columns: varying, cells, texts: { column: COL.key, style: 'marker', values: descriptors } };
}

/**
 * The columns whose cells differ from row to row in a block (but the key's): wherever an item has
 * a label (unless the shape fills column B), an extra or an own cell. Columns already found are
 * not looked at again.
 */
function varyingColumns(blank: readonly (SpecCell | null | undefined)[], items: readonly BlockRow[]): number[] {
  const columns = COLUMN_WIDTHS.length;
  const varies = new Array<boolean>(columns).fill(false);
  for (let i = 0; i < items.length; i++) {
    const { label, extra, own } = items[i];
    if (label && !blank[COL.text]) varies[COL.text] = true;
    if (extra) for (let c = 0; c < columns; c++) if (!varies[c] && extra[c] !== undefined) varies[c] = true;
    if (own) for (let c = 0; c < columns; c++) if (!varies[c] && own[c] !== undefined) varies[c] = true;
  }
  const varying: number[] = [];
  for (let c = 0; c < columns; c++) if (varies[c] && c !== COL.key) varying.push(c);
  return varying;
}

/** The descriptor-free plain text cell. */
export const textCell = (value: string, style: StyleName = 'text'): SpecCell => ({ value, style });
