/**
 * Lämna in's form: the submitter's name, a comment on every warning (each with a link to its
 * cell), the Lämna in button, and the outcome once the receipt is written or refused.
 */
import { Button, Field, Input, Link, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { OWNED_TAB_FIRST_CELL } from '../../../core/workbook/marker';
import { CellLink } from '../allocation/CellLink';
import { ErrorNotice } from '../ErrorNotice';
import { Notice } from '../Notice';
import { RuleId } from '../RuleId';
import { formatSubmittedAt, warningKey } from './submission-core';
import { useSubmissionStyles } from './submission-styles';
import { useSubmissionText } from './submission-texts';
import type { Submission, SubmitState } from './use-submission';

const useStyles = makeStyles({
  warnings: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  warning: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, overflowWrap: 'break-word' },
  message: { margin: 0 },
  submit: { alignSelf: 'flex-start' },
});

export interface SubmitFormProps {
  submission: Submission;
  /** The version a new submission becomes, when the workbook was submitted before. */
  again: number | null;
}

export function SubmitForm({ submission, again }: SubmitFormProps) {
  const styles = { ...useSubmissionStyles(), ...useStyles() };
  const { t, language } = useSubmissionText();
  const { name, warnings, comments, tried, uncommented, ready, busy } = submission;
  // An error only after a try; before that a plain hint says why the button cannot be chosen yet.
  const nameMissing = name.trim() === '' && tried;
  const nameNeeded = name.trim() === '' && uncommented === 0;
  return (
    <form
      className={styles.group}
      onSubmit={(e) => {
        e.preventDefault();
        submission.submit();
      }}
      data-testid="submission-form"
    >
      <Field label={t('submission.name')} hint={t('submission.nameHint')} required validationMessage={nameMissing ? t('submission.nameMissing') : undefined}>
        <Input value={name} onChange={(_, d) => submission.setName(d.value)} autoComplete="name" maxLength={200} data-testid="submission-name" />
      </Field>
      {warnings.length === 0 ? (
        <p className={styles.hint}>{t('submission.noWarnings')}</p>
      ) : (
        <div className={styles.group}>
          <Text as="h4" className={styles.heading}>
            {t('submission.warningsHeading', { count: warnings.length })}
          </Text>
          <p className={styles.hint}>{t('submission.warningsIntro')}</p>
          <ul className={styles.warnings} data-testid="submission-warnings">
            {warnings.map((w) => {
              const key = warningKey(w);
              const text = comments.get(key) ?? '';
              return (
                <li key={key} className={styles.warning} data-warning={key}>
                  <span>
                    <CellLink sheet={w.sheet} cell={w.cell} onSelect={submission.select} />
                  </span>
                  <p className={styles.message}>{language === 'sv' ? w.message : w.message_en}</p>
                  <RuleId rule={w.rule} />
                  <Field label={t('submission.comment')} required validationMessage={tried && !text.trim() ? t('submission.commentMissing') : undefined}>
                    <Textarea value={text} resize="vertical" onChange={(_, d) => submission.setComment(key, d.value)} maxLength={2000} />
                  </Field>
                </li>
              );
            })}
          </ul>
          {uncommented > 0 && (
            <p className={styles.hint} data-testid="submission-remaining">
              {t('submission.remaining', { count: uncommented, total: warnings.length })}
            </p>
          )}
        </div>
      )}
      {nameNeeded && !nameMissing && (
        <p className={styles.hint} data-testid="submission-name-needed">
          {t('submission.nameNeeded')}
        </p>
      )}
      <Button className={styles.submit} appearance="primary" type="submit" disabled={!ready || busy} data-testid="submission-submit">
        {again ? t('submission.submitAgain', { number: again }) : t('submission.submit')}
      </Button>
      {busy && <Text className={styles.hint}>{t('submission.writing')}</Text>}
    </form>
  );
}

export function SubmitOutcome({ state, onSelect }: { state: SubmitState; onSelect(sheet: string, cell: string): void }) {
  const { t } = useSubmissionText();
  switch (state.phase) {
    case 'idle':
    case 'writing':
      return null;
    case 'done':
      return (
        <Notice intent="success" testId="submission-done" focus>
          {t('submission.done', { at: formatSubmittedAt(state.at), by: state.by, number: state.number, name: state.name })}{' '}
          <Link as="button" inline onClick={() => onSelect(state.name, OWNED_TAB_FIRST_CELL)} data-testid="submission-open-tab">
            {t('submission.openTab')}
          </Link>
        </Notice>
      );
    case 'refused':
      return (
        <Notice intent="error" testId="submission-refused" focus>
          {t(state.kind === 'errors' ? 'submission.refusedErrors' : 'submission.refusedUncommented')}
        </Notice>
      );
    case 'error':
      return <ErrorNotice title={t('submission.submitErrorTitle')} error={state.error} testId="submission-error" focus />;
  }
}
