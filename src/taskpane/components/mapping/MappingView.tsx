/**
 * Koppla indata, loaded on first use (see MappingSection): the saved mapping in words with Ändra
 * and Ta bort, or the proposal as one card per input; editing per input; Pröva (the trial, with
 * click-to-cell problems) and Spara i arbetsboken. Every workbook access goes through useMapping.
 */
import { useEffect, useRef, useState } from 'react';
import { Body1, Button, Caption1, Field, Link, Select, Spinner, Text, useId } from '@fluentui/react-components';
import { mappingSummary } from '../../../jobs/mapping';
import { addableInputs, addInput, mappableSheets, removeInput } from '../../../jobs/mapping-edit';
import { isWorkbookError } from '../../../core/workbook/port';
import { useFocusResult } from '../use-focus-result';
import { InputCard } from './InputCard';
import { useMappingText, type MappingT } from './mapping-texts';
import { useMapping, type MappingEditor, type MappingNotice } from './use-mapping';
import type { MappingSectionProps } from './MappingSection';
import { useMappingStyles } from './mapping-styles';
import { OWNED_TAB_FIRST_CELL } from '../../../core/workbook/marker';
import { Notice } from '../Notice';
import { PlainOptions } from '../PlainOptions';
import { PaneSection } from '../PaneSection';


export default function MappingView({ port, selection, now = () => new Date(), reloadRequest = 0 }: Omit<MappingSectionProps, 'active'>) {
  const styles = useMappingStyles();
  const { t } = useMappingText();
  const mapping = useMapping(port, selection, now);
  const sectionRef = useFocusResult(mapping.busy !== null || mapping.tryingExplicitly);
  const { load } = mapping;

  // Read on open, and again when Kontrollera's "Koppla om" opens the section.
  useEffect(() => {
    void load();
  }, [load, reloadRequest]);

  const { data, draft, busy } = mapping;
  return (
    <PaneSection intro={t('intro')} ref={sectionRef} testId="mapping-section">
      <div className={styles.status} aria-live="polite" data-testid="mapping-status">
        {busy !== null && (
          <div className={styles.working}>
            <Spinner size="tiny" label={busy === 'save' ? t('saving') : t('reading')} />
            {busy !== 'save' && (
              <Button size="small" onClick={mapping.cancel}>
                {t('cancel')}
              </Button>
            )}
          </div>
        )}
        {mapping.notice && <MappingOutcome notice={mapping.notice} t={t} onShowTab={(name) => void mapping.selectCell(name, OWNED_TAB_FIRST_CELL)} />}
      </div>

      {data && !draft && data.saved && 'mapping' in data.saved && <SavedView mapping={mapping} />}
      {data && !draft && data.saved && 'errors' in data.saved && <BrokenView mapping={mapping} />}
      {data && draft && <DraftView mapping={mapping} selectionAvailable={selection !== undefined} />}

      {data && (
        <Button className={styles.hint} appearance="subtle" disabled={busy !== null} onClick={() => void load()} style={{ alignSelf: 'flex-start' }}>
          {t('reread')}
        </Button>
      )}
    </PaneSection>
  );
}

function errorText(t: MappingT, language: 'sv' | 'en', error: unknown): string {
  if (isWorkbookError(error)) return language === 'sv' ? error.message : error.messageEn;
  return t('unexpected');
}

function MappingOutcome({ notice, t, onShowTab }: { notice: MappingNotice; t: MappingT; onShowTab(name: string): void }) {
  const { language } = useMappingText();
  switch (notice.kind) {
    case 'saved':
      return (
        <Notice
          intent="success"
          testId="mapping-saved"
          focus
          actions={
            <Button size="small" onClick={() => onShowTab(notice.name)}>
              {t('showTab')}
            </Button>
          }
        >
          {t('saved', { name: notice.name })}
        </Notice>
      );
    case 'removed':
      return (
        <Notice intent="info" focus>
          {t('removed')}
        </Notice>
      );
    case 'cancelled':
      return (
        <Notice intent="warning" focus>{t('cancelled')}</Notice>
      );
    case 'noSelection':
      return (
        <Notice intent="warning" testId="mapping-no-selection">{t('noSelection')}</Notice>
      );
    case 'selectionUsed':
      return (
        <Notice intent="info" testId="mapping-selection-used">{t('selectionUsed', { place: notice.place, row: notice.row })}</Notice>
      );
    case 'failed':
      return (
        <Notice intent="error" title={t('errorTitle')} testId="mapping-error" focus>
          {errorText(t, language, notice.error)}
        </Notice>
      );
  }
}

