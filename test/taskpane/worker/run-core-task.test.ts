/**
 * The core-task driver without a browser: the slicing of large values (transfer.ts), the worker
 * protocol over a fake Worker that runs core-worker's logic in this thread (a clone copies
 * each message, as postMessage would), cancellation (the worker is terminated, nothing comes back),
 * the fallback to the main thread when a worker cannot start, and progress.
 */
import { planFollowUpRead } from '../../../src/core/followup';
import { JOB_INPUTS, locateInputs } from '../../../src/core/recognition';
import { CellError, type RawGrid, type RawValue } from '../../../src/core/workbook/raw';
import { WorkbookError } from '../../../src/core/workbook/port';
import { CORE_TASKS } from '../../../src/taskpane/worker/core-tasks';
import { openCoreSession, runCoreTask, runInline, setCoreWorkerFactory } from '../../../src/taskpane/worker/run-core-task';
import { pack, SLICE_ITEMS, SLICES_IN_FLIGHT, Unpacker, type FromWorker, type ToWorker } from '../../../src/taskpane/worker/transfer';

/**
 * What postMessage does to a value (structured clone: plain objects, arrays, Maps, Sets and Dates
 * kept, class instances become plain objects, an object met twice is one object in the copy), in
 * this test's realm (jest's global structuredClone makes objects of another realm, which toEqual
 * cannot compare).
 */
function cloneLikePostMessage<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const clone = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (copies.has(v)) return copies.get(v);
    const copy = copyOf(v);
    copies.set(v, copy);
    return copy;
  };
  const copyOf = (v: object): unknown => {
    if (Array.isArray(v)) return v.map(clone);
    if (v instanceof Map) return new Map([...v].map(([k, item]) => [clone(k), clone(item)]));
    if (v instanceof Set) return new Set([...v].map(clone));
    if (v instanceof Date) return new Date(v.getTime());
    return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, clone(item)]));
  };
  return clone(value) as T;
}

function roundTrip(value: unknown, maxItems: number): { value: unknown; messages: number } {
  const packed = pack(value, maxItems);
  const unpacker = new Unpacker();
  let messages = 1;
  for (const slice of packed.slices()) {
    unpacker.add(cloneLikePostMessage(slice));
    messages++;
  }
  return { value: unpacker.finish(cloneLikePostMessage(packed.skeleton)), messages };
}

describe('transfer: skeleton and slices', () => {
  it('sends large arrays, objects and maps in slices and rebuilds the same value', () => {
    const rows = Array.from({ length: 25 }, (_, i) => [i, `rad ${i}`, i % 7 === 0 ? new CellError('#REF!') : null]);
    const formulas = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`E${i + 1}`, `=SUM(A${i + 1})`]));
    const value = {
      index: { sheets: [{ name: 'Driftbudget', position: 0 }], tables: [] },
      grids: new Map([['Driftbudget', { sheet: 'Driftbudget', top: 0, left: 0, values: rows, formulas }]]),
      small: [1, 2, 3],
      when: new Date(0),
      stale: new Set(['a']),
    };
    const { value: back, messages } = roundTrip(value, 10);
    expect(messages).toBe(1 + 3 + 2); // skeleton, 25 rows in 3 slices, 12 formulas in 2
    expect(back).toEqual(value);
    const grid = (back as typeof value).grids.get('Driftbudget')!;
    expect(grid.values[7][2]).toBeInstanceOf(CellError);
    expect((grid.values[7][2] as CellError).code).toBe('#REF!');
  });

  it('keeps an object shared between many places one object (as structured clone does)', () => {
    const cell = { value: null, style: 'input' };
    const column = Array.from({ length: 40 }, () => cell);
    const { value: back } = roundTrip({ blocks: [{ cells: [column, column] }] }, 100);
    const cells = (back as { blocks: { cells: unknown[][] }[] }).blocks[0].cells;
    expect(cells[0]).toBe(cells[1]);
    expect(new Set(cells[0]).size).toBe(1);
    expect(cells[0][0]).toEqual(cell);
  });

  it('leaves the packed value untouched and keeps small values in the skeleton', () => {
    const value = { rows: Array.from({ length: 30 }, (_, i) => ({ i })) };
    const packed = pack(value, 100);
    expect(packed.sliceCount).toBe(0);
    expect(packed.skeleton).toEqual(value);
    expect(packed.skeleton).not.toBe(value);
    const big = pack(value, 4);
    expect(big.sliceCount).toBe(8);
    expect(value.rows).toHaveLength(30);
  });
});

type Listener = ((event: MessageEvent) => void) | null;

