/**
 * Runs a job's pure core (core-tasks.ts) off the task pane's main thread, so the pane never blocks
 * for long: desktop Office restarts an add-in that blocks for about 5 s, and docs/quality.md allows
 * 200 ms. In a browser it is a Web Worker (core-worker.ts, its own chunk). A *session* is one
 * worker for the tasks of one user action (read, then build): what a task keeps (the follow-up
 * model) stays in the worker for the next, and the session ends — the worker is terminated — when
 * the action ends or is cancelled. The workbook goes to it and the result comes back in slices
 * (transfer.ts), the sender yielding to the page between them, so neither copy blocks for long.
 * Where there is no Worker (jest, or a host that refuses one) the same tasks run on the main
 * thread between yields, with the session's state kept here.
 */
import { WorkbookError } from '../../core/workbook/port';
import type { CoreState, CoreTaskFunction, CoreTaskInput, CoreTaskName, CoreTaskOutput } from './core-tasks';
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

/** The tasks of one user action, in one worker (or inline), sharing what they keep (CoreState). */
export interface CoreSession {
  run<K extends CoreTaskName>(name: K, input: CoreTaskInput<K>, options?: CoreTaskOptions): Promise<CoreTaskOutput<K>>;
  /** Ends the session: the worker is terminated. */
  close(): void;
}

/** A session: tasks run one after the other, in one worker once one has started. */
export function openCoreSession(): CoreSession {
  const make = factory === undefined ? defaultFactory() : factory;
  let worker: SessionWorker | null = null;
  let inline = make === null;
  const state: CoreState = {};
  let closed = false;
  return {
    async run(name, input, options = {}) {
      throwIfAborted(options.signal);
      if (closed) throw cancelledError();
      if (!inline && make) {
        worker ??= new SessionWorker(make);
        const outcome = await worker.run(name, input, options);
        if (outcome.ran) return outcome.output as CoreTaskOutput<typeof name>;
        // The worker could not start (a host's policy, a chunk that failed to load): run here.
        worker = null;
        inline = true;
      }
      return runInline(name, input, options, state);
    },
    close() {
      closed = true;
      worker?.terminate();
      worker = null;
    },
  };
}

/** Runs one core task in a session of its own. */
export async function runCoreTask<K extends CoreTaskName>(name: K, input: CoreTaskInput<K>, options: CoreTaskOptions = {}): Promise<CoreTaskOutput<K>> {
  const session = openCoreSession();
  try {
    return await session.run(name, input, options);
  } finally {
    session.close();
  }
}

/** The same task on the main thread: one synchronous step between yields. */
export async function runInline<K extends CoreTaskName>(name: K, input: CoreTaskInput<K>, options: CoreTaskOptions = {}, state: CoreState = {}): Promise<CoreTaskOutput<K>> {
  const { CORE_TASKS } = await import(/* webpackChunkName: "core-tasks" */ './core-tasks');
  await yieldToPage();
  throwIfAborted(options.signal);
  const output = (CORE_TASKS[name] as CoreTaskFunction)(input, state) as CoreTaskOutput<K>;
  await yieldToPage();
  throwIfAborted(options.signal);
  options.onProgress?.(1);
  return output;
}

type WorkerOutcome = { ran: true; output: unknown } | { ran: false };

/** One worker for a session's tasks; a cancelled or failed task ends it. */
class SessionWorker {
  private worker: Worker | null = null;
  private started = false;
  private dead = false;

  constructor(private readonly make: WorkerFactory) {}

  terminate(): void {
    this.dead = true;
    this.worker?.terminate();
    this.worker = null;
  }

  run(name: CoreTaskName, input: unknown, options: CoreTaskOptions): Promise<WorkerOutcome> {
    if (this.dead) return Promise.reject(cancelledError());
    if (!this.worker) {
      try {
        this.worker = this.make();
      } catch {
        return Promise.resolve({ ran: false });
      }
    }
    const worker = this.worker;
    const { signal, onProgress } = options;
    return new Promise<WorkerOutcome>((resolve, reject) => {
      let finished = false;
      const unpacker = new Unpacker();
      let expected = 0;
      let received = 0;
      const finish = () => {
        finished = true;
        worker.onmessage = null;
        worker.onerror = null;
        signal?.removeEventListener('abort', onAbort);
      };
      const fail = (error: unknown) => {
        finish();
        this.terminate();
        reject(error);
      };
      const onAbort = () => {
        if (!finished) fail(cancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        if (finished) return;
        this.started = true;
        const message = event.data;
        switch (message.kind) {
          case 'result':
            expected = message.sliceCount;
            onProgress?.(0.5);
            break;
          case 'slice':
            unpacker.add(message);
            received++;
            if (expected > 0) onProgress?.(0.5 + (0.5 * received) / expected);
            // Acknowledged after the page has had a turn: a host that handles queued messages in one
            // go (Node's MessagePort does) would otherwise take the whole result in one block.
            void yieldToPage().then(() => {
              if (!finished) worker.postMessage({ kind: 'ack' } satisfies ToWorker);
            });
            break;
          case 'done':
            finish();
            onProgress?.(1);
            resolve({ ran: true, output: unpacker.finish(message.skeleton) });
            break;
          case 'error': {
            const error = new Error(message.message);
            if (message.stack) error.stack = message.stack;
            fail(error);
            break;
          }
        }
      };
      worker.onerror = (event: ErrorEvent) => {
        if (finished) return;
        event.preventDefault?.();
        // A worker that never answered did not start: the caller runs the task here instead.
        if (!this.started) {
          finish();
          this.terminate();
          resolve({ ran: false });
        } else fail(new Error(event.message || 'core worker failed'));
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
        if (!finished) fail(error);
      });
    });
  }
}
