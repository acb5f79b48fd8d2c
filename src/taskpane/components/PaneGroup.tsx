/**
 * A titled group of a section, the pane's card: a bordered <section> labelled by its h3 heading,
 * optionally with a muted line of text under the heading.
 */
import type { ReactNode } from 'react';
import { Body1, makeStyles, Text, tokens, useId } from '@fluentui/react-components';

/** The card's look, for sections that lay out their cards themselves (Koppla indata). */
export const PANE_GROUP_STYLES = {
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
} as const;

const useStyles = makeStyles(PANE_GROUP_STYLES);

export interface PaneGroupProps {
  /** The prefix of the heading's generated id. */
  idPrefix: string;
  heading: ReactNode;
  /** Muted text under the heading. */
  text?: ReactNode;
  /** The heading is where focus goes when the section's action ends (use-focus-result.ts). */
  focusHeading?: boolean;
  testId?: string;
  children?: ReactNode;
}

export function PaneGroup({ idPrefix, heading, text, focusHeading = false, testId, children }: PaneGroupProps) {
  const styles = useStyles();
  const headingId = useId(idPrefix);
  return (
    <section className={styles.group} aria-labelledby={headingId} data-testid={testId}>
      <Text as="h3" id={headingId} className={styles.heading} {...(focusHeading ? { 'data-focus-result': 'heading', tabIndex: -1 } : {})}>
        {heading}
      </Text>
      {text !== undefined && (
        <Body1 as="p" className={styles.text}>
          {text}
        </Body1>
      )}
      {children}
    </section>
  );
}
