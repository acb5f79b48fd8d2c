/**
 * The change per nämnd as diverging bars: one bar per budget year, to the right for an increase,
 * to the left for a decrease, from a zero line that runs through the whole chart. A visible title
 * and a caption say exactly what is plotted (kompensation + övriga förändringar, or in mode Nivå
 * the volume-based level + övriga förändringar), the axis ends carry the unit (tkr). Colours are
 * Fluent tokens (CSS variables), so light, dark and high-contrast themes work; the SVG has a name
 * and a description in words, and the same numbers are available as a table under the chart.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import type { Triple } from '../../../core/recognition/model';
import { formatList, useI18n } from '../../i18n';
import { tkrText, wholeTkrText } from './format';
import { YearTable } from './YearTable';

const WIDTH = 320;
const PAD = 4;
const LABEL_HEIGHT = 15;
const BAR = 6;
const BAR_GAP = 2;
const GROUP_GAP = 8;
const AXIS_HEIGHT = 16;
/** Longer nämnd names are cut with "…" in the chart (the full name is the label's tooltip and in the table). */
const MAX_LABEL = 46;
const GROUP_HEIGHT = LABEL_HEIGHT + 3 * BAR + 2 * BAR_GAP + GROUP_GAP;

const FORCED = '@media (forced-colors: active)';

const useStyles = makeStyles({
  figure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  svg: { display: 'block', width: '100%', height: 'auto' },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '11px', fontFamily: tokens.fontFamilyBase, [FORCED]: { fill: 'CanvasText' } },
  axisLabel: { fill: tokens.colorNeutralForeground3, fontSize: '10px', fontFamily: tokens.fontFamilyBase, [FORCED]: { fill: 'CanvasText' } },
  zero: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1, [FORCED]: { stroke: 'CanvasText' } },
  year0: { fill: tokens.colorBrandBackground, backgroundColor: tokens.colorBrandBackground, [FORCED]: { fill: 'CanvasText', backgroundColor: 'CanvasText' } },
  year1: {
    fill: tokens.colorPaletteMarigoldBackground3,
    backgroundColor: tokens.colorPaletteMarigoldBackground3,
    [FORCED]: { fill: 'GrayText', backgroundColor: 'GrayText' },
  },
  year2: {
    fill: tokens.colorPaletteBerryBackground3,
    backgroundColor: tokens.colorPaletteBerryBackground3,
    [FORCED]: { fill: 'Highlight', backgroundColor: 'Highlight' },
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: tokens.borderRadiusSmall, forcedColorAdjust: 'none' },
  caption: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  accordionHeader: { fontSize: tokens.fontSizeBase200 },
  // The table needs the pane's whole width: no side margins in the panel.
  panel: { margin: 0 },
});

export interface ChangeRow {
  board: string;
  /** Kronor per budget year. */
  values: Triple;
}

export interface ChangeChartProps {
  years: Triple;
  rows: readonly ChangeRow[];
  /** Shown above the chart and its accessible name. */
  title: string;
  /** What exactly a bar is, shown under the title. */
  caption: string;
}

/** The axis' end labels: "−5 000 tkr", "0", "+45 000 tkr". */
export function axisLabels(lo: number, hi: number, unit: (value: string) => string): { lo: string | null; zero: string; hi: string | null } {
  return {
    lo: lo < 0 ? unit(wholeTkrText(lo)) : null,
    zero: '0',
    hi: hi > 0 ? unit(`+${wholeTkrText(hi)}`) : null,
  };
}

