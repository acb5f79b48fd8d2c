/**
 * Writes a SheetSpec into a fresh, empty ExcelJS worksheet. Throws on anything it cannot write
 * faithfully; the port then removes the half-written sheet, so a throw here never leaves damage.
 */
import type { CellHyperlinkValue, CellValue, DataValidation, Worksheet } from 'exceljs';
import { freeTableName } from '../../core/workbook/sheet-names';
import { rangeToA1, toA1, toAbsoluteA1, quoteSheetName, type RangePosition } from '../../core/a1';
import type { ConditionalFormatSpec, SheetSpec, SpecCell, TableSpec } from '../../core/workbook/sheet-spec';
import { mergedAreas, tableColumnNames } from '../../core/workbook/sheet-spec';
import { NUMBER_FORMATS } from '../../core/workbook/styles';
import { argb, createStyleLookup, warningDxf, type StyleLookup } from './cell-styles';
import { cancelled } from './messages';
import { isBalancedFormula, toFileFormula } from './formula-text';
import { formulaOfCell } from '../../core/workbook/r1c1';
import { planValidations } from './validation-plan';
import { specRange } from './spec-range';

/** Excel's limits that, when exceeded, make Excel "repair" (damage) the file. */
const MAX_TEXT_LENGTH = 32767;
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
  const pos = specRange(bang >= 0 ? target.slice(bang + 1) : target, 'link');
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

function addValidations(sheet: Worksheet, spec: SheetSpec, ctx: WriteSheetContext, styles: StyleLookup): void {
  const plan = planValidations(spec);
  for (const { col, items } of plan.listColumns) {
    items.forEach((item, i) => writeCell(sheet, i, col, { value: item, style: 'text', numberFormat: NUMBER_FORMATS.text }, styles, ctx));
    sheet.getColumn(col + 1).hidden = true;
  }
  for (const v of plan.validations) {
    const validation: DataValidation = {
      type: v.type,
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: v.errorTitle,
      error: v.error,
      // ExcelJS wants Dates for a date validation's bounds.
      formulae: v.type === 'date' ? v.formulae.map((f) => serialToDate(f as number)) : v.formulae,
      ...(v.operator ? { operator: v.operator } : {}),
    };
    internals(sheet).dataValidations.add(v.sqref, validation);
  }
}

function addConditionalFormats(sheet: Worksheet, formats: ConditionalFormatSpec[]): void {
  formats.forEach((cf, i) => {
    const address = rangeToA1(specRange(cf.range, 'conditional format'));
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
  const pos = { ...specRange(table.range, 'table') };
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
