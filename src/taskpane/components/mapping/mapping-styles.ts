/** The styles Koppla indata's view and cards share (Fluent tokens; nothing wider than a 320 px pane). */
import { makeStyles, tokens } from '@fluentui/react-components';
import { PANE_GROUP_STYLES } from '../PaneGroup';

export const useMappingStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  // The pane's card (PaneGroup), allowed to shrink in a 320 px pane with long names wrapping.
  group: { ...PANE_GROUP_STYLES.group, minWidth: 0 },
  heading: { ...PANE_GROUP_STYLES.heading, overflowWrap: 'anywhere' },
  text: { ...PANE_GROUP_STYLES.text, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, ':empty': { display: 'none' } },
  working: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%', maxWidth: '100%' },
  problem: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3 },
});
