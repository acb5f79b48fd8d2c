/**
 * Evaluates a workbook's formulas with IronCalc (a spreadsheet engine in WebAssembly, MIT/Apache-2.0).
 * IronCalc 0.8 reads no .xlsx itself (its web package is the engine only), so the workbook is
 * handed over cell by cell: each sheet's values and formulas as the port read them, then one
 * evaluation. Pure apart from the engine, which the caller passes in, so the worker and the
 * recalculation tests (Node) use the same code.
 */

import { forIronCalc } from './rewrite';

/**
 * What an unsupported formula becomes: an unknown function, so the cell and every cell that
 * depends on it are #NAME? (an engine limit: the grid shows the cached value, marked) instead of
 * a wrong number.
 */
const UNSUPPORTED_FORMULA = '=BUDGETKOLL_UNSUPPORTED()';

/** The part of `@ironcalc/wasm` used here. */
export interface IronCalcModel {
  free(): void;
  renameSheet(sheet: number, name: string): void;
  newSheet(): void;
  setUserInput(sheet: number, row: number, column: number, input: string): void;
  pauseEvaluation(): void;
  resumeEvaluation(): void;
  evaluate(): void;
  getCellType(sheet: number, row: number, column: number): number;
  getFormattedCellValue(sheet: number, row: number, column: number): string;
  updateRangeStyle(range: { sheet: number; row: number; column: number; width: number; height: number }, stylePath: string, value: string): void;
}

export interface IronCalcModule {
  Model: new (name: string, locale: string, timezone: string, languageId: string) => IronCalcModel;
}

/** One cell handed to the engine: 0-based row and column, and what a user would type. */
export type EngineCell = [row: number, col: number, input: string];

export interface EngineSheet {
  name: string;
  cells: EngineCell[];
  /** Indexes into `cells` of the formula cells, whose values come back. */
  formulas: number[];
}

export interface EngineInput {
  sheets: EngineSheet[];
}

/** A value the engine computed: a number, text, a truth value or an error code ("#DIV/0!"). */
export type EngineValue = { kind: 'number'; value: number } | { kind: 'text'; value: string } | { kind: 'boolean'; value: boolean } | { kind: 'error'; value: string };

export interface EngineOutput {
  /** Per sheet, in input order: the value of each formula cell, in the order of `formulas`. */
  values: EngineValue[][];
  /** Milliseconds: handing the cells over, and evaluating. */
  timing: { load: number; evaluate: number };
}

// IronCalc's cell types (CellType in the engine).
const TYPE_NUMBER = 1;
const TYPE_TEXT = 2;
const TYPE_BOOLEAN = 4;
const TYPE_ERROR = 16;

/** A format that shows a number with all its digits, so the text can be read back as the number. */
const FULL_PRECISION = '0.###############';

/**
 * Error codes that mean the engine could not evaluate the formula (a function it lacks, a
 * reference form it does not know), as opposed to an error Excel would show too.
 */
export const ENGINE_LIMIT_ERRORS: ReadonlySet<string> = new Set(['#N/IMPL!', '#NAME?', '#ERROR!']);

/** The cell as typed: text that would be read as a number, formula or truth value stays text. */
export function inputOf(value: number | string | boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value === '' ? '' : `'${value}`;
}

/** [from, to) index runs of `cells` with one row each, bottom row first (cells sorted by row, then column). */
function* rowRunsBottomUp(cells: readonly EngineCell[]): Generator<[number, number]> {
  let to = cells.length;
  while (to > 0) {
    let from = to - 1;
    while (from > 0 && cells[from - 1][0] === cells[to - 1][0]) from--;
    yield [from, to];
    to = from;
  }
}

function rewritten(formula: string): string {
  const { formula: form, unsupported } = forIronCalc(formula);
  return unsupported ? UNSUPPORTED_FORMULA : form;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function readValue(model: IronCalcModel, sheet: number, row: number, col: number): EngineValue {
  const type = model.getCellType(sheet, row, col);
  const text = model.getFormattedCellValue(sheet, row, col);
  if (type === TYPE_NUMBER) {
    const n = Number.parseFloat(text);
    // Fifteen significant digits, as Excel keeps: 1234.59999999999 reads back as 1234.6.
    return Number.isFinite(n) ? { kind: 'number', value: Number(n.toPrecision(15)) } : { kind: 'error', value: '#VALUE!' };
  }
  if (type === TYPE_BOOLEAN) return { kind: 'boolean', value: text.toUpperCase() === 'TRUE' };
  if (type === TYPE_ERROR) return { kind: 'error', value: text };
  if (type === TYPE_TEXT) return { kind: 'text', value: text };
  return { kind: 'text', value: text };
}

/** Builds the engine's workbook from `input`, evaluates it and reads back every formula cell. */
export function evaluateWithIronCalc(ironcalc: IronCalcModule, input: EngineInput, onSheetLoaded?: (sheet: string, ms: number) => void): EngineOutput {
  const started = now();
  const model = new ironcalc.Model('Budgetkoll', 'en', 'UTC', 'en');
  try {
    const count = Math.max(1, input.sheets.length);
    for (let i = 1; i < count; i++) model.newSheet();
    // Temporary names first, so a real name never collides with a default one ("Sheet2").
    for (let i = 0; i < count; i++) model.renameSheet(i, `__budgetkoll_${i}`);
    input.sheets.forEach((sheet, i) => model.renameSheet(i, sheet.name));
    model.pauseEvaluation();
    input.sheets.forEach((sheet, i) => {
      const sheetStarted = now();
      // Bottom row first, each row left to right: IronCalc 0.8 takes cells in any other order in
      // time that grows with the square of the rows (measured, 60 000 rows × 5 columns: rows
      // ascending 1.9 s, rows descending with columns descending 2.3 s, this order 0.8 s).
      for (const [from, to] of rowRunsBottomUp(sheet.cells)) {
        for (let k = from; k < to; k++) {
          const [row, col, text] = sheet.cells[k];
          if (text === '') continue;
          model.setUserInput(i, row + 1, col + 1, text.startsWith('=') ? rewritten(text) : text);
        }
      }
      for (const f of sheet.formulas) {
        const [row, col] = sheet.cells[f];
        model.updateRangeStyle({ sheet: i, row: row + 1, column: col + 1, width: 1, height: 1 }, 'num_fmt', FULL_PRECISION);
      }
      onSheetLoaded?.(sheet.name, now() - sheetStarted);
    });
    const loaded = now();
    model.resumeEvaluation();
    model.evaluate();
    const values = input.sheets.map((sheet, i) =>
      sheet.formulas.map((f) => {
        const [row, col] = sheet.cells[f];
        return readValue(model, i, row + 1, col + 1);
      }),
    );
    return { values, timing: { load: loaded - started, evaluate: now() - loaded } };
  } finally {
    model.free();
  }
}
