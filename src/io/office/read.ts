/**
 * The read phase: list the workbook (names, used ranges, markers) in two round trips that do not
 * depend on its size, let core's pure plan choose ranges, then read those ranges in as few
 * payload-sized syncs as Excel on the web allows.
 */
import { parseRangeA1, rangeToA1, stripSheetName, toA1, type RangePosition } from '../../core/a1';
import {
  CellError,
  type RawGrid,
  type RawValue,
  type ReadPlan,
  type ReadRange,
  type SheetInfo,
  type TableInfo,
  type WorkbookIndex,
} from '../../core/workbook/raw';
import type { ReadOptions } from '../../core/workbook/port';
import { isPayloadError, workbookError } from './errors';
import { gridBytesPerCell, jsonCellBytes, MAX_CELLS_PER_READ, OPERATION_OVERHEAD } from './payload';
import { Slicer } from './slices';

/** Columns sampled at the top of every sheet to estimate what its cells weigh in JSON. */
const SAMPLE_COLUMNS = 26;
const MAX_SAMPLE_ROWS = 40;
/** Keeps the whole sample small (cells) however many sheets the workbook has. */
const SAMPLE_CELL_BUDGET = 60_000;
/** Bytes per cell assumed when a sample says nothing about a range. */
const DEFAULT_CELL_BYTES = 24;
/** A number format code such as "General" or "#,##0" with quotes and comma. */
const DEFAULT_FORMAT_BYTES = 14;
/** A value type such as "Double" or "String" with quotes and comma. */
const DEFAULT_TYPE_BYTES = 9;
/** Estimates are raised by this much, so a sync stays under the budget when rows vary. */
const SAFETY = 1.15;
/** Allowance for the envelope of a whole sync. */
const SYNC_OVERHEAD = 2_000;
/** A response that was too large is retried in pieces this much smaller, at most this many times in a row. */
const RETRY_SHRINK = 4;
const MAX_PAYLOAD_RETRIES = 6;
/**
 * Numbers in the sample count at least this many characters: the top rows of a sheet often hold
 * small numbers (years, counts, 0) while amounts further down are longer.
 */
const MIN_NUMBER_CHARS = 8;

/** What the listing syncs leave behind for the data phase. */
export interface Listing {
  index: WorkbookIndex;
  /** Loaded worksheet proxies by name. */
  sheets: Map<string, Excel.Worksheet>;
  /** Top-left values of each sheet (A1 only for index(), a sample block for read()). */
  samples: Map<string, unknown[][]>;
  /** The value types of the same cells. */
  sampleTypes: Map<string, unknown[][]>;
}

/** Sync 1: sheets and tables. Sync 2: used ranges, A1 (or a sample block), table ranges. */
export async function listWorkbook(context: Excel.RequestContext, sample: boolean): Promise<Listing> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/position,items/visibility');
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  await context.sync();

  const sheetItems = [...worksheets.items].sort((a, b) => a.position - b.position);
  const sampleRows = sample
    ? Math.max(5, Math.min(MAX_SAMPLE_ROWS, Math.floor(SAMPLE_CELL_BUDGET / (SAMPLE_COLUMNS * Math.max(1, sheetItems.length)))))
    : 1;
  const sampleAddress = rangeToA1({ top: 0, left: 0, bottom: sampleRows - 1, right: sample ? SAMPLE_COLUMNS - 1 : 0 });
  const perSheet = sheetItems.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,rowCount,columnCount');
    const head = sheet.getRange(sampleAddress);
    // The types tell an error value from text that looks like one (and the sample weighs them).
    head.load('values,valueTypes');
    return { sheet, used, head };
  });
  const tableRanges = tables.items.map((table) => {
    const range = table.getRange();
    range.load('address');
    return { table, range };
  });
  await context.sync();

  const sheets = new Map<string, Excel.Worksheet>();
  const samples = new Map<string, unknown[][]>();
  const sampleTypes = new Map<string, unknown[][]>();
  const sheetInfos: SheetInfo[] = perSheet.map(({ sheet, used, head }) => {
    sheets.set(sheet.name, sheet);
    samples.set(sheet.name, head.values);
    sampleTypes.set(sheet.name, head.valueTypes);
    return {
      name: sheet.name,
      position: sheet.position,
      visible: sheet.visibility === 'Visible',
      usedAddress: used.isNullObject ? null : stripSheetName(used.address),
      firstCellText: cellText(toRawValue(head.values[0]?.[0], head.valueTypes[0]?.[0])),
    };
  });
  const tableInfos: TableInfo[] = tableRanges.map(({ table, range }) => ({
    name: table.name,
    sheet: table.worksheet.name,
    address: stripSheetName(range.address),
  }));
  return { index: { sheets: sheetInfos, tables: tableInfos }, sheets, samples, sampleTypes };
}

