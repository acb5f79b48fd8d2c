/**
 * Reads typed values from the data rows of a read table, turning every unusable cell into a
 * CELL-* finding. One reader per table; the input mappers in recognize.ts use only this.
 */
import { toA1 } from '../a1';
import type { Finding } from '../findings';
import { inputDef, type InputId } from '../inputs/catalogue';
import { makeFinding } from '../messages/rule-catalogue';
import { roundHalfAwayFromZero } from '../money';
import { formatNumberSv } from '../text/numbers';
import { canonicalName, spellingVariant } from '../text/normalize';
import { parseHeader } from './headers';
import { cellAt, type ReadTable } from './table-reader';
import type { RawValue } from '../workbook/raw';
import { readDate, readNumber, readPeriod, readText, readYesNo } from './cell-values';
import type { Triple } from './model';

const KEY_LABELS_EN: Record<string, string> = { board: 'Nämnd (board)', activity: 'Verksamhet (activity)', account: 'Konto (account)' };

/** A name with its invisible white space shown: each space but a single one between words as "␠". */
export function visibleSpaces(text: string): string {
  return text.replace(/\s/g, (ch, i: number) => (ch === ' ' && i > 0 && i < text.length - 1 && /\S/.test(text[i - 1]) && /\S/.test(text[i + 1]) ? ' ' : '␠'));
}

/** The first letter written as a base letter + a combining mark, as "ä|a"; "" for none. */
function decomposedLetter(text: string): string {
  const match = /(\P{M})(\p{M}+)/u.exec(text);
  return match && match[0].normalize('NFC') !== match[0] ? `${match[0].normalize('NFC')}|${match[1]}` : '';
}

export class RowReader {
  private readonly headerTexts = new Map<number, string>();

  constructor(
    readonly table: ReadTable,
    private readonly findings: Finding[],
    private readonly percentFormatted: (row: number, col: number) => boolean = () => false,
  ) {}

  get sheet(): string {
    return this.table.layout.sheet;
  }

  col(key: string): number {
    const col = this.table.layout.columns[key];
    return col === undefined ? -1 : col;
  }

  yearCols(group: string): number[] {
    return this.table.layout.yearColumns[group] ?? [];
  }

  /** The header text of a column as the user wrote it. */
  header(col: number): string {
    let text = this.headerTexts.get(col);
    if (text === undefined) {
      text = parseHeader(cellAt(this.table, this.table.layout.headerRow, col))?.original ?? toA1(this.table.layout.headerRow, col);
      this.headerTexts.set(col, text);
    }
    return text;
  }

  /** A text/key cell; error values are reported and read as "". */
  text(row: number, key: string, board?: string): string {
    const col = this.col(key);
    if (col < 0) return '';
    const value = cellAt(this.table, row, col);
    if (value !== null && typeof value === 'object') {
      this.findings.push(makeFinding('CELL-ERROR', { sheet: this.sheet, cell: toA1(row, col), board }, { code: value.code, column: this.header(col), board: board ?? '' }));
      return '';
    }
    return readText(value);
  }

  /**
   * A name that Budgetkoll's written formulas match by text (a nämnd or verksamhet of Driftbudget
   * or Utfall, the SUMIFS ranges of the follow-up tabs): as text(), and a KEY-SPELLING-VARIANT
   * finding, with a quick fix to the canonical spelling, when the cell's text is not in the form
   * the formulas and the core agree on (text/normalize.ts canonicalName). Rows repeat a few
   * spellings, so a text is looked at once per run of equal cells.
   */
  name(row: number, key: string, board?: string): string {
    const col = this.col(key);
    if (col < 0) return '';
    const raw = cellAt(this.table, row, col);
    // A run of equal cells: the same text, already looked at (no finding the first time).
    if (typeof raw === 'string' && raw === this.lastName[col]) return this.lastNameText[col];
    const text = this.text(row, key, board);
    if (typeof raw !== 'string' || text === '') return text;
    const kinds = spellingVariant(raw);
    if (kinds.length === 0) {
      this.lastName[col] = raw;
      this.lastNameText[col] = text;
      return text;
    }
    const name = canonicalName(raw);
    const place = { sheet: this.sheet, cell: toA1(row, col), board: board || (key === 'board' ? name : undefined) };
    const finding = makeFinding('KEY-SPELLING-VARIANT', place, {
      column: this.header(col),
      columnEn: KEY_LABELS_EN[key] ?? this.header(col),
      visible: visibleSpaces(raw),
      name,
      kinds: kinds.join(','),
      letter: decomposedLetter(raw),
    });
    finding.quickFix = { value: name, label: `Rätta stavningen till ”${name}”`, label_en: `Correct the spelling to "${name}"` };
    this.findings.push(finding);
    return text;
  }

