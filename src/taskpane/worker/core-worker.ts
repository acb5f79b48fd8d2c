/**
 * The core worker: receives a task and its input in slices (transfer.ts), runs the task
 * (core-tasks.ts, the one implementation) and sends the result back in slices, a few ahead of the
 * pane's acknowledgements (so the pane's task queue never fills up). One session per worker: its
 * tasks run one after the other and share `state`; the task pane terminates the worker when the
 * session ends or a task is cancelled (run-core-task.ts).
 * Webpack bundles this file as its own chunk (new Worker(new URL(…, import.meta.url))).
 */
import { CORE_TASKS, type CoreState, type CoreTaskFunction, type CoreTaskName } from './core-tasks';
import { pack, SLICE_ITEMS, SLICES_IN_FLIGHT, Unpacker, type FromWorker, type Slice, type ToWorker } from './transfer';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
let task: CoreTaskName | null = null;
/** What the session's tasks keep between them (the follow-up model of its read). */
const state: CoreState = {};
let unpacker = new Unpacker();
/** The result's slices still to send, and how many sent slices the pane has not yet acknowledged. */
let pending: Iterator<Slice> | null = null;
let inFlight = 0;
let resultSkeleton: unknown = null;

/** Sends slices while fewer than SLICES_IN_FLIGHT are unacknowledged; 'done' after the last. */
function pump(): void {
  while (pending && inFlight < SLICES_IN_FLIGHT) {
    const next = pending.next();
    if (next.done) {
      pending = null;
      scope.postMessage({ kind: 'done', skeleton: resultSkeleton });
      return;
    }
    inFlight++;
    scope.postMessage({ kind: 'slice', ...next.value });
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.kind) {
    case 'begin':
      task = message.task as CoreTaskName;
      unpacker = new Unpacker();
      break;
    case 'slice':
      unpacker.add(message);
      break;
    case 'ack':
      inFlight--;
      pump();
      break;
    case 'end':
      try {
        if (!task) throw new Error('core worker: no task');
        const input = unpacker.finish(message.skeleton);
        const output = (CORE_TASKS[task] as CoreTaskFunction)(input, state);
        const packed = pack(output, SLICE_ITEMS);
        scope.postMessage({ kind: 'result', sliceCount: packed.sliceCount });
        pending = packed.slices();
        resultSkeleton = packed.skeleton;
        inFlight = 0;
        pump();
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        scope.postMessage({ kind: 'error', message: e.message, ...(e.stack ? { stack: e.stack } : {}) });
      }
      break;
  }
};
