/**
 * The playground's computed values: the whole workbook is read through the port, handed to the
 * engine (IronCalc, in a Web Worker: engine-worker.ts) and the value of every formula cell comes
 * back. A formula the engine cannot evaluate (a function it lacks) shows the value the file had
 * cached, marked as such; without a cached value it shows the engine's error, never a made-up
 * number. The grid shows the values; the formula bar still shows the formula.
 */
import { toA1 } from '../../core/a1';
import type { WorkbookReader } from '../../core/workbook/port';
import { CellError, type RawValue } from '../../core/workbook/raw';
import { packInput } from './packed';
import { ENGINE_LIMIT_ERRORS, inputOf, type EngineInput, type EngineOutput, type EngineSheet, type EngineValue } from './ironcalc-model';

/** Where a shown formula value comes from. */
export type ValueSource = 'engine' | 'cached' | 'unavailable';

export interface EvaluatedCell {
  value: RawValue;
  source: ValueSource;
  /** The engine's error when it could not evaluate the formula ("#N/IMPL!"). */
  engineError?: string;
}

export interface Evaluation {
  /** The value of a formula cell, or undefined for a cell without a formula. */
  cell(sheet: string, address: string): EvaluatedCell | undefined;
  /** Formula cells whose value is the file's cached one (or none): the engine could not evaluate them. */
  notEvaluated: number;
  /** Milliseconds: reading the workbook, handing it to the engine, evaluating. */
  timing: { read: number; load: number; evaluate: number; total: number };
  /** Set when the workbook was too large to hand to the engine: every formula shows its cached value. */
  tooLarge?: { cells: number; limit: number };
}

/**
 * Cells handed to the engine at most. IronCalc 0.8 takes cells one by one and slows with the rows
 * of a sheet: the sample with all its tabs (≈20 000 cells) evaluates in about 2 s, an M workbook
 * (≈530 000 cells) takes 40 s to minutes of a core (docs/lekplatsen.md). Above the limit the grid
 * shows the values saved in the file, marked, and says why.
 */
export const ENGINE_MAX_CELLS = 100_000;

/** Runs the engine on a workbook's input. */
export type EngineRunner = (input: EngineInput) => Promise<EngineOutput>;

interface Collected {
  input: EngineInput;
  /** Per sheet: the formula cells' addresses and cached values, in the order of `formulas`. */
  formulaCells: { address: string; cached: RawValue }[][];
}

