/**
 * A chart Budgetkoll wrote on a tab (ChartSpec), drawn by the playground as a simple SVG from the
 * source range's values as the grid shows them (computed by the engine, else the file's cached
 * values). Excel draws the real chart; a kind the playground cannot draw shows its title and
 * "Diagrammet visas i Excel", never nothing.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { parseRangeA1 } from '../core/a1';
import type { RawValue } from '../core/workbook/raw';
import type { ChartSpec } from '../core/workbook/sheet-spec';
import { formatNumberSv } from '../core/text/numbers';

const FORCED = '@media (forced-colors: active)';

const TEXTS = {
  sv: { excelOnly: 'Diagrammet visas i Excel', drawn: 'Ritat av lekplatsen från cellerna; Excel ritar diagrammet i arbetsboken.' },
  en: { excelOnly: 'The chart is shown in Excel', drawn: 'Drawn by the playground from the cells; Excel draws the chart in the workbook.' },
};

const useStyles = makeStyles({
  figure: {
    margin: 0,
    boxSizing: 'border-box',
    height: '100%',
    minHeight: '120px',
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'normal',
    cursor: 'default',
  },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1, textAlign: 'center' },
  note: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, textAlign: 'center' },
  svg: { flexGrow: 1, minHeight: 0, width: '100%', overflow: 'visible' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, [FORCED]: { stroke: 'CanvasText' } },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px', [FORCED]: { fill: 'CanvasText' } },
  value: { fill: tokens.colorNeutralForeground1, fontSize: '11px', [FORCED]: { fill: 'CanvasText' } },
  series0: { fill: tokens.colorBrandBackground, [FORCED]: { fill: 'CanvasText' } },
  series1: { fill: tokens.colorPaletteMarigoldBorderActive, [FORCED]: { fill: 'Canvas', stroke: 'CanvasText', strokeWidth: 1.5 } },
  series2: { fill: tokens.colorPaletteLightGreenBorderActive, [FORCED]: { fill: 'Highlight' } },
  series3: { fill: tokens.colorPaletteBerryBorderActive, [FORCED]: { fill: 'GrayText' } },
});

export interface ChartData {
  categories: string[];
  series: { name: string; values: number[] }[];
}

const text = (value: RawValue) => (value === null || typeof value === 'object' ? '' : String(value));

/**
 * A clustered column chart's data from its source range: series names in the first row, category
 * labels in the first column (as Excel reads a range with series by columns). Null when the kind is
 * not one the playground draws or no value is a number.
 */
export function chartData(chart: ChartSpec, valueAt: (row: number, col: number) => RawValue): ChartData | null {
  if (chart.kind !== 'columnClustered') return null;
  const source = parseRangeA1(chart.source);
  if (!source || source.bottom <= source.top || source.right <= source.left) return null;
  const categories: string[] = [];
  for (let r = source.top + 1; r <= source.bottom; r++) categories.push(text(valueAt(r, source.left)));
  const series: ChartData['series'] = [];
  let numbers = 0;
  for (let c = source.left + 1; c <= source.right; c++) {
    const values: number[] = [];
    for (let r = source.top + 1; r <= source.bottom; r++) {
      const v = valueAt(r, c);
      if (typeof v === 'number' && Number.isFinite(v)) numbers++;
      values.push(typeof v === 'number' && Number.isFinite(v) ? v : 0);
    }
    series.push({ name: text(valueAt(source.top, c)) || `Serie ${c - source.left}`, values });
  }
  return numbers > 0 ? { categories, series } : null;
}

const W = 480;
const H = 220;
const PAD = { top: 24, right: 8, bottom: 34, left: 36 };

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function ChartView({ chart, data, language }: { chart: ChartSpec; data: ChartData | null; language: string }) {
  const styles = useStyles();
  const texts = TEXTS[language === 'sv' ? 'sv' : 'en'];
  if (!data) {
    return (
      <figure className={styles.figure} data-testid="grid-chart" data-drawn="false">
        <figcaption className={styles.title}>{chart.title}</figcaption>
        <span className={styles.note}>{texts.excelOnly}</span>
      </figure>
    );
  }
  const seriesStyles = [styles.series0, styles.series1, styles.series2, styles.series3];
  const all = data.series.flatMap((s) => s.values);
  const min = Math.min(0, ...all);
  // All zero: an axis from 0 to 1, so the bars sit on the axis under their labels.
  const highest = Math.max(0, ...all);
  const max = highest || (min === 0 ? 1 : 0);
  const span = max - min || 1;
  const plotH = H - PAD.top - PAD.bottom;
  const plotW = W - PAD.left - PAD.right;
  const y = (v: number) => PAD.top + ((max - v) / span) * plotH;
  const groupW = plotW / Math.max(1, data.categories.length);
  const barW = Math.min(40, (groupW * 0.7) / Math.max(1, data.series.length));
  const summary = data.categories
    .map((category, i) => `${category}: ${data.series.map((s) => `${s.name} ${formatNumberSv(s.values[i])}`).join(', ')}`)
    .join('; ');
  return (
    <figure className={styles.figure} data-testid="grid-chart" data-drawn="true">
      <figcaption className={styles.title}>{chart.title}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label={`${chart.title}. ${summary}`}>
        {/* Legend */}
        {data.series.map((s, k) => (
          <g key={s.name + k} transform={`translate(${PAD.left + k * 150}, 6)`}>
            <rect width={10} height={10} className={seriesStyles[k % seriesStyles.length]} />
            <text x={14} y={9} className={styles.label}>
              {short(s.name, 22)}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className={styles.axis} />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} className={styles.axis} />
        <text x={PAD.left - 4} y={y(max) + 4} textAnchor="end" className={styles.label}>
          {highest === 0 && min === 0 ? '' : formatNumberSv(highest)}
        </text>
        {data.categories.map((category, i) => {
          const x0 = PAD.left + i * groupW + (groupW - barW * data.series.length) / 2;
          return (
            <g key={category + i}>
              {data.series.map((s, k) => {
                const v = s.values[i];
                const top = Math.min(y(v), y(0));
                const height = Math.max(v === 0 ? 0 : 1, Math.abs(y(v) - y(0)));
                return (
                  <g key={k}>
                    <rect x={x0 + k * barW} y={top} width={barW - 2} height={height} className={seriesStyles[k % seriesStyles.length]}>
                      <title>{`${category}, ${s.name}: ${formatNumberSv(v)}`}</title>
                    </rect>
                    <text x={x0 + k * barW + (barW - 2) / 2} y={top - 3} textAnchor="middle" className={styles.value}>
                      {formatNumberSv(v)}
                    </text>
                  </g>
                );
              })}
              <text x={PAD.left + i * groupW + groupW / 2} y={H - PAD.bottom + 14} textAnchor="middle" className={styles.label}>
                {short(category, Math.max(8, Math.floor(groupW / 6.2)))}
                <title>{category}</title>
              </text>
            </g>
          );
        })}
      </svg>
      <span className={styles.note}>{texts.drawn}</span>
    </figure>
  );
}
