/**
 * A finding's rule id (RAM-OVER, UPF-STATUS …) as a small, muted caption after the message: the
 * code is for looking the rule up in the rule docs and for support, not the message itself.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  rule: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    overflowWrap: 'anywhere',
  },
});

export function RuleId({ rule, className }: { rule: string; className?: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <span className={mergeClasses(styles.rule, className)} data-testid="rule-id">
      {t('finding.rule', { rule })}
    </span>
  );
}
