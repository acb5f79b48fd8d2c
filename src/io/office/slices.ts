/**
 * Time slices for the Office adapter's own long loops (converting a read block of up to 4 MB,
 * building a write chunk): after SLICE_MS of work the pane's event loop gets a turn, so a job
 * never blocks the task pane for long — desktop Office restarts an add-in that blocks for about
 * 5 s, and the pane's target is at most 200 ms at a time (docs/quality.md).
 */
export const SLICE_MS = 25;

export class Slicer {
  private started = now();

  /** Yields to the event loop when the current slice has run SLICE_MS; otherwise returns at once. */
  async pause(): Promise<void> {
    if (now() - this.started < SLICE_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.started = now();
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
