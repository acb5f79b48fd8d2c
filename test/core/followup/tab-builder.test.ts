import { rangeToA1 } from '../../../src/core/a1';
import { InputBook } from '../../../src/core/followup/input-book';
import { ownCells, RowShape, type BlockRow } from '../../../src/core/followup/row-shape';
import { TabBuilder, textCell } from '../../../src/core/followup/tab-builder';
import { emptySheetSpec, mergedAreas } from '../../../src/core/workbook/sheet-spec';

/** The rows a builder made, each of its own (blocks' rows written out). */
const rowsOf = (b: TabBuilder) => b.rows;

describe('TabBuilder merges', () => {
  it('makes one range merged across of each run of rows merging the same columns', () => {
    const b = new TabBuilder(new InputBook());
    // Two interleaved spans on rows 4..6 (E:F and G:H, as the Åtgärder rows), one lone merge on
    // row 8, and the E:F span again on row 9 after a gap.
    for (let row = 4; row <= 6; row++) {
      b.merge(row, 4, 5);
      b.merge(row, 6, 7);
    }
    b.merge(8, 2, 3);
    b.merge(9, 4, 5);
    b.merge(9, 1, 1); // a one-column "merge" is no merge
    expect(b.mergeRanges()).toEqual({ merges: ['C9:D9', 'E10:F10'], mergesAcross: ['E5:F7', 'G5:H7'] });
  });

  it('leaves out mergesAcross when every merge is a single row', () => {
    const b = new TabBuilder(new InputBook());
    b.merge(2, 1, 3);
    expect(b.mergeRanges()).toEqual({ merges: ['B3:D3'] });
  });

  it('mergedAreas gives every merged cell of a spec, each row of a range merged across on its own', () => {
    const spec = { ...emptySheetSpec('X'), merges: ['A1:C1'], mergesAcross: ['E5:F7'] };
    expect(mergedAreas(spec).map(rangeToA1)).toEqual(['A1:C1', 'E5:F5', 'E6:F6', 'E7:F7']);
    expect(() => mergedAreas({ ...spec, mergesAcross: ['E5:'] })).toThrow(/not an A1 range: E5:/);
  });
});

describe('TabBuilder.keyedBlock', () => {
  const shape = new RowShape([
    { field: 'budget', col: 2, kind: 'formula', formulaR1C1: '=RC[1]' },
    { field: 'decidedBy', col: 4, kind: 'input', mergeTo: 5 },
    { field: 'comment', col: 8, kind: 'input' },
  ]);
  const items = (): BlockRow[] =>
    ['Skola', 'Förskola', 'Elevhälsa'].map((item) => {
      const extra: Record<number, { value: string; style: 'marker' }> = { 9: { value: `=${item}`, style: 'marker' } };
      return { key: { section: 'ekonomi', board: 'BUN', item }, label: textCell(item), extra, descriptorMemo: {} };
    });

  function byRow(typed?: ConstructorParameters<typeof InputBook>[0]) {
    const b = new TabBuilder(new InputBook(typed));
    b.blank();
    for (const item of items()) b.keyed({ ...item, fields: shape.fields, shape });
    return b;
  }

  it('makes the same rows and merges as keyed() row by row', () => {
    const block = new TabBuilder(new InputBook());
    block.blank();
    expect(block.keyedBlock(shape, items())).toBe(2);
    const rows = byRow();
    expect(rowsOf(block)).toEqual(rows.rows);
    expect(block.mergeRanges()).toEqual(rows.mergeRanges());
    expect(block.mergeRanges()).toEqual({ merges: [], mergesAcross: ['E3:F5'] });
    expect(rowsOf(block)[3][9]).toEqual({ value: '=Förskola', style: 'marker' });
  });

  it('makes each row an array of its own', () => {
    const block = new TabBuilder(new InputBook());
    block.blank();
    block.keyedBlock(shape, items());
    expect(new Set(block.rows.slice(2, 5)).size).toBe(3);
    expect(block.rows.slice(2, 5).map((row) => row[1]?.value)).toEqual(['Skola', 'Förskola', 'Elevhälsa']);
    expect(block.rows.slice(2, 5).map((row) => JSON.parse(row[0]!.value as string).i)).toEqual(['Skola', 'Förskola', 'Elevhälsa']);
  });

  it('rows without extra cells end at their last field, as keyed() leaves them', () => {
    const plain = items().map(({ key, label, descriptorMemo }) => ({ key, label, descriptorMemo }));
    const block = new TabBuilder(new InputBook());
    block.keyedBlock(shape, plain);
    const rows = new TabBuilder(new InputBook());
    for (const item of plain) rows.keyed({ ...item, fields: shape.fields, shape });
    expect(rowsOf(block)).toEqual(rows.rows);
    expect(rowsOf(block)[1]).toHaveLength(9);
  });

  it('puts typed values back, as keyed() does', () => {
    const typed = { values: [{ key: { section: 'ekonomi' as const, board: 'BUN', item: 'Förskola' }, field: 'comment', value: 'Vikarier', label: 'Förskola', origin: 'row' as const }] };
    const block = new TabBuilder(new InputBook(typed));
    block.blank();
    block.keyedBlock(shape, items());
    expect(rowsOf(block)[3][8]).toEqual({ value: 'Vikarier', style: 'input' });
    expect(rowsOf(block)).toEqual(byRow(typed).rows);
    expect(block.book.leftovers()).toEqual([]);
  });
});

