/**
 * A button that opens the browser's file dialog (through a hidden file input) and hands over the
 * files chosen. The input is emptied at once, so choosing the same file again is a new choice.
 */
import { useRef, type ReactNode } from 'react';
import { Button, makeStyles, type ButtonProps } from '@fluentui/react-components';

const useStyles = makeStyles({ input: { display: 'none' } });

export interface FileButtonProps {
  children: ReactNode;
  /** The input's accept list (extensions and MIME types); a hint, people can pick "all files". */
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  appearance?: ButtonProps['appearance'];
  className?: string;
  /** The hidden input's test id (tests upload through it). */
  inputTestId: string;
  /** The button's test id, where tests look for the button itself. */
  buttonTestId?: string;
  /** The input's accessible name: the button's text. */
  label: string;
  onFiles(files: File[]): void;
}

export function FileButton({ children, accept, multiple = false, disabled, appearance, className, inputTestId, buttonTestId, label, onFiles }: FileButtonProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={appearance} className={className} disabled={disabled} onClick={() => input.current?.click()} data-testid={buttonTestId}>
        {children}
      </Button>
      <input
        ref={input}
        className={styles.input}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={label}
        tabIndex={-1}
        data-testid={inputTestId}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          onFiles(files);
        }}
      />
    </>
  );
}
