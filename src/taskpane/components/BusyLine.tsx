/** A running task: its spinner and label, with the button that cancels it beside them. */
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  line: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

export interface BusyLineProps {
  label: string;
  cancelLabel: string;
  onCancel(): void;
}

export function BusyLine({ label, cancelLabel, onCancel }: BusyLineProps) {
  const styles = useStyles();
  return (
    <div className={styles.line}>
      <Spinner size="tiny" label={label} />
      <Button size="small" onClick={onCancel}>
        {cancelLabel}
      </Button>
    </div>
  );
}