/** A1's text: null when empty, an error value by the text it shows (as the xlsx adapters give it). */
function cellText(value: RawValue): string | null {
  return value === null ? null : String(value);
}

/**
 * Excel's cell value → core's, by the cell's value type (Range.valueTypes): an Error cell is a
 * CellError with the text Excel shows (which is localised: "#SAKNAS!" in Swedish Excel, "#N/A" in
 * English), and a String cell is text whatever it says ("#N/A" typed as text stays text);
 * "" is an empty cell.
 */
export function toRawValue(value: unknown, type: unknown): RawValue {
  if (type === 'Error') return new CellError(String(value));
  switch (typeof value) {
    case 'string':
      return value === '' ? null : value;
    case 'number':
    case 'boolean':
      return value;
    default:
      return null;
  }
}

interface Rates {
  values: number;
  valueTypes: number;
  formulas: number;
  numberFormats: number;
}

interface Job {
  request: ReadRange;
  rect: RangePosition;
  width: number;
  next: number;
  sheet: Excel.Worksheet;
  /** Estimated JSON bytes per cell of each kind, adapted after every block. */
  rates: Rates;
  grid: RawGrid;
}

interface Block {
  job: Job;
  top: number;
  rows: number;
  range: Excel.Range;
}

/** Bytes per cell of the sample cells that fall inside `rect`, or null when too few do. */
function sampledRate(sample: unknown[][] | undefined, rect: RangePosition): number | null {
  if (!sample) return null;
  let bytes = 0;
  let cells = 0;
  for (let r = rect.top; r <= rect.bottom && r < sample.length; r++) {
    const row = sample[r];
    for (let c = rect.left; c <= rect.right && c < row.length; c++) {
      const value = row[c];
      bytes += (typeof value === 'number' ? Math.max(MIN_NUMBER_CHARS, jsonCellBytes(value)) : jsonCellBytes(value)) + 1;
      cells++;
    }
  }
  return cells >= 16 ? bytes / cells : null;
}

function rowCost(job: Job): number {
  const { request, rates, width } = job;
  // values and valueTypes come with every block.
  let perCell = rates.values + rates.valueTypes;
  let kinds = 2;
  if (request.formulas) {
    perCell += rates.formulas;
    kinds++;
  }
  if (request.numberFormats) {
    perCell += rates.numberFormats;
    kinds++;
  }
  // Each row of each array adds its brackets and a comma.
  return width * perCell + 3 * kinds;
}

/**
 * Reads the plan's ranges. Each sync gets as many row blocks as fit under the payload budget
 * (and under Excel's 5 M cell ceiling), judged from the estimated JSON bytes per cell; every block
 * read corrects the estimate of its range for the next sync.
 */
export async function readPlanned(
  context: Excel.RequestContext,
  listing: Listing,
  plan: ReadPlan,
  budget: number,
  options: ReadOptions,
): Promise<Map<string, RawGrid>> {
  const grids = new Map<string, RawGrid>();
  const jobs: Job[] = plan.ranges.map((request) => {
    const rect = parseRangeA1(request.address);
    if (!rect) throw new RangeError(`read plan: not an A1 range: ${request.address}`);
    const sheet = listing.sheets.get(request.sheet) ?? findSheet(listing, request.sheet);
    const sampled = sampledRate(listing.samples.get(sheet.name), rect);
    const values = (sampled ?? DEFAULT_CELL_BYTES) * SAFETY;
    const valueTypes = (sampledRate(listing.sampleTypes.get(sheet.name), rect) ?? DEFAULT_TYPE_BYTES) * SAFETY;
    const grid: RawGrid = { sheet: sheet.name, top: rect.top, left: rect.left, values: [], formulas: {} };
    if (request.numberFormats) grid.numberFormats = [];
    grids.set(request.id, grid);
    return {
      request,
      rect,
      width: rect.right - rect.left + 1,
      next: rect.top,
      sheet,
      rates: { values, valueTypes, formulas: values * 1.5, numberFormats: DEFAULT_FORMAT_BYTES * SAFETY },
      grid,
    };
  });

  const totalCells = jobs.reduce((n, job) => n + job.width * (job.rect.bottom - job.rect.top + 1), 0);
  let doneCells = 0;
  let retries = 0;
  const slicer = new Slicer();
  while (jobs.some((job) => job.next <= job.rect.bottom)) {
    throwIfAborted(options.signal);
    const blocks = queueBlocks(jobs, budget);
    try {
      await context.sync();
    } catch (error) {
      // The estimate was wrong (rows further down are heavier than the sample): retry smaller.
      if (!isPayloadError(error) || retries >= MAX_PAYLOAD_RETRIES) throw error;
      retries++;
      for (const block of blocks) {
        block.job.next = Math.min(block.job.next, block.top);
        block.job.rates.values *= RETRY_SHRINK;
        block.job.rates.valueTypes *= RETRY_SHRINK;
        block.job.rates.formulas *= RETRY_SHRINK;
        block.job.rates.numberFormats *= RETRY_SHRINK;
      }
      continue;
    }
    retries = 0;
    for (const block of blocks) doneCells += await absorb(block, slicer);
    options.onProgress?.(totalCells === 0 ? 1 : doneCells / totalCells);
  }
  if (totalCells === 0) options.onProgress?.(1);
  return grids;
}

