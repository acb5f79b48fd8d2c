/**
 * Property: no spelling of a name makes validation silent while a written follow-up tab's figure
 * differs from the core's. Over the sample workbook, random Driftbudget and Utfall key cells get
 * random invisible variants (a trailing or leading space, a non-breaking space, doubled spaces, an
 * NFD "ä", another case). Either recognition flags KEY-SPELLING-VARIANT at every varied cell (and
 * then nothing is written), or, for each nämnd touched, what the tab's written SUMIFS criteria
 * would sum with SUMIFS's exact, case-insensitive text match (worked out here in JS from the raw
 * cell texts) equals the core's figure — Budget helår and Utfall t.o.m. period.
 */
import fc from 'fast-check';
import { buildFollowUpTab, periodMonth } from '../../../src/core/followup';
import { COL } from '../../../src/core/followup/layout';
import { canonicalName, normalizeKey } from '../../../src/core/text/normalize';
import type { SampleWorkbook } from '../../../src/core/sample';
import { modelOf, sample, withRows } from './helpers';

const YEAR = 2027;
const REPORT = 'august' as const;
const GENERATED_AT = new Date('2027-09-15T08:00:00Z');
const BASE = sample();

type Variant = 'trailing' | 'leading' | 'nbsp' | 'double' | 'nfd' | 'upper' | 'lower';

export function vary(text: string, variant: Variant): string {
  switch (variant) {
    case 'trailing':
      return `${text} `;
    case 'leading':
      return ` ${text}`;
    case 'nbsp':
      return text.includes(' ') ? text.replace(' ', '\u00a0') : `${text}\u00a0`;
    case 'double':
      return text.includes(' ') ? text.replace(' ', '  ') : `${text}  x`;
    case 'nfd':
      return text.normalize('NFD');
    case 'upper':
      return text.toLocaleUpperCase('sv-SE');
    case 'lower':
      return text.toLocaleLowerCase('sv-SE');
  }
}

interface Change {
  input: 'driftbudget' | 'utfall';
  /** Fraction of the way down the rows: the row index is picked from it. */
  at: number;
  col: 0 | 1;
  variant: Variant;
}

const change: fc.Arbitrary<Change> = fc.record({
  input: fc.constantFrom('driftbudget' as const, 'utfall' as const),
  at: fc.double({ min: 0, max: 0.9999, noNaN: true }),
  col: fc.constantFrom(0 as const, 1 as const),
  variant: fc.constantFrom<Variant>('trailing', 'leading', 'nbsp', 'double', 'nfd', 'upper', 'lower'),
});

/** SUMIFS's text match: the criterion "=name" (wildcards escaped) against a cell, case ignored. */
function sumifsMatches(criterion: string, cell: unknown): boolean {
  const wanted = criterion.slice(1).replace(/~(.)/g, '$1');
  return String(cell ?? '').toLocaleLowerCase('sv-SE') === wanted.toLocaleLowerCase('sv-SE');
}

function rowsOf(workbook: SampleWorkbook, input: string) {
  const sheet = workbook.sheets.find((s) => s.input === input)!;
  return { header: sheet.header, rows: sheet.rows };
}

