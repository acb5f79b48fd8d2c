/**
 * Building one tab from a SheetSpec inside an Excel.run — a new tab, or an owned tab cleared in
 * place by a refresh (see clearOwnedSheet) — in the order the architecture asks: number formats
 * before values, then formulas, then formats on whole blocks, then the tab's furniture (widths,
 * merges, validation, conditional formats, tables, panes, print, hidden rows, colour) and
 * protection last. Writes are queued and synced only when the request budget is full; calculation
 * is suspended while they go, and a recalculation is asked for once the last of them is in.
 */
import { parseRangeA1, rangeToA1, toA1, type RangePosition } from '../../core/a1';
import type { SheetSpec, SpecValue } from '../../core/workbook/sheet-spec';
import { STYLES, type StyleName } from '../../core/workbook/styles';
import { formulaOfCell } from '../../core/workbook/r1c1';
import { indexRuns, mergeBlocks, rectanglesByKey } from './blocks';
import { columnWidthPoints, needsTextFormat, queueStyle } from './format';
import { jsonRowBytes, jsonStringBytes, MAX_CELLS_PER_READ, OPERATION_OVERHEAD } from './payload';
import { throwIfAborted } from './read';
import { Slicer } from './slices';

const SYNC_OVERHEAD = 2_000;
/** Upper bound of the operations one styled block queues (font, fill, borders, lock …). */
const STYLE_BLOCK_BYTES = 24 * OPERATION_OVERHEAD;
const PAGE_FOOTER = 'Sida &P av &N';

export interface BuildRequest {
  spec: SheetSpec;
  /** The free name a new tab is created under (ignored when `into` is given). */
  name: string;
  /** An existing, cleared owned tab to write into instead of adding one (a refresh in place). */
  into?: Excel.Worksheet;
  /** Spec table name → the free table name to create it under. */
  tableNames: Map<string, string>;
  position: 'end' | 'start';
  pageLayout: boolean;
  budget: number;
  signal?: AbortSignal;
  /** Called when the tab is complete, with its id (identifies it for clean-up after it is renamed). */
  onCreated(id: string): void;
}

export interface BuiltSheet {
  sheet: Excel.Worksheet;
  /** Spec table name → the table proxy. */
  tables: Map<string, Excel.Table>;
}

/** Queues writes and syncs only when the next one would push the request over the budget. */
class RequestBudget {
  private used = SYNC_OVERHEAD;
  private suspended = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  async reserve(bytes: number): Promise<void> {
    if (this.used > SYNC_OVERHEAD && this.used + bytes > this.limit) await this.flush();
    if (!this.suspended) {
      // Recalculating after every chunk is what makes big writes slow; this lasts one sync.
      this.context.application.suspendApiCalculationUntilNextSync();
      this.suspended = true;
      this.used += OPERATION_OVERHEAD;
    }
    this.used += bytes;
  }

  async flush(): Promise<void> {
    throwIfAborted(this.signal);
    await this.context.sync();
    this.used = SYNC_OVERHEAD;
    this.suspended = false;
  }

  /**
   * The last flush, then a recalculation of its own: the cells written while calculation was
   * suspended must not wait for the user's next edit to show their values.
   */
  async finish(): Promise<void> {
    await this.flush();
    this.context.application.calculate('Recalculate' as Excel.CalculationType);
    await this.context.sync();
  }
}

function rect(address: string): RangePosition {
  const position = parseRangeA1(address);
  if (!position) throw new RangeError(`sheet spec: not an A1 range: ${address}`);
  return position;
}

