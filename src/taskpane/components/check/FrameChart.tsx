/**
 * Budget vs frame per nämnd and year as a small diverging chart: one row per nämnd, one cell per
 * year, a bar from the centre line to the right when the budget is over the frame and to the
 * left when it is under (length = the difference as a share of the frame, so nämnder of any size
 * compare), a dot when it is within the tolerance. The signed difference in tkr is written under
 * each bar, so nothing depends on colour alone. The chart has a name and a description in words,
 * and the same figures can be shown as a table.
 */
import { useState } from 'react';
import {
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import type { BoardFrameSummary } from '../../../core/rules';
import { formatList, useI18n, type I18n } from '../../i18n';
import { tkr, tkrNumber } from './format';
import { FORCED_COLORS } from '../forced-colors';

/** Bars shorter than this share of the frame still get the full scale when nothing is larger. */
const MIN_SCALE = 0.01;
/** Any breach gets at least this much of the half-width (48 units), so a small one still stands out. */
const MIN_BAR = 12;
const BAR_HEIGHT = 10;

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  grid: {
    display: 'grid',
    // The names' column is at least as wide as their longest word, so a name wraps only between words.
    gridTemplateColumns: 'minmax(min-content, 1.5fr) repeat(3, minmax(0, 1fr))',
    columnGap: 0,
    rowGap: 0,
    alignItems: 'center',
  },
  yearHeader: { textAlign: 'center', color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  board: {
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'normal',
    hyphens: 'manual',
    lineHeight: tokens.lineHeightBase200,
    paddingBlock: tokens.spacingVerticalXS,
    paddingInlineEnd: tokens.spacingHorizontalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    alignSelf: 'stretch',
    display: 'flex',
    alignItems: 'center',
  },
  cell: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: '2px',
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    alignSelf: 'stretch',
    justifyContent: 'center',
  },
  bar: { display: 'block', width: '100%', height: `${BAR_HEIGHT}px`, overflow: 'visible' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, [FORCED_COLORS]: { stroke: 'CanvasText' } },
  over: { fill: tokens.colorStatusDangerForeground1, [FORCED_COLORS]: { fill: 'Highlight' } },
  under: { fill: tokens.colorStatusWarningForeground3, [FORCED_COLORS]: { fill: 'CanvasText' } },
  within: { fill: tokens.colorStatusSuccessForeground1, [FORCED_COLORS]: { fill: 'CanvasText' } },
  amount: { textAlign: 'center', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground3 },
  amountOver: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  amountUnder: { color: tokens.colorStatusWarningForeground3, fontWeight: tokens.fontWeightSemibold },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'block', width: '12px', height: '10px' },
  description: { color: tokens.colorNeutralForeground2, margin: 0 },
  toggle: { alignSelf: 'flex-start' },
  // Four columns (year and three amounts) fit a 320 px pane; the nämnd heads its own rows.
  table: { fontVariantNumeric: 'tabular-nums', tableLayout: 'auto', width: '100%' },
  number: { textAlign: 'end', whiteSpace: 'nowrap', paddingInline: tokens.spacingHorizontalXXS, justifyContent: 'flex-end' },
  // A header cell lays its text out in a flex button: push it to the end like the amounts.
  numberHead: { paddingInline: tokens.spacingHorizontalXXS, '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  yearCell: { paddingInline: tokens.spacingHorizontalXXS },
  boardRow: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'break-word', paddingTop: tokens.spacingVerticalS },
  caption: { textAlign: 'start', color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
});

type Status = 'over' | 'under' | 'within';

interface Cell {
  year: number;
  budget: number;
  frame: number;
  diff: number;
  status: Status;
  /** Difference as a share of the frame; null when the frame is not positive. */
  share: number | null;
}

function statusOf(diff: number, toleranceKr: number): Status {
  return diff > toleranceKr ? 'over' : diff < -toleranceKr ? 'under' : 'within';
}

function cellsOf(board: BoardFrameSummary, toleranceKr: number): Cell[] {
  return board.years.map((y) => ({ ...y, status: statusOf(y.diff, toleranceKr), share: y.frame > 0 ? y.diff / y.frame : null }));
}

export interface FrameChartProps {
  frames: readonly BoardFrameSummary[];
  years: readonly number[];
  toleranceKr: number;
}