function SavedView({ mapping }: { mapping: MappingEditor }) {
  const styles = useMappingStyles();
  const { t, language } = useMappingText();
  const headingId = useId('mapping-saved');
  const { data, busy } = mapping;
  if (!data?.saved || !('mapping' in data.saved)) return null;
  const lines = mappingSummary(data.saved.mapping, data.index);
  return (
    <section className={styles.group} aria-labelledby={headingId} data-testid="mapping-saved-view">
      <Text as="h3" id={headingId} className={styles.heading} data-focus-result="heading" tabIndex={-1}>
        {t('savedHeading')}
      </Text>
      <Body1 as="p" className={styles.text}>
        {t('savedText', { sheet: data.saved.sheet })}
      </Body1>
      <ul className={styles.list} data-testid="mapping-summary">
        {lines.map((line) => (
          <li key={line.sv}>{line[language]}</li>
        ))}
      </ul>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy !== null} onClick={() => mapping.edit('saved')}>
          {t('edit')}
        </Button>
        <Button disabled={busy !== null} onClick={() => void mapping.remove()}>
          {t('remove')}
        </Button>
      </div>
    </section>
  );
}

function BrokenView({ mapping }: { mapping: MappingEditor }) {
  const styles = useMappingStyles();
  const { t, language } = useMappingText();
  const { data, busy } = mapping;
  if (!data?.saved || !('errors' in data.saved)) return null;
  return (
    <Notice
      intent="error"
      title={t('brokenTitle', { sheet: data.saved.sheet })}
      focus
      actions={
        <>
          <Button size="small" appearance="primary" disabled={busy !== null || !data.suggestion} onClick={() => mapping.edit('suggestion')}>
            {t('startOver')}
          </Button>
          <Button size="small" disabled={busy !== null} onClick={() => void mapping.remove()}>
            {t('remove')}
          </Button>
        </>
      }
    >
      <ul className={styles.list}>
        {data.saved.errors.map((e) => (
          <li key={e.key + e.sv}>{e[language]}</li>
        ))}
      </ul>
    </Notice>
  );
}

