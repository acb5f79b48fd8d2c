import { CellError } from '../../../src/core/workbook/raw';
import { runAllocation } from '../../../src/core/allocation/model';
import { buildAllocationTab } from '../../../src/core/allocation/result-tab';
import { readBudgetModel } from '../../../src/core/recognition';
import { generateSample, sampleToSheetSpecs } from '../../../src/core/sample';
import { writePackage } from '../../../src/io/xlsx/package';
import { XlsxReadPort } from '../../../src/io/xlsx/read-port';
import { evaluateWorkbook, shownValue } from '../../../src/playground/engine/evaluation';
import { deps } from '../../io/xlsx/package/input-package';

describe('shownValue', () => {
  it("shows the engine's value, errors included", () => {
    expect(shownValue({ kind: 'number', value: 1234.5 }, 1000)).toEqual({ value: 1234.5, source: 'engine' });
    expect(shownValue({ kind: 'error', value: '#DIV/0!' }, 3)).toEqual({ value: new CellError('#DIV/0!'), source: 'engine' });
  });

  it("shows the file's cached value, marked, where the engine could not evaluate the formula", () => {
    expect(shownValue({ kind: 'error', value: '#N/IMPL!' }, 42)).toEqual({ value: 42, source: 'cached', engineError: '#N/IMPL!' });
    expect(shownValue(undefined, 42)).toEqual({ value: 42, source: 'cached' });
  });

  it('shows an error, never a number, where there is neither', () => {
    expect(shownValue({ kind: 'error', value: '#NAME?' }, null)).toEqual({ value: new CellError('#NAME?'), source: 'unavailable', engineError: '#NAME?' });
  });
});

describe('evaluateWorkbook on a workbook over the engine limit', () => {
  it('does not hand it to the engine and shows every formula’s saved value, marked', async () => {
    const inputs = await writePackage(null, sampleToSheetSpecs(generateSample()).map((spec) => ({ spec })), deps);
    const model = await readBudgetModel(await XlsxReadPort.fromBuffer(inputs, { inflateRaw: deps.inflateRaw }), 'allocation');
    const tab = buildAllocationTab(runAllocation(model)!, model, new Date(0));
    const bytes = await writePackage(inputs, [{ spec: tab }], deps);
    const reader = await XlsxReadPort.fromBuffer(bytes, { inflateRaw: deps.inflateRaw });
    const run = jest.fn(async () => {
      throw new Error('the engine must not run');
    });
    const evaluation = await evaluateWorkbook(reader, run, 1_000);
    expect(run).not.toHaveBeenCalled();
    expect(evaluation.tooLarge).toEqual({ cells: expect.any(Number), limit: 1_000 });
    expect(evaluation.tooLarge!.cells).toBeGreaterThan(1_000);
    // Every formula of the allocation tab shows its saved value, marked as not evaluated.
    expect(evaluation.notEvaluated).toBeGreaterThan(20);

    const under = await evaluateWorkbook(reader, run, 10_000_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(under.tooLarge).toBeUndefined();
  });
});
