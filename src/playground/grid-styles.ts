/**
 * How the playground grid looks: column widths as Excel draws them, and the styles of the grid's
 * headers, cells and footer (Fluent UI tokens). The looks of frozen panes, protection and spans are
 * in frozen-panes.ts and grid-look.ts.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Excel's default column width in characters, and pixels per character (Calibri 11 at 96 dpi). */
const DEFAULT_WIDTH_CHARS = 8.43;
const PIXELS_PER_CHAR = 7;
const CELL_PADDING_PX = 5;

/** A column's width in pixels from Excel's characters, as Excel draws it. */
export function columnPixels(chars: number | undefined): number {
  return Math.round((chars ?? DEFAULT_WIDTH_CHARS) * PIXELS_PER_CHAR + CELL_PADDING_PX);
}

/** What column and row headers share; the line towards the cells is the stronger one. */
const header = {
  fontWeight: tokens.fontWeightRegular,
  color: tokens.colorNeutralForeground2,
  backgroundColor: tokens.colorNeutralBackground3,
} as const;

export const useGridStyles = makeStyles({
  wrapper: { display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1 },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    outlineStyle: 'none',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    tableLayout: 'fixed',
  },
  corner: {
    position: 'sticky',
    top: 0,
    left: 0,
    zIndex: 7,
    width: '48px',
    minWidth: '48px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  colHeader: {
    ...header,
    position: 'sticky',
    top: 0,
    zIndex: 6,
    minWidth: '96px',
    maxWidth: '240px',
    padding: '2px 4px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    textAlign: 'center',
  },
  rowHeader: {
    ...header,
    position: 'sticky',
    left: 0,
    zIndex: 4,
    padding: '2px 6px',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
  },
  headerActive: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2 },
  cell: {
    height: '22px',
    padding: '0 6px',
    maxWidth: '240px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'cell',
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  // With the sheet's widths: no minimum or maximum, narrow columns clip as in Excel.
  colHeaderSized: { minWidth: 0, maxWidth: 'none', padding: '2px 0', overflow: 'hidden' },
  cellSized: { maxWidth: 'none', padding: '0 3px', textOverflow: 'clip' },
  // A formula the engine could not evaluate: the file's saved value, with an orange corner.
  notComputed: {
    backgroundImage: `linear-gradient(225deg, ${tokens.colorPaletteDarkOrangeBorder2} 6px, transparent 6px)`,
  },
  formula: {
    backgroundColor: tokens.colorPaletteLightGreenBackground1,
    boxShadow: `inset 3px 0 0 ${tokens.colorPaletteGreenBorder2}`,
  },
  formulaText: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    '@media (forced-colors: active)': { outline: '2px solid Highlight' },
  },
  inRange: { backgroundColor: tokens.colorBrandBackground2 },
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});
