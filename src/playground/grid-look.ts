/**
 * How the grid draws a sheet's protection and its spans (merged cells, charts): locked cells of a
 * protected sheet look read-only (grey), unlocked ones like input fields (white with a frame), as
 * in Budgetkoll's follow-up tabs where only the white cells take input.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

const FORCED = '@media (forced-colors: active)';

export const useLookStyles = makeStyles({
  locked: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  unlocked: {
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `inset 0 0 0 1px ${tokens.colorNeutralStroke1}, inset 0 -2px 0 ${tokens.colorNeutralStrokeAccessible}`,
    [FORCED]: { outline: '1px dashed CanvasText', outlineOffset: '-3px' },
  },
  span: { verticalAlign: 'middle' },
  chart: { padding: 0, verticalAlign: 'top', whiteSpace: 'normal', overflow: 'hidden', cursor: 'default' },
});