  /** Per column, the last name cell's text found canonical and its text() (the fast path of name()). */
  private readonly lastName: (string | undefined)[] = [];
  private readonly lastNameText: string[] = [];

  /** Reports CELL-EMPTY-KEY for each empty key column of a row that has amounts. */
  checkKeys(row: number, keys: string[], values: Record<string, string>, hasAmounts: boolean): void {
    if (!hasAmounts) return;
    for (const key of keys) {
      const col = this.col(key);
      if (col < 0 || values[key] !== '') continue;
      const raw = cellAt(this.table, row, col);
      if (raw !== null && typeof raw === 'object') continue; // already reported as CELL-ERROR
      this.findings.push(
        makeFinding('CELL-EMPTY-KEY', { sheet: this.sheet, cell: toA1(row, col), board: values.board || undefined }, {
          column: this.header(col),
          columnEn: KEY_LABELS_EN[key] ?? this.header(col),
        }),
      );
    }
  }

  /** True when any of the columns holds something (an amount, text or error). */
  anyValue(row: number, cols: number[]): boolean {
    for (const col of cols) {
      const v = cellAt(this.table, row, col);
      if (v !== null && !(typeof v === 'string' && v.trim() === '')) return true;
    }
    return false;
  }

  /** Kronor per unit of an amount column (from its header's unit hint; see kronorPerUnit). */
  kronorPerUnit(col: number, fallback: number): number {
    return this.table.layout.kronorPerUnit[col] ?? fallback;
  }

  /**
   * A number cell. Numbers stored as text are reported and used; other text and errors are
   * reported and give null; empty gives null (reported only when `emptyIsFinding`).
   */
  number(row: number, col: number, board?: string, emptyIsFinding = false): number | null {
    if (col < 0) return null;
    const raw = cellAt(this.table, row, col);
    // Fast path for the common case: a plain number needs no reading object and no address.
    if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
    const reading = readNumber(raw);
    const place = { sheet: this.sheet, cell: toA1(row, col), board };
    switch (reading.kind) {
      case 'number':
        return reading.value;
      case 'empty':
        if (emptyIsFinding) this.findings.push(makeFinding('CELL-EMPTY-AMOUNT', place, { column: this.header(col) }));
        return null;
      case 'error':
        this.findings.push(makeFinding('CELL-ERROR', place, { code: reading.code, column: this.header(col), board: board ?? '' }));
        return null;
      case 'text-number': {
        const finding = makeFinding('CELL-TEXT-NUMBER', place, { text: reading.text, column: this.header(col), value: formatNumberSv(reading.value) });
        finding.quickFix = { value: reading.value, label: `Konvertera till talet ${formatNumberSv(reading.value, Number.isInteger(reading.value) ? 0 : 1)}`, label_en: `Convert to the number ${reading.value}` };
        this.findings.push(finding);
        return reading.value;
      }
      case 'text':
        this.findings.push(makeFinding('CELL-NOT-NUMBER', place, { text: reading.text.slice(0, 60), column: this.header(col) }));
        return null;
    }
  }

