/**
 * A strict test double of the few Excel (Office.js) objects the Office adapter uses, with Excel's
 * semantics where they matter for batching, payload limits and failure handling:
 *
 * - proxy objects: every method call and property write is queued and applied at `sync()`, in
 *   order; scalar properties must be `load`ed and synced before they are read (PropertyNotLoaded);
 * - a failing operation fails its sync with an OfficeExtension-like error, leaving the operations
 *   before it applied (Excel.run is not atomic);
 * - each sync's request and response are measured as UTF-8 JSON and rejected above the limit
 *   (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, as Excel on the web);
 * - `values` reads "" for empty cells and errors as their (displayed, maybe localised) text, and
 *   `valueTypes` tells them apart: Error, String, Double, Boolean, Empty; an error cell is seeded
 *   as `{ error: "#SAKNAS!" }`, typed as an English code, or a formula's error result; a string
 *   written through `values` is parsed as Excel parses typed input (= + - make a formula,
 *   numbers, booleans, error codes) unless the cell's number format is "@"; `formulas` reads a
 *   constant's value where there is no formula;
 *   null in a written 2-D array leaves the cell alone, "" clears it;
 * - failures can be injected at the Nth operation of a kind, or at the Nth write of any kind;
 * - Excel's documented behaviour where it has bitten add-ins (each with its Microsoft page in
 *   docs/excel-dubbel.md): an undo group (`mergeUndoGroup`) refuses, per platform, the calls that
 *   cannot be undone (UndoNotSupported); deleting a sheet turns every formula that points at it
 *   into #REF! for good, renaming it rewrites them; `merge` keeps only the top-left cell's value;
 *   a table name may not be taken by a table or a defined name; a protected sheet accepts writes
 *   to unlocked cells only and refuses structural changes.
 *
 * Only what the adapter needs is implemented; anything else throws (proxies are not extensible).
 */
import { columnIndex, parseRangeA1, quoteSheetName, rangeToA1, toA1, type RangePosition } from '../../../src/core/a1';
import { isErrorCode } from '../../../src/core/workbook/raw';

// ---------------------------------------------------------------------------------------------
// Errors

/** Shaped like OfficeExtension.Error: `code` is what the adapter maps; `message` is Office's raw text. */
export class DoubleOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation: location };
  }
}

const RAW_MESSAGES: Record<string, string> = {
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  AccessDenied: "You can't perform the requested operation.",
  ItemAlreadyExists: 'The resource being created already exists.',
  PropertyNotLoaded: 'The property has not been loaded. Call the load method and sync before reading it.',
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  InvalidOperationInCellEditMode: 'Excel is in cell-editing mode.',
  GeneralException: 'There was an internal error while processing the request.',
  UndoNotSupported: 'The operation is not supported in an undo group.',
};

function officeError(code: string, location?: string): DoubleOfficeError {
  return new DoubleOfficeError(code, RAW_MESSAGES[code] ?? 'The operation failed.', location);
}

// ---------------------------------------------------------------------------------------------
// Workbook state (what "Excel" holds)

type Scalar = string | number | boolean;
/** An error value as a cell shows it, e.g. `{ error: '#SAKNAS!' }` in Swedish Excel. */
export interface ErrorSeed {
  error: string;
}
const COLS = 16384;
const key = (row: number, col: number): number => row * COLS + col;

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  locked?: boolean;
  borders?: Record<string, { style?: string; weight?: string }>;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Constant values and formula results, by row (undefined/null = empty). */
  values: (Scalar | null | undefined)[][];
  formulas: Map<number, string>;
  numberFormats: Map<number, string>;
  /** Formatting operations in the order applied; later ones win. */
  formats: { rect: RangePosition; format: CellFormat }[];
  columnWidths: Map<number, number>;
  hiddenRows: Set<number>;
  merges: RangePosition[];
  validations: { rect: RangePosition; rule?: unknown; errorAlert?: unknown }[];
  conditionalFormats: { rect: RangePosition; type: string; formula?: string; format: CellFormat }[];
  charts: ChartState[];
  hyperlinks: Map<number, unknown>;
  freeze: { rows: number; columns: number } | null;
  pageLayout: { paperSize?: string; orientation?: string; zoom?: unknown; printTitleRows?: string; centerFooter?: string };
  protection: { protected: boolean; options?: unknown };
  tabColor: string;
  /**
   * Cells holding an error value, with the text they show (also in `values`). A cell counts as an
   * error only while `values` still holds that text; formula results that are English error
   * codes are errors without an entry here.
   */
  errors?: Map<number, string>;
}

export interface ChartState {
  type: string;
  /** The data range and its sheet, as resolved when the chart was added. */
  source: { sheet: string; rect: RangePosition };
  seriesBy: string;
  title: string;
  /** The cells it covers, from setPosition. */
  position: { start: string; end: string } | null;
}

export interface TableState {
  name: string;
  sheet: SheetState;
  rect: RangePosition;
}

/** A defined name (Formulas → Name Manager): workbook-scoped when `sheet` is null. */
export interface NameState {
  name: string;
  sheet: SheetState | null;
  formula: string;
}

/** The host platform: what an undo group accepts differs between the web and Windows/Mac. */
export type DoublePlatform = 'web' | 'windows' | 'mac';

/**
 * Calls that cannot be undone, from Microsoft's "Undo support with the Excel JavaScript API"
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities, table
 * "Unsupported APIs"); only those the adapter could call are listed. Inside a run with
 * `mergeUndoGroup: true`, Excel refuses them with UndoNotSupported.
 */
const NOT_UNDOABLE: Record<string, 'everywhere' | 'desktop'> = {
  'worksheet.delete': 'everywhere',
  'worksheet.copy': 'everywhere',
  'worksheet.protection.protect': 'everywhere',
  'worksheet.protection.unprotect': 'everywhere',
  'workbook.insertWorksheetsFromBase64': 'everywhere',
  'workbook.protection.protect': 'everywhere',
  'workbook.protection.unprotect': 'everywhere',
  // Undoable on the web, not in Excel on Windows and Mac.
  'worksheet.name': 'desktop',
  'worksheet.position': 'desktop',
  'worksheet.visibility': 'desktop',
};

export function undoable(kind: string, platform: DoublePlatform): boolean {
  const where = NOT_UNDOABLE[kind];
  return where === undefined || (where === 'desktop' && platform === 'web');
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  failed?: string;
}

export interface RunRecord {
  options: Record<string, unknown> | null;
  syncs: number;
}

export interface FailureInjection {
  /** Operation kind ("range.values", "conditionalFormats.add", …), "write" for any write, or a test. */
  kind: string | ((kind: string, write: boolean) => boolean);
  /** 1-based: fail the nth matching operation. */
  nth: number;
  code?: string;
}

export interface ExcelDoubleOptions {
  /** Largest request or response accepted, in bytes of JSON (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** The value a formula cell shows (the double does not calculate). Default: null. */
  formulaResult?: (sheet: string, address: string, formula: string) => Scalar | ErrorSeed | null;
  /**
   * What insertWorksheetsFromBase64 finds in a file: its sheets in order, with their cells (as
   * for addSheet). Without it the double refuses the call.
   */
  sheetsFromBase64?: (base64: string) => { name: string; rows: readonly (readonly (Scalar | ErrorSeed | null | undefined)[])[] }[];
  /** Pretend the user is typing in a cell: a run without delayForCellEdit fails at its first sync. */
  cellEditMode?: boolean;
  /** Which Excel this is (undo groups differ). Default: Windows. */
  platform?: DoublePlatform;
}

export interface SeedOptions {
  tables?: { name: string; range: string }[];
  visibility?: SheetState['visibility'];
  numberFormats?: Record<string, string>;
}

const MAX_CELLS = 5_000_000;
/** What Office.js adds around each action and each result (object path, ids). */
const ACTION_OVERHEAD = 48;
const RESULT_OVERHEAD = 16;

function utf8Bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
}

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;

// ---------------------------------------------------------------------------------------------
// The double

export class ExcelDouble {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  readonly syncs: SyncRecord[] = [];
  readonly runs: RunRecord[] = [];
  /** Counts of executed operations by kind. */
  readonly operationCounts = new Map<string, number>();
  selected: string | null = null;
  active: string | null = null;
  /** Calls of suspendApiCalculationUntilNextSync that reached Excel. */
  calculationSuspensions = 0;
  /** Explicit recalculations (application.calculate), with the sync they ran in. */
  readonly calculations: { type: string; sync: number }[] = [];
  /** The sync in which calculation was last suspended (0: never). */
  lastSuspensionSync = 0;
  readonly names: NameState[] = [];
  /** Workbook structure protection: sheets cannot be added, deleted, renamed, moved or copied. */
  structureProtected = false;
  readonly platform: DoublePlatform;
  payloadLimit: number;
  cellEditMode: boolean;
  readonly sheetsFromBase64: ExcelDoubleOptions['sheetsFromBase64'];
  private readonly formulaResult: NonNullable<ExcelDoubleOptions['formulaResult']>;
  private injection: (FailureInjection & { seen: number }) | null = null;
  /** Called before each sync executes, with the 1-based sync number (e.g. to abort a signal midway). */
  onSync: ((syncNumber: number) => void) | null = null;
  /** The operation kind an injected failure hit, once it has. */
  injectedAt: string | null = null;
  private nextSheetId = 1;

  constructor(options: ExcelDoubleOptions = {}) {
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.formulaResult = options.formulaResult ?? (() => null);
    this.cellEditMode = options.cellEditMode ?? false;
    this.sheetsFromBase64 = options.sheetsFromBase64;
    this.platform = options.platform ?? 'windows';
  }

  // --- Excel.run ---------------------------------------------------------------------------

