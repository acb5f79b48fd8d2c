/**
 * Error values in the Office read path. Excel shows error values in the user's language (#SAKNAS!
 * in Swedish Excel where English Excel shows #N/A), and a text cell may hold "#N/A" as plain text:
 * only the cell's value type (Range.valueTypes) tells them apart, never the text.
 */
import { readBudgetModel } from '../../../src/core/recognition';
import { CellError, gridValue, type RawGrid } from '../../../src/core/workbook/raw';
import { OfficeWorkbookPort, type ExcelRunner } from '../../../src/io/office/office-port';
import { ExcelDouble } from './excel-double';

function portOver(double: ExcelDouble): OfficeWorkbookPort {
  return new OfficeWorkbookPort(double.run as unknown as ExcelRunner, { isSetSupported: () => true });
}

describe('Office adapter: error values by value type', () => {
  it('reads a Swedish error value as a CellError with its text, and text that looks like an error as text', async () => {
    const double = new ExcelDouble({ formulaResult: (_sheet, address) => (address === 'C1' ? { error: '#DIVISION/0!' } : 1) });
    double.addSheet(
      'Blad',
      [
        [{ error: '#SAKNAS!' }, '#N/A', '=A2/0', { error: '#REF!' }],
        ['#SAKNAS!', 'Text', 12.5, true],
      ],
      { numberFormats: { B1: '@' } },
    );
    const result = await portOver(double).read(() => ({
      ranges: [{ id: 'b', sheet: 'Blad', address: 'A1:D2', formulas: true, numberFormats: false }],
    }));
    const grid = result.grids.get('b') as RawGrid;
    expect(gridValue(grid, 0, 0)).toEqual(new CellError('#SAKNAS!'));
    expect(gridValue(grid, 0, 1)).toBe('#N/A');
    expect(gridValue(grid, 0, 2)).toEqual(new CellError('#DIVISION/0!'));
    expect(gridValue(grid, 0, 3)).toEqual(new CellError('#REF!'));
    expect(gridValue(grid, 1, 0)).toBe('#SAKNAS!');
    expect(grid.values[1].slice(1)).toEqual(['Text', 12.5, true]);
    expect(grid.formulas).toEqual({ C1: '=A2/0' });
  });

  it('gives A1 of each sheet as the xlsx adapters do: an error value by its text, text as text', async () => {
    const double = new ExcelDouble();
    double.addSheet('Fel', [[{ error: '#SAKNAS!' }]]);
    double.addSheet('Text', [['#N/A']]);
    double.addSheet('Tom', []);
    const index = await portOver(double).index();
    expect(index.sheets.map((s) => [s.name, s.firstCellText])).toEqual([
      ['Fel', '#SAKNAS!'],
      ['Text', '#N/A'],
      ['Tom', null],
    ]);
  });

  it('validation reports a Swedish error value as CELL-ERROR, and "#N/A" typed as text as text in a numeric column', async () => {
    const double = new ExcelDouble();
    double.addSheet('Ramar', [
      ['Nämnd', 'Ram 2027 (tkr)', 'Ram 2028 (tkr)', 'Ram 2029 (tkr)'],
      ['Barn- och ungdomsnämnden', 1000, 1010, 1020],
    ]);
    double.addSheet(
      'Driftbudget',
      [
        ['Nämnd', 'Verksamhet', 'Konto', 'Benämning', 'Budget 2027', 'Plan 2028', 'Plan 2029'],
        ['Barn- och ungdomsnämnden', 'Grundskola', '5010', 'Löner', 800, { error: '#SAKNAS!' }, 820],
        ['Barn- och ungdomsnämnden', 'Grundskola', '3110', 'Avgifter', -20, -20, '#N/A'],
      ],
      { numberFormats: { G3: '@' } },
    );
    const model = await readBudgetModel(portOver(double), 'validation');
    const at = (cell: string) => model.findings.filter((f) => f.sheet === 'Driftbudget' && f.cell === cell);
    expect(at('F2').map((f) => f.rule)).toEqual(['CELL-ERROR']);
    expect(at('F2')[0].message).toContain('#SAKNAS!');
    expect(at('G3').map((f) => f.rule)).toEqual(['CELL-NOT-NUMBER']);
    expect(model.findings.filter((f) => f.rule === 'CELL-ERROR')).toHaveLength(1);
  });
});

describe('the test double: value types as Excel gives them', () => {
  it('says Empty, String, Double, Boolean and Error, and parses a typed English error code unless the cell is text', async () => {
    const double = new ExcelDouble({ formulaResult: () => '#REF!' });
    double.addSheet('Blad', [['', 'text', 3, 2.5, false, { error: '#SAKNAS!' }, '=Borta!A1', '#N/A']]);
    double.sheet('Blad').numberFormats.set(1 * 16384 + 1, '@');
    await double.run(async (context: never) => {
      const ctx = context as unknown as Excel.RequestContext;
      const sheet = ctx.workbook.worksheets.getItem('Blad');
      sheet.getRange('A2:B2').values = [['#N/A', '#N/A']];
      const range = sheet.getRange('A1:H2');
      range.load('values,valueTypes');
      await ctx.sync();
      expect(range.values).toEqual([
        ['', 'text', 3, 2.5, false, '#SAKNAS!', '#REF!', '#N/A'],
        ['#N/A', '#N/A', '', '', '', '', '', ''],
      ]);
      expect(range.valueTypes).toEqual([
        ['Empty', 'String', 'Double', 'Double', 'Boolean', 'Error', 'Error', 'String'],
        ['Error', 'String', 'Empty', 'Empty', 'Empty', 'Empty', 'Empty', 'Empty'],
      ]);
      // Writing over an error leaves no error behind.
      sheet.getRange('F1').values = [['ok']];
      const f1 = sheet.getRange('F1');
      f1.load('valueTypes');
      await ctx.sync();
      expect(f1.valueTypes).toEqual([['String']]);
    });
  });
});
