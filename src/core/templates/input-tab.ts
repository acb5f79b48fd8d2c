/**
 * Builds one input tab (a SheetSpec) from its rows: an instruction line, the header row with the
 * catalogue labels, the data as input cells, all inside a formatted Excel table. The blank template
 * and the sample workbook both go through here, so they look alike and recognition finds both.
 */
import type { InputDef } from '../inputs/catalogue';
import { columnLetters } from '../a1';
import { emptySheetSpec, type DataValidationSpec, type SheetSpec, type SpecCell } from '../workbook/sheet-spec';
import { inputColumns, inputTableName, type ColumnLayout } from './input-layout';
import { parameterCellFormat } from './parameters';
import { inputInstruction } from './instructions';

export type InputCellValue = string | number | null;

export interface InputTabContent {
  def: InputDef;
  /** Budget year Y1: year columns are labelled from it. */
  year: number;
  rows: readonly (readonly InputCellValue[])[];
  /** Empty input rows added below the data, for people to fill (the blank template). */
  emptyRows?: number;
  /** Per-column number formats replacing the layout's (undefined/null keeps the layout's). */
  numberFormats?: readonly (string | null | undefined)[];
  /** Instruction line above the header; defaults to the input's own instruction. */
  instruction?: string;
}

/** Row (0-based) of the instruction line and of the header row on an input tab. */
export const INSTRUCTION_ROW = 0;
export const HEADER_ROW = 1;

// Kinds whose values repeat a lot (nämnd, verksamhet, period…): their cells are shared objects,
// which keeps a 200 000-row tab small in memory. Shared cells are frozen: specs are read-only data.
const REPEATING_KINDS = new Set(['key', 'text', 'period', 'yesNo', 'status', 'scale']);
const MAX_SHARED_PER_COLUMN = 50_000;

function inputCell(value: InputCellValue, numberFormat: string | undefined): SpecCell {
  const cell: SpecCell = { value, style: 'input' };
  if (numberFormat !== undefined) cell.numberFormat = numberFormat;
  return cell;
}

/** The SheetSpec of an input tab. */
export function buildInputTab(content: InputTabContent): SheetSpec {
  const { def, year } = content;
  const layout: ColumnLayout[] = inputColumns(def, year);
  const width = layout.length;
  const formats = layout.map((col, c) => content.numberFormats?.[c] ?? col.numberFormat);
  const spec = emptySheetSpec(def.name);

  // Not a wrapping style: the line runs on across the empty cells to its right instead of
  // growing row 1 (which Excel does not do for wrapped text it did not lay out itself).
  spec.rows.push([{ value: content.instruction ?? inputInstruction(def.id), style: 'subtitle' }]);
  spec.rows.push(layout.map((col) => ({ value: col.label, style: 'header' })));

  const emptyCells = formats.map((f) => Object.freeze(inputCell(null, f)));
  const shared: (Map<InputCellValue, SpecCell> | null)[] = layout.map((col, c) =>
    c === 0 || REPEATING_KINDS.has(col.kind) ? new Map() : null,
  );

  const cellFor = (value: InputCellValue | undefined, c: number): SpecCell => {
    if (value === null || value === undefined || value === '') return emptyCells[c];
    const cache = shared[c];
    if (!cache) return inputCell(value, formats[c]);
    let cell = cache.get(value);
    if (!cell) {
      cell = Object.freeze(inputCell(value, formats[c]));
      if (cache.size < MAX_SHARED_PER_COLUMN) cache.set(value, cell);
    }
    return cell;
  };

  const parameterTab = def.id === 'parametrar';
  const dataTop = HEADER_ROW + 1;
  const validations: DataValidationSpec[] = [];
  for (let r = 0; r < content.rows.length; r++) {
    const source = content.rows[r];
    const row: SpecCell[] = new Array<SpecCell>(width);
    for (let c = 0; c < width; c++) row[c] = cellFor(source[c], c);
    if (parameterTab) {
      // Each parameter's value has its own format (year, percent, list), chosen by its name.
      const format = parameterCellFormat(source[0]);
      if (format.numberFormat) row[1] = inputCell(source[1] ?? null, format.numberFormat);
      if (format.validation) validations.push({ ...format.validation, range: `B${dataTop + r + 1}` });
    }
    spec.rows.push(row);
  }
  // An Excel table needs at least one body row.
  const empties = Math.max(content.emptyRows ?? 0, content.rows.length === 0 ? 1 : 0);
  for (let r = 0; r < empties; r++) spec.rows.push(emptyCells.slice());

  const lastRow = spec.rows.length; // 1-based number of the last table row
  const lastColumn = columnLetters(width - 1);
  spec.tables.push({ name: inputTableName(def), range: `A${HEADER_ROW + 1}:${lastColumn}${lastRow}` });
  layout.forEach((col, c) => {
    if (!col.validation || (parameterTab && c === 1)) return;
    const letters = columnLetters(c);
    validations.push({ ...col.validation, range: `${letters}${dataTop + 1}:${letters}${lastRow}` });
  });
  spec.validations = validations;
  spec.columnWidths = layout.map((col) => col.width);
  spec.freeze = { rows: HEADER_ROW + 1, columns: 0 };
  spec.print = { orientation: 'landscape', fitToWidth: true, repeatRows: `$${HEADER_ROW + 1}:$${HEADER_ROW + 1}`, pageNumbers: true };
  return spec;
}
