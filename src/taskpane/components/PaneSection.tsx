/**
 * A section's frame in the pane: the intro paragraph, then the section's cards and messages in one
 * column that may shrink to a 320 px pane.
 */
import type { ReactNode, Ref } from 'react';
import { Body1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  intro: { margin: 0 },
});

export interface PaneSectionProps {
  intro: ReactNode;
  /** For use-focus-result.ts: where focus goes when the section's action ends. */
  ref?: Ref<HTMLDivElement>;
  testId?: string;
  children?: ReactNode;
}

export function PaneSection({ intro, ref, testId, children }: PaneSectionProps) {
  const styles = useStyles();
  return (
    <div className={styles.section} ref={ref} data-testid={testId}>
      <Body1 as="p" className={styles.intro}>
        {intro}
      </Body1>
      {children}
    </div>
  );
}