  /** Stand-in for Excel.run: `run(batch)` or `run(options, batch)`. */
  readonly run = async <T>(
    first: Record<string, unknown> | ((context: never) => Promise<T>),
    second?: (context: never) => Promise<T>,
  ): Promise<T> => {
    const options = typeof first === 'function' ? null : first;
    const batch = (typeof first === 'function' ? first : second) as (context: unknown) => Promise<T>;
    if (typeof batch !== 'function') throw new TypeError('Excel.run needs a batch function');
    const record: RunRecord = { options, syncs: 0 };
    this.runs.push(record);
    const context = new DoubleContext(this, record, options?.delayForCellEdit === true, options?.mergeUndoGroup === true);
    try {
      const result = batch(context);
      if (!(result instanceof Promise)) throw officeError('RunMustReturnPromise');
      const value = await result;
      // Like Excel.run: whatever is still queued is sent when the batch completes.
      if (context.pending > 0) await context.sync();
      return value;
    } finally {
      context.close();
    }
  };

  get syncCount(): number {
    return this.syncs.length;
  }

  get largestRequest(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  get largestResponse(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  /** Forget the figures (not the workbook). */
  resetCounters(): void {
    this.syncs.length = 0;
    this.runs.length = 0;
    this.operationCounts.clear();
    this.calculationSuspensions = 0;
    this.calculations.length = 0;
    this.lastSuspensionSync = 0;
  }

  // --- fault injection ---------------------------------------------------------------------

  /** Fails the nth operation matching `kind` from now on (once). */
  failAt(injection: FailureInjection): void {
    this.injection = { ...injection, seen: 0 };
    this.injectedAt = null;
  }

  get injectionFired(): boolean {
    return this.injectedAt !== null;
  }

  /** Called for every operation before it executes. */
  checkInjection(kind: string, write: boolean): void {
    const injection = this.injection;
    if (!injection) return;
    const matches =
      typeof injection.kind === 'function'
        ? injection.kind(kind, write)
        : injection.kind === 'write'
          ? write
          : injection.kind === kind;
    if (!matches) return;
    injection.seen++;
    if (injection.seen === injection.nth) {
      this.injection = null;
      this.injectedAt = kind;
      throw officeError(injection.code ?? 'GeneralException', kind);
    }
  }

  // --- seeding -----------------------------------------------------------------------------

  /**
   * Adds a sheet; a string starting with "=" is a formula, `{ error: text }` an error value, any
   * other string text. Rows may be huge: they are not copied cell by cell twice.
   */
  addSheet(name: string, rows: readonly (readonly (Scalar | ErrorSeed | null | undefined)[])[], options: SeedOptions = {}): SheetState {
    const sheet = this.createSheet(name);
    sheet.visibility = options.visibility ?? 'Visible';
    for (let r = 0; r < rows.length; r++) {
      const source = rows[r];
      const row: (Scalar | null | undefined)[] = new Array(source.length);
      for (let c = 0; c < source.length; c++) {
        const v = source[c];
        if (typeof v === 'string' && v.startsWith('=') && v.length > 1) {
          sheet.formulas.set(key(r, c), v);
          this.show(sheet, row, r, c, this.formulaResult(name, toA1(r, c), v));
        } else this.show(sheet, row, r, c, v);
      }
      sheet.values[r] = row;
    }
    for (const [address, format] of Object.entries(options.numberFormats ?? {})) {
      const rect = mustRect(address);
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) sheet.numberFormats.set(key(r, c), format);
    }
    for (const table of options.tables ?? []) this.addTable(sheet, table.name, mustRect(table.range));
    return sheet;
  }

  /** Adds a defined name; `sheet` makes it sheet-scoped. */
  addName(name: string, formula: string, sheet?: string): NameState {
    const scope = sheet === undefined ? null : this.sheet(sheet);
    const entry: NameState = { name, sheet: scope, formula };
    this.names.push(entry);
    return entry;
  }

  // --- inspection ----------------------------------------------------------------------------

  sheet(name: string): SheetState {
    const found = this.findSheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Value, formula and number format of one cell. */
  cell(sheetName: string, address: string): { value: Scalar | null; formula: string | null; numberFormat: string } {
    const sheet = this.sheet(sheetName);
    const pos = mustRect(address);
    const v = sheet.values[pos.top]?.[pos.left];
    return {
      value: v === undefined ? null : v,
      formula: sheet.formulas.get(key(pos.top, pos.left)) ?? null,
      numberFormat: sheet.numberFormats.get(key(pos.top, pos.left)) ?? 'General',
    };
  }

  /** The formatting that applies to one cell, folded from every operation that covered it. */
  formatAt(sheetName: string, address: string): CellFormat {
    const sheet = this.sheet(sheetName);
    const pos = mustRect(address);
    const result: CellFormat = {};
    for (const { rect, format } of sheet.formats) {
      if (pos.top < rect.top || pos.top > rect.bottom || pos.left < rect.left || pos.left > rect.right) continue;
      const { borders, ...rest } = format;
      Object.assign(result, rest);
      if (borders) result.borders = { ...result.borders, ...borders };
    }
    return result;
  }

  /** Values (non-formula cells), formulas and hidden rows of every sheet, in tab order. */
  inspect(): { name: string; values: Record<string, Scalar | null>; formulas: Record<string, string>; hiddenRows: number[] }[] {
    return this.sheets.map((sheet) => {
      const values: Record<string, Scalar | null> = {};
      const formulas: Record<string, string> = {};
      sheet.values.forEach((row, r) => {
        if (!row) return;
        row.forEach((v, c) => {
          const f = sheet.formulas.get(key(r, c));
          if (f !== undefined) {
            formulas[toA1(r, c)] = f;
            values[toA1(r, c)] = v ?? null;
          } else if (v !== undefined && v !== null) values[toA1(r, c)] = v;
        });
      });
      return { name: sheet.name, values, formulas, hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b) };
    });
  }

  // --- state operations (used by proxies at sync time) ----------------------------------------

  /** The active sheet: the one last activated, else the first (Excel always has one). */
  activeSheet(): SheetState {
    const active = this.active !== null ? this.findSheet(this.active) : undefined;
    if (active) return active;
    if (this.sheets.length === 0) throw officeError('ItemNotFound', 'active sheet');
    return this.sheets[0];
  }

  findSheet(nameOrId: string): SheetState | undefined {
    const lower = nameOrId.toLocaleLowerCase('sv-SE');
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLocaleLowerCase('sv-SE') === lower);
  }

  alive(sheet: SheetState): SheetState {
    if (!this.sheets.includes(sheet)) throw officeError('ItemNotFound', 'worksheet');
    return sheet;
  }

  createSheet(name: string): SheetState {
    this.checkSheetName(name, null);
    const sheet: SheetState = {
      id: `{${String(this.nextSheetId++).padStart(8, '0')}-0000-4000-8000-000000000000}`,
      name,
      visibility: 'Visible',
      values: [],
      formulas: new Map(),
      numberFormats: new Map(),
      formats: [],
      columnWidths: new Map(),
      hiddenRows: new Set(),
      merges: [],
      validations: [],
      conditionalFormats: [],
      charts: [],
      hyperlinks: new Map(),
      freeze: null,
      pageLayout: {},
      protection: { protected: false },
      tabColor: '',
    };
    this.sheets.push(sheet);
    return sheet;
  }

  checkSheetName(name: string, self: SheetState | null): void {
    if (typeof name !== 'string' || name.length === 0 || name.length > 31 || FORBIDDEN_SHEET_CHARS.test(name) || /^'|'$/.test(name)) {
      throw officeError('InvalidArgument', 'worksheet.name');
    }
    const other = this.findSheet(name);
    if (other && other !== self) throw officeError('ItemAlreadyExists', 'worksheet.name');
  }

  assertStructureEditable(what: string): void {
    if (this.structureProtected) throw officeError('AccessDenied', what);
  }

