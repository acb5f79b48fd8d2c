/**
 * Importing the nämnder's filled workbooks for the KS compilation: a file picker where the host can
 * insert worksheets from other files (ExcelApi 1.13), otherwise a plain note pointing to the CLI.
 */
import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import { FileButton } from '../FileButton';
import type { FollowUpReport } from '../../../core/calendar/annual-cycle';
import type { FollowUpImportService } from '../../../core/followup/import-service';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  label: { fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  button: { alignSelf: 'flex-start' },
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
      <FileButton
        className={styles.button}
        disabled={busy}
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        label={t('followup.importChoose')}
        inputTestId="followup-import-input"
        onFiles={onFiles}
      >
        {t('followup.importChoose')}
      </FileButton>
      <Caption1 as="p" className={styles.text}>
        {t('followup.importNote')}
      </Caption1>
    </div>
  );
}