/** Budget helår and Utfall t.o.m. period of a written nämnd tab, as SUMIFS over the raw cells would give them (tkr). */
function sumifsFigures(workbook: SampleWorkbook, criteria: string[]): { budget: number; actual: number } {
  const [board, ...activities] = criteria;
  const drift = rowsOf(workbook, 'driftbudget');
  const budgetCol = drift.header.indexOf(`Budget ${YEAR}`);
  const utfall = rowsOf(workbook, 'utfall');
  const [periodCol, amountCol] = ['Period', 'Belopp'].map((h) => utfall.header.indexOf(h));
  const last = periodMonth(REPORT, YEAR);
  let budget = 0;
  let actual = 0;
  for (const activity of activities) {
    for (const r of drift.rows) if (sumifsMatches(board, r[0]) && sumifsMatches(activity, r[1])) budget += Number(r[budgetCol]);
    for (const r of utfall.rows) {
      const period = String(r[periodCol]);
      if (sumifsMatches(board, r[0]) && sumifsMatches(activity, r[1]) && period >= `${YEAR}-01` && period.slice(0, 7) <= last) actual += Number(r[amountCol]);
    }
  }
  return { budget, actual };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

describe('names with invisible variants: flagged, or the written tab sums what the core sums', () => {
  it('holds for random variants of Driftbudget and Utfall key cells', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 4 }), (changes) => {
        let workbook = BASE;
        const touched: { input: string; index: number; col: number; text: string }[] = [];
        for (const c of changes) {
          const rows = rowsOf(workbook, c.input).rows;
          const index = Math.floor(c.at * rows.length);
          const text = vary(String(rows[index][c.col]), c.variant);
          workbook = withRows(workbook, c.input, (all) => {
            all[index][c.col] = text;
            return all;
          });
          touched.push({ input: c.input, index, col: c.col, text });
        }
        const model = modelOf(workbook);
        const flagged = model.findings.filter((f) => f.rule === 'KEY-SPELLING-VARIANT');
        if (flagged.length > 0) {
          // Every varied cell that is not canonical is flagged at its own cell.
          for (const t of touched) {
            const layout = model.layouts[t.input as 'driftbudget']!;
            const final = String(rowsOf(workbook, t.input).rows[t.index][t.col]);
            if (final !== canonicalName(final)) expect(flagged.map((f) => `${f.sheet}!${f.cell}`)).toContain(`${layout.sheet}!${String.fromCharCode(65 + t.col)}${layout.firstDataRow + t.index + 1}`);
          }
          return;
        }
        // Silent: every nämnd touched gets a tab whose SUMIFS sum the core's figures.
        const boards = new Set(touched.map((t) => String(rowsOf(workbook, t.input).rows[t.index][0])));
        for (const board of boards) {
          const key = normalizeKey(board);
          const spec = buildFollowUpTab({ model, report: REPORT, board, year: YEAR, generatedAt: GENERATED_AT });
          const criteria = spec.rows
            .map((row) => row[COL.criterion]?.value)
            .filter((v): v is string => typeof v === 'string' && v.startsWith('='));
          const written = sumifsFigures(workbook, criteria);
          const core = {
            budget: model.operatingBudget.filter((r) => normalizeKey(r.board) === key).reduce((s, r) => s + r.amounts[0], 0) / 1000,
            actual:
              model.actuals
                .filter((r) => normalizeKey(r.board) === key && r.period >= `${YEAR}-01` && r.period <= periodMonth(REPORT, YEAR))
                .reduce((s, r) => s + r.amount, 0) / 1000,
          };
          expect({ board, budget: round(written.budget), actual: round(written.actual) }).toEqual({ board, budget: round(core.budget), actual: round(core.actual) });
        }
      }),
      { numRuns: 40, seed: 1307 },
    );
  });

  it('the check is what keeps it true: an unflagged variant would be summed wrong', () => {
    // The case: trailing spaces on some of Socialnämnden's rows. The core counts them;
    // the criterion "=Socialnämnden" does not match "Socialnämnden ".
    const workbook = withRows(BASE, 'driftbudget', (rows) => {
      let n = 0;
      for (const r of rows) if (r[0] === 'Socialnämnden' && n++ % 2 === 0) r[0] = 'Socialnämnden ';
      return rows;
    });
    const model = modelOf(workbook);
    expect(model.findings.some((f) => f.rule === 'KEY-SPELLING-VARIANT')).toBe(true);
    const spec = buildFollowUpTab({ model, report: REPORT, board: 'Socialnämnden', year: YEAR, generatedAt: GENERATED_AT });
    const criteria = spec.rows.map((row) => row[COL.criterion]?.value).filter((v): v is string => typeof v === 'string' && v.startsWith('='));
    const core = model.operatingBudget.filter((r) => normalizeKey(r.board) === 'socialnämnden').reduce((s, r) => s + r.amounts[0], 0) / 1000;
    expect(sumifsFigures(workbook, criteria).budget).toBeLessThan(core);
  });
});