  deleteSheet(sheet: SheetState): void {
    this.alive(sheet);
    this.assertStructureEditable('worksheet.delete');
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) throw officeError('InvalidOperation' as string, 'worksheet.delete');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i].sheet === sheet) this.names.splice(i, 1);
    // Excel rewrites every reference to a deleted sheet as #REF!, for good: a sheet added later
    // under the same name does not bring them back.
    this.rewriteReferences(sheet.name, null);
  }

  /** Sheet rename: Excel rewrites the formulas that name the sheet to the new name. */
  renameSheet(sheet: SheetState, name: string): void {
    this.alive(sheet);
    this.assertStructureEditable('worksheet.name');
    this.checkSheetName(name, sheet);
    const old = sheet.name;
    sheet.name = name;
    if (old !== name) this.rewriteReferences(old, name);
  }

  /**
   * Rewrites the references to sheet `from` in every formula (cells, conditional formats, defined
   * names): to the new name, or to #REF! when `to` is null (the cell then shows #REF!).
   */
  private rewriteReferences(from: string, to: string | null): void {
    for (const s of this.sheets) {
      for (const [k, formula] of s.formulas) {
        const rewritten = rewriteSheetReferences(formula, from, to);
        if (rewritten === formula) continue;
        s.formulas.set(k, rewritten);
        if (to === null) {
          const row = (s.values[Math.floor(k / COLS)] ??= []);
          row[k % COLS] = '#REF!';
        }
      }
      for (const cf of s.conditionalFormats) if (cf.formula) cf.formula = rewriteSheetReferences(cf.formula, from, to);
    }
    for (const n of this.names) n.formula = rewriteSheetReferences(n.formula, from, to);
  }

  moveSheet(sheet: SheetState, position: number): void {
    this.alive(sheet);
    this.assertStructureEditable('worksheet.position');
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw officeError('InvalidArgument', 'worksheet.position');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  addTable(sheet: SheetState, name: string, rect: RangePosition): TableState {
    this.assertUnprotected(sheet, 'tables.add');
    this.checkTableName(name, null);
    for (const t of this.tables) {
      if (t.sheet === sheet && overlaps(t.rect, rect)) throw officeError('InvalidArgument', 'tables.add');
    }
    const table: TableState = { name, sheet, rect };
    this.tables.push(table);
    return table;
  }

  checkTableName(name: string, self: TableState | null): void {
    if (typeof name !== 'string' || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255) {
      throw officeError('InvalidArgument', 'table.name');
    }
    const lower = name.toLocaleLowerCase('sv-SE');
    if (this.tables.some((t) => t !== self && t.name.toLocaleLowerCase('sv-SE') === lower)) {
      throw officeError('InvalidArgument', 'table.name');
    }
    // A table's name is a defined name too: it may not clash with any name of any scope.
    if (this.names.some((n) => n.name.toLocaleLowerCase('sv-SE') === lower)) throw officeError('InvalidArgument', 'table.name');
  }

  /** Bounding box of the cells holding a value or formula; with valuesOnly false also formatted ones. */
  usedRect(sheet: SheetState, valuesOnly: boolean): RangePosition | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    const take = (r: number, c: number): void => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    sheet.values.forEach((row, r) => {
      if (!row) return;
      let first = -1;
      let last = -1;
      for (let c = 0; c < row.length; c++) {
        if (row[c] !== undefined && row[c] !== null) {
          if (first < 0) first = c;
          last = c;
        }
      }
      if (first >= 0) {
        take(r, first);
        take(r, last);
      }
    });
    for (const k of sheet.formulas.keys()) take(Math.floor(k / COLS), k % COLS);
    if (!valuesOnly) {
      for (const k of sheet.numberFormats.keys()) take(Math.floor(k / COLS), k % COLS);
      for (const { rect } of sheet.formats) {
        take(rect.top, rect.left);
        take(rect.bottom, rect.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  readGrid(sheet: SheetState, rect: RangePosition, what: 'values' | 'formulas' | 'numberFormat'): unknown[][] {
    const rows: unknown[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const source = sheet.values[r];
      const row: unknown[] = new Array(rect.right - rect.left + 1);
      for (let c = rect.left; c <= rect.right; c++) {
        const v = source?.[c];
        const value = v === undefined || v === null ? '' : v;
        if (what === 'values') row[c - rect.left] = value;
        else if (what === 'formulas') row[c - rect.left] = sheet.formulas.get(key(r, c)) ?? value;
        else row[c - rect.left] = sheet.numberFormats.get(key(r, c)) ?? 'General';
      }
      rows.push(row);
    }
    return rows;
  }

  /** Range.valueTypes as Excel gives it: Empty, String, Double (every number), Boolean, Error. */
  readValueTypes(sheet: SheetState, rect: RangePosition): string[][] {
    const rows: string[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const source = sheet.values[r];
      const row: string[] = new Array(rect.right - rect.left + 1);
      for (let c = rect.left; c <= rect.right; c++) {
        const v = source?.[c];
        let type: string;
        if (v === undefined || v === null || v === '') type = 'Empty';
        else if (typeof v === 'number') type = 'Double';
        else if (typeof v === 'boolean') type = 'Boolean';
        else if (this.isErrorCell(sheet, r, c, v)) type = 'Error';
        else type = 'String';
        row[c - rect.left] = type;
      }
      rows.push(row);
    }
    return rows;
  }

  /** An error: seeded or typed as one and still showing its text, or a formula showing an English error code. */
  private isErrorCell(sheet: SheetState, r: number, c: number, text: string): boolean {
    const k = key(r, c);
    if (sheet.errors?.get(k) === text) return true;
    return sheet.formulas.has(k) && isErrorCode(text);
  }

  /** Puts what a cell shows into `row[c]`; an error value shows its text and is remembered as an error. */
  private show(sheet: SheetState, row: (Scalar | null | undefined)[], r: number, c: number, value: Scalar | ErrorSeed | null | undefined): void {
    if (value !== null && typeof value === 'object') {
      row[c] = value.error;
      (sheet.errors ??= new Map()).set(key(r, c), value.error);
    } else row[c] = value;
  }

  /** Writes a 2-D array as Excel does: null leaves a cell alone, "" clears it, text is parsed unless "@". */
  writeGrid(sheet: SheetState, rect: RangePosition, grid: unknown, what: 'values' | 'formulas' | 'numberFormat'): void {
    const height = rect.bottom - rect.top + 1;
    const width = rect.right - rect.left + 1;
    if (!Array.isArray(grid) || grid.length !== height || grid.some((row) => !Array.isArray(row) || row.length !== width)) {
      throw officeError('InvalidArgument', `range.${what}`);
    }
    // A protected sheet takes writes to unlocked cells only (what a person may type in).
    if (sheet.protection.protected) {
      (grid as unknown[][]).forEach((row, i) =>
        row.forEach((input, j) => {
          if (input !== null && input !== undefined && this.isLocked(sheet, rect.top + i, rect.left + j)) {
            throw officeError('AccessDenied', `range.${what}`);
          }
        }),
      );
    }
    (grid as unknown[][]).forEach((row, i) => {
      const r = rect.top + i;
      row.forEach((input, j) => {
        if (input === null || input === undefined) return;
        const c = rect.left + j;
        const k = key(r, c);
        if (what === 'numberFormat') {
          if (typeof input !== 'string') throw officeError('InvalidArgument', 'range.numberFormat');
          if (input === '' || input === 'General') sheet.numberFormats.delete(k);
          else sheet.numberFormats.set(k, input);
          return;
        }
        this.setCell(sheet, r, c, input, sheet.numberFormats.get(k) === '@');
      });
    });
  }

  /** Cells are locked unless a format operation unlocked them (Excel's default). */
  isLocked(sheet: SheetState, r: number, c: number): boolean {
    let locked = true;
    for (const { rect, format } of sheet.formats) {
      if (format.locked === undefined || r < rect.top || r > rect.bottom || c < rect.left || c > rect.right) continue;
      locked = format.locked;
    }
    return locked;
  }

  /** Structural changes (merges, validation, conditional formats, tables …) need an unprotected sheet. */
  assertUnprotected(sheet: SheetState, what: string): void {
    if (sheet.protection.protected) throw officeError('AccessDenied', what);
  }

  /** Range.clear: what `applyTo` names goes, inside `rect` (formats: operations wholly inside it). */
  clearRange(sheet: SheetState, rect: RangePosition, applyTo: string): void {
    const contents = applyTo === 'All' || applyTo === 'Contents';
    const formats = applyTo === 'All' || applyTo === 'Formats';
    const inside = (k: number): boolean => {
      const r = Math.floor(k / COLS);
      const c = k % COLS;
      return r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right;
    };
    if (contents) {
      for (let r = rect.top; r <= Math.min(rect.bottom, sheet.values.length - 1); r++) {
        const row = sheet.values[r];
        if (!row) continue;
        for (let c = rect.left; c <= Math.min(rect.right, row.length - 1); c++) row[c] = undefined;
      }
      for (const k of [...sheet.formulas.keys()]) if (inside(k)) sheet.formulas.delete(k);
    }
    if (formats) {
      for (const k of [...sheet.numberFormats.keys()]) if (inside(k)) sheet.numberFormats.delete(k);
      sheet.formats = sheet.formats.filter((f) => !contains(rect, f.rect));
    }
    if (applyTo === 'All' || applyTo === 'Hyperlinks') {
      for (const k of [...sheet.hyperlinks.keys()]) if (inside(k)) sheet.hyperlinks.delete(k);
    }
  }

  /** Worksheet.copy: a new sheet with everything the old one holds, named "Name (2)". */
  copySheet(source: SheetState, position: string): SheetState {
    this.alive(source);
    this.assertStructureEditable('worksheet.copy');
    let n = 2;
    const nameFor = (i: number): string => {
      const suffix = ` (${i})`;
      return source.name.slice(0, 31 - suffix.length) + suffix;
    };
    while (this.findSheet(nameFor(n))) n++;
    const copy = this.createSheet(nameFor(n));
    this.sheets.pop();
    copy.visibility = source.visibility;
    copy.values = source.values.map((row) => (row ? [...row] : row));
    copy.formulas = new Map(source.formulas);
    copy.numberFormats = new Map(source.numberFormats);
    copy.formats = source.formats.map((f) => ({ rect: { ...f.rect }, format: { ...f.format } }));
    copy.columnWidths = new Map(source.columnWidths);
    copy.hiddenRows = new Set(source.hiddenRows);
    copy.merges = source.merges.map((m) => ({ ...m }));
    copy.validations = source.validations.map((v) => ({ ...v, rect: { ...v.rect } }));
    copy.conditionalFormats = source.conditionalFormats.map((cf) => ({ ...cf, rect: { ...cf.rect }, format: { ...cf.format } }));
    copy.charts = source.charts.map((ch) => ({
      ...ch,
      source: ch.source.sheet === source.name ? { sheet: copy.name, rect: { ...ch.source.rect } } : ch.source,
    }));
    copy.hyperlinks = new Map(source.hyperlinks);
    copy.freeze = source.freeze ? { ...source.freeze } : null;
    copy.pageLayout = { ...source.pageLayout };
    copy.protection = { ...source.protection };
    copy.tabColor = source.tabColor;
    const at = position === 'End' ? this.sheets.length : position === 'After' ? this.sheets.indexOf(source) + 1 : position === 'Before' ? this.sheets.indexOf(source) : 0;
    this.sheets.splice(at, 0, copy);
    // Tables are copied under new free names, as Excel does.
    for (const table of this.tables.filter((t) => t.sheet === source)) {
      let i = 2;
      while (this.tables.some((t) => t.name.toLocaleLowerCase('sv-SE') === `${table.name}${i}`.toLocaleLowerCase('sv-SE'))) i++;
      this.tables.push({ name: `${table.name}${i}`, sheet: copy, rect: { ...table.rect } });
    }
    return copy;
  }

  private setCell(sheet: SheetState, r: number, c: number, input: unknown, text: boolean): void {
    const k = key(r, c);
    const row = (sheet.values[r] ??= []);
    sheet.formulas.delete(k);
    sheet.errors?.delete(k);
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) throw officeError('InvalidArgument', 'range.values');
      row[c] = input;
      return;
    }
    if (typeof input === 'boolean') {
      row[c] = input;
      return;
    }
    if (typeof input !== 'string') throw officeError('InvalidArgument', 'range.values');
    if (input === '') {
      row[c] = undefined;
      return;
    }
    if (text) {
      row[c] = input;
      return;
    }
    const parsed = parseTyped(input);
    if (parsed.formula !== undefined) {
      sheet.formulas.set(k, parsed.formula);
      this.show(sheet, row, r, c, this.formulaResult(sheet.name, toA1(r, c), parsed.formula));
    } else this.show(sheet, row, r, c, isErrorCode(input) ? { error: input } : parsed.value);
  }

  addressOf(sheet: SheetState, rect: RangePosition): string {
    const simple = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet.name) && !/^[A-Za-z]{1,3}\d+$/.test(sheet.name);
    return `${simple ? sheet.name : quoteSheetName(sheet.name)}!${rangeToA1(rect)}`;
  }

  countOperation(kind: string): void {
    this.operationCounts.set(kind, (this.operationCounts.get(kind) ?? 0) + 1);
  }
}

