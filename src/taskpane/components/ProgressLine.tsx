/**
 * A task's progress: a labelled bar, moving without a value until the fraction done is known,
 * and the button that cancels the task where it can be cancelled.
 */
import { Button, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  line: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

export interface ProgressLineProps {
  label: string;
  /** 0–1; null while unknown. */
  progress: number | null;
  /** Without it, no cancel button. */
  onCancel?: () => void;
  cancelLabel?: string;
}

export function ProgressLine({ label, progress, onCancel, cancelLabel }: ProgressLineProps) {
  const styles = useStyles();
  return (
    <div className={styles.line}>
      <Field className={styles.field} label={label}>
        <ProgressBar value={progress ?? undefined} max={1} thickness="large" />
      </Field>
      {onCancel && (
        <Button size="small" onClick={onCancel}>
          {cancelLabel}
        </Button>
      )}
    </div>
  );
}
