/**
 * Formulas in input cells that Budgetkoll cannot trust (CELL-CIRCULAR, CELL-FORMULA-UNTRUSTED).
 *
 * Budgetkoll reads the value a file keeps for a formula cell (the cached result) or the one Excel
 * shows. For a cell in a circular reference that value is whatever the last calculation left
 * (Excel keeps 0 or a stale figure), so a cycle through an amount cell the core reads is an error
 * at that cell. The cycle is found in the dependency graph of the cells whose formulas were read
 * (every grid read with formulas): an edge from a formula cell to each formula cell its
 * references cover. A cycle that passes through a cell whose formula was not read (another tab, a
 * column outside the read range) cannot be proven and is not reported: only what the formulas
 * read show is said. References the text cannot resolve (INDIRECT, OFFSET, another workbook) are
 * a warning at the amount cell instead, as are functions whose value changes on every
 * calculation (NOW, TODAY, RAND…): the cached value may not be the figure the user means.
 */
import { columnLetters, toA1, type RangePosition } from '../a1';
import type { Finding } from '../findings';
import { inputDef } from '../inputs/catalogue';
import { makeFinding } from '../messages/rule-catalogue';
import { gridValue, type RawWorkbook } from '../workbook/raw';
import { formulaReferences } from '../workbook/formula-refs';
import type { BudgetModel, InputLayout } from './model';

/** Column kinds the core reads as numbers. */
const NUMERIC_KINDS = new Set(['amount', 'unitCost', 'number', 'percent', 'scale']);
/** At most this many cells named in one message. */
const LISTED_CELLS = 6;
/** Bound on the work of expanding ranges into edges; beyond it the check stops (no guess). */
const EDGE_BUDGET = 5_000_000;

interface Node {
  sheet: string;
  row: number;
  col: number;
  formula: string;
}

const sheetKey = (sheet: string) => sheet.toLocaleUpperCase('sv-SE');

/** Amount cells of a layout: data rows × numeric columns. */
function numericColumns(layout: InputLayout): Set<number> {
  const cols = new Set<number>();
  for (const group of Object.values(layout.yearColumns)) for (const c of group) if (c >= 0) cols.add(c);
  const def = inputDef(layout.input);
  for (const column of def.columns) {
    const c = layout.columns[column.key];
    if (c !== undefined && NUMERIC_KINDS.has(column.kind)) cols.add(c);
  }
  return cols;
}

/** Column of formula-cell rows per sheet, for expanding a range into the formula cells inside it. */
class FormulaIndex {
  /** sheet key → column → sorted rows → node id. */
  private readonly bySheet = new Map<string, Map<number, { rows: number[]; ids: number[] }>>();

  constructor(nodes: readonly Node[]) {
    nodes.forEach((n, id) => {
      const key = sheetKey(n.sheet);
      let cols = this.bySheet.get(key);
      if (!cols) this.bySheet.set(key, (cols = new Map()));
      let col = cols.get(n.col);
      if (!col) cols.set(n.col, (col = { rows: [], ids: [] }));
      col.rows.push(n.row);
      col.ids.push(id);
    });
    for (const cols of this.bySheet.values()) {
      for (const col of cols.values()) {
        const order = col.rows.map((_, i) => i).sort((a, b) => col.rows[a] - col.rows[b]);
        col.rows = order.map((i) => col.rows[i]);
        col.ids = order.map((i) => col.ids[i]);
      }
    }
  }

  /** Node ids inside a rectangle of a sheet. */
  inside(sheet: string, rect: RangePosition, out: number[]): void {
    const cols = this.bySheet.get(sheetKey(sheet));
    if (!cols) return;
    for (const [c, col] of cols) {
      if (c < rect.left || c > rect.right) continue;
      let lo = 0;
      let hi = col.rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (col.rows[mid] < rect.top) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < col.rows.length && col.rows[i] <= rect.bottom; i++) out.push(col.ids[i]);
    }
  }
}

/** Strongly connected components that are cycles (more than one cell, or a cell referring to itself). Iterative Tarjan. */
function cycles(edges: readonly number[][]): number[][] {
  const n = edges.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const found: number[][] = [];
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (index[start] >= 0) continue;
    const work: [number, number][] = [[start, 0]];
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      if (i < edges[v].length) {
        frame[1]++;
        const w = edges[v][i];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || edges[v].includes(v)) found.push(component);
      }
    }
  }
  return found;
}