function cellValue(value: SpecValue | undefined): SpecValue {
  if (value === undefined || value === '') return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** Excel serial day → "yyyy-mm-dd" (date validation bounds). */
function serialToIsoDate(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export async function buildSheet(context: Excel.RequestContext, request: BuildRequest): Promise<BuiltSheet> {
  const { spec } = request;
  const budget = new RequestBudget(context, request.budget, request.signal);

  await budget.reserve(OPERATION_OVERHEAD * 3);
  const sheet = request.into ?? context.workbook.worksheets.add(request.name);
  if (!request.into && request.position === 'start') sheet.position = 0;
  // Known after the next sync; until the swap of a replace, the free name identifies the tab too.
  sheet.load('id');

  await writeCells(sheet, spec, budget, request.budget);
  await writeStyles(sheet, spec, budget);
  await writeLinks(sheet, spec, budget);

  const widthRuns: { from: number; to: number; width: number }[] = [];
  spec.columnWidths.forEach((width, col) => {
    if (!(width > 0)) return;
    const last = widthRuns[widthRuns.length - 1];
    if (last && last.to === col - 1 && last.width === width) last.to = col;
    else widthRuns.push({ from: col, to: col, width });
  });
  for (const run of widthRuns) {
    await budget.reserve(OPERATION_OVERHEAD * 2);
    sheet.getRange(rangeToA1({ top: 0, left: run.from, bottom: 0, right: run.to })).format.columnWidth =
      columnWidthPoints(run.width);
  }

  const across = (spec.mergesAcross ?? []).map((address) => ({ rect: rect(address), across: true }));
  for (const block of [...mergeBlocks(spec.merges.map(rect)), ...across]) {
    await budget.reserve(OPERATION_OVERHEAD * 2);
    sheet.getRange(rangeToA1(block.rect)).merge(block.across);
  }

  for (const validation of spec.validations) {
    const listBytes = validation.list ? jsonStringBytes(validation.list.join(',')) : 0;
    await budget.reserve(OPERATION_OVERHEAD * 3 + listBytes + jsonStringBytes(validation.errorMessage ?? ''));
    const dataValidation = sheet.getRange(rangeToA1(rect(validation.range))).dataValidation;
    dataValidation.rule = validationRule(validation);
    if (validation.errorMessage) {
      dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: 'Budgetkoll', message: validation.errorMessage };
    }
  }

  const warning = STYLES.warning;
  for (const conditional of spec.conditionalFormats) {
    await budget.reserve(OPERATION_OVERHEAD * 6 + jsonStringBytes(conditional.formula));
    const format = sheet.getRange(rangeToA1(rect(conditional.range))).conditionalFormats.add('Custom');
    format.custom.rule.formula = conditional.formula;
    if (warning.fontColor) format.custom.format.font.color = warning.fontColor;
    if (warning.bold) format.custom.format.font.bold = true;
    if (warning.fill) format.custom.format.fill.color = warning.fill;
  }

  for (const chart of spec.charts ?? []) {
    await budget.reserve(OPERATION_OVERHEAD * 4 + jsonStringBytes(chart.title));
    // A Range as the source, not an address: an address would be read on the active sheet.
    const added = sheet.charts.add('ColumnClustered', sheet.getRange(rangeToA1(rect(chart.source))), 'Columns');
    added.title.text = chart.title;
    const at = rect(chart.placement);
    added.setPosition(toA1(at.top, at.left), toA1(at.bottom, at.right));
  }

  const tables = new Map<string, Excel.Table>();
  for (const table of spec.tables) {
    await budget.reserve(OPERATION_OVERHEAD * 3);
    // A Range, not an address string: a bare address would put the table on the active sheet.
    const created = sheet.tables.add(sheet.getRange(rangeToA1(rect(table.range))), true);
    created.name = request.tableNames.get(table.name) ?? table.name;
    tables.set(table.name, created);
  }

  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    await budget.reserve(OPERATION_OVERHEAD);
    const { rows, columns } = spec.freeze;
    if (rows > 0 && columns > 0) {
      sheet.freezePanes.freezeAt(rangeToA1({ top: 0, left: 0, bottom: rows - 1, right: columns - 1 }));
    } else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else sheet.freezePanes.freezeColumns(columns);
  }

  // pageLayout is ExcelApi 1.9: without it the tab is complete, only its print setup is Excel's default.
  if (spec.print && request.pageLayout) {
    await budget.reserve(OPERATION_OVERHEAD * 5);
    const layout = sheet.pageLayout;
    layout.paperSize = 'A4';
    layout.orientation = spec.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    // 0 pages tall = as many as needed (Excel's "automatic"), 1 page wide.
    if (spec.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (spec.print.repeatRows) layout.setPrintTitleRows(spec.print.repeatRows);
    if (spec.print.pageNumbers) layout.headersFooters.defaultForAllPages.centerFooter = PAGE_FOOTER;
  }

  for (const [from, to] of indexRuns(spec.hiddenRows)) {
    await budget.reserve(OPERATION_OVERHEAD * 2);
    sheet.getRange(rangeToA1({ top: from, left: 0, bottom: to, right: 0 })).rowHidden = true;
  }

  if (spec.tabColor || request.into) {
    await budget.reserve(OPERATION_OVERHEAD);
    // A tab written in place loses a colour the new spec no longer has.
    sheet.tabColor = spec.tabColor ?? '';
  }

  if (spec.protect) {
    await budget.reserve(OPERATION_OVERHEAD);
    // A guard against slips, not security: no password; formatting and sorting stay allowed.
    sheet.protection.protect({
      allowFormatCells: true,
      allowFormatColumns: true,
      allowFormatRows: true,
      allowAutoFilter: true,
      allowSort: true,
    });
  }

  await budget.finish();
  request.onCreated(sheet.id);
  return { sheet, tables };
}

/** What an owned tab holds besides its cells, loaded before it is cleared in place. */
export interface OwnedSheetParts {
  charts: Excel.ChartCollection;
  tables: Excel.Table[];
}

/**
 * Empties an owned tab in place for a refresh: protection, charts, tables (converted to ranges,
 * so their names are free again), merges, conditional formats, validation, contents, formats,
 * hyperlinks, hidden rows and frozen panes. The worksheet object stays, so every formula that
 * points at it (the Sammanställning's, or a user's) still does once it is rewritten.
 * Queues only; the caller syncs.
 */
export function clearOwnedSheet(sheet: Excel.Worksheet, parts: OwnedSheetParts): void {
  sheet.protection.unprotect();
  for (const chart of parts.charts.items) chart.delete();
  for (const table of parts.tables) table.convertToRange();
  const all = sheet.getRange();
  all.unmerge();
  all.conditionalFormats.clearAll();
  all.dataValidation.clear();
  all.clear('All' as Excel.ClearApplyTo);
  all.rowHidden = false;
  sheet.freezePanes.unfreeze();
}

/**
 * Number formats, values and formulas in row chunks, each chunk one range and at most three
 * arrays (null = leave the cell alone). Chunks are cut where the next row would overflow the budget.
 */
async function writeCells(sheet: Excel.Worksheet, spec: SheetSpec, budget: RequestBudget, limit: number): Promise<void> {
  const rows = spec.rows;
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  if (width === 0) return;
  const maxChunk = limit - SYNC_OVERHEAD - 5 * OPERATION_OVERHEAD;
  const maxRows = Math.max(1, Math.floor(MAX_CELLS_PER_READ / width));

  const slicer = new Slicer();
  let r = 0;
  while (r < rows.length) {
    const top = r;
    const formats: (string | null)[][] = [];
    const values: SpecValue[][] = [];
    const formulas: (string | null)[][] = [];
    let bytes = 0;
    let anyFormat = false;
    let anyValue = false;
    let anyFormula = false;
    while (r < rows.length && formats.length < maxRows) {
      await slicer.pause();
      const source = spec.rows[r];
      const formatRow: (string | null)[] = new Array(width).fill(null);
      const valueRow: SpecValue[] = new Array(width).fill(null);
      const formulaRow: (string | null)[] = new Array(width).fill(null);
      for (let c = 0; c < source.length; c++) {
        const cell = source[c];
        if (!cell) continue;
        const formula = formulaOfCell(cell, r, c);
        if (formula) {
          formulaRow[c] = formula;
          anyFormula = true;
          if (cell.numberFormat) formatRow[c] = cell.numberFormat;
        } else {
          const value = cellValue(cell.value);
          // Text that Excel would turn into a formula, number or date is marked as text first.
          if (typeof value === 'string' && needsTextFormat(value)) formatRow[c] = '@';
          else if (cell.numberFormat) formatRow[c] = cell.numberFormat;
          if (value !== null) {
            valueRow[c] = value;
            anyValue = true;
          }
        }
        if (formatRow[c] !== null) anyFormat = true;
      }
      const rowBytes = jsonRowBytes(formatRow) + jsonRowBytes(valueRow) + jsonRowBytes(formulaRow) + 3;
      if (formats.length > 0 && bytes + rowBytes > maxChunk) break;
      formats.push(formatRow);
      values.push(valueRow);
      formulas.push(formulaRow);
      bytes += rowBytes;
      r++;
    }
    if (!anyFormat && !anyValue && !anyFormula) continue;
    await budget.reserve(bytes + 4 * OPERATION_OVERHEAD);
    const range = sheet.getRange(rangeToA1({ top, left: 0, bottom: r - 1, right: width - 1 }));
    if (anyFormat) range.numberFormat = formats;
    if (anyValue) range.values = values;
    if (anyFormula) range.formulas = formulas;
  }
}

/** One range per rectangle of equally styled cells. */
async function writeStyles(sheet: Excel.Worksheet, spec: SheetSpec, budget: RequestBudget): Promise<void> {
  const blocks = rectanglesByKey<StyleName>(
    spec.rows.length,
    (r) => spec.rows[r].length,
    (r, c) => spec.rows[r][c]?.style,
  );
  for (const [style, rects] of blocks) {
    for (const block of rects) {
      await budget.reserve(STYLE_BLOCK_BYTES);
      queueStyle(sheet.getRange(rangeToA1(block)), style, block);
    }
  }
}

/** Internal hyperlinks: there is no bulk API, so one range per linked cell (only linked cells). */
async function writeLinks(sheet: Excel.Worksheet, spec: SheetSpec, budget: RequestBudget): Promise<void> {
  const slicer = new Slicer();
  for (let r = 0; r < spec.rows.length; r++) {
    await slicer.pause();
    const row = spec.rows[r];
    for (let c = 0; c < row.length; c++) {
      const link = row[c]?.link;
      if (!link) continue;
      await budget.reserve(OPERATION_OVERHEAD * 2 + jsonStringBytes(link));
      // No textToDisplay: the cell keeps the value (already written as text where needed).
      sheet.getRange(rangeToA1({ top: r, left: c, bottom: r, right: c })).hyperlink = { documentReference: link };
    }
  }
}

function validationRule(validation: SheetSpec['validations'][number]): Excel.DataValidationRule {
  const { min, max } = validation;
  const operator =
    min !== undefined && max !== undefined ? 'Between' : min !== undefined ? 'GreaterThanOrEqualTo' : 'LessThanOrEqualTo';
  switch (validation.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: (validation.list ?? []).join(',') } };
    case 'wholeNumber':
    case 'decimal': {
      const basic: Excel.BasicDataValidation =
        min === undefined && max === undefined
          ? { operator: 'Between', formula1: -1e15, formula2: 1e15 }
          : { operator, formula1: min ?? max ?? 0, formula2: operator === 'Between' ? max : undefined };
      return validation.kind === 'wholeNumber' ? { wholeNumber: basic } : { decimal: basic };
    }
    case 'date': {
      const from = min !== undefined ? serialToIsoDate(min) : '1900-01-01';
      const to = max !== undefined ? serialToIsoDate(max) : '9999-12-31';
      return { date: { operator: 'Between', formula1: from, formula2: to } };
    }
  }
}

