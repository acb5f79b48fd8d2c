/**
 * Named cell styles of the tabs Budgetkoll writes. Adapters map a name to their host's formatting;
 * specs only ever say the name, so every tab looks the same and input cells are recognisable.
 */

export type StyleName =
  | 'marker'
  | 'title'
  | 'subtitle'
  | 'heading'
  | 'header'
  | 'text'
  | 'number'
  | 'computed'
  | 'input'
  | 'total'
  | 'note'
  | 'link'
  | 'warning';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** #RRGGBB */
  fontColor?: string;
  /** #RRGGBB */
  fill?: string;
  border?: 'thin-bottom' | 'thin-box' | 'double-top';
  wrap?: boolean;
  horizontalAlignment?: 'left' | 'center' | 'right';
  /** Unlocked cells are the only editable ones on a protected tab. */
  locked: boolean;
  underline?: boolean;
}

/** The palette: colours chosen to keep contrast ≥ 4.5:1 for text when printed or shown in Excel. */
export const STYLES: Readonly<Record<StyleName, CellStyle>> = {
  marker: { fontColor: '#FFFFFF', fontSize: 6, locked: true },
  title: { bold: true, fontSize: 16, fontColor: '#1F3864', locked: true },
  subtitle: { italic: true, fontColor: '#404040', locked: true },
  heading: { bold: true, fontSize: 12, fontColor: '#1F3864', border: 'thin-bottom', locked: true },
  header: { bold: true, fill: '#D9E1F2', border: 'thin-bottom', wrap: true, locked: true },
  text: { locked: true },
  number: { horizontalAlignment: 'right', locked: true },
  computed: { fill: '#F2F2F2', locked: true },
  // Wraps: comments and åtgärder are free text, and a protected tab cannot be reformatted by the user.
  input: { fill: '#FFF2CC', border: 'thin-box', wrap: true, locked: false },
  total: { bold: true, border: 'double-top', locked: true },
  note: { italic: true, fontColor: '#595959', wrap: true, locked: true },
  link: { fontColor: '#0563C1', underline: true, locked: true },
  warning: { bold: true, fontColor: '#9C0006', fill: '#FFC7CE', locked: true },
};

/** Excel number format codes (the file format always uses "," for thousands and "." for decimals). */
export const NUMBER_FORMATS = {
  /** Whole tkr with thin-space grouping in sv-SE, negatives red. */
  tkr: '#,##0;[Red]-#,##0',
  kr: '#,##0;[Red]-#,##0',
  decimal1: '#,##0.0',
  percent1: '0.0%',
  integer: '0',
  date: 'yyyy-mm-dd',
  text: '@',
  general: 'General',
} as const;