/** Findings for the amount cells of recognised inputs whose formulas Budgetkoll cannot trust. */
export function checkFormulaTrust(raw: RawWorkbook, model: BudgetModel): Finding[] {
  const nodes: Node[] = [];
  const seen = new Set<string>();
  for (const grid of raw.grids.values()) {
    for (const [address, formula] of Object.entries(grid.formulas)) {
      const m = /^([A-Z]+)(\d+)$/.exec(address);
      if (!m) continue;
      const key = `${sheetKey(grid.sheet)}!${address}`;
      if (seen.has(key)) continue; // a table and its sheet read twice
      seen.add(key);
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      nodes.push({ sheet: grid.sheet, row: Number(m[2]) - 1, col: col - 1, formula });
    }
  }
  if (nodes.length === 0) return [];

  // Amount cells of the recognised inputs, by sheet.
  const amountAreas = new Map<string, { layout: InputLayout; cols: Set<number> }[]>();
  for (const layout of Object.values(model.layouts)) {
    if (!layout) continue;
    const list = amountAreas.get(sheetKey(layout.sheet)) ?? [];
    list.push({ layout, cols: numericColumns(layout) });
    amountAreas.set(sheetKey(layout.sheet), list);
  }
  const amountLayout = (n: Node): InputLayout | null =>
    amountAreas.get(sheetKey(n.sheet))?.find((a) => n.row > a.layout.headerRow && n.row <= a.layout.lastDataRow && a.cols.has(n.col))?.layout ?? null;
  const columnName = (layout: InputLayout, n: Node): string => {
    for (const grid of raw.grids.values()) {
      if (sheetKey(grid.sheet) !== sheetKey(layout.sheet)) continue;
      const header = gridValue(grid, layout.headerRow, n.col);
      if (typeof header === 'string' && header.trim() !== '') return header.trim();
    }
    return columnLetters(n.col);
  };

  const findings: Finding[] = [];
  const index = new FormulaIndex(nodes);
  const edges: number[][] = [];
  let budget = EDGE_BUDGET;
  for (const n of nodes) {
    const parsed = formulaReferences(n.formula, n.sheet);
    const out: number[] = [];
    if (budget > 0) for (const ref of parsed.refs) index.inside(ref.sheet, ref.rect, out);
    budget -= out.length + parsed.refs.length;
    edges.push(out);
    const layout = amountLayout(n);
    if (!layout) continue;
    const reasons: ('external' | 'indirect' | 'changing')[] = [];
    if (parsed.external) reasons.push('external');
    if (parsed.volatile.some((f) => f === 'INDIRECT' || f === 'OFFSET')) reasons.push('indirect');
    if (parsed.volatile.some((f) => f !== 'INDIRECT' && f !== 'OFFSET')) reasons.push('changing');
    for (const reason of reasons) {
      findings.push(
        makeFinding('CELL-FORMULA-UNTRUSTED', { sheet: n.sheet, cell: toA1(n.row, n.col) }, {
          reason,
          formula: n.formula.length > 80 ? `${n.formula.slice(0, 79)}…` : n.formula,
          functions: parsed.volatile.join(', '),
          column: columnName(layout, n),
        }),
      );
    }
  }
  // Past the budget the graph is incomplete: a cycle it shows is still a cycle, a missing one proves nothing.
  for (const component of cycles(edges)) {
    const cells = component
      .map((id) => nodes[id])
      .sort((a, b) => a.sheet.localeCompare(b.sheet, 'sv') || a.row - b.row || a.col - b.col);
    const sheets = new Set(cells.map((c) => sheetKey(c.sheet)));
    const name = (c: Node) => (sheets.size > 1 ? `${c.sheet}!${toA1(c.row, c.col)}` : toA1(c.row, c.col));
    const listed = cells.slice(0, LISTED_CELLS).map(name).join(', ');
    const more = cells.length - LISTED_CELLS;
    for (const c of cells) {
      const layout = amountLayout(c);
      if (!layout) continue;
      findings.push(
        makeFinding('CELL-CIRCULAR', { sheet: c.sheet, cell: toA1(c.row, c.col) }, {
          cells: listed,
          more: more > 0 ? more : 0,
          column: columnName(layout, c),
        }),
      );
    }
  }
  return findings;
}
