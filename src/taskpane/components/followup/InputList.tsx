/**
 * Which inputs the chosen report's tabs read, found or not: a missing input makes its section
 * input cells (Driftbudget alone is required). Utfall says up to which month it has rows.
 */
import { Badge, Body1, makeStyles, Text, tokens, useId } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import type { InputStatus } from './followup-core';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  badge: { flexShrink: 0, marginTop: '2px' },
  text: { overflowWrap: 'anywhere' },
});

export interface InputListProps {
  statuses: readonly InputStatus[];
  year: number;
}

export function InputList({ statuses, year }: InputListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId('followup-inputs');
  const describe = (s: InputStatus): { found: boolean; text: string } => {
    if (s.sheet === null)
      return { found: false, text: t(s.id === 'driftbudget' ? 'followup.input.missingRequired' : 'followup.input.missing', { name: s.name }) };
    if (s.actualsThrough) {
      const { last, periodEnd } = s.actualsThrough;
      if (last === null) return { found: false, text: t('followup.input.actualsNone', { name: s.name, sheet: s.sheet, year }) };
      if (last < periodEnd) return { found: true, text: t('followup.input.actualsShort', { name: s.name, sheet: s.sheet, last, end: periodEnd }) };
      return { found: true, text: t('followup.input.actuals', { name: s.name, sheet: s.sheet, last: periodEnd }) };
    }
    return { found: true, text: t('followup.input.found', { name: s.name, sheet: s.sheet }) };
  };
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} className={styles.heading}>
        {t('followup.inputsHeading')}
      </Text>
      <ul className={styles.list} data-testid="followup-inputs">
        {statuses.map((s) => {
          const { found, text } = describe(s);
          return (
            <li key={s.id} className={styles.item} data-input={s.id} data-found={found}>
              <Badge className={styles.badge} size="small" appearance="tint" color={found ? 'success' : 'warning'}>
                {found ? t('followup.input.foundBadge') : t('followup.input.inputBadge')}
              </Badge>
              <Body1 className={styles.text}>{text}</Body1>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