/**
 * A Worker that runs core-worker.ts's module in this thread: messages are structured-cloned both
 * ways and delivered on later turns, as a real worker would see them.
 */
class InThreadWorker {
  onmessage: Listener = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: ToWorker['kind'][] = [];
  /** Result slices sent and not yet acknowledged, and the most there ever were. */
  unacknowledged = 0;
  mostUnacknowledged = 0;
  private scope: { onmessage: Listener; postMessage(message: FromWorker): void };

  constructor() {
    this.scope = {
      onmessage: null,
      postMessage: (message) => {
        if (message.kind === 'slice') this.mostUnacknowledged = Math.max(this.mostUnacknowledged, ++this.unacknowledged);
        const copy = cloneLikePostMessage(message);
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent);
        }, 0);
      },
    };
    const globals = globalThis as unknown as { self: unknown };
    const before = globals.self;
    globals.self = this.scope;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the worker module per worker
      require('../../../src/taskpane/worker/core-worker');
    });
    globals.self = before;
  }

  postMessage(message: ToWorker): void {
    this.received.push(message.kind);
    if (message.kind === 'ack') this.unacknowledged--;
    const copy = cloneLikePostMessage(message);
    setTimeout(() => {
      if (!this.terminated) this.scope.onmessage?.({ data: copy } as MessageEvent);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** A small validation workbook: Ramar and Driftbudget of one nämnd, over its frame in 2027. */
function checkInput(rows = 3, konto = '4000') {
  const ramar = [['Nämnd', 'Ram 2027', 'Ram 2028', 'Ram 2029'], ['Kulturnämnden', 100, 100, 100]];
  const drift: unknown[][] = [['Nämnd', 'Verksamhet', 'Konto', 'Budget 2027', 'Budget 2028', 'Budget 2029']];
  for (let i = 0; i < rows; i++) drift.push(['Kulturnämnden', `Verksamhet ${i}`, konto, 50_000, 1_000, 1_000]);
  const grid = (sheet: string, values: unknown[][]): RawGrid => ({ sheet, top: 0, left: 0, values: values as RawValue[][], formulas: {} });
  const grids = new Map([
    ['Ramar', grid('Ramar', ramar)],
    ['Driftbudget', grid('Driftbudget', drift)],
  ]);
  const sheets = [...grids.keys()].map((name, position) => ({
    name,
    position,
    visible: true,
    usedAddress: `A1:F${grids.get(name)!.values.length}`,
    firstCellText: 'Nämnd',
  }));
  const index = { sheets, tables: [] };
  const located = locateInputs(index, JOB_INPUTS.validation);
  const byId = new Map(located.plan.ranges.map((r) => [r.id, grids.get(r.sheet)!]));
  return { raw: { index, grids: byId }, located: { inputs: located, tabs: [] } };
}

describe('runCoreTask', () => {
  afterEach(() => setCoreWorkerFactory(undefined));

  it('runs a task in the worker and gives the same answer as on the main thread', async () => {
    const workers: InThreadWorker[] = [];
    setCoreWorkerFactory(() => {
      const worker = new InThreadWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const input = checkInput(SLICE_ITEMS + 10); // the Driftbudget grid goes in two slices
    const progress: number[] = [];
    const result = await runCoreTask('check', input, { onProgress: (f) => progress.push(f) });
    expect(result).toEqual(CORE_TASKS.check(checkInput(SLICE_ITEMS + 10)));
    expect(result.findings.length).toBeGreaterThan(0);
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(true);
    expect(workers[0].received).toEqual(['begin', 'slice', 'slice', 'end']);
    expect(progress[progress.length - 1]).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('sends a large result back a few slices ahead of the acknowledgements', async () => {
    let worker: InThreadWorker | null = null;
    setCoreWorkerFactory(() => (worker = new InThreadWorker()) as unknown as Worker);
    // A finding per row (a konto that is not a number): a result of many slices.
    const result = await runCoreTask('check', checkInput(5 * SLICE_ITEMS, 'okänt'));
    expect(result.findings.filter((f) => f.rule === 'KEY-KONTO').length).toBeGreaterThanOrEqual(5 * SLICE_ITEMS);
    expect(worker!.received.filter((kind) => kind === 'ack').length).toBeGreaterThanOrEqual(2);
    expect(worker!.mostUnacknowledged).toBeLessThanOrEqual(SLICES_IN_FLIGHT);
  });

  it('Avbryt terminates the worker and rejects with a cancelled error; nothing comes back', async () => {
    let worker: InThreadWorker | null = null;
    setCoreWorkerFactory(() => (worker = new InThreadWorker()) as unknown as Worker);
    const abort = new AbortController();
    const running = runCoreTask('check', checkInput(), { signal: abort.signal });
    abort.abort();
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    expect(worker!.terminated).toBe(true);
  });

  it('an already cancelled signal starts nothing', async () => {
    const factory = jest.fn(() => new InThreadWorker() as unknown as Worker);
    setCoreWorkerFactory(factory);
    const abort = new AbortController();
    abort.abort();
    await expect(runCoreTask('check', checkInput(), { signal: abort.signal })).rejects.toBeInstanceOf(WorkbookError);
    expect(factory).not.toHaveBeenCalled();
  });

  it('runs on the main thread when the worker cannot start', async () => {
    setCoreWorkerFactory(() => {
      const failing = {
        onmessage: null as Listener,
        onerror: null as ((event: ErrorEvent) => void) | null,
        postMessage() {
          setTimeout(() => failing.onerror?.({ message: 'blocked by policy', preventDefault() {} } as ErrorEvent), 0);
        },
        terminate() {},
      };
      return failing as unknown as Worker;
    });
    const result = await runCoreTask('check', checkInput());
    expect(result).toEqual(CORE_TASKS.check(checkInput()));
  });

  it('without a worker: the same task between yields, and a cancel between them stops it', async () => {
    setCoreWorkerFactory(null);
    expect(await runCoreTask('check', checkInput())).toEqual(CORE_TASKS.check(checkInput()));
    const abort = new AbortController();
    const running = runInline('check', checkInput(), { signal: abort.signal });
    abort.abort();
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('an exception in the core comes back as an error', async () => {
    setCoreWorkerFactory(() => new InThreadWorker() as unknown as Worker);
    await expect(runCoreTask('check', { raw: null, located: null } as never)).rejects.toThrow();
  });

  /** The follow-up read of checkInput's workbook, as readSnapshot sends it. */
  function followUpInput() {
    const { raw } = checkInput();
    const planned = planFollowUpRead(raw.index);
    const byId = new Map(planned.plan.ranges.map((r) => [r.id, [...raw.grids.values()].find((g) => g.sheet === r.sheet)!]));
    return { raw: { index: raw.index, grids: byId }, planned };
  }

  const build = { kind: 'tab', report: 'august', board: 'Kulturnämnden', year: 2027, now: new Date(0), sheet: 'Delår aug 2027 Kulturnämnden' } as const;

  it('a session keeps the follow-up model in its one worker: the pane gets no model, the build needs none sent', async () => {
    const workers: InThreadWorker[] = [];
    setCoreWorkerFactory(() => {
      const worker = new InThreadWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const session = openCoreSession();
    const snapshot = await session.run('followUp', followUpInput());
    expect(Object.keys(snapshot).sort()).toEqual(['boards', 'inputs', 'lastActual', 'sheetNames', 'stale', 'tabs', 'years']);
    expect(snapshot.boards).toEqual(['Kulturnämnden']);
    workers[0].received.length = 0;
    const [spec] = await session.run('followUpSpecs', { builds: [build] });
    // The build request alone went to the worker: no model slices.
    expect(workers[0].received).toEqual(['begin', 'end']);
    expect(workers).toHaveLength(1);
    expect(spec.name).toBe('Delår aug 2027 Kulturnämnden');
    // The same tab as built on the main thread from the same read.
    const state = {};
    CORE_TASKS.followUp(followUpInput(), state);
    expect(spec).toEqual(CORE_TASKS.followUpSpecs({ builds: [build] }, state)[0]);
    session.close();
    expect(workers[0].terminated).toBe(true);
    await expect(session.run('followUpSpecs', { builds: [build] })).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('without a worker a session keeps its state here; a build without a read is refused', async () => {
    setCoreWorkerFactory(null);
    const session = openCoreSession();
    await expect(session.run('followUpSpecs', { builds: [build] })).rejects.toThrow(/no follow-up read/);
    await session.run('followUp', followUpInput());
    expect(await session.run('followUpCheck', { sheet: 'Finns inte' })).toBeNull();
    const [spec] = await session.run('followUpSpecs', { builds: [build] });
    expect(spec.name).toBe('Delår aug 2027 Kulturnämnden');
    session.close();
  });

  it('a cancelled build ends the session and its worker', async () => {
    let worker: InThreadWorker | null = null;
    setCoreWorkerFactory(() => (worker = new InThreadWorker()) as unknown as Worker);
    const session = openCoreSession();
    await session.run('followUp', followUpInput());
    const abort = new AbortController();
    const running = session.run('followUpSpecs', { builds: [build] }, { signal: abort.signal });
    abort.abort();
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    expect(worker!.terminated).toBe(true);
    await expect(session.run('followUpCheck', { sheet: 'x' })).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
