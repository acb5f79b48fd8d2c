/**
 * Exports what an ExcelDouble holds to an .xlsx file (ExcelJS), so a real spreadsheet engine can
 * load and recalculate it: the double accepts any formula text, Excel does not. Every sheet goes
 * over with its values (error values as errors), formulas, number formats, merges, hidden rows, column widths, frozen
 * panes, tab colour and visibility, its data validations (list, whole number, decimal, date, text
 * length, custom; error alerts) and conditional formats (custom formula, fill and font), and
 * every table of the workbook. Cell formatting (fonts, fills, borders of ranges) is left out: it
 * does not change what a formula computes.
 *
 * Formulas are stored as the file format wants them (no "=", "_xlfn." where needed), with no cached
 * result, so the engine has to calculate each one. Nothing here repairs a formula: what the double
 * holds is what the file gets. Only reads the double's state.
 */
import ExcelJS from 'exceljs';
import type { CellValue, DataValidation, Worksheet } from 'exceljs';
import { columnLetters, rangeToA1, toA1, type RangePosition } from '../../../src/core/a1';
import { toFileFormula } from '../../../src/io/xlsx/formula-text';
import type { CellFormat, ExcelDouble, SheetState, TableState } from './excel-double';

/** The double keys a cell as row × 16 384 + column (16 384 = Excel's column count). */
const COLUMNS = 16384;

/** Error values the file format can hold (a localised text such as "#SAKNAS!" is written as text). */
const FILE_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

export interface ExportOptions {
  /**
   * Extra formulas to put into the exported copy only, by sheet: `cells[address] = "=…"`. The
   * recalculation tests use it for probe cells (a conditional format's formula in a cell of its
   * own sheet, where the engine reports whether it parses). A probe never replaces a cell the
   * double holds: the export fails instead.
   */
  extraFormulas?: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** The state of a double as an .xlsx file. */
export async function exportDouble(double: ExcelDouble, options: ExportOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of double.sheets) {
    const ws = workbook.addWorksheet(sheet.name, { state: visibilityState(sheet.visibility) });
    writeCells(ws, sheet);
    writeExtraFormulas(ws, sheet, options.extraFormulas?.get(sheet.name));
    for (const r of sheet.hiddenRows) ws.getRow(r + 1).hidden = true;
    for (const [c, points] of sheet.columnWidths) ws.getColumn(c + 1).width = characters(points);
    for (const merge of sheet.merges) ws.mergeCells(rangeToA1(merge));
    writeValidations(ws, sheet);
    writeConditionalFormats(ws, sheet);
    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
      const { rows, columns } = sheet.freeze;
      ws.views = [{ state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: toA1(rows, columns) }];
    }
    if (/^#[0-9A-Fa-f]{6}$/.test(sheet.tabColor)) ws.properties.tabColor = { argb: `FF${sheet.tabColor.slice(1).toUpperCase()}` };
  }
  // Tables last: ExcelJS writes a table's header and rows back into its cells.
  for (const table of double.tables) writeTable(workbook.getWorksheet(table.sheet.name)!, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every formula the double holds: sheet, A1 address and formula text ("=…"), row by row. */
export function doubleFormulas(double: ExcelDouble): { sheet: string; address: string; formula: string }[] {
  const out: { sheet: string; address: string; formula: string }[] = [];
  for (const sheet of double.sheets) {
    const keys = [...sheet.formulas.keys()].sort((a, b) => a - b);
    for (const k of keys) out.push({ sheet: sheet.name, address: toA1(Math.floor(k / COLUMNS), k % COLUMNS), formula: sheet.formulas.get(k)! });
  }
  return out;
}

function visibilityState(visibility: SheetState['visibility']): 'visible' | 'hidden' | 'veryHidden' {
  return visibility === 'Hidden' ? 'hidden' : visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
}

/** Excel's column width in points (what Office.js sets) → characters (what the file stores). */
function characters(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

function formulaValue(formula: string): CellValue {
  return { formula: toFileFormula(formula) } as CellValue;
}

function writeCells(ws: Worksheet, sheet: SheetState): void {
  sheet.values.forEach((row, r) => {
    if (!row) return;
    const wsRow = ws.getRow(r + 1);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const k = r * COLUMNS + c;
      if (v === undefined || v === null || sheet.formulas.has(k)) continue;
      // An error value (seeded as one) stays an error where the file format has its code.
      const error = sheet.errors?.get(k) === v && FILE_ERRORS.has(String(v));
      wsRow.getCell(c + 1).value = error ? ({ error: v } as CellValue) : v;
    }
  });
  for (const [k, formula] of sheet.formulas) {
    ws.getRow(Math.floor(k / COLUMNS) + 1).getCell((k % COLUMNS) + 1).value = formulaValue(formula);
  }
  for (const [k, format] of sheet.numberFormats) {
    ws.getRow(Math.floor(k / COLUMNS) + 1).getCell((k % COLUMNS) + 1).numFmt = format;
  }
}

function writeExtraFormulas(ws: Worksheet, sheet: SheetState, cells: Readonly<Record<string, string>> | undefined): void {
  for (const [address, formula] of Object.entries(cells ?? {})) {
    const cell = ws.getCell(address);
    const r = Number(cell.row) - 1;
    const c = Number(cell.col) - 1;
    const v = sheet.values[r]?.[c];
    if ((v !== undefined && v !== null) || sheet.formulas.has(r * COLUMNS + c)) {
      throw new Error(`export: extra formula at ${sheet.name}!${address} would replace a cell of the double`);
    }
    cell.value = formulaValue(formula);
  }
}

// --- data validation ----------------------------------------------------------------------------

const OPERATORS: Record<string, DataValidation['operator']> = {
  Between: 'between',
  NotBetween: 'notBetween',
  EqualTo: 'equal',
  NotEqualTo: 'notEqual',
  GreaterThan: 'greaterThan',
  LessThan: 'lessThan',
  GreaterThanOrEqualTo: 'greaterThanOrEqual',
  LessThanOrEqualTo: 'lessThanOrEqual',
};

interface BasicRule {
  operator?: string;
  formula1?: unknown;
  formula2?: unknown;
}

/** Office.js's formula1/formula2 (a number, a date text, or "=formula") as the file stores it. */
function bound(value: unknown, kind: string): unknown {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') throw new Error(`export: data validation bound ${JSON.stringify(value)}`);
  if (value.startsWith('=')) return toFileFormula(value);
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}/.test(value)) return new Date(`${value.slice(0, 10)}T00:00:00Z`);
  const number = Number(value);
  return Number.isFinite(number) && value.trim() !== '' ? number : value;
}

