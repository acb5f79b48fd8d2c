/**
 * Lämna in: the workbook's submission status when the section opens (SubmissionStatus.tsx), the
 * submission itself (SubmitForm.tsx: a name, a comment on every warning, refused while errors
 * remain), and Jämför med en annan version (CompareVersions.tsx). The state is use-submission.ts;
 * the same job functions as `budgetkoll verify`, `submit` and `diff`.
 */
import { useEffect, useRef } from 'react';
import { Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { WorkbookPort } from '../../../core/workbook/port';
import { useI18n } from '../../i18n';
import { countText } from '../check/format';
import { Notice } from '../Notice';
import { useFocusResult } from '../use-focus-result';
import { CompareVersions } from './CompareVersions';
import type { OpenVersion } from './submission-core';
import { useSubmissionStyles } from './submission-styles';
import { useSubmissionText } from './submission-texts';
import { SubmissionStatusView } from './SubmissionStatus';
import { SubmitForm, SubmitOutcome } from './SubmitForm';
import { useSubmission } from './use-submission';
import { PaneSection } from '../PaneSection';

export interface SubmissionSectionProps {
  port: WorkbookPort;
  /** The section is the one shown: the status is read each time it is opened. */
  active: boolean;
  now?: () => Date;
  /** Opens Kontrollera budget (errors block a submission). */
  onOpenCheck?: () => void;
  /** Opens the other version's bytes (tests); the lean read port in the browser otherwise. */
  openVersion?: OpenVersion;
}

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const realNow = () => new Date();

export default function SubmissionSection({ port, active, now = realNow, onOpenCheck, openVersion }: SubmissionSectionProps) {
  const styles = { ...useSubmissionStyles(), ...useStyles() };
  const i18n = useI18n();
  const { t } = useSubmissionText();
  const submission = useSubmission(port, active, now);
  const { status, submitted, state, errors, busy, select } = submission;

  const sectionRef = useFocusResult(busy);
  // Focus follows a submission's outcome: the Lämna in button may be enabled again by then (a
  // clean workbook), so use-focus-result would see no lost focus.
  const outcomeRef = useRef<HTMLDivElement>(null);
  const submitPhase = submitted.phase;
  useEffect(() => {
    if (submitPhase === 'done' || submitPhase === 'refused' || submitPhase === 'error') {
      outcomeRef.current?.querySelector<HTMLElement>('[data-focus-result="notice"]')?.focus();
    }
  }, [submitPhase]);

  return (
    <PaneSection intro={t('submission.intro')} ref={sectionRef} testId="submission-section">
      <section className={styles.group} aria-labelledby="submission-status-heading">
        <div className={styles.row}>
          <Text as="h3" id="submission-status-heading" className={styles.heading}>
            {t('submission.statusHeading')}
          </Text>
          <Button size="small" appearance="subtle" disabled={busy} onClick={submission.reread} data-testid="submission-refresh">
            {t('submission.refresh')}
          </Button>
        </div>
        <div aria-live="polite" className={styles.group} data-testid="submission-status">
          <SubmissionStatusView status={status} onCancel={submission.cancelRead} onSelect={select} />
        </div>
      </section>

      {state && (
        <section className={styles.group} aria-labelledby="submission-form-heading">
          <Text as="h3" id="submission-form-heading" className={styles.heading}>
            {t('submission.formHeading')}
          </Text>
          {state.verification.receipt && (
            <p className={styles.hint}>{t('submission.nextVersion', { number: state.verification.receipt.number + 1 })}</p>
          )}
          {errors > 0 ? (
            <Notice intent="error" testId="submission-errors">
              {t('submission.errors', { errors: countText(i18n, 'error', errors) })}{' '}
              {onOpenCheck && (
                <Link as="button" inline onClick={onOpenCheck}>
                  {t('submission.openCheck')}
                </Link>
              )}
            </Notice>
          ) : (
            <SubmitForm submission={submission} again={state.verification.receipt ? state.verification.receipt.number + 1 : null} />
          )}
          <div aria-live="polite" className={styles.group} ref={outcomeRef}>
            <SubmitOutcome state={submitted} onSelect={select} />
          </div>
        </section>
      )}

      <CompareVersions port={port} busy={busy} onBusy={submission.setComparing} onSelect={select} openVersion={openVersion} />
    </PaneSection>
  );
}
