/**
 * Fluent's Checkbox with the label of an unchecked box in the normal text colour (Fluent v9 draws
 * it in colorNeutralForeground3, which reads as disabled; see PaneRadio). Disabled boxes keep
 * Fluent's colorNeutralForegroundDisabled: the rule only matches an enabled input.
 */
import { Checkbox, makeStyles, mergeClasses, tokens, type CheckboxProps } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { '& input:enabled ~ .fui-Checkbox__label': { color: tokens.colorNeutralForeground1 } },
});

export function PaneCheckbox({ className, ...props }: CheckboxProps) {
  const styles = useStyles();
  return <Checkbox {...props} className={mergeClasses(styles.root, className)} />;
}