/** An Office.js DataValidationRule ({ list: … } or { wholeNumber: … } …) in ExcelJS's terms. */
function validationOf(rule: Record<string, unknown>): Pick<DataValidation, 'type' | 'operator' | 'formulae'> & { allowBlank?: boolean } {
  const [kind] = Object.keys(rule);
  const body = rule[kind] as Record<string, unknown>;
  switch (kind) {
    case 'list': {
      const source = String(body.source ?? '');
      return { type: 'list', formulae: [source.startsWith('=') ? toFileFormula(source) : `"${source}"`] };
    }
    case 'custom':
      return { type: 'custom', formulae: [toFileFormula(String(body.formula ?? ''))] };
    case 'wholeNumber':
    case 'decimal':
    case 'date':
    case 'time':
    case 'textLength': {
      const basic = body as BasicRule;
      const operator = OPERATORS[basic.operator ?? 'Between'];
      if (!operator) throw new Error(`export: data validation operator ${basic.operator}`);
      const formulae = [bound(basic.formula1, kind)];
      if (operator === 'between' || operator === 'notBetween') formulae.push(bound(basic.formula2, kind));
      const type = kind === 'wholeNumber' ? 'whole' : kind;
      return { type: type as DataValidation['type'], operator, formulae };
    }
    default:
      throw new Error(`export: data validation rule ${kind}`);
  }
}

/** ExcelJS 4.4 keeps data validations on an internal member its type definitions leave out. */
function dataValidations(ws: Worksheet): { add(address: string, validation: DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, validation: DataValidation): void } }).dataValidations;
}

function writeValidations(ws: Worksheet, sheet: SheetState): void {
  for (const v of sheet.validations) {
    if (!v.rule) continue;
    const alert = (v.errorAlert ?? {}) as { showAlert?: boolean; style?: string; title?: string; message?: string };
    const validation: DataValidation = {
      allowBlank: true,
      ...validationOf(v.rule as Record<string, unknown>),
      showErrorMessage: alert.showAlert ?? true,
      errorStyle: (alert.style ?? 'Stop').toLowerCase(),
      ...(alert.title ? { errorTitle: alert.title } : {}),
      ...(alert.message ? { error: alert.message } : {}),
    } as DataValidation;
    dataValidations(ws).add(rangeToA1(v.rect), validation);
  }
}

// --- conditional formats --------------------------------------------------------------------------

function argb(color: string | undefined): { argb: string } | undefined {
  return color && /^#[0-9A-Fa-f]{6}$/.test(color) ? { argb: `FF${color.slice(1).toUpperCase()}` } : undefined;
}

function dxf(format: CellFormat): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const fill = argb(format.fill);
  if (fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: fill, fgColor: fill };
  const font: Partial<ExcelJS.Font> = {};
  const color = argb(format.fontColor);
  if (color) font.color = color;
  if (format.bold !== undefined) font.bold = format.bold;
  if (Object.keys(font).length > 0) style.font = font;
  return style;
}

function writeConditionalFormats(ws: Worksheet, sheet: SheetState): void {
  sheet.conditionalFormats.forEach((cf, i) => {
    if (cf.type !== 'Custom' || cf.formula === undefined) throw new Error(`export: conditional format ${cf.type} at ${sheet.name}!${rangeToA1(cf.rect)}`);
    ws.addConditionalFormatting({
      ref: rangeToA1(cf.rect),
      rules: [{ type: 'expression', priority: i + 1, formulae: [toFileFormula(cf.formula)], style: dxf(cf.format) }],
    });
  });
}

// --- tables ---------------------------------------------------------------------------------------------

/** Column names from the header cells: text, unique case-insensitively, never empty. */
function tableColumns(ws: Worksheet, rect: RangePosition): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let c = rect.left; c <= rect.right; c++) {
    const raw = ws.getCell(rect.top + 1, c + 1).text.trim();
    let name = raw || `Kolumn${c - rect.left + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${raw || 'Kolumn'}${n}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

function writeTable(ws: Worksheet, table: TableState): void {
  const rect = { ...table.rect };
  // A table has at least one data row below its header.
  if (rect.bottom === rect.top) rect.bottom += 1;
  const rows: unknown[][] = [];
  for (let r = rect.top + 1; r <= rect.bottom; r++) {
    const values: unknown[] = [];
    for (let c = rect.left; c <= rect.right; c++) values.push(ws.getCell(r + 1, c + 1).value ?? null);
    rows.push(values);
  }
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: `${columnLetters(rect.left)}${rect.top + 1}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: tableColumns(ws, rect).map((name) => ({ name, filterButton: true })),
    rows,
  });
}