  /** An amount in kronor (tkr unless the header says kr/mnkr); unusable cells count as 0. */
  amount(row: number, col: number, board?: string): number {
    const value = this.number(row, col, board, true);
    if (value === null) return 0;
    const kronor = roundHalfAwayFromZero(value * this.kronorPerUnit(col, 1000));
    // Beyond exact integer arithmetic no budget is real: report it instead of computing with it.
    if (!Number.isSafeInteger(kronor)) {
      this.findings.push(
        makeFinding('CELL-NOT-NUMBER', { sheet: this.sheet, cell: toA1(row, col), board }, { text: String(value).slice(0, 60), column: this.header(col) }),
      );
      return 0;
    }
    return kronor;
  }

  /** Three yearly amounts of a year group, in kronor. */
  amounts(row: number, group: string, board?: string): Triple {
    const cols = this.yearCols(group);
    // Written out: this runs for every budget row, and a closure per row shows in profiles.
    const a = cols[0] === undefined || cols[0] < 0 ? 0 : this.amount(row, cols[0], board);
    const b = cols[1] === undefined || cols[1] < 0 ? 0 : this.amount(row, cols[1], board);
    const c = cols[2] === undefined || cols[2] < 0 ? 0 : this.amount(row, cols[2], board);
    return [a, b, c];
  }

  /** kr (unit costs): kr unless the header says tkr/mnkr; not rounded. */
  unitCost(row: number, key: string, board?: string): number | null {
    const col = this.col(key);
    const value = this.number(row, col, board);
    if (value === null) return null;
    const factor = this.kronorPerUnit(col, 1);
    return factor === 1 ? value : value * factor;
  }

  /** A percentage as a fraction: percent-formatted cells hold fractions, plain numbers are percent. */
  percent(row: number, key: string, board?: string): number | null {
    const col = this.col(key);
    if (col < 0) return null;
    const raw = cellAt(this.table, row, col);
    const value = this.number(row, col, board);
    if (value === null) return null;
    if (typeof raw === 'string' && raw.trim().endsWith('%')) return value; // parseNumberText already divided
    return this.percentFormatted(row, col) ? value : value / 100;
  }

  /** A cell as it is (what a reference to it shows); undefined when the table has no such column. */
  raw(row: number, key: string): RawValue | undefined {
    const col = this.col(key);
    return col < 0 ? undefined : cellAt(this.table, row, col);
  }

  yesNo(row: number, key: string): boolean | null {
    return readYesNo(cellAt(this.table, row, this.col(key)));
  }

  period(row: number, key: string): string {
    return readPeriod(cellAt(this.table, row, this.col(key)));
  }

  /**
   * Utfall's Period, summed by the follow-up tabs' formulas (followup/formulas.ts actualFormula):
   * as period(), and a UTF-PERIOD-FORM finding, with a quick fix to the text "YYYY-MM", when the
   * cell is text the core reads as a month but the formulas' text criterion ("YYYY-MM*") would not
   * match ("2027/08", "2027-8", "202708" as text, a leading space): the core would count the row
   * and the recalculated tab would not. Dates and yyyymm numbers are matched by the formulas.
   */
  summedPeriod(row: number, key: string, board?: string): string {
    const col = this.col(key);
    if (col < 0) return '';
    const raw = cellAt(this.table, row, col);
    const period = readPeriod(raw);
    if (period === '' || typeof raw !== 'string' || raw.startsWith(period)) return period;
    const finding = makeFinding('UTF-PERIOD-FORM', { sheet: this.sheet, cell: toA1(row, col), board }, { column: this.header(col), text: visibleSpaces(raw), period });
    finding.quickFix = { value: period, label: `Skriv perioden som ”${period}”`, label_en: `Write the period as "${period}"` };
    this.findings.push(finding);
    return period;
  }

  date(row: number, key: string): string {
    return readDate(cellAt(this.table, row, this.col(key)));
  }
}

/** English names of jobs for messages. */
export const JOB_NAMES: Record<string, { sv: string; en: string }> = {
  validation: { sv: 'budgetkontrollen', en: 'the budget check' },
  allocation: { sv: 'resursfördelningen', en: 'the resource allocation' },
  followUp: { sv: 'uppföljningen', en: 'the follow-up' },
};

export function inputName(id: InputId): string {
  return inputDef(id).name;
}
