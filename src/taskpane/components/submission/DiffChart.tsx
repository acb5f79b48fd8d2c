/**
 * Jämför's compact chart: the change in net budget per nämnd (now minus before), one thin bar per
 * year from a zero line through the chart, to the right for an increase. The approach of
 * Resursfördelning's ChangeChart (allocation/ChangeChart.tsx): an SVG drawn by hand, Fluent tokens
 * as colours (themes and forced colours work), a name and a description in words; the same
 * numbers are in the table under it.
 */
import { makeStyles, mergeClasses, Text, tokens, useId } from '@fluentui/react-components';
import type { BoardChange } from '../../../core/compare';
import { axisLabels } from '../allocation/ChangeChart';
import { tkrText } from '../allocation/format';
import { useSubmissionText } from './submission-texts';

const WIDTH = 320;
const PAD = 4;
const LABEL_HEIGHT = 15;
const BAR = 6;
const BAR_GAP = 2;
const GROUP_GAP = 8;
const AXIS_HEIGHT = 16;
const MAX_LABEL = 46;
const FORCED = '@media (forced-colors: active)';

const useStyles = makeStyles({
  figure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  caption: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  svg: { display: 'block', width: '100%', height: 'auto' },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '11px', fontFamily: tokens.fontFamilyBase, [FORCED]: { fill: 'CanvasText' } },
  axisLabel: { fill: tokens.colorNeutralForeground3, fontSize: '10px', fontFamily: tokens.fontFamilyBase, [FORCED]: { fill: 'CanvasText' } },
  zero: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1, [FORCED]: { stroke: 'CanvasText' } },
  year0: { fill: tokens.colorBrandBackground, backgroundColor: tokens.colorBrandBackground, [FORCED]: { fill: 'CanvasText', backgroundColor: 'CanvasText' } },
  year1: { fill: tokens.colorPaletteMarigoldBackground3, backgroundColor: tokens.colorPaletteMarigoldBackground3, [FORCED]: { fill: 'GrayText', backgroundColor: 'GrayText' } },
  year2: { fill: tokens.colorPaletteBerryBackground3, backgroundColor: tokens.colorPaletteBerryBackground3, [FORCED]: { fill: 'Highlight', backgroundColor: 'Highlight' } },
  year3: { fill: tokens.colorPaletteTealBackground2, backgroundColor: tokens.colorPaletteTealBackground2, [FORCED]: { fill: 'LinkText', backgroundColor: 'LinkText' } },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: 'none', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: tokens.borderRadiusSmall, forcedColorAdjust: 'none' },
});

export interface DiffChartProps {
  years: readonly number[];
  boards: readonly BoardChange[];
}

export function DiffChart({ years, boards }: DiffChartProps) {
  const styles = useStyles();
  const { t } = useSubmissionText();
  const headingId = useId('diff-chart-heading');
  const titleId = useId('diff-chart-title');
  const descId = useId('diff-chart-desc');
  const yearClass = [styles.year0, styles.year1, styles.year2, styles.year3];
  const colour = (i: number) => yearClass[i % yearClass.length];

  const change = (b: BoardChange, year: number) => b.net.find((a) => a.year === year)?.change ?? 0;
  const all = boards.flatMap((b) => years.map((y) => change(b, y)));
  const lo = Math.min(0, ...all);
  const hi = Math.max(0, ...all);
  const span = hi - lo || 1;
  const x = (v: number) => PAD + ((v - lo) / span) * (WIDTH - 2 * PAD);
  const zeroX = x(0);
  const groupHeight = LABEL_HEIGHT + years.length * BAR + Math.max(0, years.length - 1) * BAR_GAP + GROUP_GAP;
  const plotBottom = boards.length * groupHeight;
  const height = plotBottom + AXIS_HEIGHT;
  const axis = axisLabels(lo, hi, (value) => t('compare.axis', { value }));
  const zeroAnchor = zeroX < 60 ? 'start' : zeroX > WIDTH - 60 ? 'end' : 'middle';
  const showLo = axis.lo !== null && zeroX > 90;
  const showHi = axis.hi !== null && zeroX < WIDTH - 90;
  const description = boards.map((b) => `${b.board}: ${years.map((y) => `${y} ${signed(change(b, y))} tkr`).join(', ')}`).join('; ');
  const title = t('compare.chartTitle');

  return (
    <figure className={styles.figure} aria-labelledby={headingId} data-testid="diff-chart">
      <Text as="h4" id={headingId} className={styles.title}>
        {title}
      </Text>
      <p className={styles.caption}>{t('compare.chartCaption')}</p>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {boards.map((b, g) => {
          const top = g * groupHeight;
          const label = b.board.length > MAX_LABEL ? `${b.board.slice(0, MAX_LABEL - 1).trimEnd()}…` : b.board;
          return (
            <g key={b.board} data-board={b.board}>
              <text x={PAD} y={top + 11} className={styles.label}>
                {label !== b.board && <title>{b.board}</title>}
                {label}
              </text>
              {years.map((y, i) => {
                const v = change(b, y);
                return (
                  <rect
                    key={y}
                    x={round(Math.min(x(v), zeroX))}
                    y={top + LABEL_HEIGHT + i * (BAR + BAR_GAP)}
                    width={round(Math.max(Math.abs(x(v) - zeroX), v === 0 ? 0 : 1))}
                    height={BAR}
                    className={colour(i)}
                    data-year={y}
                    data-value={v}
                  />
                );
              })}
            </g>
          );
        })}
        <line x1={round(zeroX)} x2={round(zeroX)} y1={LABEL_HEIGHT - 2} y2={plotBottom} className={styles.zero} />
        <g aria-hidden="true">
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
      <ul className={styles.legend} aria-label={t('compare.chartYears')}>
        {years.map((y, i) => (
          <li key={y} className={styles.legendItem}>
            <span className={mergeClasses(styles.swatch, colour(i))} aria-hidden="true" />
            {y}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** "+20", "−5", "0" in tkr. */
export function signed(kronor: number): string {
  return kronor > 0 ? `+${tkrText(kronor)}` : tkrText(kronor);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
