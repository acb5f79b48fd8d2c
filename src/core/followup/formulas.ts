/**
 * The live formulas of a follow-up tab over the source tables: SUMIFS over absolute ranges, which
 * Excel and LibreOffice evaluate alike (test/recalc/followup.test.ts proves it with LibreOffice).
 *
 * Criteria. A SUMIFS criterion is a pattern, not a text: "*", "?" and "~" are wildcards/escapes,
 * and a leading "<", ">" or "=" is an operator. The criteria cells of a tab therefore hold
 * "=" + the name with "~", "*" and "?" escaped by "~", which matches exactly that name (ignoring
 * case, as the core's key comparison does).
 *
 * Periods. Utfall's Period is read by the core as "YYYY-MM" from text "2027-08" (or text starting
 * so, e.g. "2027-08-31"), from a date cell, or from a number 202708. A SUMIFS criterion such as
 * "<=2027-08" does not work on text (Excel reads "2027-08" as a date and compares numbers, skipping
 * text cells), so the months up to the period are summed with an array of text patterns
 * {"2027-01*","2027-02*",…} (a pattern with "*" is never read as a date), plus one SUMIFS over
 * date cells between the first and last day (numeric criteria skip text) and one over yyyymm
 * numbers.
 * Other period spellings the core accepts ("2027/08", "202708" typed as text, "2027-8") are not
 * summed by the formulas: each such cell is a UTF-PERIOD-FORM finding (recognition/row-reader.ts
 * summedPeriod), with a quick fix to "YYYY-MM", and the tabs are not written until it is fixed.
 */
import { columnLetters, quoteSheetName, toAbsoluteA1 } from '../a1';
import { absoluteR1C1 } from '../workbook/r1c1';
import type { InputLayout } from '../recognition/model';
import { canonicalName } from '../text/normalize';

/**
 * "=" + the name in its canonical form (text/normalize.ts canonicalName) with SUMIFS wildcards
 * escaped: the criterion that matches exactly the cells whose text is that name, ignoring case.
 * That is every cell the core counts as this name once recognition has no KEY-SPELLING-VARIANT
 * finding (a cell in another form is that finding, and the tab is not written until it is fixed):
 * the one notion of "the same name" shared by the core and the formulas.
 */
export function exactCriterion(name: string): string {
  return `=${canonicalName(name).replace(/[~*?]/g, (ch) => `~${ch}`)}`;
}

/** Excel's limit on a MATCH lookup text; a longer one gives #VALUE!. */
const MATCH_TEXT_LIMIT = 255;

/**
 * A live reference to one field of a keyed row on another tab, found by the row's key cell
 * (column A) rather than its position: a refresh rewrites a tab in place, and a row that moves
 * (a verksamhet added above it) is still found. Where the key is too long for MATCH, the fixed
 * `fallback` cell is used. The pattern's own wildcards (~ * ?) are escaped.
 */
export function keyedRowLookup(sheet: string, col: number, keyPrefix: string, fallback: string): string {
  const pattern = `${keyPrefix.replace(/[~*?]/g, (ch) => `~${ch}`)}*`;
  const tab = quoteSheetName(sheet);
  if (pattern.length > MATCH_TEXT_LIMIT) return `=${tab}!${fallback}`;
  const column = (c: number) => `${tab}!$${columnLetters(c)}:$${columnLetters(c)}`;
  return `=INDEX(${column(col)},MATCH(${formulaText(pattern)},${column(0)},0))`;
}

/** A quoted text for a formula: "…" with inner quotes doubled. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Absolute range of one column of an input's data rows, in R1C1: 'Driftbudget'!R3C5:R602C5 ($E$3:$E$602). */
export function columnRange(layout: InputLayout, col: number): string {
  return `${quoteSheetName(layout.sheet)}!${absoluteR1C1(layout.firstDataRow, col)}:${absoluteR1C1(layout.lastDataRow, col)}`;
}

/** True when the layout has data rows (a range can be formed). */
export function hasDataRows(layout: InputLayout | undefined): layout is InputLayout {
  return layout !== undefined && layout.lastDataRow >= layout.firstDataRow;
}

/**
 * Factor turning a source cell into tkr: "" for tkr, "/1000" for kr, "*1000" for mnkr; negative
 * for a mapped workbook that shows costs negative ("*-1" for tkr, "*-1000" for mnkr, "/-1000" for kr).
 */
export function toTkrSuffix(kronorPerUnit: number | undefined): string {
  const factor = kronorPerUnit ?? 1000;
  if (factor === 1000) return '';
  if (Math.abs(factor) >= 1000) return `*${factor / 1000}`;
  return `/${1000 / factor}`;
}

/** The criteria cells of a SUMIFS, as R1C1 references on this tab. */
export interface Criteria {
  /** Cell holding the board criterion, e.g. "R6C10" ($J$6) or "RC10" (this row's J). */
  board: string;
  /** Cell holding the activity criterion, e.g. "RC10"; null to sum the whole nämnd. */
  activity: string | null;
}

/**
 * Budget helår: SUMIFS over one of Driftbudget's year columns (the follow-up year's), in tkr, as
 * an R1C1 formula (one text for a whole block of rows whose criteria sit in their own row).
 * Returns a builder: the ranges are formed once and only the criteria change.
 */
