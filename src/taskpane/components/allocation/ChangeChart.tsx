/**
 * The change per nämnd as diverging bars: one bar per budget year, to the right for an increase,
 * to the left for a decrease, from a shared zero line. Colours are Fluent tokens (CSS variables),
 * so light, dark and high-contrast themes work; the SVG has a name and a description in words,
 * and the same numbers are available as a table under the chart.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  mergeClasses,
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
const GROUP_HEIGHT = LABEL_HEIGHT + 3 * BAR + 2 * BAR_GAP + GROUP_GAP;

const FORCED = '@media (forced-colors: active)';

const useStyles = makeStyles({
  figure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0 },
  svg: { display: 'block', width: '100%', height: 'auto' },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '11px', fontFamily: tokens.fontFamilyBase, [FORCED]: { fill: 'CanvasText' } },
  axisLabel: { fill: tokens.colorNeutralForeground3, fontSize: '10px', fontFamily: tokens.fontFamilyBase, [FORCED]: { fill: 'CanvasText' } },
  zero: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, [FORCED]: { stroke: 'CanvasText' } },
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
  title: string;
}

export function ChangeChart({ years, rows, title }: ChangeChartProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const titleId = useId('allocation-chart-title');
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

  return (
    <figure className={styles.figure} data-testid="allocation-chart">
      {drawn.length > 0 && (
        <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          {drawn.map((r, g) => {
            const top = g * GROUP_HEIGHT;
            const barsTop = top + LABEL_HEIGHT;
            const barsBottom = barsTop + 3 * BAR + 2 * BAR_GAP;
            return (
              <g key={r.board} data-board={r.board}>
                <text x={PAD} y={top + 11} className={styles.label}>
                  {r.board}
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
                <line x1={round(zeroX)} x2={round(zeroX)} y1={barsTop - 2} y2={barsBottom + 2} className={styles.zero} />
              </g>
            );
          })}
          <g aria-hidden="true">
            {lo < 0 && (
              <text x={PAD} y={height - 4} className={styles.axisLabel}>
                {wholeTkrText(lo)}
              </text>
            )}
            {zeroX > 40 && zeroX < WIDTH - 40 && (
              <text x={round(zeroX)} y={height - 4} textAnchor="middle" className={styles.axisLabel}>
                0
              </text>
            )}
            {hi > 0 && (
              <text x={WIDTH - PAD} y={height - 4} textAnchor="end" className={styles.axisLabel}>
                {`+${wholeTkrText(hi)}`}
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
        <figcaption className={styles.caption}>{t('allocation.chartUnchanged', { names: formatList(language, unchanged) })}</figcaption>
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
