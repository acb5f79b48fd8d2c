/**
 * The core worker: receives a task and its input in slices (transfer.ts), runs the task
 * (core-tasks.ts, the one implementation) and sends the result back in slices. One task per
 * worker; the task pane terminates it when the task ends or is cancelled (run-core-task.ts).
 * Webpack bundles this file as its own chunk (new Worker(new URL(…, import.meta.url))).
 */
import { CORE_TASKS, type CoreTaskName } from './core-tasks';
import { pack, SLICE_ITEMS, Unpacker, type FromWorker, type ToWorker } from './transfer';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
let task: CoreTaskName | null = null;
let unpacker = new Unpacker();

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
    case 'end':
      try {
        if (!task) throw new Error('core worker: no task');
        const input = unpacker.finish(message.skeleton);
        const output = (CORE_TASKS[task] as (input: unknown) => unknown)(input);
        const packed = pack(output, SLICE_ITEMS);
        scope.postMessage({ kind: 'result', sliceCount: packed.sliceCount });
        for (const slice of packed.slices()) scope.postMessage({ kind: 'slice', ...slice });
        scope.postMessage({ kind: 'done', skeleton: packed.skeleton });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        scope.postMessage({ kind: 'error', message: e.message, ...(e.stack ? { stack: e.stack } : {}) });
      }
      break;
  }
};
