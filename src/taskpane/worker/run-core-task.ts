/**
 * Runs a job's pure core (core-tasks.ts) off the task pane's main thread, so the pane never blocks
 * for long: desktop Office restarts an add-in that blocks for about 5 s, and quality.md allows
 * 200 ms. In a browser it is a Web Worker (core-worker.ts, its own chunk), one per task, ended when
 * the task ends or is cancelled. The workbook goes to it and the result comes back in slices
 * (transfer.ts), the sender yielding to the page between them, so neither copy blocks for long.
 * Where there is no Worker (jest, or a host that refuses one) the same task runs on the main
 * thread between yields.
 */
import { WorkbookError } from '../../io/port';
import type { CoreTaskInput, CoreTaskName, CoreTaskOutput } from './core-tasks';
import { pack, SLICE_ITEMS, Unpacker, type FromWorker, type ToWorker } from './transfer';

export interface CoreTaskOptions {
  /** Ends the task: the worker is terminated and the promise rejects with a 'cancelled' WorkbookError. */
  signal?: AbortSignal;
  /** Fraction of the task done, 0..1 (sending the workbook, then receiving the result). */
  onProgress?: (fraction: number) => void;
}

/** The sender posts slices for this long, then lets the page run. */
const SEND_BUDGET_MS = 25;

/** Lets the page handle input and paint before more work: scheduler.yield where there is one. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function cancelledError(): WorkbookError {
  return new WorkbookError('cancelled', 'Åtgärden avbröts. Inget har ändrats.', 'The action was cancelled. Nothing was changed.');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/** Maps a sub-step's 0..1 onto [from, to] of a caller's progress. */
export function progressSpan(onProgress: ((fraction: number) => void) | undefined, from: number, to: number): ((fraction: number) => void) | undefined {
  return onProgress && ((fraction) => onProgress(from + (to - from) * Math.max(0, Math.min(1, fraction))));
}

type WorkerFactory = () => Worker;

function defaultFactory(): WorkerFactory | null {
  if (typeof Worker === 'undefined') return null;
  return () => new Worker(new URL('./core-worker.ts', import.meta.url), { name: 'budgetkoll-core' });
}

let factory: WorkerFactory | null | undefined;

/** For tests and hosts: how to start the worker (null: always on the main thread). */
export function setCoreWorkerFactory(next: WorkerFactory | null | undefined): void {
  factory = next;
}

/** Runs a core task in the worker (or, without one, on the main thread between yields). */
export async function runCoreTask<K extends CoreTaskName>(name: K, input: CoreTaskInput<K>, options: CoreTaskOptions = {}): Promise<CoreTaskOutput<K>> {
  throwIfAborted(options.signal);
  const make = factory === undefined ? defaultFactory() : factory;
  if (make) {
    const outcome = await runInWorker(make, name, input, options);
    if (outcome.ran) return outcome.output as CoreTaskOutput<K>;
    // The worker could not start (a host's policy, a chunk that failed to load): run here.
  }
  return runInline(name, input, options);
}

/** The same task on the main thread: one synchronous step between yields. */
export async function runInline<K extends CoreTaskName>(name: K, input: CoreTaskInput<K>, options: CoreTaskOptions = {}): Promise<CoreTaskOutput<K>> {
  const { CORE_TASKS } = await import(/* webpackChunkName: "core-tasks" */ './core-tasks');
  await yieldToPage();
  throwIfAborted(options.signal);
  const output = (CORE_TASKS[name] as (input: CoreTaskInput<K>) => CoreTaskOutput<K>)(input);
  await yieldToPage();
  throwIfAborted(options.signal);
  options.onProgress?.(1);
  return output;
}

type WorkerOutcome = { ran: true; output: unknown } | { ran: false };

function runInWorker(make: WorkerFactory, name: CoreTaskName, input: unknown, options: CoreTaskOptions): Promise<WorkerOutcome> {
  const { signal, onProgress } = options;
  let worker: Worker;
  try {
    worker = make();
  } catch {
    return Promise.resolve({ ran: false });
  }
  return new Promise<WorkerOutcome>((resolve, reject) => {
    let finished = false;
    let heard = false;
    const unpacker = new Unpacker();
    let expected = 0;
    let received = 0;
    const finish = () => {
      finished = true;
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (finished) return;
      finish();
      reject(cancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (finished) return;
      heard = true;
      const message = event.data;
      switch (message.kind) {
        case 'result':
          expected = message.sliceCount;
          onProgress?.(0.5);
          break;
        case 'slice':
          unpacker.add(message);
          worker.postMessage({ kind: 'ack' } satisfies ToWorker);
          received++;
          if (expected > 0) onProgress?.(0.5 + (0.5 * received) / expected);
          break;
        case 'done': {
          finish();
          onProgress?.(1);
          resolve({ ran: true, output: unpacker.finish(message.skeleton) });
          break;
        }
        case 'error': {
          finish();
          const error = new Error(message.message);
          if (message.stack) error.stack = message.stack;
          reject(error);
          break;
        }
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      if (finished) return;
      event.preventDefault?.();
      finish();
      // A worker that never answered did not start: the caller runs the task here instead.
      if (!heard) resolve({ ran: false });
      else reject(new Error(event.message || 'core worker failed'));
    };

    void (async () => {
      const packed = pack(input, SLICE_ITEMS);
      const post = (message: ToWorker) => worker.postMessage(message);
      post({ kind: 'begin', task: name });
      let sent = 0;
      let sliceStart = performance.now();
      for (const slice of packed.slices()) {
        if (finished) return;
        post({ kind: 'slice', ...slice });
        sent++;
        onProgress?.((0.5 * sent) / Math.max(1, packed.sliceCount));
        if (performance.now() - sliceStart > SEND_BUDGET_MS) {
          await yieldToPage();
          sliceStart = performance.now();
        }
      }
      if (!finished) post({ kind: 'end', skeleton: packed.skeleton });
    })().catch((error: unknown) => {
      if (finished) return;
      finish();
      reject(error);
    });
  });
}
