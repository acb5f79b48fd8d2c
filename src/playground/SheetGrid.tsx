/**
 * A simple read-only grid of one sheet: column letters, row numbers, values in Swedish formatting,
 * formula cells marked. Renders one page of rows at a time (PAGE_ROWS) so sheets of 20 000 rows
 * stay responsive; selecting a cell outside the page moves to its page.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Caption1, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { columnLetters, parseA1, parseRangeA1, rangeToA1, toA1 } from '../core/a1';
import { formatNumberSv } from '../core/text/numbers';
import type { RawGrid, RawValue, SheetInfo } from '../core/workbook/raw';
import type { ChartSpec } from '../core/workbook/sheet-spec';
import type { WorkbookPort } from '../core/workbook/port';
import { useI18n } from '../taskpane/i18n';
import { displayValue, formulaBarText, isNumeric } from './cell-format';
import type { Evaluation, ValueSource } from './engine/evaluation';
import type { SheetLayout } from './workbook-loader';
import { cellKey, layoutSpans, moveOrigin, spanAt, spansOf, spanStart } from './grid-spans';
import { useFrozenOffsets, useFrozenStyles } from './frozen-panes';
import { useLookStyles } from './grid-look';
import { chartData, ChartView } from './ChartView';

/** Excel's default column width in characters, and pixels per character (Calibri 11 at 96 dpi). */
const DEFAULT_WIDTH_CHARS = 8.43;
const PIXELS_PER_CHAR = 7;
const CELL_PADDING_PX = 5;

/** A column's width in pixels from Excel's characters, as Excel draws it. */
export function columnPixels(chars: number | undefined): number {
  return Math.round((chars ?? DEFAULT_WIDTH_CHARS) * PIXELS_PER_CHAR + CELL_PADDING_PX);
}

export const PAGE_ROWS = 500;
export const MAX_COLUMNS = 60;

const useStyles = makeStyles({
  wrapper: { display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1 },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    outlineStyle: 'none',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    tableLayout: 'fixed',
  },
  corner: {
    position: 'sticky',
    top: 0,
    left: 0,
    zIndex: 7,
    width: '48px',
    minWidth: '48px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  colHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 6,
    minWidth: '96px',
    maxWidth: '240px',
    padding: '2px 4px',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    textAlign: 'center',
  },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 4,
    padding: '2px 6px',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
  },
  headerActive: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2 },
  cell: {
    height: '22px',
    padding: '0 6px',
    maxWidth: '240px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'cell',
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  // With the sheet's widths: no minimum or maximum, narrow columns clip as in Excel.
  colHeaderSized: { minWidth: 0, maxWidth: 'none', padding: '2px 0', overflow: 'hidden' },
  cellSized: { maxWidth: 'none', padding: '0 3px', textOverflow: 'clip' },
  // A formula the engine could not evaluate: the file's saved value, with an orange corner.
  notComputed: {
    backgroundImage: `linear-gradient(225deg, ${tokens.colorPaletteDarkOrangeBorder2} 6px, transparent 6px)`,
  },
  formula: {
    backgroundColor: tokens.colorPaletteLightGreenBackground1,
    boxShadow: `inset 3px 0 0 ${tokens.colorPaletteGreenBorder2}`,
  },
  formulaText: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    '@media (forced-colors: active)': { outline: '2px solid Highlight' },
  },
  inRange: { backgroundColor: tokens.colorBrandBackground2 },
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

/** The tooltip of a formula value the engine did not compute. */
function engineNote(cached: boolean, engineError: string | undefined, formula: string | undefined): string {
  const why = engineError ? ` (${engineError})` : '';
  const what = cached
    ? `Räknat värde saknas${why}: IronCalc kan inte räkna formeln, cellen visar filens sparade värde.`
    : `Räknat värde saknas${why}: IronCalc kan inte räkna formeln och filen har inget sparat värde.`;
  return formula ? `${what}\n${formula}` : what;
}

export interface GridSelection {
  sheet: string;
  /** "C5": the active cell. */
  address: string;
  /** "C5:F20": a range extended from the active cell (Shift+click, Shift+arrow); absent for one cell. */
  range?: string;
}

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

interface Page {
  sheet: string;
  grid: RawGrid;
  firstRow: number;
  lastRow: number;
  lastCol: number;
}