/** How Excel reads text typed (or written through `values`) into a General cell. */
function parseTyped(text: string): { value?: Scalar; formula?: string } {
  const first = text[0];
  if (first === '=' && text.length > 1) return { formula: text };
  const number = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (Number.isFinite(number)) return { value: number };
  if (first === '+' || first === '-') return { formula: `=${text}` };
  if (first === '@') return { formula: `=${text.slice(1)}` };
  if (/^(true|false)$/i.test(text.trim())) return { value: text.trim().toLowerCase() === 'true' };
  return { value: text };
}

function mustRect(address: string): RangePosition {
  const rect = parseRangeA1(address);
  if (!rect) throw officeError('InvalidArgument', `address ${address}`);
  return rect;
}

/** True when `outer` holds all of `inner`. */
function contains(outer: RangePosition, inner: RangePosition): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/**
 * Rewrites the references to sheet `from` in a formula (quoted or not, any case), outside string
 * literals: to `to` (quoted where needed), or to #REF! when `to` is null, as Excel does:
 * `='SN Delår'!$D$45` becomes `=#REF!$D$45` once the sheet is deleted.
 */
export function rewriteSheetReferences(formula: string, from: string, to: string | null): string {
  const wanted = from.toLocaleLowerCase('sv-SE');
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      let j = end < 0 ? formula.length : end + 1;
      while (j < formula.length && formula[j] === '"') {
        const next = formula.indexOf('"', j + 1);
        j = next < 0 ? formula.length : next + 1;
      }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    let name: string | null = null;
    let length = 0;
    if (ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      if (formula[j + 1] === '!') {
        name = formula.slice(i + 1, j).replace(/''/g, "'");
        length = j + 2 - i;
      }
    } else if (/[\p{L}_]/u.test(ch) && (i === 0 || !/[\p{L}\p{N}_.]/u.test(formula[i - 1]))) {
      const m = /^[\p{L}_][\p{L}\p{N}_.]*!/u.exec(formula.slice(i));
      if (m) {
        name = m[0].slice(0, -1);
        length = m[0].length;
      }
    }
    if (name !== null && name.toLocaleLowerCase('sv-SE') === wanted) {
      out += to === null ? '#REF!' : `${quoteSheetName(to)}!`;
      i += length;
      continue;
    }
    if (name !== null) {
      out += formula.slice(i, i + length);
      i += length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function overlaps(a: RangePosition, b: RangePosition): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function cellCount(rect: RangePosition): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

// ---------------------------------------------------------------------------------------------
// Request context and queue

interface Operation {
  kind: string;
  write: boolean;
  requestBytes: number;
  execute(): void;
  /** Response bytes of what execute() produced (loads, created objects). */
  responseBytes?(): number;
  /** Hands results to the proxies; only when the whole sync succeeded. */
  deliver?(): void;
}

class DoubleContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  private queue: Operation[] = [];
  private closed = false;

  constructor(
    readonly excel: ExcelDouble,
    private readonly record: RunRecord,
    private readonly delayForCellEdit: boolean,
    private readonly mergeUndoGroup: boolean = false,
  ) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  get pending(): number {
    return this.queue.length;
  }

  close(): void {
    this.closed = true;
  }

  assertOpen(): void {
    if (this.closed) throw officeError('InvalidRequestContext');
  }

  enqueue(operation: Operation): void {
    this.assertOpen();
    this.queue.push(operation);
  }

  async sync(): Promise<void> {
    this.assertOpen();
    const operations = this.queue;
    this.queue = [];
    const excel = this.excel;
    const record: SyncRecord = {
      requestBytes: 64 + operations.reduce((n, op) => n + op.requestBytes, 0),
      responseBytes: 0,
      operations: operations.length,
    };
    excel.syncs.push(record);
    this.record.syncs++;
    excel.onSync?.(excel.syncs.length);
    await Promise.resolve();
    const fail = (error: DoubleOfficeError): never => {
      record.failed = error.code;
      throw error;
    };
    if (excel.cellEditMode && !this.delayForCellEdit) fail(officeError('InvalidOperationInCellEditMode'));
    if (record.requestBytes > excel.payloadLimit) fail(officeError('RequestPayloadSizeLimitExceeded'));
    for (const op of operations) {
      try {
        // An undo group refuses a call that cannot be undone; what came before it stays applied.
        if (this.mergeUndoGroup && !undoable(op.kind, excel.platform)) throw officeError('UndoNotSupported', op.kind);
        excel.checkInjection(op.kind, op.write);
        op.execute();
        excel.countOperation(op.kind);
      } catch (error) {
        if (error instanceof DoubleOfficeError) fail(error);
        throw error;
      }
    }
    record.responseBytes = 32 + operations.reduce((n, op) => n + (op.responseBytes?.() ?? 0), 0);
    if (record.responseBytes > excel.payloadLimit) fail(officeError('ResponsePayloadSizeLimitExceeded'));
    for (const op of operations) op.deliver?.();
  }

}

// ---------------------------------------------------------------------------------------------
// Proxies

/** A slot filled when the operation that creates an object runs. */
class Binding<T> {
  private bound = false;
  private value: T | null = null;
  constructor(private readonly describe: string) {}
  set(value: T | null): void {
    this.bound = true;
    this.value = value;
  }
  /** The object, or null for a null object; throws when the creating operation never ran. */
  peek(): T | null {
    if (!this.bound) throw officeError('InvalidObjectPath', this.describe);
    return this.value;
  }
  get(): T {
    const value = this.peek();
    if (value === null) throw officeError('ItemNotFound', this.describe);
    return value;
  }
}

type Loader<T> = Record<string, (target: T) => unknown>;

/** Base of every proxy: loading, PropertyNotLoaded, queued writes. */
abstract class ClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private nullKnown: boolean | undefined;

  constructor(
    readonly context: DoubleContext,
    protected readonly kind: string,
    protected readonly resolve: () => T | null,
  ) {}

  /** Scalar properties that can be loaded. */
  protected abstract loaders(): Loader<T>;
  /** Navigation properties whose own properties can be loaded with "nav/prop". */
  protected navigation(): Record<string, ClientObject<unknown>> {
    return {};
  }

  protected target(): T {
    const value = this.resolve();
    if (value === null) throw officeError('ItemNotFound', this.kind);
    return value;
  }

  get isNullObject(): boolean {
    this.context.assertOpen();
    if (this.nullKnown === undefined) throw officeError('PropertyNotLoaded', `${this.kind}.isNullObject`);
    return this.nullKnown;
  }

  /** Set by the creating operation's delivery. */
  markNull(isNull: boolean): void {
    this.nullKnown = isNull;
  }

  protected read<V>(prop: string): V {
    this.context.assertOpen();
    if (!this.loaded.has(prop)) throw officeError('PropertyNotLoaded', `${this.kind}.${prop}`);
    return this.loaded.get(prop) as V;
  }

  load(props?: string | string[]): this {
    const paths = parsePaths(props, Object.keys(this.loaders()));
    let results: Map<string, unknown> | null = null;
    let isNull = false;
    this.context.enqueue({
      kind: `${this.kind}.load`,
      write: false,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(paths),
      execute: () => {
        const target = this.resolve();
        isNull = target === null;
        results = this.collect(target, paths);
      },
      responseBytes: () => RESULT_OVERHEAD + utf8Bytes(Object.fromEntries(flatten(results))),
      deliver: () => {
        this.markNull(isNull);
        this.apply(results);
      },
    });
    return this;
  }

  /** Reads the loaded paths off the target now (at execution), for delivery after the sync. */
  collect(target: T | null, paths: string[]): Map<string, unknown> {
    const results = new Map<string, unknown>();
    const loaders = this.loaders();
    const nav = this.navigation();
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (rest.length > 0) {
        if (!nav[head]) throw officeError('InvalidArgument', `${this.kind}.load(${path})`);
        nested.set(head, [...(nested.get(head) ?? []), rest.join('/')]);
        continue;
      }
      const loader = loaders[head];
      if (!loader) throw officeError('InvalidArgument', `${this.kind}.load(${path})`);
      results.set(head, target === null ? null : loader(target));
    }
    for (const [head, sub] of nested) {
      const child = nav[head];
      results.set(`${head}/`, { child, values: child.collect(target === null ? null : child.resolveNow(), sub) });
    }
    return results;
  }

  /** The target as it is at this point of the sync. */
  resolveNow(): T | null {
    return this.resolve();
  }

  apply(results: Map<string, unknown> | null): void {
    if (!results) return;
    for (const [prop, value] of results) {
      if (prop.endsWith('/')) {
        const { child, values } = value as { child: ClientObject<unknown>; values: Map<string, unknown> };
        child.markNull(false);
        child.apply(values);
      } else this.loaded.set(prop, value);
    }
  }

  /** Queues a write; `apply` runs at sync time against the target. */
  protected write(member: string, args: unknown, apply: (target: T) => void): void {
    this.context.enqueue({
      kind: `${this.kind}.${member}`,
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(args),
      execute: () => apply(this.target()),
    });
  }

  /** Queues the creation of a child object; the child is bound when the operation runs. */
  protected create<C, P extends ClientObject<C>>(
    member: string,
    args: unknown,
    make: (resolve: () => C | null) => P,
    compute: (target: T) => C | null,
    options: { orNull?: boolean; write?: boolean } = {},
  ): P {
    const binding = new Binding<C>(`${this.kind}.${member}`);
    const child = make(() => binding.peek());
    this.context.enqueue({
      kind: `${this.kind}.${member}`,
      write: options.write ?? false,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(args),
      execute: () => {
        const value = compute(this.target());
        if (value === null && !options.orNull) throw officeError('ItemNotFound', `${this.kind}.${member}`);
        binding.set(value);
      },
      responseBytes: () => RESULT_OVERHEAD,
      deliver: () => child.markNull(binding.peek() === null),
    });
    return child;
  }
}

