/**
 * How the grid draws a sheet's protection and its spans (merged cells, charts): locked cells of a
 * protected sheet look read-only (grey), unlocked ones like input fields: yellow with a frame, as
 * Budgetkoll's input style is yellow in Excel ("Gula celler fylls i" on the follow-up tabs).
 */
import { makeStyles, tokens } from '@fluentui/react-components';

const FORCED = '@media (forced-colors: active)';

export const useLookStyles = makeStyles({
  locked: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  unlocked: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    boxShadow: `inset 0 0 0 1px ${tokens.colorNeutralStroke1}, inset 0 -2px 0 ${tokens.colorNeutralStrokeAccessible}`,
    [FORCED]: { outline: '1px dashed CanvasText', outlineOffset: '-3px' },
  },
  span: { verticalAlign: 'middle' },
  // The chart fills the cells it is placed over, whatever height the rows get.
  chart: { position: 'relative', padding: 0, verticalAlign: 'top', whiteSpace: 'normal', overflow: 'hidden', cursor: 'default' },
  chartBox: { position: 'absolute', inset: 0 },
});
