/**
 * Importing the nämnder's filled workbooks for the KS compilation: a file picker where the host can
 * insert worksheets from other files (ExcelApi 1.13), otherwise a plain note pointing to the CLI.
 */
import { useRef } from 'react';
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import type { FollowUpReport } from '../../../core/calendar/annual-cycle';
import type { FollowUpImportService } from '../../../core/followup/import-service';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  label: { fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  button: { alignSelf: 'flex-start' },
  input: { display: 'none' },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

export interface ImportTabsProps {
  service: FollowUpImportService | undefined;
  busy: boolean;
  onFiles(files: File[]): void;
  /** The report chosen in the section: the command-line example compiles that one. */
  report: FollowUpReport;
  /** In the playground (no Excel at all) rather than an Excel without ExcelApi 1.13. */
  embedded?: boolean;
}

/** The command that compiles the nämnder's files for `report` outside Excel. */
export function consolidateCommand(report: FollowUpReport): string {
  return `budgetkoll consolidate nämnd1.xlsx nämnd2.xlsx --report ${report} -o ks.xlsx`;
}

export function ImportTabs({ service, busy, onFiles, report, embedded = false }: ImportTabsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  if (!service?.supported)
    return (
      <Notice intent="info" testId="followup-import-unsupported">
        {t(embedded ? 'followup.importPlayground' : 'followup.importUnsupported')}{' '}
        <span className={styles.code} data-testid="followup-import-command">
          {consolidateCommand(report)}
        </span>
      </Notice>
    );
  return (
    <div className={styles.root}>
      <Body1 as="p" className={styles.text}>
        {t('followup.importIntro')}
      </Body1>
      <Button className={styles.button} disabled={busy} onClick={() => input.current?.click()}>
        {t('followup.importChoose')}
      </Button>
      <input
        ref={input}
        className={styles.input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t('followup.importChoose')}
        tabIndex={-1}
        data-testid="followup-import-input"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          onFiles(files);
        }}
      />
      <Caption1 as="p" className={styles.text}>
        {t('followup.importNote')}
      </Caption1>
    </div>
  );
}
