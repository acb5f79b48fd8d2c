/**
 * The typed budget model that recognition builds from raw tables. Amounts are integer kronor;
 * every row remembers where it came from (sheet and 0-based row) so findings can point at cells.
 */
import type { Finding } from '../findings';
import type { InputId } from '../inputs/catalogue';
import type { RawValue } from '../workbook/raw';

export type Triple = [number, number, number];

/** Where an input was found and how its columns are laid out on the sheet. */
export interface InputLayout {
  input: InputId;
  /** Name shown to users ("Driftbudget"). */
  name: string;
  sheet: string;
  /** Excel table name when it came from a table. */
  table: string | null;
  /** 0-based sheet row of the header. */
  headerRow: number;
  /** 0-based sheet rows of the data area (first and last, inclusive). */
  firstDataRow: number;
  lastDataRow: number;
  /** Column key → 0-based sheet column. */
  columns: Record<string, number>;
  /** Year-group key → 0-based sheet columns, one per year in group order. */
  yearColumns: Record<string, number[]>;
  /** Headers as found, for messages. */
  headers: string[];
  /** Kronor per unit of each amount column's cells, by sheet column (1000 for tkr, 1 for kr, …). */
  kronorPerUnit: Record<number, number>;
  /** Year columns (0-based sheet columns) in which no data row holds anything: no figures at all. */
  emptyYearColumns?: number[];
  /**
   * A mapping's subtotal rule (Koppla indata): rows whose cell in `col` starts with one of `words`
   * are subtotals inside the data area. Formulas summing whole columns (the follow-up's SUMIFS)
   * leave them out by this criterion, as recognition does.
   */
  subtotals?: { col: number; words: string[] };
}

/** A row recognised as a total (Summa/Totalt/Total) and the data rows it closes. */
export interface TotalRow {
  row: number;
  /** 0-based sheet rows of the data rows this total closes. */
  closes: { first: number; last: number } | null;
  /** Year-group amounts of the total row itself (kronor; null where the cell is not a number). */
  amounts: (number | null)[];
  /** Sum of the closed data rows' amounts (kronor). */
  sums: number[];
  /** Formulas of the total row's amount cells (A1 → formula), when read. */
  formulas: (string | null)[];
}

/** An input read through a mapping (Koppla indata): its summary line and the rows left out. */
export interface MappedInput {
  input: InputId;
  /** "Driftbudget: 'Budget 2027–2029'!A4:F212, belopp i mnkr, kostnader negativa". */
  summary: { sv: string; en: string };
  /** "Rader som lämnades utanför: 4 summarader", or null. */
  leftOut: { sv: string; en: string } | null;
}

export interface SourceRef {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
}

export interface FrameRow extends SourceRef {
  board: string;
  /** Kronor per year Y1..Y3 (0 where the cell was empty or unusable). */
  amounts: Triple;
  /** True when every frame cell of the row is empty (a nämnd listed without a frame). */
  noFigures?: boolean;
}

export interface OperatingBudgetRow extends SourceRef {
  board: string;
  activity: string;
  account: string;
  description: string;
  amounts: Triple;
}

export interface BaseFrameRow extends SourceRef {
  board: string;
  amount: number;
}

export interface VolumeRow extends SourceRef {
  board: string;
  activity: string;
  measure: string;
  /** kr per unit, not rounded; null when missing. */
  unitCost: number | null;
  forecastY0: number | null;
  actualY0: number | null;
  forecast: [number | null, number | null, number | null];
}

export interface OtherChangeRow extends SourceRef {
  board: string;
  description: string;
  type: string;
  amounts: Triple;
}

export interface FinancingRow extends SourceRef {
  post: string;
  amounts: Triple;
}

export interface InternalControlRow extends SourceRef {
  board: string;
  process: string;
  risk: string;
  probability: number | null;
  consequence: number | null;
  riskValue: number | null;
  control: string;
  responsible: string;
  timing: string;
}

