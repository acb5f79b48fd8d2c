import { officeSelection } from '../../../src/io/office/selection';
import { WorkbookError } from '../../../src/core/workbook/port';

/** An Excel.run over one selected range (or one that throws an Office error). */
function fakeRun(selected: { sheet: string; address: string } | { code: string }): typeof Excel.run {
  return (async (batch: (context: unknown) => Promise<unknown>) => {
    const context = {
      workbook: {
        getSelectedRange() {
          if ('code' in selected) throw Object.assign(new Error(selected.code), { code: selected.code });
          return { address: `'${selected.sheet}'!${selected.address}`, load() {}, worksheet: { name: selected.sheet, load() {} } };
        },
      },
      sync: async () => undefined,
    };
    return batch(context);
  }) as unknown as typeof Excel.run;
}

describe('the selection in Excel', () => {
  it('gives the selected range’s sheet and address without the sheet', async () => {
    expect(await officeSelection(fakeRun({ sheet: 'Budget 2027–2029', address: 'A4:F212' })).selectedRange()).toEqual({ sheet: 'Budget 2027–2029', address: 'A4:F212' });
  });

  it('is null for a selection that is not one range, and a WorkbookError for anything else Excel rejects', async () => {
    expect(await officeSelection(fakeRun({ code: 'InvalidSelection' })).selectedRange()).toBeNull();
    await expect(officeSelection(fakeRun({ code: 'AccessDenied' })).selectedRange()).rejects.toBeInstanceOf(WorkbookError);
  });
});
