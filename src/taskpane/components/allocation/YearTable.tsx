/**
 * A compact table of amounts per budget year: a row header, then one column per year, amounts
 * in tkr right-aligned with tabular figures. Native table semantics (caption, th scope), sized
 * for a 320–360 px task pane.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Triple } from '../../../core/recognition/model';
import { useI18n } from '../../i18n';
import { tkrText } from './format';

const useStyles = makeStyles({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: {
    textAlign: 'start',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 0 ${tokens.spacingVerticalXS}`,
    overflowWrap: 'anywhere',
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  fixed: { tableLayout: 'fixed' },
  // Auto layout packs the year columns to their numbers: give them room to breathe.
  roomy: { paddingLeft: tokens.spacingHorizontalS },
  // 30 % leaves each year column room for "−1 234 567" in a 320 px pane.
  labelColumn: { width: '30%' },
  head: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  rowHeader: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXXS} 0`,
    // Wrap between words; only a single word wider than the column breaks (never hyphenated).
    overflowWrap: 'break-word',
    hyphens: 'manual',
  },
  cell: {
    textAlign: 'end',
    verticalAlign: 'top',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`,
  },
  row: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  emphasis: { fontWeight: tokens.fontWeightSemibold },
  note: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  missing: { color: tokens.colorNeutralForeground3 },
});

export interface YearTableRow {
  label: string;
  /** A second, smaller line under the label. */
  note?: string;
  /** Kronor per year; null where there is no value (shown as "–", read as "saknas"). */
  values: Triple | readonly (number | null)[] | null;
  emphasis?: boolean;
  testId?: string;
}

export interface YearTableProps {
  caption: string;
  /** Show the caption (the table's heading) or keep it for screen readers only. */
  captionVisible?: boolean;
  /** Header of the row-label column. */
  corner: string;
  years: Triple;
  rows: readonly YearTableRow[];
  testId?: string;
  /**
   * 'fixed' (default): a third for the labels, whatever they say — amounts up to a billion kronor
   * fit the year columns. 'auto': the labels take what their longest word needs (nämnd names).
   */
  layout?: 'fixed' | 'auto';
}

export function YearTable({ caption, captionVisible = true, corner, years, rows, testId, layout = 'fixed' }: YearTableProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <table className={mergeClasses(styles.table, layout === 'fixed' && styles.fixed)} data-testid={testId}>
      <caption className={captionVisible ? styles.caption : styles.visuallyHidden}>{caption}</caption>
      {layout === 'fixed' && (
        <colgroup>
          <col className={styles.labelColumn} />
          <col />
          <col />
          <col />
        </colgroup>
      )}
      <thead>
        <tr>
          <th scope="col" className={mergeClasses(styles.head, styles.rowHeader)}>
            {corner}
          </th>
          {years.map((y) => (
            <th key={y} scope="col" className={mergeClasses(styles.head, styles.cell, layout === 'auto' && styles.roomy)}>
              {y}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={mergeClasses(styles.row, row.emphasis && styles.emphasis)} data-testid={row.testId}>
            <th scope="row" className={mergeClasses(styles.rowHeader, row.emphasis && styles.emphasis)}>
              {row.label}
              {row.note && <span className={styles.note}>{row.note}</span>}
            </th>
            {years.map((y, i) => {
              const v = row.values ? row.values[i] : null;
              return (
                <td key={y} className={mergeClasses(styles.cell, layout === 'auto' && styles.roomy)}>
                  {v === null || v === undefined ? (
                    <span className={styles.missing}>
                      <span aria-hidden="true">–</span>
                      <span className={styles.visuallyHidden}>{t('allocation.missing')}</span>
                    </span>
                  ) : (
                    tkrText(v)
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