describe('rows with their own cells (KeyedRow.own)', () => {
  // As Särskilda uppdrag: a constant and an input default from the source row, an A1 formula.
  const shape = new RowShape([
    { field: 'decidedBy', col: 4, kind: 'constant', style: 'text', mergeTo: 5 },
    { field: 'cost', col: 6, kind: 'formula', numberFormat: '#,##0' },
    { field: 'status', col: 7, kind: 'input' },
    { field: 'comment', col: 8, kind: 'input' },
  ]);
  const items = (): BlockRow[] =>
    [
      ['Skolstruktur', 'KF', 'Pågår', 3],
      ['Lokalplan', 'KS', null, 4],
    ].map(([item, decidedBy, status, row]) => ({
      key: { section: 'uppdrag', board: 'BUN', item: item as string },
      label: textCell(item as string),
      own: shape.put(shape.putFormula(shape.put(ownCells(), 'decidedBy', decidedBy), 'cost', `=Uppdrag!C${row}`), 'status', status),
    }));

  it('RowShape.put and putFormula put cells styled as their fields in their columns, and refuse a field the shape lacks', () => {
    const own = ownCells();
    expect(own).toHaveLength(10);
    shape.put(own, 'decidedBy', 'KF');
    shape.putFormula(own, 'cost', '=A1');
    shape.put(own, 'status', 'Pågår');
    expect(own[4]).toEqual({ value: 'KF', style: 'text' });
    expect(own[6]).toEqual({ formula: '=A1', style: 'computed', numberFormat: '#,##0' });
    expect(own[7]).toEqual({ value: 'Pågår', style: 'input' });
    expect(own.filter((cell) => cell !== undefined)).toHaveLength(3);
    expect(shape.put(ownCells(), 'status', null)[7]).toEqual({ value: null, style: 'input' });
    expect(() => shape.put(own, 'effect', 1)).toThrow(/no field effect/);
  });

  it('a block puts each row its own cells, over the shared ones, merges and all', () => {
    const b = new TabBuilder(new InputBook());
    b.keyedBlock(shape, items());
    expect(rowsOf(b)[1].slice(4, 9)).toEqual([
      { value: 'KF', style: 'text' },
      { style: 'text' },
      { formula: '=Uppdrag!C3', style: 'computed', numberFormat: '#,##0' },
      { value: 'Pågår', style: 'input' },
      { value: null, style: 'input' },
    ]);
    expect(rowsOf(b)[2][4]).toEqual({ value: 'KS', style: 'text' });
    expect(rowsOf(b)[2][6]).toEqual({ formula: '=Uppdrag!C4', style: 'computed', numberFormat: '#,##0' });
    expect(rowsOf(b)[2][7]).toEqual({ value: null, style: 'input' });
    expect(b.mergeRanges()).toEqual({ merges: [], mergesAcross: ['E2:F3'] });
    // keyed() row by row makes the same rows.
    const rows = new TabBuilder(new InputBook());
    for (const item of items()) rows.keyed({ ...item, fields: shape.fields, shape });
    expect(rowsOf(b)).toEqual(rows.rows);
  });

  it('on a refresh a typed value wins over the row’s own input default, and its own constants stay', () => {
    const key = { section: 'uppdrag' as const, board: 'BUN', item: 'Skolstruktur' };
    const typed = { values: [{ key, field: 'status', value: 'Klar', label: 'Skolstruktur', origin: 'row' as const }] };
    const b = new TabBuilder(new InputBook(typed));
    b.keyedBlock(shape, items());
    expect(rowsOf(b)[1][7]).toEqual({ value: 'Klar', style: 'input' });
    expect(rowsOf(b)[1][4]).toEqual({ value: 'KF', style: 'text' });
    expect(rowsOf(b)[2][4]).toEqual({ value: 'KS', style: 'text' });
    expect(rowsOf(b)[2][6]).toEqual({ formula: '=Uppdrag!C4', style: 'computed', numberFormat: '#,##0' });
    expect(b.book.leftovers()).toEqual([]);
  });
});