function pageOf(row: number): number {
  return Math.floor(row / PAGE_ROWS);
}

export function SheetGrid({ port, sheet, selection, onSelect, revision, onSelectedContent, evaluation, layout, charts }: SheetGridProps) {
  const styles = useStyles();
  const frozenStyles = useFrozenStyles();
  const look = useLookStyles();
  const { t, language } = useI18n();
  const used = sheet.usedAddress ? parseRangeA1(sheet.usedAddress) : null;
  // A chart placed under the last used row still gets its rows (they are empty cells).
  const placements = (charts ?? []).map((c) => parseRangeA1(c.placement)).filter((a): a is NonNullable<typeof a> => a !== null);
  const totalRows = used ? Math.max(used.bottom, ...placements.map((p) => p.bottom)) + 1 : 0;
  const lastCol = used ? Math.min(Math.max(used.right, ...placements.map((p) => p.right)), MAX_COLUMNS - 1) : 0;
  const selected = selection && selection.sheet === sheet.name ? parseA1(selection.address) : null;
  const [pageIndex, setPageIndex] = useState(() => (selected ? pageOf(selected.row) : 0));
  const [loaded, setPage] = useState<Page | null>(null);
  // A page read for another sheet is not shown while this sheet's page loads.
  const page = loaded && loaded.sheet === sheet.name ? loaded : null;
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const spans = useMemo(
    () => spansOf(layout?.merges, charts?.map((c) => parseRangeA1(c.placement)).filter((a): a is NonNullable<typeof a> => a !== null)),
    [layout, charts],
  );
  const frozen = layout?.frozen;

  // A selection on another page (from the task pane's selectCell) moves the page there.
  useEffect(() => {
    if (selected && pageOf(selected.row) !== pageIndex) setPageIndex(pageOf(selected.row));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected?.row]);

  useEffect(() => {
    let live = true;
    if (!used) {
      setPage(null);
      return undefined;
    }
    const firstRow = Math.min(pageIndex * PAGE_ROWS, Math.max(0, totalRows - 1));
    const lastRow = Math.min(firstRow + PAGE_ROWS, totalRows) - 1;
    const address = `A${firstRow + 1}:${toA1(lastRow, lastCol)}`;
    port
      .read(() => ({ ranges: [{ id: 'grid', sheet: sheet.name, address, formulas: true, numberFormats: true }] }))
      .then((raw) => {
        const grid = raw.grids.get('grid');
        if (live && grid) setPage({ sheet: sheet.name, grid, firstRow, lastRow, lastCol });
      })
      .catch(() => {
        if (live) setPage(null);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [port, sheet.name, sheet.usedAddress, pageIndex, revision]);

  const cellAt = (row: number, col: number): { value: RawValue; format?: string; formula?: string; source?: ValueSource | 'pending'; engineError?: string } => {
    if (!page) return { value: null };
    const r = row - page.grid.top;
    const c = col - page.grid.left;
    const address = toA1(row, col);
    const cached = page.grid.values[r]?.[c] ?? null;
    const formula = page.grid.formulas[address];
    const format = page.grid.numberFormats?.[r]?.[c];
    if (formula === undefined || evaluation === undefined) return { value: cached, format, formula };
    const evaluated = evaluation?.cell(sheet.name, address);
    if (!evaluated) return { value: cached, format, formula, source: 'pending' };
    return { value: evaluated.value, format, formula, source: evaluated.source, engineError: evaluated.engineError };
  };
  const hiddenRows = layout?.hiddenRows;
  const hiddenColumns = layout?.hiddenColumns;
  const rows: number[] = [];
  const cols: number[] = [];
  if (page) {
    for (let r = page.firstRow; r <= page.lastRow; r++) if (!hiddenRows?.has(r)) rows.push(r);
    for (let c = 0; c <= page.lastCol; c++) if (!hiddenColumns?.has(c) && !(layout && (layout.widths.get(c) ?? 1) === 0)) cols.push(c);
  }
  const frozenRows = frozen ? rows.filter((r) => r < frozen.rows) : [];
  const frozenCols = frozen ? cols.filter((c) => c < frozen.columns) : [];
  const offsets = useFrozenOffsets(table, frozenRows, frozenCols, page);
  const drawn = useMemo(() => layoutSpans(spans, rows, cols), [spans, page, layout]); // eslint-disable-line react-hooks/exhaustive-deps
  // The selected cell as drawn: the anchor of the span it is in.
  const selectedSpan = selected ? spanAt(spans, selected.row, selected.col) : undefined;
  const drawnAddressOf = (row: number, col: number): string => {
    const span = spanAt(spans, row, col);
    if (!span) return toA1(row, col);
    for (const [key, d] of drawn.anchors) if (d.area === span.area) {
      const [r, c] = key.split(':').map(Number);
      return toA1(r, c);
    }
    return toA1(row, col);
  };

  // Tell the formula bar what the selected cell holds, and bring the cell into view.
  useEffect(() => {
    if (!selected || !page) return;
    const cell = cellAt(selected.row, selected.col);
    onSelectedContent?.(formulaBarText(cell.value, cell.format, cell.formula));
    const element = scroller.current?.querySelector<HTMLElement>(`[data-address="${drawnAddressOf(selected.row, selected.col)}"]`);
    element?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection?.address, selection?.sheet, page]);

  if (!used) {
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

  const select = (row: number, col: number) => onSelect({ sheet: sheet.name, address: toA1(row, col) });
  // Shift extends a range from the active cell to (row, col), as in Excel.
  const extend = (row: number, col: number) => {
    if (!selected) return select(row, col);
    if (row === selected.row && col === selected.col) return select(row, col);
    const range = rangeToA1({ top: Math.min(row, selected.row), left: Math.min(col, selected.col), bottom: Math.max(row, selected.row), right: Math.max(col, selected.col) });
    onSelect({ sheet: sheet.name, address: toA1(selected.row, selected.col), range });
  };
  const ranged = selection?.range && selection.sheet === sheet.name ? parseRangeA1(selection.range) : null;
  const inRange = (r: number, c: number) => ranged !== null && r >= ranged.top && r <= ranged.bottom && c >= ranged.left && c <= ranged.right;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const active = selected ?? { row: page.firstRow, col: 0 };
    // With Shift the range's far corner moves; the active cell stays.
    const far = ranged && selected ? { row: ranged.top === selected.row ? ranged.bottom : ranged.top, col: ranged.left === selected.col ? ranged.right : ranged.left } : active;
    // From a merged cell the move starts at its far edge, so it leaves the span (as in Excel).
    const from = event.shiftKey ? far : moveOrigin(spans, active, move);
    let row = from.row;
    let col = from.col;
    // Hidden rows and columns are stepped over, as in Excel.
    do row += move[0];
    while (move[0] !== 0 && row >= 0 && row < totalRows && hiddenRows?.has(row));
    do col += move[1];
    while (move[1] !== 0 && col >= 0 && col <= page.lastCol && hiddenColumns?.has(col));
    if (row < 0 || row >= totalRows || hiddenRows?.has(row)) row = from.row;
    if (col < 0 || col > page.lastCol || hiddenColumns?.has(col)) col = from.col;
    if (event.shiftKey) return extend(row, col);
    // Into a span: its top-left cell; at the sheet's edge a span stays selected as it was.
    const target = spanStart(spans, row, col);
    if (target.row === active.row && target.col === active.col) return;
    select(target.row, target.col);
  };

  const activeId = selected ? `cell-${drawnAddressOf(selected.row, selected.col)}` : undefined;
  const lastFrozenRow = frozenRows[frozenRows.length - 1];
  const lastFrozenCol = frozenCols[frozenCols.length - 1];
  const protection = layout?.protection;
  const paged = totalRows > PAGE_ROWS;

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
        aria-activedescendant={activeId}
        onKeyDown={onKeyDown}
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
              <tr key={r} role="row" aria-rowindex={r + 2} data-row={r} data-frozen={offsets.top.has(r) ? 'true' : undefined}>
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
                        inRange(r, c) && styles.inRange,
                        isSelected && styles.selected,
                      )}
                      onClick={(event) => {
                        const start = span ? { row: span.area.top, col: span.area.left } : { row: r, col: c };
                        if (event.shiftKey) extend(start.row, start.col);
                        else select(start.row, start.col);
                      }}
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
            ))}
          </tbody>
        </table>
      </div>
      {paged && (
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
