/**
 * Writes a SheetSpec into a fresh, empty ExcelJS worksheet. Throws on anything it cannot write
 * faithfully; the port then removes the half-written sheet, so a throw here never leaves damage.
 */
import type { CellHyperlinkValue, CellValue, DataValidation, Worksheet } from 'exceljs';
import { freeTableName } from '../../core/workbook/sheet-names';
import { parseRangeA1, rangeToA1, toA1, toAbsoluteA1, quoteSheetName, type RangePosition } from '../../core/a1';
import type { ConditionalFormatSpec, DataValidationSpec, SheetSpec, SpecCell, TableSpec } from '../../core/workbook/sheet-spec';
import { defaultValidationMessage, inlineListFormula, mergedAreas, tableColumnNames, specWidth } from '../../core/workbook/sheet-spec';
import { NUMBER_FORMATS } from '../../core/workbook/styles';
import { argb, createStyleLookup, warningDxf, type StyleLookup } from './cell-styles';
import { cancelled } from './messages';
import { isBalancedFormula, toFileFormula } from './formula-text';
import { formulaOfCell } from '../../core/workbook/r1c1';

/** Excel's limits that, when exceeded, make Excel "repair" (damage) the file. */
const MAX_TEXT_LENGTH = 32767;
const MAX_VALIDATION_MESSAGE = 225;
const MAX_VALIDATION_TITLE = 32;
/** Text that a spreadsheet would read as a formula or an operator if it were typed in. */
const FORMULA_LIKE = /^[=+\-@]/;
/**
 * Writing yields to the host after about this long (checked every ROWS_PER_CHECK rows), so the
 * playground's page stays responsive (docs/quality.md: no main-thread block over 200 ms in a job), and
 * checks the cancel signal there.
 */
const SLICE_MS = 30;
const ROWS_PER_CHECK = 50;

export interface WriteSheetContext {
  /** The tab's final name (links and list sources on this tab refer to it). */
  finalName: string;
  /** Lower-cased names of tables and defined names already in the workbook. */
  takenTableNames: Set<string>;
  signal?: AbortSignal;
}

export interface WriteSheetOutcome {
  wroteFormulas: boolean;
}

/** Internal ExcelJS 4.4 worksheet members that its type definitions leave out. */
interface WorksheetInternals {
  dataValidations: { add(address: string, validation: DataValidation): void };
  sheetProtection: Record<string, boolean> | null;
}

function internals(sheet: Worksheet): WorksheetInternals {
  return sheet as unknown as WorksheetInternals;
}

function range(address: string, what: string): RangePosition {
  const pos = parseRangeA1(address);
  if (!pos) throw new Error(`invalid ${what} range: ${address}`);
  return pos;
}

function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * "'Driftbudget'!E12" → "#'Driftbudget'!$E$12". ExcelJS 4.4 writes a `location` attribute next to
 * the relationship when the target looks like Sheet!A1, and Excel then joins both into a broken
 * link ("#X!A1##X!A1"); with "$" in the address only the "#…" relationship is written, which
 * Excel and LibreOffice both follow inside the workbook.
 */
export function internalLinkTarget(link: string, ownSheet: string): string {
  const target = link.startsWith('#') ? link.slice(1) : link;
  const bang = target.lastIndexOf('!');
  const sheetPart = bang >= 0 ? target.slice(0, bang) : quoteSheetName(ownSheet);
  const pos = range(bang >= 0 ? target.slice(bang + 1) : target, 'link');
  const start = toAbsoluteA1(pos.top, pos.left);
  const address = pos.top === pos.bottom && pos.left === pos.right ? start : `${start}:${toAbsoluteA1(pos.bottom, pos.right)}`;
  return `#${sheetPart}!${address}`;
}

function writeCell(sheet: Worksheet, row: number, col: number, spec: SpecCell, styles: StyleLookup, ctx: WriteSheetContext): boolean {
  const cell = sheet.getRow(row + 1).getCell(col + 1);
  let numFmt = spec.numberFormat;
  let wroteFormula = false;
  const formula = formulaOfCell(spec, row, col);
  if (formula !== undefined) {
    if (!isBalancedFormula(formula)) throw new Error(`unbalanced formula at ${toA1(row, col)}: ${formula}`);
    // The core's figure as the cached result (SpecCell.value), so viewers that do not recalculate show it.
    const result = spec.value;
    cell.value = (
      result === undefined || result === null || (typeof result === 'number' && !Number.isFinite(result))
        ? { formula: toFileFormula(formula) }
        : { formula: toFileFormula(formula), result }
    ) as CellValue;
    wroteFormula = true;
  } else if (spec.link !== undefined) {
    const text = spec.value === null || spec.value === undefined ? spec.link : String(spec.value);
    const link: CellHyperlinkValue = { text: text.slice(0, MAX_TEXT_LENGTH), hyperlink: internalLinkTarget(spec.link, ctx.finalName) };
    cell.value = link;
  } else {
    const value = spec.value;
    if (typeof value === 'string') {
      // Always text: ExcelJS stores strings as shared strings, never as formulas; the "@" format
      // keeps the cell text when a user later edits it in Excel.
      cell.value = value.length > MAX_TEXT_LENGTH ? value.slice(0, MAX_TEXT_LENGTH) : value;
      if (FORMULA_LIKE.test(value)) numFmt = NUMBER_FORMATS.text;
    } else if (typeof value === 'number') {
      // NaN/Infinity would make an invalid file; show Excel's own error instead.
      cell.value = Number.isFinite(value) ? value : ({ error: '#NUM!' } as CellValue);
    } else if (typeof value === 'boolean') {
      cell.value = value;
    }
  }
  const style = styles(spec.style, numFmt);
  if (style) cell.style = style;
  return wroteFormula;
}