const SLICE_MS = 25;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Every sheet's values and formulas, as the engine takes them. */
export async function collectEngineInput(port: WorkbookReader): Promise<Collected> {
  const index = await port.index();
  const sheets = index.sheets.filter((s) => s.usedAddress);
  const raw = await port.read(() => ({
    ranges: sheets.map((s, i) => ({ id: `s${i}`, sheet: s.name, address: s.usedAddress!, formulas: true, numberFormats: false })),
  }));
  const input: EngineInput = { sheets: [] };
  let sliceStart = Date.now();
  const formulaCells: Collected['formulaCells'] = [];
  for (const info of index.sheets) {
    const sheet: EngineSheet = { name: info.name, cells: [], formulas: [] };
    const cells: Collected['formulaCells'][number] = [];
    const grid = info.usedAddress ? raw.grids.get(`s${sheets.indexOf(info)}`) : undefined;
    if (grid) {
      const formulaAt = grid.formulas;
      const seen = new Set<string>();
      for (let r = 0; r < grid.values.length; r++) {
        const row = grid.values[r];
        // Long sheets in slices, so the page's main thread never blocks for long.
        if (r % 500 === 0 && Date.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = Date.now();
        }
        for (let c = 0; c < row.length; c++) {
          const address = toA1(grid.top + r, grid.left + c);
          const formula = formulaAt[address];
          if (formula !== undefined) {
            seen.add(address);
            sheet.formulas.push(sheet.cells.length);
            sheet.cells.push([grid.top + r, grid.left + c, formula.startsWith('=') ? formula : `=${formula}`]);
            cells.push({ address, cached: row[c] ?? null });
            continue;
          }
          const value = row[c];
          if (value === null || value === undefined || value instanceof CellError) {
            if (value instanceof CellError) sheet.cells.push([grid.top + r, grid.left + c, value.code]);
            continue;
          }
          sheet.cells.push([grid.top + r, grid.left + c, inputOf(value)]);
        }
      }
      // Formulas in cells past a row's last value (rows may be shorter than the grid).
      for (const [address, formula] of Object.entries(formulaAt)) {
        if (seen.has(address)) continue;
        const match = /^([A-Z]+)(\d+)$/.exec(address);
        if (!match) continue;
        let col = 0;
        for (const ch of match[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
        sheet.formulas.push(sheet.cells.length);
        sheet.cells.push([Number(match[2]) - 1, col - 1, formula.startsWith('=') ? formula : `=${formula}`]);
        cells.push({ address, cached: null });
      }
    }
    input.sheets.push(sheet);
    formulaCells.push(cells);
  }
  return { input, formulaCells };
}

function rawOf(value: EngineValue): RawValue {
  return value.kind === 'error' ? new CellError(value.value) : value.value;
}

/** What a formula cell shows: the engine's value, or the cached one where the engine could not. */
export function shownValue(engine: EngineValue | undefined, cached: RawValue): EvaluatedCell {
  if (engine && !(engine.kind === 'error' && ENGINE_LIMIT_ERRORS.has(engine.value))) return { value: rawOf(engine), source: 'engine' };
  const engineError = engine?.kind === 'error' ? engine.value : undefined;
  if (cached !== null && cached !== '') return { value: cached, source: 'cached', ...(engineError ? { engineError } : {}) };
  return { value: new CellError(engineError ?? '#N/A'), source: 'unavailable', ...(engineError ? { engineError } : {}) };
}

function key(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

/** The evaluation of a collected workbook from the engine's output (null: the engine failed). */
export function evaluationOf(collected: Collected, output: EngineOutput | null, read: number): Evaluation {
  const cells = new Map<string, EvaluatedCell>();
  let notEvaluated = 0;
  collected.input.sheets.forEach((sheet, i) => {
    collected.formulaCells[i].forEach(({ address, cached }, f) => {
      const shown = shownValue(output?.values[i]?.[f], cached);
      if (shown.source !== 'engine') notEvaluated++;
      cells.set(key(sheet.name, address), shown);
    });
  });
  const load = output?.timing.load ?? 0;
  const evaluate = output?.timing.evaluate ?? 0;
  return {
    cell: (sheet, address) => cells.get(key(sheet, address)),
    notEvaluated,
    timing: { read, load, evaluate, total: read + load + evaluate },
  };
}

/** Reads the workbook and evaluates it with `run`; an engine that fails leaves the cached values, marked. */
export async function evaluateWorkbook(port: WorkbookReader, run: EngineRunner, maxCells = ENGINE_MAX_CELLS): Promise<Evaluation> {
  const started = Date.now();
  const collected = await collectEngineInput(port);
  const read = Date.now() - started;
  const cells = collected.input.sheets.reduce((n, sheet) => n + sheet.cells.length, 0);
  if (cells > maxCells) return { ...evaluationOf(collected, null, read), tooLarge: { cells, limit: maxCells } };
  let output: EngineOutput | null = null;
  try {
    output = await run(collected.input);
  } catch (e) {
    if (!(e instanceof Error && e.message.startsWith('superseded'))) console.error(e);
  }
  return evaluationOf(collected, output, read);
}

/** One engine worker for the page, started on first use; the newest request wins. */
export function workerEngineRunner(): EngineRunner {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { resolve(o: EngineOutput): void; reject(e: Error): void }>();
  const start = () => {
    const w = new Worker(new URL('./engine-worker.ts', import.meta.url), { name: 'budgetkoll-engine' });
    w.onmessage = (event: MessageEvent<{ id: number; output?: EngineOutput; error?: string }>) => {
      const request = pending.get(event.data.id);
      if (!request) return;
      pending.delete(event.data.id);
      if (event.data.output) request.resolve(event.data.output);
      else request.reject(new Error(event.data.error ?? 'engine failed'));
    };
    w.onerror = (event) => {
      for (const request of pending.values()) request.reject(new Error(event.message || 'engine worker failed'));
      pending.clear();
      w.terminate();
      worker = null;
    };
    return w;
  };
  return (input) =>
    new Promise<EngineOutput>((resolve, reject) => {
      // A newer workbook supersedes an evaluation still running (it cannot be interrupted inside
      // the engine): the old worker is stopped and a fresh one evaluates the new state.
      if (worker && pending.size > 0) {
        worker.terminate();
        worker = null;
        for (const request of pending.values()) request.reject(new Error('superseded by a newer evaluation'));
        pending.clear();
      }
      worker ??= start();
      const id = next++;
      pending.set(id, { resolve, reject });
      // Packed: a few flat arrays and one string clone far faster than half a million small arrays.
      const packed = packInput(input);
      worker.postMessage({ id, packed }, packed.sheets.flatMap((sheet) => [sheet.rows.buffer, sheet.cols.buffer, sheet.formulas.buffer]));
    });
}
