/**
 * The model's result per nämnd and year, in tkr: kompensation (or the volume-based level in mode
 * Nivå), övriga förändringar, förslag till ram, KF:s ram and the difference — politiska
 * prioriteringar och övrigt — plus the chart of the change per nämnd.
 */
import { useEffect, useRef } from 'react';
import { Body1, makeStyles, Text, tokens, useId } from '@fluentui/react-components';
import type { AllocationResult, BoardResult } from '../../../core/allocation/model';
import type { Triple } from '../../../core/recognition/model';
import { useI18n, type Translate } from '../../i18n';
import { ChangeChart } from './ChangeChart';
import { YearTable, type YearTableRow } from './YearTable';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    outlineStyle: 'none',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThick },
  },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  boards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

function boardRows(t: Translate, board: BoardResult, delta: boolean): YearTableRow[] {
  return [
    { label: t(delta ? 'allocation.row.compensation' : 'allocation.row.level'), values: board.compensation, testId: 'row-compensation' },
    { label: t('allocation.row.other'), values: board.other, testId: 'row-other' },
    { label: t('allocation.row.proposed'), values: board.proposed, emphasis: true, testId: 'row-proposed' },
    { label: t('allocation.row.frame'), values: board.frame, testId: 'row-frame' },
    { label: t('allocation.row.difference'), note: t('allocation.row.differenceNote'), values: board.difference, testId: 'row-difference' },
  ];
}

/** Compensation (or level) plus other changes per year: the change the chart draws. */
function changeOf(board: BoardResult): Triple {
  return [0, 1, 2].map((i) => board.compensation[i] + board.other[i]) as Triple;
}

export function ResultView({ result }: { result: AllocationResult }) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId('allocation-result');
  const delta = result.mode === 'Delta';
  const heading = useRef<HTMLHeadingElement>(null);

  // The result replaces the "Kör modellen" button: move the focus to it so keyboard and
  // screen-reader users land on what they asked for instead of at the top of the page.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="allocation-result">
      <Text as="h3" id={headingId} className={styles.heading} tabIndex={-1} ref={heading}>
        {t('allocation.resultHeading')}
      </Text>
      {delta && !result.hasBaseFrames && (
        <Body1 as="p" className={styles.intro}>
          {t('allocation.noBaseFrames')}
        </Body1>
      )}
      {/* The chart first, with its own title and caption; the Skillnad definition belongs to the tables under it. */}
      <ChangeChart
        years={result.years}
        rows={result.boards.map((b) => ({ board: b.board, values: changeOf(b) }))}
        title={t(delta ? 'allocation.chartTitle' : 'allocation.chartTitleLevel')}
        caption={t(delta ? 'allocation.chartCaption' : 'allocation.chartCaptionLevel')}
      />
      <Body1 as="p" className={styles.intro} data-testid="allocation-tables-intro">
        {t(delta ? 'allocation.resultIntro' : 'allocation.resultIntroLevel')}
      </Body1>
      <div className={styles.boards}>
        {result.boards.map((board) => (
          <YearTable
            key={board.board}
            caption={t('allocation.tableCaption', { board: board.board })}
            corner={t('allocation.amount')}
            years={result.years}
            rows={boardRows(t, board, delta)}
            testId="allocation-board"
          />
        ))}
      </div>
    </section>
  );
}
