/**
 * The UPF-* findings of one follow-up tab, in the check section's list (grouping, filter, click to
 * select the cell). A clean tab says it is ready for submission.
 */
import { useState } from 'react';
import { Body1, makeStyles, Text, tokens, useId } from '@fluentui/react-components';
import { summarize, type Finding } from '../../../core/findings';
import { useI18n } from '../../i18n';
import { FindingsList, FirstErrorLink } from '../check/FindingsList';
import { countText } from '../check/format';
import { ErrorNotice } from '../ErrorNotice';
import type { CheckResult } from './use-follow-up';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  summary: { margin: 0 },
});

const NOTHING_HANDLED: ReadonlyMap<string, 'changed' | 'skipped'> = new Map();

export interface FollowUpFindingsProps {
  result: CheckResult;
  selectError: unknown;
  onSelect(sheet: string, cell: string): void;
}

export default function FollowUpFindings({ result, selectError, onSelect }: FollowUpFindingsProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId('followup-check');
  const [jump, setJump] = useState(0);
  const s = summarize(result.findings);
  const counts = [countText(i18n, 'error', s.error), countText(i18n, 'warning', s.warning), ...(s.info > 0 ? [countText(i18n, 'info', s.info)] : [])].join(', ');
  const summaryKey = s.error > 0 ? 'followup.checkErrors' : s.warning > 0 ? 'followup.checkWarnings' : 'followup.checkInfo';
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="followup-check">
      <Text as="h3" id={headingId} className={styles.heading}>
        {t('followup.checkHeading', { sheet: result.sheet })}
      </Text>
      {result.findings.length === 0 ? (
        <Notice intent="success">{t('followup.checkClean')}</Notice>
      ) : (
        <Body1 as="p" className={styles.summary} aria-live="polite">
          {t(summaryKey, { counts })}
        </Body1>
      )}
      {s.error > 0 && <FirstErrorLink errors={s.error} onJump={() => setJump((n) => n + 1)} />}
      {selectError !== null && <ErrorNotice title={t('followup.selectFailed')} error={selectError} />}
      {result.findings.length > 0 && (
        <FindingsList
          findings={result.findings}
          handled={NOTHING_HANDLED}
          busy={false}
          onSelect={(f: Finding) => onSelect(f.sheet, f.cell)}
          onFix={() => undefined}
          jumpToFirstError={jump}
        />
      )}
    </section>
  );
}
