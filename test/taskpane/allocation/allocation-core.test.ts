/**
 * The pane's allocation chunk writes the result tab with the job's own function (one piece of code
 * for "write the result tab", the same as `budgetkoll allocate -o`), not a copy of it.
 */
import * as job from '../../../src/jobs/allocation';
import * as paneCore from '../../../src/taskpane/components/allocation/allocation-core';

describe('allocation-core', () => {
  it("hands the pane the job's writeAllocationTab", () => {
    expect(paneCore.writeAllocationTab).toBe(job.writeAllocationTab);
  });
});