export interface PoliticalDirectionRow extends SourceRef {
  board: string;
  direction: string;
}

export interface AssignmentRow extends SourceRef {
  recipient: string;
  assignment: string;
  decidedBy: string;
  dueDate: string;
  status: string;
}

export interface KeyFigureRow extends SourceRef {
  board: string;
  activity: string;
  indicator: string;
  koladaId: string;
  value: number | null;
  similar: number | null;
  higherIsBetter: boolean | null;
  netCost: number | null;
  referenceCost: number | null;
  /** The cells as they are: the follow-up tab's formulas refer to them (their cached results). */
  shown?: Record<'value' | 'similar' | 'netCost' | 'referenceCost' | 'higherIsBetter', RawValue | undefined>;
}

export interface ActualRow extends SourceRef {
  board: string;
  activity: string;
  account: string;
  /** "YYYY-MM", or "" when unreadable. */
  period: string;
  amount: number;
}

export interface PersonnelRow extends SourceRef {
  board: string;
  period: string;
  employees: number | null;
  fte: number | null;
  sickLeave: number | null;
  longSickLeave: number | null;
  turnover: number | null;
}

export interface PrivateProviderRow extends SourceRef {
  board: string;
  activity: string;
  contractor: string;
  contractPeriod: string;
  cost: number;
  followedUp: boolean | null;
  observations: string;
  /**
   * The Uppföljning genomförd and Iakttagelser cells as they are: the follow-up tab shows them by
   * reference, and their cached results are these (undefined without the column).
   */
  shown?: { followedUp: RawValue | undefined; observations: RawValue | undefined };
}

export type Correction = 'Permanent' | 'Permanent och retroaktiv';
export type AllocationMode = 'Delta' | 'Nivå';

export interface Parameters {
  kommun: string | null;
  budgetYear: number | null;
  priceLevel: number | null;
  /** Indexation by year, as a fraction (0.028 = 2.8 %). */
  indexation: Record<number, number>;
  /** Financial target as a fraction of skatteintäkter + generella statsbidrag. */
  financialTarget: number | null;
  /** Tolerance in kronor (default 500 = 0.5 tkr). */
  toleranceKr: number;
  /** True when Parametrar gave Tolerans (it then wins over a settings file). */
  toleranceFromWorkbook?: boolean;
  correction: Correction;
  mode: AllocationMode;
  /** Sheet position of each parameter's value cell, for findings. */
  cells: Record<string, SourceRef & { col: number }>;
  /**
   * Where each year's indexation came from, so formulas can reference it: the cell and the
   * divisor that turns its value into a fraction (100 for a plain percent number, 1 for a
   * percent-formatted fraction). Absent when the value was text (formulas then use the constant).
   */
  indexationCells: Record<number, SourceRef & { col: number; divisor: number }>;
}

export interface BudgetModel {
  /** Y1..Y3, or null when no year could be established. */
  years: Triple | null;
  parameters: Parameters;
  layouts: Partial<Record<InputId, InputLayout>>;
  totals: Partial<Record<InputId, TotalRow[]>>;
  frames: FrameRow[];
  operatingBudget: OperatingBudgetRow[];
  baseFrames: BaseFrameRow[];
  volumes: VolumeRow[];
  otherChanges: OtherChangeRow[];
  financing: FinancingRow[];
  internalControl: InternalControlRow[];
  politicalDirections: PoliticalDirectionRow[];
  assignments: AssignmentRow[];
  keyFigures: KeyFigureRow[];
  actuals: ActualRow[];
  personnel: PersonnelRow[];
  privateProviders: PrivateProviderRow[];
  /** STRUCT-* and CELL-* findings from recognition. */
  /** Inputs read through a mapping (Koppla indata), for the summary; empty without one. */
  mappedInputs: MappedInput[];
  findings: Finding[];
}