function DraftView({ mapping, selectionAvailable }: { mapping: MappingEditor; selectionAvailable: boolean }) {
  const styles = useMappingStyles();
  const { t, language } = useMappingText();
  const headingId = useId('mapping-draft');
  const { data, draft, busy, parsed, trial } = mapping;
  const [adding, setAdding] = useState<string | null>(null);
  if (!data || !draft) return null;
  const fromSuggestion = data.suggestion !== null && !(data.saved && 'mapping' in data.saved);
  const names = Object.keys(draft.inputs);
  const addable = addableInputs(draft);
  const sheets = mappableSheets(data.index);
  const errors = parsed && 'errors' in parsed ? parsed.errors : [];
  const canSave = parsed !== null && 'mapping' in parsed && names.length > 0 && trial !== null && trial.problems.length === 0;
  const undecided = (data.suggestion?.undecided ?? []).filter((u) => !(u.input in draft.inputs));

  return (
    <>
      <section className={styles.group} aria-labelledby={headingId} data-testid="mapping-draft">
        <Text as="h3" id={headingId} className={styles.heading} data-focus-result="heading" tabIndex={-1}>
          {fromSuggestion ? t('proposalHeading') : t('editHeading')}
        </Text>
        <Body1 as="p" className={styles.text}>
          {fromSuggestion ? t('proposalText') : t('editText')}
        </Body1>
        {names.length === 0 && (
          <Body1 as="p" className={styles.text}>
            {t('noneFound')}
          </Body1>
        )}
      </section>

      {names.length > 0 && (
        <ul className={styles.cards} data-testid="mapping-cards">
          {names.map((name) => (
            <InputCard
              key={name}
              name={name}
              mapping={mapping}
              sheets={sheets}
              selectionAvailable={selectionAvailable}
              onRemove={() => mapping.change(removeInput(draft, name))}
            />
          ))}
        </ul>
      )}

      {undecided.length > 0 && (
        <section className={styles.group} data-testid="mapping-undecided" aria-label={t('undecidedHeading')}>
          <Text as="h3" className={styles.heading}>
            {t('undecidedHeading')}
          </Text>
          <ul className={styles.list}>
            {undecided.map((u) => (
              <li key={u.input}>{u[language]}</li>
            ))}
          </ul>
        </section>
      )}

      {addable.length > 0 && sheets.length > 0 && (
        <div className={styles.add}>
          <Field label={t('addInput')} className={styles.grow}>
            <Select className={styles.dropdown} value={adding ?? ''} onChange={(_, d) => setAdding(d.value || null)}>
              <option value="">{t('none')}</option>
              <PlainOptions values={addable} />
            </Select>
          </Field>
          <Button
            disabled={adding === null}
            onClick={() => {
              if (!adding) return;
              mapping.change(addInput(draft, adding, sheets[0]));
              setAdding(null);
            }}
          >
            {t('addInputButton')}
          </Button>
        </div>
      )}

      {errors.length > 0 && names.length > 0 && (
        <Notice intent="warning" title={t('errorsHeading')} testId="mapping-errors">
          <ul className={styles.list}>
            {errors.map((e) => (
              <li key={e.key + e.sv}>{e[language]}</li>
            ))}
          </ul>
        </Notice>
      )}

      <div className={styles.actions}>
        <Button disabled={busy !== null || parsed === null || !('mapping' in parsed) || mapping.trying} onClick={mapping.tryNow}>
          {t('try')}
        </Button>
        <Button appearance="primary" disabled={busy !== null || !canSave} onClick={() => void mapping.save()}>
          {t('save')}
        </Button>
      </div>
      {!canSave && (
        <Caption1 className={styles.hint} data-testid="mapping-save-hint">
          {t('saveHint')}
        </Caption1>
      )}

      <div className={styles.status} aria-live="polite">
        {mapping.trying && <Spinner size="tiny" label={t('trying')} />}
      </div>
      {trial && <TrialView mapping={mapping} />}
    </>
  );
}

function TrialView({ mapping }: { mapping: MappingEditor }) {
  const styles = useMappingStyles();
  const { t, language } = useMappingText();
  const headingId = useId('mapping-trial');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const trial = mapping.trial;
  // After "Pröva" the focus moves to the outcome.
  useEffect(() => {
    if (mapping.trialsShown > 0) headingRef.current?.focus();
  }, [mapping.trialsShown]);
  if (!trial) return null;
  const count = trial.problems.length;
  return (
    <section className={styles.group} aria-labelledby={headingId} data-testid="mapping-trial">
      <Text as="h3" id={headingId} ref={headingRef} className={styles.heading} data-focus-result="notice" tabIndex={-1}>
        {t('trialHeading')}
      </Text>
      {count === 0 ? (
        <Body1 as="p" className={styles.text}>
          {t('trialFits')}
        </Body1>
      ) : (
        <Notice intent="error">{t('trialProblems', { count: count === 1 ? t('trialProblemsOne') : t('trialProblemsMany', { count }) })}</Notice>
      )}
      {count > 0 && (
        <ul className={styles.list} data-testid="mapping-problems">
          {trial.problems.map((f, i) => {
            const place = `${f.sheet}!${f.cell}`;
            return (
              <li key={`${place}|${i}`} className={styles.problem}>
                <Link as="button" aria-label={t('goToCell', { place })} onClick={() => void mapping.selectCell(f.sheet, f.cell)}>
                  {place}
                </Link>
                <span>{language === 'en' ? f.message_en : f.message}</span>
              </li>
            );
          })}
        </ul>
      )}
      {count === 0 && (
        <ul className={styles.list} data-testid="mapping-trial-inputs">
          {trial.inputs.map((i) => (
            <li key={i.input}>
              {i.summary[language]}
              {i.leftOut && (
                <>
                  <br />
                  <Caption1 className={styles.hint}>{i.leftOut[language]}</Caption1>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