function parsePaths(props: string | string[] | undefined, all: string[]): string[] {
  if (props === undefined) return all;
  const list = Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

function flatten(results: Map<string, unknown> | null): [string, unknown][] {
  if (!results) return [];
  return [...results].map(([k, v]) =>
    k.endsWith('/') ? [k.slice(0, -1), Object.fromEntries(flatten((v as { values: Map<string, unknown> }).values))] : [k, v],
  );
}

function seal<T extends object>(object: T): T {
  return Object.preventExtensions(object);
}

// --- workbook, application ---------------------------------------------------------------------

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NameCollectionProxy;
  readonly protection: WorkbookProtectionProxy;
  constructor(private readonly context: DoubleContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, null);
    this.names = new NameCollectionProxy(context, null);
    this.protection = new WorkbookProtectionProxy(context);
    seal(this);
  }

  /**
   * ExcelApi 1.13: inserts worksheets of another workbook. What the ClientResult holds after the
   * sync is the IDs of the new sheets, not their names. The request carries the whole file, so it
   * meets the payload limit like any other.
   */
  insertWorksheetsFromBase64(base64File: string, options: InsertOptions = {}): { readonly value: string[] } {
    const context = this.context;
    let ids: string[] = [];
    let delivered: string[] | null = null;
    context.enqueue({
      kind: 'workbook.insertWorksheetsFromBase64',
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes([base64File, options]),
      execute: () => {
        context.excel.assertStructureEditable('workbook.insertWorksheetsFromBase64');
        ids = insertSheets(context.excel, base64File, options);
      },
      responseBytes: () => RESULT_OVERHEAD + utf8Bytes(ids),
      deliver: () => {
        delivered = ids;
      },
    });
    return seal({
      get value(): string[] {
        if (delivered === null) throw officeError('ValueNotLoaded', 'ClientResult.value');
        return delivered;
      },
    });
  }
}

interface InsertOptions {
  sheetNamesToInsert?: string[];
  positionType?: string;
  relativeTo?: unknown;
}

/**
 * The state change of insertWorksheetsFromBase64: the chosen sheets of the file (all when none are
 * named) at the end or the beginning. A name the workbook already has fails the whole call before
 * any sheet is added (ItemAlreadyExists, as for worksheets.add; the add-in checks names first, so
 * whether Excel would rather rename does not matter to it).
 */
function insertSheets(excel: ExcelDouble, base64File: string, options: InsertOptions): string[] {
  if (typeof base64File !== 'string' || base64File.length === 0) throw officeError('InvalidArgument', 'insertWorksheetsFromBase64');
  if (!excel.sheetsFromBase64) throw new Error('double: give ExcelDoubleOptions.sheetsFromBase64 to insert worksheets');
  const source = excel.sheetsFromBase64(base64File);
  const lower = (name: string): string => name.toLocaleLowerCase('sv-SE');
  const wanted = options.sheetNamesToInsert?.length ? options.sheetNamesToInsert : source.map((s) => s.name);
  const chosen = wanted.map((name) => {
    const found = source.find((s) => lower(s.name) === lower(name));
    if (!found) throw officeError('InvalidArgument', 'insertWorksheetsFromBase64.sheetNamesToInsert');
    return found;
  });
  for (const sheet of chosen) if (excel.findSheet(sheet.name)) throw officeError('ItemAlreadyExists', 'insertWorksheetsFromBase64');
  const position = options.positionType ?? 'End';
  if (position !== 'End' && position !== 'Beginning') throw new Error(`double: positionType ${position} is not modelled`);
  return chosen.map((s, i) => {
    const sheet = excel.addSheet(s.name, s.rows);
    if (position === 'Beginning') excel.moveSheet(sheet, i);
    return sheet.id;
  });
}

/** workbook.protection: only `protected` (structure protection refuses adding, deleting, renaming, moving sheets). */
class WorkbookProtectionProxy extends ClientObject<ExcelDouble> {
  constructor(context: DoubleContext) {
    super(context, 'workbook.protection', () => context.excel);
    seal(this);
  }
  protected loaders(): Loader<ExcelDouble> {
    return { protected: (excel) => excel.structureProtected };
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

class ApplicationProxy {
  constructor(private readonly context: DoubleContext) {
    seal(this);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({
      kind: 'application.suspendApiCalculationUntilNextSync',
      write: true,
      requestBytes: ACTION_OVERHEAD,
      execute: () => {
        this.context.excel.calculationSuspensions++;
        this.context.excel.lastSuspensionSync = this.context.excel.syncs.length;
      },
    });
  }
  calculate(type: string): void {
    this.context.enqueue({
      kind: 'application.calculate',
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(type),
      execute: () => {
        if (!['Recalculate', 'Full', 'FullRebuild'].includes(type)) throw officeError('InvalidArgument', 'application.calculate');
        this.context.excel.calculations.push({ type, sync: this.context.excel.syncs.length });
      },
    });
  }
}

// --- collections -----------------------------------------------------------------------------------

abstract class CollectionProxy<T, P extends ClientObject<T>> {
  private loadedItems: P[] | null = null;
  constructor(
    readonly context: DoubleContext,
    protected readonly kind: string,
  ) {}

  protected abstract list(): T[];
  protected abstract item(target: T): P;

  get items(): P[] {
    this.context.assertOpen();
    if (!this.loadedItems) throw officeError('PropertyNotLoaded', `${this.kind}.items`);
    return this.loadedItems;
  }

  load(props?: string | string[]): this {
    const paths = parsePaths(props, []).map((p) => (p.startsWith('items/') ? p.slice(6) : p));
    let found: { proxy: P; results: Map<string, unknown> }[] = [];
    this.context.enqueue({
      kind: `${this.kind}.load`,
      write: false,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(paths),
      execute: () => {
        found = this.list().map((target) => {
          const proxy = this.item(target);
          return { proxy, results: proxy.collect(target, paths) };
        });
      },
      responseBytes: () =>
        RESULT_OVERHEAD + utf8Bytes(found.map(({ results }) => Object.fromEntries(flatten(results)))),
      deliver: () => {
        for (const { proxy, results } of found) {
          proxy.markNull(false);
          proxy.apply(results);
        }
        this.loadedItems = found.map(({ proxy }) => proxy);
      },
    });
    return this;
  }

  /** Queues an operation on the collection itself. */
  protected enqueue<R>(
    member: string,
    args: unknown,
    write: boolean,
    make: (resolve: () => R | null) => P,
    compute: () => R | null,
    orNull = false,
  ): P {
    const binding = new Binding<R>(`${this.kind}.${member}`);
    const child = make(() => binding.peek());
    this.context.enqueue({
      kind: `${this.kind}.${member}`,
      write,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(args),
      execute: () => {
        const value = compute();
        if (value === null && !orNull) throw officeError('ItemNotFound', `${this.kind}.${member}`);
        binding.set(value);
      },
      responseBytes: () => RESULT_OVERHEAD,
      deliver: () => child.markNull(binding.peek() === null),
    });
    return child;
  }
}

class NamedItemProxy extends ClientObject<NameState> {
  constructor(context: DoubleContext, resolve: () => NameState | null) {
    super(context, 'namedItem', resolve);
    seal(this);
  }
  protected loaders(): Loader<NameState> {
    return { name: (n) => n.name, formula: (n) => n.formula };
  }
  get name(): string {
    return this.read('name');
  }
}

/** workbook.names (workbook scope) or worksheet.names (that sheet's scope). */
class NameCollectionProxy extends CollectionProxy<NameState, NamedItemProxy> {
  constructor(
    context: DoubleContext,
    private readonly sheet: (() => SheetState) | null,
  ) {
    super(context, sheet ? 'worksheet.names' : 'names');
    seal(this);
  }
  protected list(): NameState[] {
    const sheet = this.sheet?.() ?? null;
    return this.context.excel.names.filter((n) => n.sheet === sheet);
  }
  protected item(target: NameState): NamedItemProxy {
    return new NamedItemProxy(this.context, () => target);
  }
}

class WorksheetCollectionProxy extends CollectionProxy<SheetState, WorksheetProxy> {
  constructor(context: DoubleContext) {
    super(context, 'worksheets');
    seal(this);
  }
  protected list(): SheetState[] {
    return [...this.context.excel.sheets];
  }
  protected item(target: SheetState): WorksheetProxy {
    return new WorksheetProxy(this.context, () => target);
  }
  getItem(nameOrId: string): WorksheetProxy {
    return this.enqueue('getItem', nameOrId, false, (r) => new WorksheetProxy(this.context, r), () =>
      this.context.excel.findSheet(nameOrId) ?? null,
    );
  }
  getItemOrNullObject(nameOrId: string): WorksheetProxy {
    return this.enqueue(
      'getItemOrNullObject',
      nameOrId,
      false,
      (r) => new WorksheetProxy(this.context, r),
      () => this.context.excel.findSheet(nameOrId) ?? null,
      true,
    );
  }
  add(name: string): WorksheetProxy {
    return this.enqueue('add', name, true, (r) => new WorksheetProxy(this.context, r), () => {
      this.context.excel.assertStructureEditable('worksheets.add');
      return this.context.excel.createSheet(name);
    });
  }
}

class TableCollectionProxy extends CollectionProxy<TableState, TableProxy> {
  constructor(
    context: DoubleContext,
    private readonly sheet: (() => SheetState) | null,
  ) {
    super(context, sheet ? 'worksheet.tables' : 'tables');
    seal(this);
  }
  protected list(): TableState[] {
    const sheet = this.sheet?.();
    return this.context.excel.tables.filter((t) => !sheet || t.sheet === sheet);
  }
  protected item(target: TableState): TableProxy {
    return new TableProxy(this.context, () => target);
  }
  getItemOrNullObject(name: string): TableProxy {
    return this.enqueue(
      'getItemOrNullObject',
      name,
      false,
      (r) => new TableProxy(this.context, r),
      () => this.list().find((t) => t.name.toLocaleLowerCase('sv-SE') === name.toLocaleLowerCase('sv-SE')) ?? null,
      true,
    );
  }
  /**
   * As in Excel, the Range (or the sheet named in a string address) decides the sheet, even on
   * worksheet.tables; a bare string address means the active sheet.
   */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const args = typeof address === 'string' ? { address, hasHeaders } : { range: true, hasHeaders };
    return this.enqueue('add', args, true, (r) => new TableProxy(this.context, r), () => {
      const excel = this.context.excel;
      if (!hasHeaders) throw new Error('double: tables without headers shift data; not supported');
      let target: RangeTarget;
      if (typeof address !== 'string') {
        const range = address.resolveNow();
        if (!range) throw officeError('ItemNotFound', 'tables.add');
        target = range;
      } else {
        const bang = address.lastIndexOf('!');
        const sheetName = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : excel.activeSheet().name;
        const sheet = excel.findSheet(sheetName);
        if (!sheet) throw officeError('ItemNotFound', 'tables.add');
        target = { sheet, rect: mustRect(address) };
      }
      let n = 1;
      while (excel.tables.some((t) => t.name === `Table${n}`)) n++;
      return excel.addTable(excel.alive(target.sheet), `Table${n}`, target.rect);
    });
  }
}

// --- worksheet ---------------------------------------------------------------------------------------

/** worksheet.charts: add only, with a title and a position (what Budgetkoll uses). */
class ChartCollectionProxy {
  private loadedItems: ChartProxy[] | null = null;
  constructor(
    private readonly context: DoubleContext,
    private readonly sheet: () => SheetState,
  ) {
    seal(this);
  }
  /** `load('items')`: the charts of the sheet, as proxies that can be deleted. */
  load(props?: string | string[]): this {
    void props;
    let found: ChartState[] = [];
    this.context.enqueue({
      kind: 'worksheet.charts.load',
      write: false,
      requestBytes: ACTION_OVERHEAD,
      execute: () => {
        found = [...this.sheet().charts];
      },
      responseBytes: () => RESULT_OVERHEAD + found.length * 64,
      deliver: () => {
        this.loadedItems = found.map((entry) => new ChartProxy(this.context, () => entry, this.sheet));
      },
    });
    return this;
  }
  get items(): ChartProxy[] {
    this.context.assertOpen();
    if (!this.loadedItems) throw officeError('PropertyNotLoaded', 'worksheet.charts.items');
    return this.loadedItems;
  }
  add(type: string, sourceData: RangeProxy, seriesBy?: string): ChartProxy {
    let entry: ChartState | null = null;
    this.context.enqueue({
      kind: 'worksheet.charts.add',
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes([type, seriesBy ?? 'Auto']),
      execute: () => {
        if (!CHART_TYPES.has(type)) throw officeError('InvalidArgument', 'charts.add');
        this.context.excel.assertUnprotected(this.sheet(), 'charts.add');
        if (!(sourceData instanceof RangeProxy)) throw officeError('InvalidArgument', 'charts.add.sourceData');
        const range = sourceData.resolveNow();
        if (!range) throw officeError('ItemNotFound', 'charts.add');
        entry = { type, source: { sheet: range.sheet.name, rect: { ...range.rect } }, seriesBy: seriesBy ?? 'Auto', title: '', position: null };
        this.sheet().charts.push(entry);
      },
    });
    return new ChartProxy(
      this.context,
      () => {
        if (!entry) throw officeError('InvalidObjectPath', 'chart');
        return entry;
      },
      this.sheet,
    );
  }
}

const CHART_TYPES = new Set(['ColumnClustered', 'BarClustered', 'XYScatter', 'Line', 'Pie']);

class ChartProxy {
  readonly title: { text: string };
  constructor(
    private readonly context: DoubleContext,
    private readonly entry: () => ChartState,
    private readonly sheet: () => SheetState,
  ) {
    const queue = (member: string, value: unknown, apply: (e: ChartState) => void): void =>
      context.enqueue({ kind: `chart.${member}`, write: true, requestBytes: ACTION_OVERHEAD + utf8Bytes(value), execute: () => apply(entry()) });
    this.title = seal({
      set text(text: string) {
        queue('title.text', text, (e) => {
          if (typeof text !== 'string') throw officeError('InvalidArgument', 'chart.title.text');
          e.title = text;
        });
      },
      get text(): string {
        throw officeError('PropertyNotLoaded', 'chart.title');
      },
    });
    seal(this);
  }
  delete(): void {
    this.context.enqueue({
      kind: 'chart.delete',
      write: true,
      requestBytes: ACTION_OVERHEAD,
      execute: () => {
        const charts = this.sheet().charts;
        const at = charts.indexOf(this.entry());
        if (at < 0) throw officeError('ItemNotFound', 'chart.delete');
        charts.splice(at, 1);
      },
    });
  }
  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue({
      kind: 'chart.setPosition',
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes([startCell, endCell ?? '']),
      execute: () => {
        mustRect(startCell);
        if (endCell !== undefined) mustRect(endCell);
        this.entry().position = { start: startCell, end: endCell ?? startCell };
      },
    });
  }
}

