/**
 * The shared contract every WorkbookPort adapter must pass. Each adapter's test file calls
 * `describePortContract` with a factory that builds its adapter over a seeded workbook and can
 * inspect the workbook afterwards (independently of the port, e.g. by saving and re-reading it).
 */
import type { WorkbookPort } from '../../src/io/port';

/** A pre-existing sheet in a seeded workbook. Cells: value, or a string starting "=" for a formula. */
export interface SeedSheet {
  name: string;
  /** Rows from A1. */
  rows: (string | number | boolean | null)[][];
  /** Excel tables on this sheet: name and A1 range including the header. */
  tables?: { name: string; range: string }[];
}

/** What a test can see of a workbook after the port acted on it, without going through the port. */
export interface InspectedSheet {
  name: string;
  /** Cell values by A1 ("B3" → 12); formula cells give their formula text under `formulas`. */
  values: Record<string, string | number | boolean | null>;
  formulas: Record<string, string>;
  hiddenRows: number[];
}

export interface PortUnderTest {
  port: WorkbookPort;
  /** The workbook's sheets in tab order, as they are now. */
  inspect(): Promise<InspectedSheet[]>;
  /** The cell the last selectCell selected, as "Sheet!A1", or null. */
  selected(): string | null;
}

export type PortFactory = (seed: SeedSheet[]) => Promise<PortUnderTest>;
