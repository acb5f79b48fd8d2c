/**
 * Before the model runs: what it will use — years, prisnivå, uppräkning per year, modell,
 * korrigering, the activities per nämnd, and every row left out with its reason and a link to it.
 */
import { Body1, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatList, useI18n } from '../../i18n';
import { PaneGroup } from '../PaneGroup';
import { CellLink } from './CellLink';
import { percentText } from './format';
import { LimitedList } from './LimitedList';
import type { AllocationPreview } from './preview';
import { Notice } from '../Notice';

/** Activities named per nämnd before the rest are counted ("och 12 till"): large workbooks have hundreds. */
const ACTIVITIES_NAMED = 6;
const EXCLUDED_SHOWN = 10;

const useStyles = makeStyles({
  subheading: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  parameters: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { color: tokens.colorNeutralForeground2 },
  definition: { margin: 0, overflowWrap: 'anywhere' },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  board: { fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  link: { fontSize: tokens.fontSizeBase200, marginInlineStart: tokens.spacingHorizontalXS },
});

export interface InputSummaryProps {
  preview: AllocationPreview;
  onSelectCell(sheet: string, cell: string): void;
}

export function InputSummary({ preview, onSelectCell }: InputSummaryProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const delta = preview.mode.value === 'Delta';
  const modeText = t(delta ? 'allocation.mode.delta' : 'allocation.mode.level');
  const correctionText = t(preview.correction.value === 'Permanent' ? 'allocation.correction.permanent' : 'allocation.correction.retroactive');
  const defaulted = (text: string, isDefault: boolean) => (isDefault ? t('allocation.defaulted', { value: text }) : text);
  const [first, , last] = preview.years;

  return (
    <PaneGroup idPrefix="allocation-inputs" heading={t('allocation.inputsHeading')} focusHeading testId="allocation-inputs">
      {!preview.hasParameters && (
        <Body1 as="p" className={styles.muted}>
          {t('allocation.noParameters')}
        </Body1>
      )}
      <dl className={styles.parameters}>
        <dt className={styles.term}>{t('allocation.years')}</dt>
        <dd className={styles.definition}>{t('allocation.yearsValue', { first, last, base: preview.baseYear })}</dd>
        <dt className={styles.term}>{t('allocation.priceLevel')}</dt>
        <dd className={styles.definition}>
          {preview.priceLevel.defaulted ? t('allocation.priceLevelDefault', { year: preview.priceLevel.value }) : preview.priceLevel.value}
        </dd>
        <dt className={styles.term}>{t('allocation.indexation')}</dt>
        <dd className={styles.definition}>
          {preview.indexation
            .map((u) => (u.missing ? t('allocation.indexationMissing', { year: u.year }) : `${u.year}: ${percentText(u.fraction)}`))
            .join(', ')}
        </dd>
        <dt className={styles.term}>{t('allocation.mode')}</dt>
        <dd className={styles.definition}>{defaulted(modeText, preview.mode.defaulted)}</dd>
        <dt className={styles.term}>{t('allocation.correction')}</dt>
        <dd className={styles.definition}>{defaulted(correctionText, preview.correction.defaulted)}</dd>
      </dl>

      {delta && !preview.hasBaseFrames && (
        <Notice intent="warning" testId="allocation-no-base-frames">{t('allocation.noBaseFrames')}</Notice>
      )}
      {preview.boardsWithoutBaseFrame.length > 0 && (
        <Body1 as="p" className={styles.muted}>
          {t('allocation.boardsWithoutBase', { names: formatList(language, preview.boardsWithoutBaseFrame) })}
        </Body1>
      )}
      {!preview.hasFrames && (
        <Body1 as="p" className={styles.muted}>
          {t('allocation.noFrames')}
        </Body1>
      )}

      <Text as="h4" className={styles.subheading}>
        {t('allocation.activitiesHeading', { count: preview.activityCount })}
      </Text>
      {preview.boards.length === 0 ? (
        <Caption1 as="p" className={styles.muted}>
          {t('allocation.noActivities')}
        </Caption1>
      ) : (
        <ul className={styles.list} data-testid="allocation-activities">
          {preview.boards.map((b) => {
            const named = b.activities.slice(0, ACTIVITIES_NAMED).map((a) => (a.measure ? t('allocation.activity', a) : a.activity));
            const rest = b.activities.length - named.length;
            const items = rest > 0 ? [...named, t('allocation.moreActivities', { count: rest })] : named;
            return (
              <li key={b.board}>
                <span className={styles.board}>{b.board}</span>: {formatList(language, items)}
              </li>
            );
          })}
        </ul>
      )}
      <Caption1 as="p" className={styles.muted}>
        {preview.otherChangeCount === 0
          ? t('allocation.noOtherChanges')
          : preview.otherChangeCount === 1
            ? t('allocation.otherChangesOne')
            : t('allocation.otherChangesMany', { count: preview.otherChangeCount })}
      </Caption1>

      <Text as="h4" className={styles.subheading}>
        {t('allocation.excludedHeading', { count: preview.excluded.length })}
      </Text>
      {preview.excluded.length === 0 ? (
        <Caption1 as="p" className={styles.muted}>
          {t('allocation.noExcluded')}
        </Caption1>
      ) : (
        <>
          <Caption1 as="p" className={styles.muted}>
            {t('allocation.excludedIntro')}
          </Caption1>
          <LimitedList
            className={styles.list}
            testId="allocation-excluded"
            items={preview.excluded}
            limit={EXCLUDED_SHOWN}
            renderItem={(e, i) => (
              <li key={i}>
                {language === 'sv' ? e.reason : e.reason_en}
                <CellLink className={styles.link} sheet={e.sheet} cell={e.cell} onSelect={onSelectCell} />
              </li>
            )}
          />
        </>
      )}
    </PaneGroup>
  );
}