class WorksheetProxy extends ClientObject<SheetState> {
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly pageLayout: PageLayoutProxy;
  readonly protection: WorksheetProtectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NameCollectionProxy;

  constructor(context: DoubleContext, resolve: () => SheetState | null) {
    super(context, 'worksheet', resolve);
    const sheet = (): SheetState => context.excel.alive(this.target());
    this.charts = new ChartCollectionProxy(context, sheet);
    this.freezePanes = new FreezePanesProxy(context, sheet);
    this.pageLayout = new PageLayoutProxy(context, sheet);
    this.protection = new WorksheetProtectionProxy(context, sheet);
    this.tables = new TableCollectionProxy(context, sheet);
    this.names = new NameCollectionProxy(context, sheet);
    seal(this);
  }

  protected loaders(): Loader<SheetState> {
    const excel = this.context.excel;
    return {
      id: (s) => s.id,
      name: (s) => s.name,
      position: (s) => excel.sheets.indexOf(s),
      visibility: (s) => s.visibility,
      tabColor: (s) => s.tabColor,
    };
  }

  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.write('name', name, (s) => this.context.excel.renameSheet(s, name));
  }
  get position(): number {
    return this.read('position');
  }
  set position(position: number) {
    this.write('position', position, (s) => this.context.excel.moveSheet(s, position));
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(visibility: string) {
    this.write('visibility', visibility, (s) => {
      const excel = this.context.excel;
      excel.alive(s);
      if (visibility !== 'Visible' && visibility !== 'Hidden' && visibility !== 'VeryHidden') throw officeError('InvalidArgument', 'worksheet.visibility');
      // Excel keeps at least one sheet visible.
      if (visibility !== 'Visible' && !excel.sheets.some((o) => o !== s && o.visibility === 'Visible')) {
        throw officeError('InvalidOperation', 'worksheet.visibility');
      }
      s.visibility = visibility;
    });
  }

  /** Worksheet.copy (ExcelApi 1.10): the copy is known after the sync. */
  copy(positionType: string = 'None', relativeTo?: WorksheetProxy): WorksheetProxy {
    if (relativeTo !== undefined) throw new Error('double: copy relative to a sheet is not modelled');
    return this.create<SheetState, WorksheetProxy>(
      'copy',
      [positionType],
      (r) => new WorksheetProxy(this.context, r),
      (s) => this.context.excel.copySheet(s, positionType),
      { write: true },
    );
  }
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(color: string) {
    this.write('tabColor', color, (s) => {
      if (!/^#[0-9A-Fa-f]{6}$/.test(color) && color !== '') throw officeError('InvalidArgument', 'worksheet.tabColor');
      this.context.excel.alive(s).tabColor = color;
    });
  }

  getRange(address?: string): RangeProxy {
    return this.create<RangeTarget, RangeProxy>(
      'getRange',
      address ?? '',
      (r) => new RangeProxy(this.context, r),
      (s) => {
        this.context.excel.alive(s);
        const rect = address === undefined ? { top: 0, left: 0, bottom: 1048575, right: COLS - 1 } : mustRect(address);
        return { sheet: s, rect };
      },
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.create<RangeTarget, RangeProxy>(
      'getUsedRangeOrNullObject',
      valuesOnly ?? false,
      (r) => new RangeProxy(this.context, r),
      (s) => {
        const rect = this.context.excel.usedRect(this.context.excel.alive(s), valuesOnly === true);
        return rect ? { sheet: s, rect } : null;
      },
      { orNull: true },
    );
  }

  delete(): void {
    this.write('delete', null, (s) => this.context.excel.deleteSheet(s));
  }

  activate(): void {
    this.write('activate', null, (s) => {
      this.context.excel.active = this.context.excel.alive(s).name;
    });
  }
}

class FreezePanesProxy {
  constructor(
    private readonly context: DoubleContext,
    private readonly sheet: () => SheetState,
  ) {
    seal(this);
  }
  private queue(member: string, args: unknown, apply: (s: SheetState) => void): void {
    this.context.enqueue({
      kind: `worksheet.freezePanes.${member}`,
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(args),
      execute: () => apply(this.sheet()),
    });
  }
  freezeRows(count: number): void {
    this.queue('freezeRows', count, (s) => (s.freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count: number): void {
    this.queue('freezeColumns', count, (s) => (s.freeze = { rows: 0, columns: count }));
  }
  unfreeze(): void {
    this.queue('unfreeze', null, (s) => (s.freeze = null));
  }
  freezeAt(address: string): void {
    this.queue('freezeAt', address, (s) => {
      const rect = mustRect(address);
      s.freeze = { rows: rect.bottom + 1, columns: rect.right + 1 };
    });
  }
}

class PageLayoutProxy {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };
  constructor(
    private readonly context: DoubleContext,
    private readonly sheet: () => SheetState,
  ) {
    const queue = this.queue.bind(this);
    const footer = {
      set centerFooter(text: string) {
        queue('headersFooters.defaultForAllPages.centerFooter', text, (s) => (s.pageLayout.centerFooter = text));
      },
      get centerFooter(): string {
        throw officeError('PropertyNotLoaded', 'centerFooter');
      },
    };
    this.headersFooters = seal({ defaultForAllPages: seal(footer) });
    seal(this);
  }
  private queue(member: string, args: unknown, apply: (s: SheetState) => void): void {
    this.context.enqueue({
      kind: `worksheet.pageLayout.${member}`,
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(args),
      execute: () => apply(this.sheet()),
    });
  }
  set paperSize(size: string) {
    this.queue('paperSize', size, (s) => (s.pageLayout.paperSize = size));
  }
  set orientation(orientation: string) {
    this.queue('orientation', orientation, (s) => {
      if (orientation !== 'Landscape' && orientation !== 'Portrait') throw officeError('InvalidArgument', 'orientation');
      s.pageLayout.orientation = orientation;
    });
  }
  set zoom(zoom: unknown) {
    this.queue('zoom', zoom, (s) => (s.pageLayout.zoom = zoom));
  }
  setPrintTitleRows(rows: string): void {
    this.queue('setPrintTitleRows', rows, (s) => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw officeError('InvalidArgument', 'setPrintTitleRows');
      s.pageLayout.printTitleRows = rows;
    });
  }
}

class WorksheetProtectionProxy extends ClientObject<SheetState> {
  constructor(
    context: DoubleContext,
    private readonly sheet: () => SheetState,
  ) {
    super(context, 'worksheet.protection', () => sheet());
    seal(this);
  }
  protected loaders(): Loader<SheetState> {
    return { protected: (s) => s.protection.protected };
  }
  get protected(): boolean {
    return this.read('protected');
  }
  protect(options?: unknown): void {
    this.context.enqueue({
      kind: 'worksheet.protection.protect',
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(options ?? null),
      execute: () => {
        const s = this.sheet();
        if (s.protection.protected) throw officeError('InvalidOperation', 'protect');
        s.protection = { protected: true, options };
      },
    });
  }
  unprotect(password?: string): void {
    this.context.enqueue({
      kind: 'worksheet.protection.unprotect',
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(password ?? null),
      execute: () => {
        this.sheet().protection = { protected: false };
      },
    });
  }
}

// --- tables --------------------------------------------------------------------------------------------

class TableProxy extends ClientObject<TableState> {
  readonly worksheet: WorksheetProxy;
  constructor(context: DoubleContext, resolve: () => TableState | null) {
    super(context, 'table', resolve);
    this.worksheet = new WorksheetProxy(context, () => this.resolve()?.sheet ?? null);
    seal(this);
  }
  protected loaders(): Loader<TableState> {
    return { name: (t) => t.name };
  }
  protected override navigation(): Record<string, ClientObject<unknown>> {
    return { worksheet: this.worksheet as ClientObject<unknown> };
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.write('name', name, (t) => {
      this.context.excel.checkTableName(name, t);
      t.name = name;
    });
  }
  getRange(): RangeProxy {
    return this.create<RangeTarget, RangeProxy>('getRange', null, (r) => new RangeProxy(this.context, r), (t) => ({ sheet: t.sheet, rect: t.rect }));
  }
  /**
   * Table.resize (ExcelApi 1.13): the table covers a new range on its sheet. As in Excel, the
   * header row must stay in the same row, the columns must still overlap the old ones, and the new
   * range must not overlap another table (InvalidArgument otherwise); the cells are not changed.
   */
  resize(newRange: string | RangeProxy): void {
    const args = typeof newRange === 'string' ? { address: newRange } : { range: true };
    this.write('resize', args, (t) => {
      const excel = this.context.excel;
      excel.assertUnprotected(excel.alive(t.sheet), 'table.resize');
      let rect: RangePosition;
      if (typeof newRange === 'string') {
        rect = mustRect(newRange.slice(newRange.lastIndexOf('!') + 1));
      } else {
        const range = newRange.resolveNow();
        if (!range || range.sheet !== t.sheet) throw officeError('InvalidArgument', 'table.resize');
        rect = range.rect;
      }
      const keepsHeader = rect.top === t.rect.top && rect.left <= t.rect.right && rect.right >= t.rect.left && rect.bottom > rect.top;
      if (!keepsHeader) throw officeError('InvalidArgument', 'table.resize');
      if (excel.tables.some((o) => o !== t && o.sheet === t.sheet && overlaps(o.rect, rect))) throw officeError('InvalidArgument', 'table.resize');
      t.rect = rect;
    });
  }
  /** The table goes; its cells (values, formulas, formats) stay. */
  convertToRange(): void {
    this.write('convertToRange', null, (t) => {
      const excel = this.context.excel;
      excel.assertUnprotected(excel.alive(t.sheet), 'table.convertToRange');
      excel.tables.splice(excel.tables.indexOf(t), 1);
    });
  }
}

// --- range -----------------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: SheetState;
  rect: RangePosition;
}

class RangeProxy extends ClientObject<RangeTarget> {
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(context: DoubleContext, resolve: () => RangeTarget | null) {
    super(context, 'range', resolve);
    const live = (): RangeTarget => {
      const t = this.target();
      context.excel.alive(t.sheet);
      return t;
    };
    this.format = new RangeFormatProxy(context, live);
    this.dataValidation = new DataValidationProxy(context, live);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, live);
    seal(this);
  }

  protected loaders(): Loader<RangeTarget> {
    const excel = this.context.excel;
    const grid = (what: 'values' | 'formulas' | 'numberFormat') => (t: RangeTarget) => {
      excel.alive(t.sheet);
      if (cellCount(t.rect) > MAX_CELLS) throw officeError('RangeExceedsLimit', `range.${what}`);
      return excel.readGrid(t.sheet, t.rect, what);
    };
    return {
      address: (t) => excel.addressOf(t.sheet, t.rect),
      rowCount: (t) => t.rect.bottom - t.rect.top + 1,
      columnCount: (t) => t.rect.right - t.rect.left + 1,
      rowIndex: (t) => t.rect.top,
      columnIndex: (t) => t.rect.left,
      values: grid('values'),
      valueTypes: (t) => {
        excel.alive(t.sheet);
        if (cellCount(t.rect) > MAX_CELLS) throw officeError('RangeExceedsLimit', 'range.valueTypes');
        return excel.readValueTypes(t.sheet, t.rect);
      },
      formulas: grid('formulas'),
      numberFormat: grid('numberFormat'),
    };
  }

  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  set values(grid: unknown[][]) {
    this.write('values', grid, (t) => this.context.excel.writeGrid(this.context.excel.alive(t.sheet), t.rect, grid, 'values'));
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(grid: unknown[][]) {
    this.write('formulas', grid, (t) => this.context.excel.writeGrid(this.context.excel.alive(t.sheet), t.rect, grid, 'formulas'));
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(grid: unknown[][]) {
    this.write('numberFormat', grid, (t) =>
      this.context.excel.writeGrid(this.context.excel.alive(t.sheet), t.rect, grid, 'numberFormat'),
    );
  }
  set rowHidden(hidden: boolean) {
    this.write('rowHidden', hidden, (t) => {
      const s = this.context.excel.alive(t.sheet);
      if (!hidden) {
        for (const r of [...s.hiddenRows]) if (r >= t.rect.top && r <= t.rect.bottom) s.hiddenRows.delete(r);
        return;
      }
      for (let r = t.rect.top; r <= t.rect.bottom; r++) s.hiddenRows.add(r);
    });
  }
  get rowHidden(): boolean {
    return this.read('rowHidden');
  }
  set hyperlink(link: unknown) {
    this.write('hyperlink', link, (t) => {
      const s = this.context.excel.alive(t.sheet);
      for (let r = t.rect.top; r <= t.rect.bottom; r++)
        for (let c = t.rect.left; c <= t.rect.right; c++) s.hyperlinks.set(key(r, c), link);
    });
  }
  /** As in Excel: `across` merges each row of the range on its own. */
  merge(across?: boolean): void {
    this.write('merge', across ?? false, (t) => {
      const excel = this.context.excel;
      const s = excel.alive(t.sheet);
      excel.assertUnprotected(s, 'range.merge');
      if (s.merges.some((m) => overlaps(m, t.rect))) throw officeError('InvalidArgument', 'range.merge');
      const areas = across
        ? Array.from({ length: t.rect.bottom - t.rect.top + 1 }, (_, i) => ({ ...t.rect, top: t.rect.top + i, bottom: t.rect.top + i }))
        : [{ ...t.rect }];
      for (const area of areas) {
        s.merges.push(area);
        // Excel keeps the top-left cell's value and drops every other value of the merged area.
        for (let r = area.top; r <= area.bottom; r++) {
          const row = s.values[r];
          for (let c = area.left; c <= area.right; c++) {
            if (r === area.top && c === area.left) continue;
            if (row) row[c] = undefined;
            s.formulas.delete(key(r, c));
          }
        }
      }
    });
  }
  unmerge(): void {
    this.write('unmerge', null, (t) => {
      const excel = this.context.excel;
      const s = excel.alive(t.sheet);
      excel.assertUnprotected(s, 'range.unmerge');
      s.merges = s.merges.filter((m) => !overlaps(m, t.rect));
    });
  }
  /** Range.clear(applyTo): "All" (default), "Contents", "Formats", "Hyperlinks". */
  clear(applyTo: string = 'All'): void {
    this.write('clear', applyTo, (t) => {
      const excel = this.context.excel;
      const s = excel.alive(t.sheet);
      if (!['All', 'Contents', 'Formats', 'Hyperlinks'].includes(applyTo)) throw officeError('InvalidArgument', 'range.clear');
      excel.assertUnprotected(s, 'range.clear');
      if (s.merges.some((m) => overlaps(m, t.rect) && !contains(t.rect, m))) throw officeError('InvalidOperation', 'range.clear');
      excel.clearRange(s, t.rect, applyTo);
    });
  }
  select(): void {
    this.write('select', null, (t) => {
      const s = this.context.excel.alive(t.sheet);
      if (this.context.excel.active !== s.name) throw officeError('InvalidSelection', 'range.select');
      this.context.excel.selected = `${s.name}!${rangeToA1(t.rect)}`;
    });
  }
}

/** Formatting sub-objects write into one CellFormat operation per property set. */
class FormatNode {
  constructor(
    protected readonly context: DoubleContext,
    protected readonly range: () => RangeTarget,
    protected readonly path: string,
  ) {}
  protected setFormat(member: string, value: unknown, format: CellFormat, check?: () => void): void {
    this.context.enqueue({
      kind: `range.${this.path}${member}`,
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(value),
      execute: () => {
        check?.();
        const t = this.range();
        t.sheet.formats.push({ rect: { ...t.rect }, format });
      },
    });
  }
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;
function checkColor(color: string): () => void {
  return () => {
    if (!COLOR.test(color)) throw officeError('InvalidArgument', 'color');
  };
}

class RangeFormatProxy extends FormatNode {
  readonly font: FontProxy;
  readonly fill: FillProxy;
  readonly borders: BordersProxy;
  readonly protection: FormatProtectionProxy;
  constructor(context: DoubleContext, range: () => RangeTarget) {
    super(context, range, 'format.');
    this.font = new FontProxy(context, range);
    this.fill = new FillProxy(context, range);
    this.borders = new BordersProxy(context, range);
    this.protection = new FormatProtectionProxy(context, range);
    seal(this);
  }
  set wrapText(wrap: boolean) {
    this.setFormat('wrapText', wrap, { wrapText: wrap });
  }
  set horizontalAlignment(alignment: string) {
    this.setFormat('horizontalAlignment', alignment, { horizontalAlignment: alignment }, () => {
      if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(alignment)) {
        throw officeError('InvalidArgument', 'horizontalAlignment');
      }
    });
  }
  set columnWidth(points: number) {
    this.context.enqueue({
      kind: 'range.format.columnWidth',
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(points),
      execute: () => {
        if (!(points >= 0 && points <= 255 * 7.5)) throw officeError('InvalidArgument', 'columnWidth');
        const t = this.range();
        for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, points);
      },
    });
  }
}

class FontProxy extends FormatNode {
  constructor(context: DoubleContext, range: () => RangeTarget) {
    super(context, range, 'format.font.');
    seal(this);
  }
  set bold(bold: boolean) {
    this.setFormat('bold', bold, { bold });
  }
  set italic(italic: boolean) {
    this.setFormat('italic', italic, { italic });
  }
  set underline(underline: string) {
    this.setFormat('underline', underline, { underline });
  }
  set size(size: number) {
    this.setFormat('size', size, { size }, () => {
      if (!(size >= 1 && size <= 409)) throw officeError('InvalidArgument', 'font.size');
    });
  }
  set color(color: string) {
    this.setFormat('color', color, { fontColor: color }, checkColor(color));
  }
}

class FillProxy extends FormatNode {
  constructor(context: DoubleContext, range: () => RangeTarget) {
    super(context, range, 'format.fill.');
    seal(this);
  }
  set color(color: string) {
    this.setFormat('color', color, { fill: color }, checkColor(color));
  }
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical', 'DiagonalDown', 'DiagonalUp'];

class BordersProxy {
  constructor(
    private readonly context: DoubleContext,
    private readonly range: () => RangeTarget,
  ) {
    seal(this);
  }
  getItem(edge: string): BorderProxy {
    if (!EDGES.includes(edge)) throw officeError('InvalidArgument', 'borders.getItem');
    return new BorderProxy(this.context, this.range, edge);
  }
}

class BorderProxy extends FormatNode {
  constructor(
    context: DoubleContext,
    range: () => RangeTarget,
    private readonly edge: string,
  ) {
    super(context, range, 'format.borders.');
    seal(this);
  }
  private checkInside(): void {
    const { rect } = this.range();
    if (this.edge === 'InsideHorizontal' && rect.bottom === rect.top) throw officeError('InvalidArgument', 'InsideHorizontal');
    if (this.edge === 'InsideVertical' && rect.right === rect.left) throw officeError('InvalidArgument', 'InsideVertical');
  }
  set style(style: string) {
    this.setFormat('style', style, { borders: { [this.edge]: { style } } }, () => this.checkInside());
  }
  set weight(weight: string) {
    this.setFormat('weight', weight, { borders: { [this.edge]: { weight } } }, () => this.checkInside());
  }
}

class FormatProtectionProxy extends FormatNode {
  constructor(context: DoubleContext, range: () => RangeTarget) {
    super(context, range, 'format.protection.');
    seal(this);
  }
  set locked(locked: boolean) {
    this.setFormat('locked', locked, { locked }, () => {
      if (this.range().sheet.protection.protected) throw officeError('AccessDenied', 'locked');
    });
  }
}

class DataValidationProxy {
  constructor(
    private readonly context: DoubleContext,
    private readonly range: () => RangeTarget,
  ) {
    seal(this);
  }
  private entry(t: RangeTarget): SheetState['validations'][number] {
    let found = t.sheet.validations.find((v) => rangeToA1(v.rect) === rangeToA1(t.rect));
    if (!found) t.sheet.validations.push((found = { rect: { ...t.rect } }));
    return found;
  }
  clear(): void {
    this.context.enqueue({
      kind: 'range.dataValidation.clear',
      write: true,
      requestBytes: ACTION_OVERHEAD,
      execute: () => {
        const t = this.range();
        this.context.excel.assertUnprotected(t.sheet, 'dataValidation.clear');
        t.sheet.validations = t.sheet.validations.filter((v) => !overlaps(v.rect, t.rect));
      },
    });
  }
  set rule(rule: Record<string, unknown>) {
    this.context.enqueue({
      kind: 'range.dataValidation.rule',
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(rule),
      execute: () => {
        this.context.excel.assertUnprotected(this.range().sheet, 'dataValidation.rule');
        const kinds = Object.keys(rule);
        if (kinds.length !== 1) throw officeError('InvalidArgument', 'dataValidation.rule');
        const list = rule.list as { source?: unknown } | undefined;
        if (list && (typeof list.source !== 'string' || list.source.length === 0 || list.source.length > 255)) {
          throw officeError('InvalidArgument', 'dataValidation.rule.list');
        }
        this.entry(this.range()).rule = rule;
      },
    });
  }
  set errorAlert(alert: unknown) {
    this.context.enqueue({
      kind: 'range.dataValidation.errorAlert',
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(alert),
      execute: () => {
        this.entry(this.range()).errorAlert = alert;
      },
    });
  }
}

class ConditionalFormatCollectionProxy {
  constructor(
    private readonly context: DoubleContext,
    private readonly range: () => RangeTarget,
  ) {
    seal(this);
  }
  clearAll(): void {
    this.context.enqueue({
      kind: 'range.conditionalFormats.clearAll',
      write: true,
      requestBytes: ACTION_OVERHEAD,
      execute: () => {
        const t = this.range();
        this.context.excel.assertUnprotected(t.sheet, 'conditionalFormats.clearAll');
        t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !overlaps(cf.rect, t.rect));
      },
    });
  }
  add(type: string): ConditionalFormatProxy {
    let entry: SheetState['conditionalFormats'][number] | null = null;
    this.context.enqueue({
      kind: 'range.conditionalFormats.add',
      write: true,
      requestBytes: ACTION_OVERHEAD + utf8Bytes(type),
      execute: () => {
        if (type !== 'Custom') throw officeError('InvalidArgument', 'conditionalFormats.add');
        const t = this.range();
        this.context.excel.assertUnprotected(t.sheet, 'conditionalFormats.add');
        entry = { rect: { ...t.rect }, type, format: {} };
        t.sheet.conditionalFormats.push(entry);
      },
    });
    return new ConditionalFormatProxy(this.context, () => {
      if (!entry) throw officeError('InvalidObjectPath', 'conditionalFormat');
      return entry;
    });
  }
}

type CfEntry = SheetState['conditionalFormats'][number];

class ConditionalFormatProxy {
  readonly custom: {
    rule: { formula: string };
    format: { font: { color: string; bold: boolean }; fill: { color: string } };
  };
  constructor(context: DoubleContext, entry: () => CfEntry) {
    const queue = (member: string, value: unknown, apply: (e: CfEntry) => void): void =>
      context.enqueue({
        kind: `conditionalFormat.custom.${member}`,
        write: true,
        requestBytes: ACTION_OVERHEAD + utf8Bytes(value),
        execute: () => apply(entry()),
      });
    const notLoaded = (): never => {
      throw officeError('PropertyNotLoaded', 'conditionalFormat');
    };
    this.custom = seal({
      rule: seal({
        set formula(formula: string) {
          queue('rule.formula', formula, (e) => {
            if (typeof formula !== 'string' || !formula.startsWith('=')) throw officeError('InvalidArgument', 'rule.formula');
            e.formula = formula;
          });
        },
        get formula(): string {
          return notLoaded();
        },
      }),
      format: seal({
        font: seal({
          set color(color: string) {
            queue('format.font.color', color, (e) => {
              checkColor(color)();
              e.format.fontColor = color;
            });
          },
          get color(): string {
            return notLoaded();
          },
          set bold(bold: boolean) {
            queue('format.font.bold', bold, (e) => (e.format.bold = bold));
          },
          get bold(): boolean {
            return notLoaded();
          },
        }),
        fill: seal({
          set color(color: string) {
            queue('format.fill.color', color, (e) => {
              checkColor(color)();
              e.format.fill = color;
            });
          },
          get color(): string {
            return notLoaded();
          },
        }),
      }),
    });
    seal(this);
  }
}

/** The double's `run`, typed as the adapter's runner. */
export type DoubleRun = ExcelDouble['run'];

/** Column letters of an A1 address (used by tests that look at whole columns). */
export function columnOf(address: string): number {
  return columnIndex(address.replace(/\d+$/, ''));
}
