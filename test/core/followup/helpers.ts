/**
 * Test helpers for follow-up tabs: the sample's model, a built tab as the grid a reader would see
 * (after a person typed into it), and finding cells by what a person sees — section headings,
 * row texts and column headers — never by the descriptors under test.
 */
import { columnLetters, toA1 } from '../../../src/core/a1';
import type { BudgetModel } from '../../../src/core/recognition/model';
import { generateSample, sampleToSheetSpecs, type SampleWorkbook } from '../../../src/core/sample';
import type { RawGrid, RawValue } from '../../../src/core/workbook/raw';
import type { SheetSpec, SpecCell } from '../../../src/core/workbook/sheet-spec';
import { formulaOfCell } from '../../../src/core/workbook/r1c1';
import { recognizeSpecs } from '../sample/recognize-specs';

export function sample(): SampleWorkbook {
  return generateSample();
}

/** The sample's input tabs as written. */
export function sampleSpecs(workbook: SampleWorkbook = sample()): SheetSpec[] {
  return sampleToSheetSpecs(workbook, { instructions: false });
}

export function modelOf(workbook: SampleWorkbook = sample()): BudgetModel {
  return recognizeSpecs(sampleSpecs(workbook), 'followUp');
}

/** A copy of a sample with one input's rows replaced. */
export function withRows(workbook: SampleWorkbook, input: string, change: (rows: (string | number | null)[][]) => (string | number | null)[][]): SampleWorkbook {
  return {
    ...workbook,
    sheets: workbook.sheets.map((s) => (s.input === input ? { ...s, rows: change(s.rows.map((r) => [...r])) } : s)),
  };
}

/** The grid a reader sees for a written spec: constants as values, formulas with `evaluate`'s value (else null). */
export function specToGrid(spec: SheetSpec, sheet = spec.name, evaluate: (formula: string, cell: string) => RawValue = () => null): RawGrid {
  const formulas: Record<string, string> = {};
  const values: RawValue[][] = spec.rows.map((row, r) =>
    row.map((cell, c) => {
      if (!cell) return null;
      const formula = formulaOfCell(cell, r, c);
      if (formula !== undefined) {
        formulas[toA1(r, c)] = formula;
        return evaluate(formula, toA1(r, c));
      }
      const v = cell.value;
      return v === undefined || v === '' ? null : (v as RawValue);
    }),
  );
  return { sheet, top: 0, left: 0, values, formulas };
}

/**
 * A built spec with every formula in A1 notation, as it lands in the
 * sheet (tests read rows by index and formulas as text).
 */
export function inA1(spec: SheetSpec): SheetSpec {
  return {
    ...spec,
    rows: spec.rows.map((row, r) =>
      row.map((cell, c) => {
        if (!cell || cell.formulaR1C1 === undefined) return cell;
        const { formulaR1C1: _r1c1, ...rest } = cell;
        return { ...rest, formula: formulaOfCell(cell, r, c) };
      }),
    ),
  };
}

/** Text of a spec cell. */
export function textOf(cell: SpecCell | null | undefined): string {
  if (!cell) return '';
  if (cell.formula !== undefined) return cell.formula;
  return cell.value === null || cell.value === undefined ? '' : String(cell.value);
}

/** The rows of a spec as written. */
function rowsOf(spec: SheetSpec): (SpecCell | null)[][] {
  return spec.rows;
}

/** 0-based row of the section heading whose text contains `title` (e.g. "Ekonomisk uppföljning"). */
export function sectionRow(spec: SheetSpec, title: string): number {
  const r = rowsOf(spec).findIndex((row) => row[1]?.style === 'heading' && textOf(row[1]).includes(title));
  if (r < 0) throw new Error(`no section ${title}`);
  return r;
}

/** Rows of a section: from its heading to the next heading. */
export function sectionRange(spec: SheetSpec, title: string): { top: number; bottom: number } {
  const top = sectionRow(spec, title);
  const rows = rowsOf(spec);
  let bottom = rows.length - 1;
  for (let r = top + 1; r < rows.length; r++) {
    if (rows[r][1]?.style === 'heading') {
      bottom = r - 1;
      break;
    }
  }
  return { top, bottom };
}

/** The 0-based column of a header inside a section; a header may take two rows ("Budget" over "helår"). */
export function columnIn(spec: SheetSpec, title: string, header: string): number {
  const { top, bottom } = sectionRange(spec, title);
  const rows = rowsOf(spec);
  for (let r = top; r <= bottom; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      if (row[c]?.style !== 'header') continue;
      const text = textOf(row[c]);
      const above = rows[r - 1]?.[c]?.style === 'header' ? textOf(rows[r - 1][c]) : '';
      if (text === header || (above && `${above} ${text}` === header)) return c;
    }
  }
  throw new Error(`no column ${header} in ${title}`);
}

/** The 0-based row inside a section whose column B reads `label`. */
export function rowIn(spec: SheetSpec, title: string, label: string): number {
  const { top, bottom } = sectionRange(spec, title);
  const rows = rowsOf(spec);
  for (let r = top + 1; r <= bottom; r++) if (textOf(rows[r][1]) === label) return r;
  throw new Error(`no row ${label} in ${title}`);
}

/** "G15" of a cell found by section, row text and column header. */
export function cellIn(spec: SheetSpec, title: string, label: string, header: string): string {
  return toA1(rowIn(spec, title, label), columnIn(spec, title, header));
}

/** Types a value into a grid cell (what a person does in Excel). */
export function typeInto(grid: RawGrid, address: string, value: RawValue): void {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  while (grid.values.length <= row) grid.values.push([]);
  const r = grid.values[row];
  while (r.length <= col) r.push(null);
  r[col] = value;
  delete grid.formulas[address];
}

/** Sets a cell's value as recalculation would, keeping its formula. */
export function setComputed(grid: RawGrid, address: string, value: RawValue): void {
  const formula = grid.formulas[address];
  typeInto(grid, address, value);
  if (formula !== undefined) grid.formulas[address] = formula;
}

/** Plain text rendering of a spec (for debugging a layout). */
export function dump(spec: SheetSpec): string {
  return rowsOf(spec)
    .map((row, r) => `${String(r + 1).padStart(3)} ${row.map((c, i) => (i === 0 || i === 9 ? '' : `${columnLetters(i)}:${textOf(c).slice(0, 60)}`)).filter((t) => t && !t.endsWith(':')).join(' | ')}`)
    .join('\n');
}
