/** Mallar: put the blank standard template or the sample data into the workbook. */
import { useState } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookPort } from '../../core/workbook/port';
import { formatList, useI18n, type I18n } from '../i18n';
import type { TemplateServices } from '../services';
import type { SkippedTab } from '../templates/plan';
import { useTemplateWriter, type TemplateWriteStatus } from '../templates/use-template-writer';
import { BusyLine } from './BusyLine';
import { ErrorNotice } from './ErrorNotice';
import { PaneGroup } from './PaneGroup';
import { Notice } from './Notice';
import { PaneSection } from './PaneSection';

const MIN_YEAR = 2000;
// Three budget years must end by 2100, the last year the builders accept.
const MAX_YEAR = 2098;

const useStyles = makeStyles({
  button: { alignSelf: 'flex-start' },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  year: { maxWidth: '10em' },
});

export interface TemplatesSectionProps {
  port: WorkbookPort;
  templates: TemplateServices;
  today: Date;
}

export function TemplatesSection({ port, templates, today }: TemplatesSectionProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [yearText, setYearText] = useState(String(today.getFullYear() + 1));
  const [kommun, setKommun] = useState('');
  const writer = useTemplateWriter(port);
  const year = Number(yearText);
  const yearValid = /^\d{4}$/.test(yearText.trim()) && year >= MIN_YEAR && year <= MAX_YEAR;
  const working = writer.status.phase === 'working';
  const disabled = working || !yearValid;

  return (
    <PaneSection intro={t('templates.intro')}>
      <Field
        label={t('templates.year')}
        hint={t('templates.yearHint')}
        validationState={yearValid ? 'none' : 'error'}
        validationMessage={yearValid ? undefined : t('templates.yearInvalid', { min: MIN_YEAR, max: MAX_YEAR })}
      >
        <Input
          className={styles.year}
          type="number"
          inputMode="numeric"
          min={MIN_YEAR}
          max={MAX_YEAR}
          value={yearText}
          onChange={(_, data) => setYearText(data.value)}
        />
      </Field>

      <PaneGroup idPrefix="templates-blank" heading={t('templates.blankHeading')} text={t('templates.blankText')}>
        <Field label={t('templates.kommun')}>
          <Input value={kommun} onChange={(_, data) => setKommun(data.value)} maxLength={60} />
        </Field>
        <Button
          className={styles.button}
          appearance="primary"
          disabled={disabled}
          onClick={() => void writer.write(() => templates.blankTemplate({ year, kommun: kommun.trim() || undefined }))}
        >
          {t('templates.createBlank')}
        </Button>
      </PaneGroup>

      <PaneGroup idPrefix="templates-sample" heading={t('templates.sampleHeading')} text={t('templates.sampleText')}>
        <Button className={styles.button} disabled={disabled} onClick={() => void writer.write(() => templates.sampleWorkbook({ year }))}>
          {t('templates.createSample')}
        </Button>
      </PaneGroup>

      <div className={styles.status} aria-live="polite" data-testid="templates-status">
        <StatusView status={writer.status} onCancel={writer.cancel} />
      </div>
    </PaneSection>
  );
}

function names(i18n: I18n, list: readonly string[]): string {
  return formatList(i18n.language, list);
}

function skippedNames(i18n: I18n, skipped: readonly SkippedTab[]): string {
  return names(
    i18n,
    skipped.map((s) => (s.wanted === s.existing ? s.wanted : i18n.t('templates.skippedAs', { wanted: s.wanted, existing: s.existing }))),
  );
}

function createdText(i18n: I18n, created: readonly string[]): string {
  const key = created.length === 1 ? 'templates.createdOne' : 'templates.createdMany';
  return i18n.t(key, { count: created.length, names: names(i18n, created) });
}

function StatusView({ status, onCancel }: { status: TemplateWriteStatus; onCancel: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  switch (status.phase) {
    case 'idle':
      return null;
    case 'working': {
      const label = status.progress
        ? t('templates.writing', { sheet: status.progress.sheet, index: status.progress.index, count: status.progress.count })
        : t('templates.preparing');
      return <BusyLine label={label} cancelLabel={t('templates.cancel')} onCancel={onCancel} />;
    }
    case 'done': {
      const nothing = status.created.length === 0;
      return (
        <Notice intent={nothing ? 'info' : 'success'} title={nothing ? t('templates.nothingToDo') : t('templates.done')} testId="templates-result">
          {!nothing && <div>{createdText(i18n, status.created)}</div>}
          {status.skipped.length > 0 && <div>{t('templates.skipped', { names: skippedNames(i18n, status.skipped) })}</div>}
        </Notice>
      );
    }
    case 'cancelled':
      return (
        <Notice intent="warning" title={t('templates.cancelled')} testId="templates-result">
          <div>{status.created.length > 0 ? createdText(i18n, status.created) : t('templates.cancelledNone')}</div>
        </Notice>
      );
    case 'failed':
      return (
        <ErrorNotice title={t('templates.errorTitle')} error={status.error} testId="templates-result">
          {status.created.length > 0 && <div>{t('templates.partial', { names: names(i18n, status.created) })}</div>}
        </ErrorNotice>
      );
  }
}
