/**
 * Lämna in's status of the open workbook: reading (with Avbryt), not submitted, intact, changed
 * since the submission with links to the cells, or a receipt that cannot be trusted.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { CellLink } from '../allocation/CellLink';
import { LimitedList } from '../allocation/LimitedList';
import { ErrorNotice } from '../ErrorNotice';
import { Notice } from '../Notice';
import { ProgressLine } from '../ProgressLine';
import { formatSubmittedAt, type Verification } from './submission-core';
import { useSubmissionText, type SubmissionT } from './submission-texts';
import type { StatusState } from './use-submission';

const useStyles = makeStyles({
  cells: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  text: { overflowWrap: 'break-word', minWidth: 0 },
});

export interface SubmissionStatusProps {
  status: StatusState;
  onCancel(): void;
  onSelect(sheet: string, cell: string): void;
}

export function SubmissionStatusView({ status, onCancel, onSelect }: SubmissionStatusProps) {
  const styles = useStyles();
  const { t, language } = useSubmissionText();
  switch (status.phase) {
    case 'reading': {
      const label = status.progress === null ? t('submission.reading') : t('submission.readingPercent', { percent: Math.round(status.progress * 100) });
      return <ProgressLine label={label} progress={status.progress} onCancel={onCancel} cancelLabel={t('submission.cancel')} />;
    }
    case 'error':
      return <ErrorNotice title={t('submission.readErrorTitle')} error={status.error} testId="submission-read-error" focus />;
    case 'idle':
      return status.cancelled ? (
        <Notice intent="warning" focus>
          {t('submission.cancelled')}
        </Notice>
      ) : null;
    case 'done': {
      const v = status.status.verification;
      switch (v.status) {
        case 'not-submitted':
          return (
            <Notice intent="info" testId="submission-not-submitted">
              {t('submission.notSubmitted')}
            </Notice>
          );
        case 'intact':
          return (
            <Notice intent="success" testId="submission-intact" className={styles.text}>
              {t('submission.intact', who(v))}
            </Notice>
          );
        case 'changed':
          return (
            <Notice intent="warning" title={t('submission.changedTitle', { cells: cellsText(t, v.changed.length) })} testId="submission-changed" className={styles.text}>
              {t('submission.changedBody', who(v))}
              <LimitedList
                items={v.changed}
                limit={10}
                className={styles.cells}
                testId="submission-changed-cells"
                renderItem={(c) => (
                  <li key={`${c.sheet}!${c.cell}!${c.kind}`}>
                    <CellLink sheet={c.sheet} cell={c.cell} onSelect={onSelect} /> {t(`submission.kind.${c.kind}`)}
                  </li>
                )}
              />
            </Notice>
          );
        case 'tampered':
          return (
            <Notice intent="error" title={t('submission.tamperedTitle')} testId="submission-tampered" className={styles.text}>
              {language === 'sv' ? v.reason?.sv : v.reason?.en} {t('submission.tamperedHint')}
            </Notice>
          );
      }
    }
  }
}

function cellsText(t: SubmissionT, count: number): string {
  return count === 1 ? t('submission.cells.one') : t('submission.cells.many', { count: new Intl.NumberFormat('sv-SE').format(count) });
}

function who(v: Verification) {
  const r = v.receipt!;
  return { at: formatSubmittedAt(r.at), by: r.by, number: r.number };
}
