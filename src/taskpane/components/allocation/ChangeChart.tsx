/**
 * Resursfördelning's change per nämnd as diverging bars (charts/DivergingBarChart.tsx), one bar
 * per budget year. The title and caption say exactly what is plotted (kompensation + övriga
 * förändringar, or in mode Nivå the volume-based level + övriga förändringar); the nämnder without
 * a change are named under the chart, and the same numbers are available as a table.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from '@fluentui/react-components';
import type { Triple } from '../../../core/recognition/model';
import { formatList, useI18n } from '../../i18n';
import { DivergingBarChart } from '../charts/DivergingBarChart';
import { tkrText } from './format';
import { YearTable } from './YearTable';

const useStyles = makeStyles({
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

export function ChangeChart({ years, rows, title, caption }: ChangeChartProps) {
  const styles = useStyles();
  const { t, language } = useI18n();

  const drawn = rows.filter((r) => r.values.some((v) => v !== 0));
  const unchanged = rows.filter((r) => r.values.every((v) => v === 0)).map((r) => r.board);
  const unchangedNote = unchanged.length > 0 ? t('allocation.chartUnchanged', { names: formatList(language, unchanged) }) : '';
  const values = drawn
    .map((r) => `${r.board}: ${years.map((y, i) => `${y} ${tkrText(r.values[i])}`).join(', ')}`)
    .join('; ');
  const description = [t('allocation.chartDescription', { values: values ? `${values}.` : '' }).trim(), unchangedNote].filter(Boolean).join(' ');

  return (
    <DivergingBarChart
      testId="allocation-chart"
      title={title}
      caption={caption}
      series={years}
      legendLabel={t('allocation.chartYears')}
      rows={drawn.map((r) => ({ label: r.board, values: r.values }))}
      description={description}
      axisUnit={(value) => t('allocation.axis', { value })}
      note={unchangedNote}
    >
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
    </DivergingBarChart>
  );
}
