/**
 * One row of the playground grid: its row header and its cells, each with the value as the sheet
 * shows it, marked as a formula, computed or not, locked or open for input, frozen, selected; a
 * span (merge or chart) as one cell over the rows and columns it covers.
 */
import { mergeClasses } from '@fluentui/react-components';
import { toA1 } from '../core/a1';
import type { ChartSpec } from '../core/workbook/sheet-spec';
import { displayValue, isNumeric } from './cell-format';
import { chartData, ChartView } from './ChartView';
import type { FrozenOffsets, useFrozenStyles } from './frozen-panes';
import type { useLookStyles } from './grid-look';
import { cellKey, type SpanLayout } from './grid-spans';
import type { useGridStyles } from './grid-styles';
import type { CellContent } from './use-grid-page';
import type { Cell, GridSelecting } from './use-grid-selection';
import type { SheetLayout } from './workbook-loader';

/** What every row of one drawing of the grid shares (built once per render, not per row). */
export interface RowDrawing {
  cols: readonly number[];
  drawn: SpanLayout;
  cellAt(row: number, col: number): CellContent;
  offsets: FrozenOffsets;
  lastFrozenRow: number | undefined;
  lastFrozenCol: number | undefined;
  selected: Cell | null;
  selecting: GridSelecting;
  layout: SheetLayout | null | undefined;
  charts: readonly ChartSpec[] | undefined;
  language: string;
  /** The grid's style hooks' classes, taken once by the grid rather than by each row. */
  classes: { grid: ReturnType<typeof useGridStyles>; frozen: ReturnType<typeof useFrozenStyles>; look: ReturnType<typeof useLookStyles> };
}

/** The tooltip of a formula value the engine did not compute. */
function engineNote(cached: boolean, engineError: string | undefined, formula: string | undefined): string {
  const why = engineError ? ` (${engineError})` : '';
  const what = cached
    ? `Räknat värde saknas${why}: IronCalc kan inte räkna formeln, cellen visar filens sparade värde.`
    : `Räknat värde saknas${why}: IronCalc kan inte räkna formeln och filen har inget sparat värde.`;
  return formula ? `${what}\n${formula}` : what;
}

export function GridRow({ row: r, drawing }: { row: number; drawing: RowDrawing }) {
  const { cols, drawn, cellAt, offsets, lastFrozenRow, lastFrozenCol, selected, selecting, layout, charts, language, classes } = drawing;
  const { grid: styles, frozen: frozenStyles, look } = classes;
  const { selectedSpan } = selecting;
  const protection = layout?.protection;
  return (
    <tr role="row" aria-rowindex={r + 2} data-row={r} data-frozen={offsets.top.has(r) ? 'true' : undefined}>
      <th
        role="rowheader"
        className={mergeClasses(
          styles.rowHeader,
          offsets.top.has(r) && frozenStyles.frozenRowHeader,
          r === lastFrozenRow && frozenStyles.lastFrozenRow,
          selected?.row === r && styles.headerActive,
        )}
        style={offsets.top.has(r) ? { top: `${offsets.top.get(r)}px` } : undefined}
      >
        {r + 1}
      </th>
      {cols.map((c) => {
        if (drawn.covered.has(cellKey(r, c))) return null;
        const span = drawn.anchors.get(cellKey(r, c));
        // A span shows its top-left cell's value (a merge's is there even when its row is hidden).
        const cell = span ? cellAt(span.area.top, span.area.left) : cellAt(r, c);
        const address = toA1(r, c);
        const isSelected = span ? !!selectedSpan && selectedSpan.area === span.area : selected?.row === r && selected.col === c;
        const chart = span?.chart !== undefined ? charts?.[span.chart] : undefined;
        const stickyTop = offsets.top.get(r);
        const stickyLeft = offsets.left.get(c);
        const locked = protection ? protection.locked(span ? span.area.top : r, span ? span.area.left : c) : undefined;
        const pending = cell.source === 'pending' && (cell.value === null || cell.value === '');
        const showsFormulaText = cell.source === undefined && cell.formula !== undefined && (cell.value === null || cell.value === '');
        const text = layout?.concealed(r, c) ? '' : pending ? '…' : cell.source !== undefined ? displayValue(cell.value, cell.format) : displayValue(cell.value, cell.format, cell.formula);
        const notComputed = cell.source === 'cached' || cell.source === 'unavailable';
        return (
          <td
            key={c}
            id={`cell-${address}`}
            role="gridcell"
            aria-selected={isSelected}
            data-address={address}
            data-formula={cell.formula !== undefined ? 'true' : undefined}
            data-source={cell.source}
            data-locked={locked === undefined ? undefined : String(locked)}
            rowSpan={span && span.rowSpan > 1 ? span.rowSpan : undefined}
            colSpan={span && span.colSpan > 1 ? span.colSpan : undefined}
            aria-rowspan={span && span.rowSpan > 1 ? span.rowSpan : undefined}
            aria-colspan={span && span.colSpan > 1 ? span.colSpan : undefined}
            aria-label={chart?.title}
            title={chart ? undefined : notComputed ? engineNote(cell.source === 'cached', cell.engineError, cell.formula) : cell.formula}
            style={stickyTop !== undefined || stickyLeft !== undefined ? { top: stickyTop, left: stickyLeft } : undefined}
            className={mergeClasses(
              styles.cell,
              stickyLeft !== undefined && frozenStyles.frozenColumn,
              stickyTop !== undefined && frozenStyles.frozenRow,
              stickyTop !== undefined && stickyLeft !== undefined && frozenStyles.frozenBoth,
              r === lastFrozenRow && frozenStyles.lastFrozenRow,
              c === lastFrozenCol && frozenStyles.lastFrozenColumn,
              span && look.span,
              isNumeric(cell.value) && styles.number,
              cell.formula !== undefined && styles.formula,
              showsFormulaText && styles.formulaText,
              pending && styles.formulaText,
              notComputed && styles.notComputed,
              locked === true && look.locked,
              locked === false && look.unlocked,
              !!layout && styles.cellSized,
              chart && look.chart,
              typeof cell.value === 'object' && cell.value !== null && styles.error,
              selecting.inRange(r, c) && styles.inRange,
              isSelected && styles.selected,
            )}
            onClick={(event) => selecting.click(span ? { row: span.area.top, col: span.area.left } : { row: r, col: c }, event.shiftKey)}
          >
            {chart ? (
              <div className={look.chartBox}>
                <ChartView chart={chart} data={chartData(chart, (row, col) => cellAt(row, col).value)} language={language} />
              </div>
            ) : (
              text
            )}
          </td>
        );
      })}
    </tr>
  );
}
