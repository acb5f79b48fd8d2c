/**
 * The Office adapter's read figures for a size class, measured on the test double: how many syncs
 * reading all inputs of a validation job takes and the largest request and response. No jest:
 * the benchmark (bench/run.js) prints these next to its timings.
 */
import type { RawWorkbook } from '../../../src/core/workbook/raw';
import { OfficeWorkbookPort, type ExcelRunner } from '../../../src/io/office/office-port';
import { DEFAULT_PAYLOAD_BUDGET } from '../../../src/io/office/payload';
import { seedBudgetWorkbook, planAllInputs } from './budget-workbook';
import { ExcelDouble } from './excel-double';

export interface ReadFigures {
  /** Driftbudget rows. */
  rows: number;
  /** Cells read (all planned ranges). */
  cells: number;
  /** context.sync calls of the whole read. */
  syncs: number;
  /** Syncs that carried cell data (the payload chunks). */
  dataSyncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** Response bytes of the data syncs together. */
  dataResponseBytes: number;
  budgetBytes: number;
  /** Range reads queued by the data phase and the listing (blocks, not rows). */
  rangeLoads: number;
}

/** Two listing syncs come before the data: sheets and tables, then used ranges and samples. */
export const LISTING_SYNCS = 2;

export async function readFigures(rows: number): Promise<ReadFigures> {
  return (await readWithFigures(rows)).figures;
}

/** The figures and what was read (for tests that also check the content). */
export async function readWithFigures(rows: number): Promise<{ figures: ReadFigures; result: RawWorkbook }> {
  const double = new ExcelDouble();
  seedBudgetWorkbook(double, rows);
  const port = new OfficeWorkbookPort(double.run as unknown as ExcelRunner, { isSetSupported: () => true });
  const result = await port.read(planAllInputs);
  let cells = 0;
  for (const grid of result.grids.values()) for (const row of grid.values) cells += row.length;
  const data = double.syncs.slice(LISTING_SYNCS);
  const figures: ReadFigures = {
    rows,
    cells,
    syncs: double.syncCount,
    dataSyncs: data.length,
    largestRequestBytes: double.largestRequest,
    largestResponseBytes: double.largestResponse,
    dataResponseBytes: data.reduce((n, s) => n + s.responseBytes, 0),
    budgetBytes: DEFAULT_PAYLOAD_BUDGET,
    rangeLoads: double.operationCounts.get('range.load') ?? 0,
  };
  return { figures, result };
}