export function FrameChart({ frames, years, toleranceKr }: FrameChartProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, language } = i18n;
  const headingId = useId('frame-chart-heading');
  const descriptionId = useId('frame-chart-description');
  const tableId = useId('frame-chart-table');
  const [showTable, setShowTable] = useState(false);

  const rows = frames.map((board) => ({ board: board.board, cells: cellsOf(board, toleranceKr) }));
  const outside = rows.flatMap((r) => r.cells.filter((c) => c.status !== 'within'));
  const scale = Math.max(MIN_SCALE, ...outside.map((c) => (c.share === null ? 0 : Math.abs(c.share))));

  return (
    <section className={styles.figure} aria-labelledby={headingId} data-testid="frame-chart">
      <Text as="h3" id={headingId} className={styles.heading}>
        {t('check.chart.heading')}
      </Text>
      <div className={styles.grid} role="img" aria-label={t('check.chart.title')} aria-describedby={descriptionId}>
        <span />
        {years.map((year) => (
          <Caption1 key={year} className={styles.yearHeader}>
            {year}
          </Caption1>
        ))}
        {rows.map((row) => (
          <FrameRow key={row.board} board={row.board} cells={row.cells} scale={scale} />
        ))}
      </div>
      <div className={styles.legend} aria-hidden="true">
        {(['over', 'under', 'within'] as const).map((status) => (
          <Caption1 key={status} className={styles.legendItem}>
            <svg className={styles.swatch} viewBox="0 0 12 10">
              {status === 'within' ? (
                <circle className={styles.within} cx={6} cy={5} r={3.5} />
              ) : (
                <rect className={styles[status]} x={0} y={1} width={12} height={8} rx={1} />
              )}
            </svg>
            {t(`check.chart.legend.${status}`)}
          </Caption1>
        ))}
      </div>
      <Caption1 as="p" id={descriptionId} className={styles.description} data-testid="frame-chart-description">
        {describe(i18n, rows)} {t('check.chart.note')}
      </Caption1>
      <Button
        className={styles.toggle}
        size="small"
        appearance="subtle"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? t('check.chart.hideTable') : t('check.chart.showTable')}
      </Button>
      <div id={tableId} hidden={!showTable}>
        {showTable && (
          <Table size="extra-small" className={styles.table} aria-label={t('check.table.caption')}>
            <caption className={styles.caption}>
              <Caption1>{t('check.table.caption')}</Caption1>
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.yearCell}>{t('check.table.year')}</TableHeaderCell>
                <TableHeaderCell className={styles.numberHead}>{t('check.table.budget')}</TableHeaderCell>
                <TableHeaderCell className={styles.numberHead}>{t('check.table.frame')}</TableHeaderCell>
                <TableHeaderCell className={styles.numberHead}>{t('check.table.diff')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            {rows.map((row) => (
              <TableBody key={row.board} data-board={row.board}>
                <TableRow>
                  <TableHeaderCell colSpan={4} scope="rowgroup" className={styles.boardRow}>
                    {row.board}
                  </TableHeaderCell>
                </TableRow>
                {row.cells.map((c) => (
                  <TableRow key={c.year}>
                    <TableCell className={styles.yearCell}>{c.year}</TableCell>
                    <TableCell className={styles.number}>{tkrNumber(language, c.budget)}</TableCell>
                    <TableCell className={styles.number}>{tkrNumber(language, c.frame)}</TableCell>
                    <TableCell className={styles.number}>{tkrNumber(language, c.diff, true)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            ))}
          </Table>
        )}
      </div>
    </section>
  );
}

function FrameRow({ board, cells, scale }: { board: string; cells: Cell[]; scale: number }) {
  const styles = useStyles();
  const { language } = useI18n();
  return (
    <>
      <Caption1 className={styles.board}>{board}</Caption1>
      {cells.map((c) => (
        <span key={c.year} className={styles.cell} data-status={c.status} data-year={c.year}>
          {/* No viewBox: x and width in percent of the cell, heights and the dot in pixels. */}
          <svg className={styles.bar} aria-hidden="true">
            <line className={styles.axis} x1="50%" x2="50%" y1={0} y2={BAR_HEIGHT} />
            <BarShape cell={c} scale={scale} />
          </svg>
          <Caption1 className={mergeClasses(styles.amount, c.status === 'over' && styles.amountOver, c.status === 'under' && styles.amountUnder)}>
            {tkrNumber(language, c.diff, true)}
          </Caption1>
        </span>
      ))}
    </>
  );
}

function BarShape({ cell, scale }: { cell: Cell; scale: number }) {
  const styles = useStyles();
  if (cell.status === 'within') return <circle className={styles.within} cx="50%" cy={BAR_HEIGHT / 2} r={3} />;
  // A frame of 0 or less has no share: its difference is drawn at full length.
  const share = cell.share === null ? scale : Math.min(Math.abs(cell.share), scale);
  const length = Math.round(Math.max(MIN_BAR, (share / scale) * 48) * 10) / 10;
  const x = cell.status === 'over' ? 50 : 50 - length;
  return <rect className={styles[cell.status]} x={`${x}%`} y={1} width={`${length}%`} height={BAR_HEIGHT - 2} data-share={cell.share ?? undefined} />;
}

/** The chart in words: which nämnder are over or under the frame, which year, by how much. */
function describe(i18n: I18n, rows: { board: string; cells: Cell[] }[]): string {
  const { t, language } = i18n;
  const list = (status: Status) =>
    rows.flatMap((r) =>
      r.cells
        .filter((c) => c.status === status)
        .map((c) => t('check.chart.item', { board: r.board, year: c.year, diff: tkr(language, c.diff, true) })),
    );
  const over = list('over');
  const under = list('under');
  if (over.length === 0 && under.length === 0) return t('check.chart.allWithin');
  const parts: string[] = [];
  if (over.length > 0) parts.push(t('check.chart.over', { list: formatList(language, over) }));
  if (under.length > 0) parts.push(t('check.chart.under', { list: formatList(language, under) }));
  return parts.join(' ');
}
