import { emptySheetSpec } from '../../src/core/workbook/sheet-spec';
import type { WorkbookIndex } from '../../src/core/workbook/raw';
import { planTemplateTabs } from '../../src/taskpane/templates/plan';

const specs = ['Instruktioner', 'Parametrar', 'Ramar', 'Driftbudget', 'Övriga förändringar'].map(emptySheetSpec);

function index(sheets: string[], tables: string[] = []): WorkbookIndex {
  return {
    sheets: sheets.map((name, position) => ({ name, position, visible: true, usedAddress: null, firstCellText: null })),
    tables: tables.map((name) => ({ name, sheet: 'Blad1', address: 'A1:C3' })),
  };
}

describe('planTemplateTabs', () => {
  it('writes every tab into an empty workbook', () => {
    const plan = planTemplateTabs(specs, index(['Blad1']));
    expect(plan.toWrite.map((s) => s.name)).toEqual(specs.map((s) => s.name));
    expect(plan.skipped).toEqual([]);
  });

  it('skips tabs that exist, ignoring case and diacritics', () => {
    const plan = planTemplateTabs(specs, index(['ramar', 'Ovriga forandringar']));
    expect(plan.toWrite.map((s) => s.name)).toEqual(['Instruktioner', 'Parametrar', 'Driftbudget']);
    expect(plan.skipped).toEqual([
      { wanted: 'Ramar', existing: 'ramar' },
      { wanted: 'Övriga förändringar', existing: 'Ovriga forandringar' },
    ]);
  });

  it('counts an input as present under an alias or as an Excel table', () => {
    const plan = planTemplateTabs(specs, index(['Detaljbudget'], ['tbl_Ramar']));
    expect(plan.skipped).toEqual([
      { wanted: 'Ramar', existing: 'tbl_Ramar' },
      { wanted: 'Driftbudget', existing: 'Detaljbudget' },
    ]);
  });
});