export function budgetFormula(layout: InputLayout, amountCol: number): (criteria: Criteria) => string {
  if (amountCol < 0 || !hasDataRows(layout) || layout.columns.board === undefined) return () => '=0';
  const head = `=SUMIFS(${columnRange(layout, amountCol)},${columnRange(layout, layout.columns.board)},`;
  const activity = layout.columns.activity === undefined ? null : `,${columnRange(layout, layout.columns.activity)},`;
  const suffix = `${subtotalCriteria(layout)})${toTkrSuffix(layout.kronorPerUnit[amountCol])}`;
  return (criteria) => head + criteria.board + (criteria.activity !== null && activity ? activity + criteria.activity : '') + suffix;
}

/**
 * Extra SUMIFS criteria that leave out a mapping's subtotal rows (",R5C2:R212C2,\"<>Summa*\"" per
 * word) when they are marked in another column than the nämnd's: there a subtotal row carries the
 * nämnd's name and the nämnd criterion alone would count it twice. Excel and LibreOffice compare
 * wildcards without regard to case, as recognition does.
 */
export function subtotalCriteria(layout: InputLayout): string {
  const rule = layout.subtotals;
  if (!rule || rule.col < 0 || rule.col === layout.columns.board) return '';
  const range = columnRange(layout, rule.col);
  return rule.words.map((word) => `,${range},${formulaText(`<>${word}*`)}`).join('');
}

/** Text patterns of the months a report sums: the whole year as one pattern, else month by month. */
export function periodPatterns(year: number, months: number): string[] {
  if (months >= 12) return [`${year}-*`];
  return Array.from({ length: months }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}*`);
}

/**
 * Utfall t.o.m. period: Utfall's amounts for the nämnd (and verksamhet) up to the period, in tkr.
 * Three SUMIFS, one per way of writing a period (they never overlap: text, date, yyyymm number):
 * SUMPRODUCT(SUMIFS(…,{"2027-01*","2027-02*",…})) over text months, one between two DATE()s
 * over date cells (DATE, not a serial number, so 1904-based workbooks work too) and one over
 * yyyymm numbers. R1C1, and a builder, like budgetFormula.
 */
export function actualFormula(layout: InputLayout, year: number, months: number): (criteria: Criteria) => string {
  const amountCol = layout.columns.amount;
  const periodCol = layout.columns.period;
  if (amountCol === undefined || periodCol === undefined || layout.columns.board === undefined || !hasDataRows(layout)) return () => '=0';
  const head = `SUMIFS(${columnRange(layout, amountCol)},${columnRange(layout, layout.columns.board)},`;
  const activityRange = layout.columns.activity === undefined ? null : `,${columnRange(layout, layout.columns.activity)},`;
  const period = columnRange(layout, periodCol);
  const lastMonth = Math.min(months, 12);
  const nextYear = lastMonth === 12 ? year + 1 : year;
  const nextMonth = lastMonth === 12 ? 1 : lastMonth + 1;
  const patterns = periodPatterns(year, months);
  const [textOpen, textTail] =
    patterns.length === 1
      ? ['', `,${period},${formulaText(patterns[0])})`]
      : ['SUMPRODUCT(', `,${period},{${patterns.map(formulaText).join(',')}}))`];
  const dateTail = `,${period},">="&DATE(${year},1,1),${period},"<"&DATE(${nextYear},${nextMonth},1))`;
  const numberTail = `,${period},">=${year}01",${period},"<=${year}${String(lastMonth).padStart(2, '0')}")`;
  const suffix = toTkrSuffix(layout.kronorPerUnit[amountCol]);
  const excluded = subtotalCriteria(layout);
  return (criteria) => {
    const base = head + criteria.board + (criteria.activity !== null && activityRange ? activityRange + criteria.activity : '') + excluded;
    const sums = textOpen + base + textTail + '+' + base + dateTail + '+' + base + numberTail;
    return suffix ? `=(${sums})${suffix}` : `=${sums}`;
  };
}

/** A reference to one source cell converted to tkr: ='Privata utförare'!$E$3 (× factor). */
export function tkrReference(sheet: string, row: number, col: number, kronorPerUnit: number | undefined): string {
  return `${quoteSheetName(sheet)}!${toAbsoluteA1(row, col)}${toTkrSuffix(kronorPerUnit)}`;
}

/** A reference that shows an empty source cell as empty instead of 0. */
export function blankSafeReference(sheet: string, row: number, col: number): string {
  const ref = `${quoteSheetName(sheet)}!${toAbsoluteA1(row, col)}`;
  return `IF(ISBLANK(${ref}),"",${ref})`;
}

/** A range reference string in a canonical form for comparisons: "DRIFTBUDGET!E3:E602". */
export function canonicalRange(sheet: string, top: number, bottom: number, col: number): string {
  const letters = columnLetters(col);
  return `${sheet.toLocaleUpperCase('sv-SE')}!${letters}${top + 1}:${letters}${bottom + 1}`;
}

const RANGE_IN_FORMULA = /(?:'((?:[^']|'')+)'|([^\s'!(),=+\-*/&<>"]+))!\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)/gi;

/** Every sheet range in a formula, canonical (quotes and $ dropped, upper case). */
export function rangesInFormula(formula: string): string[] {
  const found: string[] = [];
  for (const m of formula.matchAll(RANGE_IN_FORMULA)) {
    const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
    found.push(`${sheet.toLocaleUpperCase('sv-SE')}!${m[3].toUpperCase()}${m[4]}:${m[5].toUpperCase()}${m[6]}`);
  }
  return found;
}
