/** The styles Lämna in's parts share (Fluent tokens; long names wrap in a 320 px pane). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useSubmissionStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'break-word' },
});
