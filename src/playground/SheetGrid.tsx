/**
 * A simple read-only grid of one sheet: column letters, row numbers, values in Swedish formatting,
 * formula cells marked. Renders one page of rows at a time (use-grid-page.ts) so sheets of 20 000
 * rows stay responsive, with the frozen rows above every page; selecting a cell outside the page
 * moves to its page (use-grid-selection.ts). Each row is drawn by GridRow.
 */
import { useMemo, useRef } from 'react';
import { Button, Caption1, mergeClasses, Spinner } from '@fluentui/react-components';
import { columnLetters, parseA1, parseRangeA1 } from '../core/a1';
import { formatNumberSv } from '../core/text/numbers';
import type { SheetInfo } from '../core/workbook/raw';
import type { ChartSpec } from '../core/workbook/sheet-spec';
import type { WorkbookPort } from '../core/workbook/port';
import { useI18n } from '../taskpane/i18n';
import type { Evaluation } from './engine/evaluation';
import type { SheetLayout } from './workbook-loader';
import { layoutSpans, spansOf } from './grid-spans';
import { useFrozenOffsets, useFrozenStyles } from './frozen-panes';
import { useLookStyles } from './grid-look';
import { columnPixels, useGridStyles } from './grid-styles';
import { drawnColumns, drawnRows, gridExtent, PAGE_ROWS, pageCell, useGridPage } from './use-grid-page';
import { useGridSelection, type GridSelection } from './use-grid-selection';
import { GridRow, type RowDrawing } from './GridRow';

export type { GridSelection } from './use-grid-selection';

export interface SheetGridProps {
  port: WorkbookPort;
  sheet: SheetInfo;
  selection: GridSelection | null;
  onSelect(selection: GridSelection): void;
  /** Bumped when the workbook changed: re-read the page. */
  revision: number;
  /** Called with the selected cell's text for the formula bar (formula, or the value). */
  onSelectedContent?(content: string): void;
  /**
   * Computed formula values. `undefined`: no engine, formula cells show the file's cached values;
   * `null`: not computed yet (formula cells show their cached value, else wait).
   */
  evaluation?: Evaluation | null;
  /** Hidden rows and columns and widths; without it every row and column shows at one width. */
  layout?: SheetLayout | null;
  /** Charts Budgetkoll wrote on the tab: drawn over their placement's cells. */
  charts?: readonly ChartSpec[];
}

export function SheetGrid({ port, sheet, selection, onSelect, revision, onSelectedContent, evaluation, layout, charts }: SheetGridProps) {
  const styles = useGridStyles();
  const frozenStyles = useFrozenStyles();
  const look = useLookStyles();
  const { t, language } = useI18n();
  const extent = gridExtent(sheet, charts);
  const { totalRows } = extent;
  const frozen = layout?.frozen;
  const selected = selection && selection.sheet === sheet.name ? parseA1(selection.address) : null;
  const { page, pageIndex, setPageIndex } = useGridPage(port, sheet, revision, extent, frozen?.rows ?? 0, selected?.row);
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const spans = useMemo(
    () => spansOf(layout?.merges, charts?.map((c) => parseRangeA1(c.placement)).filter((a): a is NonNullable<typeof a> => a !== null)),
    [layout, charts],
  );

  const cellAt = (row: number, col: number) => pageCell(page, sheet.name, evaluation, row, col);
  const rows = drawnRows(page, layout?.hiddenRows);
  const cols = drawnColumns(page, layout);
  const frozenRows = frozen ? rows.filter((r) => r < frozen.rows) : [];
  const frozenCols = frozen ? cols.filter((c) => c < frozen.columns) : [];
  const offsets = useFrozenOffsets(table, frozenRows, frozenCols, page);
  const drawn = useMemo(() => layoutSpans(spans, rows, cols), [spans, page, layout]); // eslint-disable-line react-hooks/exhaustive-deps
  const selecting = useGridSelection({
    sheet: sheet.name,
    selection,
    selected,
    onSelect,
    onSelectedContent,
    page,
    totalRows,
    hiddenRows: layout?.hiddenRows,
    hiddenColumns: layout?.hiddenColumns,
    spans,
    drawn,
    cellAt,
    scroller,
  });

  if (totalRows === 0) {
    return (
      <div className={styles.wrapper}>
        <p className={styles.empty}>{t('playground.emptySheet')}</p>
      </div>
    );
  }
  if (!page) {
    return (
      <div className={styles.wrapper}>
        <Spinner size="small" label={t('playground.loading')} />
      </div>
    );
  }

  const lastFrozenCol = frozenCols[frozenCols.length - 1];
  const drawing: RowDrawing = {
    cols,
    drawn,
    cellAt,
    offsets,
    lastFrozenRow: frozenRows[frozenRows.length - 1],
    lastFrozenCol,
    selected,
    selecting,
    layout,
    charts,
    language,
    classes: { grid: styles, frozen: frozenStyles, look },
  };

  return (
    <div className={styles.wrapper}>
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="grid"
        aria-label={t('playground.grid', { sheet: sheet.name })}
        aria-rowcount={totalRows + 1}
        aria-colcount={page.lastCol + 2}
        aria-activedescendant={selecting.activeId}
        onKeyDown={selecting.onKeyDown}
        data-testid="sheet-grid"
      >
        <table ref={table} className={styles.table} role="presentation">
          <thead role="rowgroup">
            <tr role="row" aria-rowindex={1}>
              <th className={styles.corner} role="columnheader" aria-label={t('playground.cell')} data-corner="" />
              {cols.map((c) => (
                <th
                  key={c}
                  role="columnheader"
                  data-col={c}
                  className={mergeClasses(
                    styles.colHeader,
                    layout ? styles.colHeaderSized : undefined,
                    c === lastFrozenCol && frozenStyles.lastFrozenColumn,
                    selected?.col === c && styles.headerActive,
                  )}
                  style={{ ...(layout ? { width: `${columnPixels(layout.widths.get(c))}px` } : {}), ...(offsets.left.has(c) ? { left: `${offsets.left.get(c)}px`, zIndex: 7 } : {}) }}
                >
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((r) => (
              <GridRow key={r} row={r} drawing={drawing} />
            ))}
          </tbody>
        </table>
      </div>
      {totalRows > PAGE_ROWS && (
        <div className={styles.footer}>
          <Caption1 data-testid="rows-note">
            {t('playground.rowsNote', {
              from: formatNumberSv(page.firstRow + 1),
              to: formatNumberSv(page.lastRow + 1),
              total: formatNumberSv(totalRows),
            })}
          </Caption1>
          <Button size="small" disabled={pageIndex === 0} onClick={() => setPageIndex(pageIndex - 1)}>
            {t('playground.previousRows')}
          </Button>
          <Button size="small" disabled={page.lastRow >= totalRows - 1} onClick={() => setPageIndex(pageIndex + 1)}>
            {t('playground.nextRows')}
          </Button>
        </div>
      )}
    </div>
  );
}