function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

/** Bounds as ExcelJS wants them: an operator and one or two formulae. */
function bounds(v: DataValidationSpec, convert: (n: number) => unknown): Pick<DataValidation, 'operator' | 'formulae'> {
  if (v.min !== undefined && v.max !== undefined) return { operator: 'between', formulae: [convert(v.min), convert(v.max)] };
  if (v.min !== undefined) return { operator: 'greaterThanOrEqual', formulae: [convert(v.min)] };
  if (v.max !== undefined) return { operator: 'lessThanOrEqual', formulae: [convert(v.max)] };
  // No bounds: any number of the kind (Excel needs an operator and a formula).
  return { operator: 'between', formulae: [convert(-1e15), convert(1e15)] };
}

function addValidations(sheet: Worksheet, spec: SheetSpec, ctx: WriteSheetContext, styles: StyleLookup): void {
  // Lists that do not fit Excel's inline form go into hidden columns right of the content.
  let nextListColumn = specWidth(spec) + 1;
  for (const v of spec.validations) {
    const address = rangeToA1(range(v.range, 'validation'));
    const common: Omit<DataValidation, 'type' | 'formulae'> = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Budgetkoll'.slice(0, MAX_VALIDATION_TITLE),
      error: (v.errorMessage ?? defaultValidationMessage(v)).slice(0, MAX_VALIDATION_MESSAGE),
    };
    let validation: DataValidation;
    switch (v.kind) {
      case 'list': {
        const items = v.list ?? [];
        if (items.length === 0) throw new Error(`list validation without values: ${v.range}`);
        const inline = inlineListFormula(items);
        if (inline !== null) {
          validation = { ...common, type: 'list', formulae: [inline] };
        } else {
          const col = nextListColumn++;
          items.forEach((item, i) => writeCell(sheet, i, col, { value: item, style: 'text', numberFormat: NUMBER_FORMATS.text }, styles, ctx));
          sheet.getColumn(col + 1).hidden = true;
          const source = `${toAbsoluteA1(0, col)}:${toAbsoluteA1(items.length - 1, col)}`;
          validation = { ...common, type: 'list', formulae: [source] };
        }
        break;
      }
      case 'wholeNumber':
        validation = { ...common, type: 'whole', ...bounds(v, (n) => Math.round(n)) };
        break;
      case 'decimal':
        validation = { ...common, type: 'decimal', ...bounds(v, (n) => n) };
        break;
      case 'date':
        // Spec bounds are Excel serials; ExcelJS wants Dates for date validations.
        validation = { ...common, type: 'date', ...bounds(v, serialToDate) };
        break;
    }
    internals(sheet).dataValidations.add(address, validation);
  }
}

function addConditionalFormats(sheet: Worksheet, formats: ConditionalFormatSpec[]): void {
  formats.forEach((cf, i) => {
    const address = rangeToA1(range(cf.range, 'conditional format'));
    if (!isBalancedFormula(cf.formula)) throw new Error(`unbalanced conditional format formula: ${cf.formula}`);
    sheet.addConditionalFormatting({
      ref: address,
      rules: [{ type: 'expression', priority: i + 1, formulae: [toFileFormula(cf.formula)], style: warningDxf() }],
    });
  });
}


/** A legal, unused table name based on `wanted` (letters, digits, "_" and "."; no cell-like names). */

function overlaps(a: RangePosition, b: RangePosition): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Table column names from the header cells as written (tableColumnNames). */
function columnNames(sheet: Worksheet, pos: RangePosition): string[] {
  const row = sheet.getRow(pos.top + 1);
  const texts: string[] = [];
  for (let c = pos.left; c <= pos.right; c++) texts.push(row.getCell(c + 1).text);
  return tableColumnNames(texts);
}

function addTables(sheet: Worksheet, spec: SheetSpec, ctx: WriteSheetContext): void {
  const merges = mergedAreas(spec);
  for (const table of spec.tables) addTable(sheet, table, merges, ctx);
}