export function ChangeChart({ years, rows, title, caption }: ChangeChartProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const titleId = useId('allocation-chart-title');
  const headingId = useId('allocation-chart-heading');
  const captionId = useId('allocation-chart-caption');
  const descId = useId('allocation-chart-desc');
  const yearClass = [styles.year0, styles.year1, styles.year2];

  const drawn = rows.filter((r) => r.values.some((v) => v !== 0));
  const unchanged = rows.filter((r) => r.values.every((v) => v === 0)).map((r) => r.board);
  const all = drawn.flatMap((r) => r.values);
  const lo = Math.min(0, ...all);
  const hi = Math.max(0, ...all);
  const span = hi - lo || 1;
  const x = (v: number) => PAD + ((v - lo) / span) * (WIDTH - 2 * PAD);
  const zeroX = x(0);
  const height = drawn.length * GROUP_HEIGHT + AXIS_HEIGHT;
  const values = drawn
    .map((r) => `${r.board}: ${years.map((y, i) => `${y} ${tkrText(r.values[i])}`).join(', ')}`)
    .join('; ');
  const description = [
    t('allocation.chartDescription', { values: values ? `${values}.` : '' }).trim(),
    unchanged.length > 0 ? t('allocation.chartUnchanged', { names: formatList(language, unchanged) }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  const axis = axisLabels(lo, hi, (value) => t('allocation.axis', { value }));
  const plotBottom = drawn.length * GROUP_HEIGHT;
  // The "0" label moves aside when an end label would overlap it.
  const zeroAnchor = zeroX < 60 ? 'start' : zeroX > WIDTH - 60 ? 'end' : 'middle';
  const showLo = axis.lo !== null && zeroX > 90;
  const showHi = axis.hi !== null && zeroX < WIDTH - 90;

  return (
    <figure className={styles.figure} aria-labelledby={headingId} aria-describedby={captionId} data-testid="allocation-chart">
      <Text as="h4" id={headingId} className={styles.title} data-testid="allocation-chart-title">
        {title}
      </Text>
      <p id={captionId} className={styles.caption} data-testid="allocation-chart-caption">
        {caption}
      </p>
      {drawn.length > 0 && (
        <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          {drawn.map((r, g) => {
            const top = g * GROUP_HEIGHT;
            const barsTop = top + LABEL_HEIGHT;
            const label = r.board.length > MAX_LABEL ? `${r.board.slice(0, MAX_LABEL - 1).trimEnd()}…` : r.board;
            return (
              <g key={r.board} data-board={r.board}>
                <text x={PAD} y={top + 11} className={styles.label}>
                  {label !== r.board && <title>{r.board}</title>}
                  {label}
                </text>
                {r.values.map((v, i) => {
                  const left = Math.min(x(v), zeroX);
                  const width = Math.max(Math.abs(x(v) - zeroX), v === 0 ? 0 : 1);
                  return (
                    <rect
                      key={years[i]}
                      x={round(left)}
                      y={barsTop + i * (BAR + BAR_GAP)}
                      width={round(width)}
                      height={BAR}
                      className={yearClass[i]}
                      data-year={years[i]}
                      data-value={v}
                    />
                  );
                })}
              </g>
            );
          })}
          {/* One zero line through every group, down to its "0" on the axis. */}
          <line x1={round(zeroX)} x2={round(zeroX)} y1={LABEL_HEIGHT - 2} y2={plotBottom} className={styles.zero} data-testid="allocation-chart-zero" />
          <g aria-hidden="true" data-testid="allocation-chart-axis">
            {showLo && (
              <text x={PAD} y={height - 4} className={styles.axisLabel}>
                {axis.lo}
              </text>
            )}
            <text x={round(zeroX)} y={height - 4} textAnchor={zeroAnchor} className={styles.axisLabel}>
              {axis.zero}
            </text>
            {showHi && (
              <text x={WIDTH - PAD} y={height - 4} textAnchor="end" className={styles.axisLabel}>
                {axis.hi}
              </text>
            )}
          </g>
        </svg>
      )}
      <ul className={styles.legend} aria-label={t('allocation.chartYears')}>
        {years.map((y, i) => (
          <li key={y} className={styles.legendItem}>
            <span className={mergeClasses(styles.swatch, yearClass[i])} aria-hidden="true" />
            {y}
          </li>
        ))}
      </ul>
      {unchanged.length > 0 && (
        <p className={styles.caption}>{t('allocation.chartUnchanged', { names: formatList(language, unchanged) })}</p>
      )}
      <Accordion collapsible>
        <AccordionItem value="values">
          <AccordionHeader size="small" className={styles.accordionHeader}>
            {t('allocation.chartAsText')}
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <YearTable
              caption={title}
              captionVisible={false}
              corner={t('allocation.board')}
              years={years}
              rows={rows.map((r) => ({ label: r.board, values: r.values }))}
              testId="allocation-chart-table"
              layout="auto"
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </figure>
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