function findSheet(listing: Listing, name: string): Excel.Worksheet {
  const wanted = name.toLocaleLowerCase('sv-SE');
  for (const [key, sheet] of listing.sheets) if (key.toLocaleLowerCase('sv-SE') === wanted) return sheet;
  throw workbookError('not-found', { sheet: name });
}

/** Queues the next blocks of one sync; never syncs. */
function queueBlocks(jobs: Job[], budget: number): Block[] {
  const blocks: Block[] = [];
  let bytes = SYNC_OVERHEAD;
  let cells = 0;
  for (const job of jobs) {
    const rowsLeft = job.rect.bottom - job.next + 1;
    if (rowsLeft <= 0) continue;
    const cost = rowCost(job);
    let rows = Math.floor((budget - bytes - OPERATION_OVERHEAD) / cost);
    rows = Math.min(rows, rowsLeft, Math.floor((MAX_CELLS_PER_READ - cells) / job.width));
    if (rows <= 0) {
      if (blocks.length > 0) break;
      rows = 1; // a single row heavier than the budget: try it alone rather than never finish
    }
    const rect = { top: job.next, left: job.rect.left, bottom: job.next + rows - 1, right: job.rect.right };
    const range = job.sheet.getRange(rangeToA1(rect));
    const props = ['values', 'valueTypes'];
    if (job.request.formulas) props.push('formulas');
    if (job.request.numberFormats) props.push('numberFormat');
    range.load(props);
    blocks.push({ job, top: job.next, rows, range });
    bytes += rows * cost + OPERATION_OVERHEAD;
    cells += rows * job.width;
    job.next += rows;
  }
  return blocks;
}

/** Converts one block into the grid and learns what its cells really weighed. Returns its cells. */
async function absorb(block: Block, slicer: Slicer): Promise<number> {
  const { job, top } = block;
  const cells = block.rows * job.width;
  // Bytes per cell as measured (on a sample of rows), without the per-row brackets rowCost adds itself.
  const rate = (grid: unknown[][]): number => Math.max(2, gridBytesPerCell(grid)) * SAFETY;
  const values = block.range.values as unknown[][];
  job.rates.values = rate(values);
  const types = block.range.valueTypes as unknown[][];
  job.rates.valueTypes = rate(types);
  const formulas = job.request.formulas ? (block.range.formulas as unknown[][]) : null;
  if (formulas) job.rates.formulas = rate(formulas);
  const formats = job.request.numberFormats ? (block.range.numberFormat as string[][]) : null;
  if (formats) job.rates.numberFormats = rate(formats);

  const grid = job.grid;
  for (let r = 0; r < values.length; r++) {
    await slicer.pause();
    const source = values[r];
    const sourceTypes = types[r];
    const row: RawValue[] = new Array(source.length);
    for (let c = 0; c < source.length; c++) row[c] = toRawValue(source[c], sourceTypes[c]);
    grid.values.push(row);
    if (formulas) {
      const formulaRow = formulas[r];
      for (let c = 0; c < formulaRow.length; c++) {
        const f = formulaRow[c];
        // A text cell holding "=x" reads the same in both arrays; a formula never does.
        if (typeof f === 'string' && f.startsWith('=') && f !== source[c]) {
          grid.formulas[toA1(top + r, job.rect.left + c)] = f;
        }
      }
    }
    if (formats) grid.numberFormats?.push(formats[r].map(String));
  }
  return cells;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw workbookError('cancelled');
}
