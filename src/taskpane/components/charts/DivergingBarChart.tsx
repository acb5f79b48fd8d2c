/**
 * Change as diverging bars: a group per row (a nämnd) with one thin bar per series (a year), to
 * the right for an increase and to the left for a decrease, from a zero line through the whole
 * chart; the axis ends carry the unit. A visible title and caption say what a bar is. Colours are
 * Fluent tokens (CSS variables), so light, dark and high-contrast themes work; the SVG has a name
 * and a description in words. Resursfördelning's ChangeChart and Jämför's DiffChart draw with it.
 */
import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, Text, tokens, useId } from '@fluentui/react-components';
import { wholeTkrText } from '../allocation/format';
import { FORCED_COLORS } from '../forced-colors';

const WIDTH = 320;
const PAD = 4;
const LABEL_HEIGHT = 15;
const BAR = 6;
const BAR_GAP = 2;
const GROUP_GAP = 8;
const AXIS_HEIGHT = 16;
/** Longer labels are cut with "…" in the chart (the full label is the tooltip and in the table). */
const MAX_LABEL = 46;

const useStyles = makeStyles({
  figure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  caption: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  svg: { display: 'block', width: '100%', height: 'auto' },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '11px', fontFamily: tokens.fontFamilyBase, [FORCED_COLORS]: { fill: 'CanvasText' } },
  axisLabel: { fill: tokens.colorNeutralForeground3, fontSize: '10px', fontFamily: tokens.fontFamilyBase, [FORCED_COLORS]: { fill: 'CanvasText' } },
  zero: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1, [FORCED_COLORS]: { stroke: 'CanvasText' } },
  series0: { fill: tokens.colorBrandBackground, backgroundColor: tokens.colorBrandBackground, [FORCED_COLORS]: { fill: 'CanvasText', backgroundColor: 'CanvasText' } },
  series1: { fill: tokens.colorPaletteMarigoldBackground3, backgroundColor: tokens.colorPaletteMarigoldBackground3, [FORCED_COLORS]: { fill: 'GrayText', backgroundColor: 'GrayText' } },
  series2: { fill: tokens.colorPaletteBerryBackground3, backgroundColor: tokens.colorPaletteBerryBackground3, [FORCED_COLORS]: { fill: 'Highlight', backgroundColor: 'Highlight' } },
  series3: { fill: tokens.colorPaletteTealBackground2, backgroundColor: tokens.colorPaletteTealBackground2, [FORCED_COLORS]: { fill: 'LinkText', backgroundColor: 'LinkText' } },
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
});

export interface DivergingBarRow {
  label: string;
  /** Kronor, one per series. */
  values: readonly number[];
}

export interface DivergingBarChartProps {
  /** The figure's test id; its parts get `-title`, `-caption`, `-zero` and `-axis` after it. */
  testId: string;
  /** Shown above the chart and its accessible name. */
  title: string;
  /** What exactly a bar is, shown under the title. */
  caption: string;
  /** The series of each group (the years), named in the legend. */
  series: readonly number[];
  legendLabel: string;
  /** The groups drawn; none draws no SVG. */
  rows: readonly DivergingBarRow[];
  /** The chart in words: the SVG's description. */
  description: string;
  /** Puts the unit on an axis end: "+45 000" → "+45 000 tkr". */
  axisUnit: (value: string) => string;
  /** Shown under the legend, like the caption. */
  note?: string;
  /** Under the note, e.g. the same numbers as a table. */
  children?: ReactNode;
}

/** The axis' end labels: "−5 000 tkr", "0", "+45 000 tkr". */
export function axisLabels(lo: number, hi: number, unit: (value: string) => string): { lo: string | null; zero: string; hi: string | null } {
  return {
    lo: lo < 0 ? unit(wholeTkrText(lo)) : null,
    zero: '0',
    hi: hi > 0 ? unit(`+${wholeTkrText(hi)}`) : null,
  };
}

export function DivergingBarChart({ testId, title, caption, series, legendLabel, rows, description, axisUnit, note, children }: DivergingBarChartProps) {
  const styles = useStyles();
  const headingId = useId('bar-chart-heading');
  const captionId = useId('bar-chart-caption');
  const titleId = useId('bar-chart-title');
  const descId = useId('bar-chart-desc');
  const seriesClass = [styles.series0, styles.series1, styles.series2, styles.series3];
  const colour = (i: number) => seriesClass[i % seriesClass.length];

  const all = rows.flatMap((r) => r.values);
  const lo = Math.min(0, ...all);
  const hi = Math.max(0, ...all);
  const span = hi - lo || 1;
  const x = (v: number) => PAD + ((v - lo) / span) * (WIDTH - 2 * PAD);
  const zeroX = x(0);
  const groupHeight = LABEL_HEIGHT + series.length * BAR + Math.max(0, series.length - 1) * BAR_GAP + GROUP_GAP;
  const plotBottom = rows.length * groupHeight;
  const height = plotBottom + AXIS_HEIGHT;
  const axis = axisLabels(lo, hi, axisUnit);
  // The "0" label moves aside when an end label would overlap it.
  const zeroAnchor = zeroX < 60 ? 'start' : zeroX > WIDTH - 60 ? 'end' : 'middle';
  const showLo = axis.lo !== null && zeroX > 90;
  const showHi = axis.hi !== null && zeroX < WIDTH - 90;

  return (
    <figure className={styles.figure} aria-labelledby={headingId} aria-describedby={captionId} data-testid={testId}>
      <Text as="h4" id={headingId} className={styles.title} data-testid={`${testId}-title`}>
        {title}
      </Text>
      <p id={captionId} className={styles.caption} data-testid={`${testId}-caption`}>
        {caption}
      </p>
      {rows.length > 0 && (
        <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          {rows.map((r, g) => {
            const top = g * groupHeight;
            const label = r.label.length > MAX_LABEL ? `${r.label.slice(0, MAX_LABEL - 1).trimEnd()}…` : r.label;
            return (
              <g key={r.label} data-board={r.label}>
                <text x={PAD} y={top + 11} className={styles.label}>
                  {label !== r.label && <title>{r.label}</title>}
                  {label}
                </text>
                {r.values.map((v, i) => (
                  <rect
                    key={series[i]}
                    x={round(Math.min(x(v), zeroX))}
                    y={top + LABEL_HEIGHT + i * (BAR + BAR_GAP)}
                    width={round(Math.max(Math.abs(x(v) - zeroX), v === 0 ? 0 : 1))}
                    height={BAR}
                    className={colour(i)}
                    data-year={series[i]}
                    data-value={v}
                  />
                ))}
              </g>
            );
          })}
          {/* One zero line through every group, down to its "0" on the axis. */}
          <line x1={round(zeroX)} x2={round(zeroX)} y1={LABEL_HEIGHT - 2} y2={plotBottom} className={styles.zero} data-testid={`${testId}-zero`} />
          <g aria-hidden="true" data-testid={`${testId}-axis`}>
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
      <ul className={styles.legend} aria-label={legendLabel}>
        {series.map((s, i) => (
          <li key={s} className={styles.legendItem}>
            <span className={mergeClasses(styles.swatch, colour(i))} aria-hidden="true" />
            {s}
          </li>
        ))}
      </ul>
      {note && <p className={styles.caption}>{note}</p>}
      {children}
    </figure>
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
