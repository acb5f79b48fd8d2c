/**
 * Fluent's Radio with the label of an unchecked option in the normal text colour. Fluent v9 draws
 * unchecked labels in colorNeutralForeground3, which testers read as disabled; an option that can
 * be chosen keeps colorNeutralForeground1 (the checked option stands out by its filled indicator),
 * and disabled options keep Fluent's colorNeutralForegroundDisabled.
 */
import { makeStyles, mergeClasses, Radio, tokens, type RadioProps } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    '& input:enabled:not(:checked) ~ .fui-Radio__label': { color: tokens.colorNeutralForeground1 },
    '& input:enabled:not(:checked):hover ~ .fui-Radio__label': { color: tokens.colorNeutralForeground1 },
  },
});

export function PaneRadio({ className, ...props }: RadioProps) {
  const styles = useStyles();
  return <Radio {...props} className={mergeClasses(styles.root, className)} />;
}