function addTable(sheet: Worksheet, table: TableSpec, merges: RangePosition[], ctx: WriteSheetContext): void {
  const pos = { ...range(table.range, 'table') };
  // Excel tables need at least one data row below the header.
  if (pos.bottom === pos.top) pos.bottom += 1;
  if (merges.some((m) => overlaps(m, pos))) throw new Error(`table ${table.name} overlaps merged cells`);
  const name = freeTableName(table.name, ctx.takenTableNames);
  const rows: unknown[][] = [];
  for (let r = pos.top + 1; r <= pos.bottom; r++) {
    const row = sheet.getRow(r + 1);
    const values: unknown[] = [];
    for (let c = pos.left; c <= pos.right; c++) values.push(row.getCell(c + 1).value ?? null);
    rows.push(values);
  }
  // ExcelJS writes the column names into the header cells and the rows back into the data cells
  // (the same values), keeping each cell's style.
  sheet.addTable({
    name,
    displayName: name,
    ref: toA1(pos.top, pos.left),
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: columnNames(sheet, pos).map((n) => ({ name: n, filterButton: true })),
    rows,
  });
  ctx.takenTableNames.add(name.toLocaleLowerCase('sv-SE'));
}

function applyFreeze(sheet: Worksheet, freeze: SheetSpec['freeze']): void {
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) return;
  const topLeftCell = toA1(Math.max(0, freeze.rows), Math.max(0, freeze.columns));
  sheet.views = [
    { state: 'frozen', xSplit: Math.max(0, freeze.columns), ySplit: Math.max(0, freeze.rows), topLeftCell, activeCell: topLeftCell },
  ];
}

function applyPrint(sheet: Worksheet, print: SheetSpec['print'], finalName: string): void {
  if (!print) return;
  sheet.pageSetup.paperSize = 9; // A4
  sheet.pageSetup.orientation = print.orientation;
  if (print.fitToWidth) {
    sheet.pageSetup.fitToPage = true;
    sheet.pageSetup.fitToWidth = 1;
    sheet.pageSetup.fitToHeight = 0; // as many pages down as needed
  }
  if (print.repeatRows) {
    const rows = print.repeatRows.replace(/\$/g, '');
    if (!/^\d+:\d+$/.test(rows)) throw new Error(`invalid repeat rows: ${print.repeatRows}`);
    // ExcelJS cannot quote a tab name holding an apostrophe here (see dropUnquotablePrintRanges).
    if (!finalName.includes("'")) sheet.pageSetup.printTitlesRow = rows;
  }
  if (print.pageNumbers) sheet.headerFooter.oddFooter = '&CSida &P av &N';
}

function applyProtection(sheet: Worksheet): void {
  // No password (a guard against slips, not security). True = allowed for the format/select flags;
  // objects/scenarios false = protected, as Excel's own "Protect Sheet" does.
  internals(sheet).sheetProtection = {
    sheet: true,
    objects: false,
    scenarios: false,
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  };
}

/** Writes the whole spec into `sheet` (freshly added and empty). */
export async function writeSpecInto(sheet: Worksheet, spec: SheetSpec, ctx: WriteSheetContext): Promise<WriteSheetOutcome> {
  const styles = createStyleLookup();
  if (spec.tabColor) sheet.properties.tabColor = { argb: argb(spec.tabColor) };
  spec.columnWidths.forEach((width, i) => {
    if (width > 0) sheet.getColumn(i + 1).width = width;
  });

  let wroteFormulas = false;
  let sliceStart = Date.now();
  for (let r = 0; r < spec.rows.length; r++) {
    if (r % ROWS_PER_CHECK === 0 && Date.now() - sliceStart > SLICE_MS) {
      await yieldToHost();
      if (ctx.signal?.aborted) throw cancelled();
      sliceStart = Date.now();
    }
    const cells = spec.rows[r];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell && writeCell(sheet, r, c, cell, styles, ctx)) wroteFormulas = true;
    }
  }

  for (const r of spec.hiddenRows) sheet.getRow(r + 1).hidden = true;
  // After the values: a merge keeps only its top-left value, as in Excel. ExcelJS throws on overlaps.
  // ExcelJS checks each merge against all earlier ones: thousands of merges take a while, so in slices too.
  for (const merge of mergedAreas(spec)) {
    sheet.mergeCells(rangeToA1(merge));
    if (Date.now() - sliceStart > SLICE_MS) {
      await yieldToHost();
      if (ctx.signal?.aborted) throw cancelled();
      sliceStart = Date.now();
    }
  }
  addValidations(sheet, spec, ctx, styles);
  addConditionalFormats(sheet, spec.conditionalFormats);
  addTables(sheet, spec, ctx);
  applyFreeze(sheet, spec.freeze);
  applyPrint(sheet, spec.print, ctx.finalName);
  if (spec.protect) applyProtection(sheet);
  return { wroteFormulas };
}
