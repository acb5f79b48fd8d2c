/** @jest-environment jsdom */
/**
 * The shared task lifecycle (use-cancellable-task.ts): one task at a time, an AbortSignal per run,
 * cancel(), abort on unmount, nothing handed back from a run that was replaced or outlived its
 * component, and the busy flag.
 */
import { act, renderHook } from '@testing-library/react';
import { WorkbookError } from '../../src/core/workbook/port';
import { returned, useCancellableTask, type CancellableTaskOptions, type TaskOutcome, type TaskRun } from '../../src/taskpane/components/use-cancellable-task';

/** A task body that waits until the test settles it, and remembers the run it got. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  let run: TaskRun | null = null;
  const body = (r: TaskRun) => {
    run = r;
    return promise;
  };
  return { body, resolve, reject, run: () => run! };
}

function setup(options?: CancellableTaskOptions) {
  return renderHook(() => useCancellableTask(options));
}

/** Starts a task inside act and hands back its outcome's promise. */
function start<T>(hook: ReturnType<typeof setup>, body: (run: TaskRun) => Promise<T>): Promise<TaskOutcome<T>> {
  let outcome!: Promise<TaskOutcome<T>>;
  act(() => {
    outcome = hook.result.current.start(body);
  });
  return outcome;
}

describe('useCancellableTask', () => {
  it('runs a task, is busy while it runs and hands back its value', async () => {
    const hook = setup();
    expect(hook.result.current.busy).toBe(false);
    const task = deferred<number>();
    const outcome = start(hook, task.body);
    expect(hook.result.current.busy).toBe(true);
    expect(task.run().current()).toBe(true);
    expect(task.run().live()).toBe(true);
    await act(async () => task.resolve(42));
    await expect(outcome).resolves.toEqual({ kind: 'done', value: 42 });
    expect(hook.result.current.busy).toBe(false);
    expect(task.run().current()).toBe(false);
  });

  it('ignores a second start while a task runs', async () => {
    const hook = setup();
    const first = deferred<string>();
    const outcome = start(hook, first.body);
    const second = jest.fn(async () => 'second');
    await expect(start(hook, second)).resolves.toEqual({ kind: 'ignored' });
    expect(second).not.toHaveBeenCalled();
    expect(first.run().signal.aborted).toBe(false);
    await act(async () => first.resolve('first'));
    await expect(outcome).resolves.toEqual({ kind: 'done', value: 'first' });
  });

  it("with whileBusy 'replace', a second run aborts the first and only the second's outcome counts", async () => {
    const hook = setup({ whileBusy: 'replace' });
    const first = deferred<string>();
    const firstOutcome = start(hook, first.body);
    const second = deferred<string>();
    const secondOutcome = start(hook, second.body);
    expect(first.run().signal.aborted).toBe(true);
    expect(first.run().current()).toBe(false);
    expect(second.run().current()).toBe(true);
    // The first finishing late changes nothing: it is ignored and the second still runs.
    await act(async () => first.resolve('first'));
    await expect(firstOutcome).resolves.toEqual({ kind: 'ignored' });
    expect(hook.result.current.busy).toBe(true);
    await act(async () => second.resolve('second'));
    await expect(secondOutcome).resolves.toEqual({ kind: 'done', value: 'second' });
    expect(hook.result.current.busy).toBe(false);
  });

  it('cancel aborts the signal; a task that throws then is cancelled, not failed', async () => {
    const hook = setup();
    const task = deferred<void>();
    const outcome = start(hook, task.body);
    let cancelled = false;
    act(() => {
      cancelled = hook.result.current.cancel();
    });
    expect(cancelled).toBe(true);
    expect(task.run().signal.aborted).toBe(true);
    expect(task.run().live()).toBe(false);
    // Still current: a cancelled run may say it was cancelled. Busy until it settles.
    expect(task.run().current()).toBe(true);
    expect(hook.result.current.busy).toBe(true);
    // A second cancel has nothing to cancel.
    expect(hook.result.current.cancel()).toBe(false);
    await act(async () => task.reject(new Error('aborted')));
    await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
    expect(hook.result.current.busy).toBe(false);
  });

  it('a task that finishes despite cancel is cancelled, with what it returned handed along', async () => {
    const hook = setup();
    const task = deferred<string[]>();
    const outcome = start(hook, task.body);
    act(() => void hook.result.current.cancel());
    await act(async () => task.resolve(['Instruktioner']));
    const result = await outcome;
    expect(result).toEqual({ kind: 'cancelled', finished: { value: ['Instruktioner'] } });
    expect(returned(result)).toEqual(['Instruktioner']);
  });

  it('a cancelled task still winding down does not block the next start, and its outcome is then ignored', async () => {
    const hook = setup();
    const first = deferred<string>();
    const firstOutcome = start(hook, first.body);
    act(() => void hook.result.current.cancel());
    const second = deferred<string>();
    const secondOutcome = start(hook, second.body);
    expect(second.run().current()).toBe(true);
    await act(async () => first.resolve('late'));
    await expect(firstOutcome).resolves.toEqual({ kind: 'ignored' });
    await act(async () => second.resolve('next'));
    await expect(secondOutcome).resolves.toEqual({ kind: 'done', value: 'next' });
  });

  it("a port's cancelled WorkbookError is a cancellation, any other error a failure", async () => {
    const hook = setup();
    const cancelledByPort = start(hook, async () => {
      throw new WorkbookError('cancelled', 'Avbrutet.', 'Cancelled.');
    });
    await act(async () => undefined);
    await expect(cancelledByPort).resolves.toEqual({ kind: 'cancelled' });

    const protectedError = new WorkbookError('protected', 'Arbetsboken är skyddad.', 'The workbook is protected.');
    const failed = start(hook, async () => {
      throw protectedError;
    });
    await act(async () => undefined);
    await expect(failed).resolves.toEqual({ kind: 'failed', error: protectedError });
    expect(returned(await failed)).toBeUndefined();
  });

  it('logs an unexpected error (not a WorkbookError) for developers', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const hook = setup();
    const bug = new TypeError('x is undefined');
    const outcome = start(hook, async () => {
      throw bug;
    });
    await act(async () => undefined);
    await expect(outcome).resolves.toEqual({ kind: 'failed', error: bug });
    expect(spy).toHaveBeenCalledWith(bug);
    spy.mockRestore();
  });

  it('unmount aborts the running task and its outcome is ignored', async () => {
    const hook = setup();
    const task = deferred<string>();
    const outcome = start(hook, task.body);
    hook.unmount();
    expect(task.run().signal.aborted).toBe(true);
    expect(task.run().current()).toBe(false);
    task.resolve('too late');
    await expect(outcome).resolves.toEqual({ kind: 'ignored' });
  });

  it('unmount ignores a failure that comes after it', async () => {
    const hook = setup();
    const task = deferred<string>();
    const outcome = start(hook, task.body);
    hook.unmount();
    task.reject(new WorkbookError('protected', 'Arbetsboken är skyddad.', 'The workbook is protected.'));
    await expect(outcome).resolves.toEqual({ kind: 'ignored' });
  });

  it('keeps start and cancel stable across renders', () => {
    const hook = setup();
    const { start: first, cancel } = hook.result.current;
    hook.rerender();
    expect(hook.result.current.start).toBe(first);
    expect(hook.result.current.cancel).toBe(cancel);
  });
});
