/**
 * Jämför's compact chart: the change in net budget per nämnd (now minus before), one thin bar per
 * year, drawn as diverging bars like Resursfördelning's (charts/DivergingBarChart.tsx); the same
 * numbers are in the table under it.
 */
import type { BoardChange } from '../../../core/compare';
import { tkrText } from '../allocation/format';
import { DivergingBarChart } from '../charts/DivergingBarChart';
import { useSubmissionText } from './submission-texts';

export interface DiffChartProps {
  years: readonly number[];
  boards: readonly BoardChange[];
}

export function DiffChart({ years, boards }: DiffChartProps) {
  const { t } = useSubmissionText();
  const rows = boards.map((b) => ({ label: b.board, values: years.map((y) => b.net.find((a) => a.year === y)?.change ?? 0) }));
  const description = rows.map((r) => `${r.label}: ${years.map((y, i) => `${y} ${signed(r.values[i])} tkr`).join(', ')}`).join('; ');
  return (
    <DivergingBarChart
      testId="diff-chart"
      title={t('compare.chartTitle')}
      caption={t('compare.chartCaption')}
      series={years}
      legendLabel={t('compare.chartYears')}
      rows={rows}
      description={description}
      axisUnit={(value) => t('compare.axis', { value })}
    />
  );
}

/** "+20", "−5", "0" in tkr. */
export function signed(kronor: number): string {
  return kronor > 0 ? `+${tkrText(kronor)}` : tkrText(kronor);
}
