/**
 * "Check before submission": the UPF-* rules (docs/regler.md) on a filled follow-up tab, each finding at
 * the cell a person should look at. The model (the workbook's current inputs) is needed for
 * UPF-STALE and the Utfall part of UPF-PERIOD; without it those parts are skipped.
 */
import { toA1 } from '../a1';
import type { Finding } from '../findings';
import { STATUS_VALUES } from '../inputs/catalogue';
import { makeFinding, type RuleId } from '../messages/rule-catalogue';
import { readNumber } from '../recognition/cell-values';
import type { BudgetModel } from '../recognition/model';
import { isAllowedStatus } from '../rules/checks/governance';
import { normalizeKey } from '../text/normalize';
import { formatNumberSv } from '../text/numbers';
import { CellError, type RawValue } from '../workbook/raw';
import { sortFindings } from '../findings';
import { budgetColumn, yearIndex } from './context';
import type { FilledCell, FilledRow, FilledTab } from './filled';
import { canonicalRange, rangesInFormula } from './formulas';
import { fieldLabel, TAB_STATUS_VALUES } from './layout';
import { isKommunBoard, periodEndDate, periodMonth, reportInfo } from './reports';
import { keyId } from './row-keys';
import { PERSONNEL_METRICS, SMALL_GROUP_MAX } from './sections/personnel';

export interface FollowUpCheckOptions {
  /** Tolerance in kronor; default Parametrar: Tolerans of the model, else 500 (0.5 tkr). */
  toleranceKr?: number;
}

/** A number in a cell (numbers stored as text count), or null. */
function numberIn(value: RawValue | undefined): number | null {
  if (value === undefined) return null;
  const reading = readNumber(value);
  return reading.kind === 'number' || reading.kind === 'text-number' ? reading.value : null;
}

function isEmpty(value: RawValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function shown(value: RawValue): string {
  if (value === null) return '';
  if (value instanceof CellError) return value.code;
  if (typeof value === 'number') return formatNumberSv(value, Number.isInteger(value) ? 0 : 1);
  return String(value).trim();
}

const tkr = (value: number) => `${formatNumberSv(Math.round(value))} tkr`;

/** "Barn- och ungdomsnämnden, Förskola" / "Socialnämnden" for messages. */
function what(row: FilledRow): string {
  return row.key.item ? `${row.key.board}, ${row.label || row.key.item}` : row.label || row.key.board;
}

export function checkFollowUpTab(tab: FilledTab, model: BudgetModel | null = null, options: FollowUpCheckOptions = {}): Finding[] {
  const toleranceKr = options.toleranceKr ?? model?.parameters.toleranceKr ?? 500;
  const check = new Checker(tab, toleranceKr / 1000);
  check.period(model);
  check.forecasts();
  check.measures();
  check.statuses();
  check.personnel();
  check.tampering();
  check.brokenReferences();
  if (model) check.staleness(model);
  return sortFindings(check.findings);
}

class Checker {
  readonly findings: Finding[] = [];
  private readonly economy: FilledRow[];

  constructor(
    private readonly tab: FilledTab,
    private readonly toleranceTkr: number,
  ) {
    this.economy = tab.rows.filter((r) => r.key.section === 'ekonomi' && !r.key.total && !r.removed);
  }

  private add(rule: RuleId, cell: FilledCell | string, params: Record<string, string | number>, board?: string, sheet = this.tab.sheet): void {
    const address = typeof cell === 'string' ? cell : cell.cell;
    this.findings.push(makeFinding(rule, { sheet, cell: address, board: board || undefined }, params));
  }

  private get december(): boolean {
    return this.tab.report === 'december';
  }

  /** UPF-PERIOD: the tab's period against its report, the month factor, and Utfall beyond the period. */
  period(model: BudgetModel | null): void {
    const { tab } = this;
    const periodCell = tab.periodEnd ?? 'B2';
    if (tab.report === null || tab.year === null) {
      this.add('UPF-PERIOD', periodCell, {
        report: 'en uppföljningsflik',
        reportEn: 'a follow-up tab',
        found: `markeringen anger rapporten ”${tab.marker.report ?? ''}” och året ${tab.marker.year ?? '(inget)'}`,
        foundEn: `its marker names the report "${tab.marker.report ?? ''}" and the year ${tab.marker.year ?? '(none)'}`,
        expected: 'april, august eller december och ett budgetår',
      });
      return;
    }
    const info = reportInfo(tab.report);
    const reportName = `${info.name} ${tab.year}`;
    const expected = periodEndDate(tab.report, tab.year);
    const found = tab.periodEnd ? shown(tab.periodEnd.value) : '';
    if (found !== expected) {
      this.add('UPF-PERIOD', periodCell, {
        report: reportName,
        reportEn: `${info.name} ${tab.year}`,
        found: `perioden är ${found || '(tom)'}`,
        foundEn: `the period is ${found || '(empty)'}`,
        expected,
      });
    }
    for (const row of this.economy) {
      const cell = row.formulas.budgetToDate;
      const months = cell?.formula ? /\*\s*(\d+)\s*\/\s*12\b/.exec(cell.formula) : null;
      if (cell && months && Number(months[1]) !== info.months) {
        this.add('UPF-PERIOD', cell, {
          report: reportName,
          reportEn: `${info.name} ${tab.year}`,
          found: `budget t.o.m. period räknas på ${months[1]} månader`,
          foundEn: `the budget to date is computed over ${months[1]} months`,
          expected: `${info.months} månader`,
        });
        break;
      }
    }
    if (!model) return;
    const layout = model.layouts.utfall;
    const last = periodMonth(tab.report, tab.year);
    const kommun = isKommunBoard(tab.board);
    const board = normalizeKey(tab.board);
    const later = model.actuals.filter((a) => a.period !== '' && a.period > last && (kommun || normalizeKey(a.board) === board));
    if (later.length > 0 && layout) {
      const first = later[0];
      const latest = later.reduce((m, a) => (a.period > m ? a.period : m), first.period);
      this.add(
        'UPF-PERIOD-UTFALL',
        toA1(first.row, layout.columns.period ?? 0),
        { count: later.length, board: kommun ? 'kommunen' : tab.board, period: last, last: latest },
        kommun ? undefined : tab.board,
        first.sheet,
      );
    }
  }

  /** UPF-PROGNOS-MISSING: every verksamhet needs a full-year forecast (not in the årsbokslut). */
  forecasts(): void {
    if (this.december) return;
    for (const row of this.economy) {
      const cell = row.inputs.forecast;
      if (cell && numberIn(cell.value) === null) this.add('UPF-PROGNOS-MISSING', cell, { what: what(row) }, row.key.board);
    }
  }

  /** The full-year deviation of an economy row: the cell's value, else budget − prognos (utfall). */
  private deviation(row: FilledRow): number | null {
    const cell = this.december ? row.formulas.diff : row.formulas.diffYear;
    const value = numberIn(cell?.value);
    if (value !== null) return value;
    const budget = numberIn((row.formulas.budget ?? row.inputs.budget)?.value);
    const against = numberIn((this.december ? (row.formulas.actual ?? row.inputs.actual) : row.inputs.forecast)?.value);
    return budget === null || against === null ? null : budget - against;
  }

  /** UPF-ATGARD-MISSING: a deficit beyond the tolerance needs an åtgärd. */
  measures(): void {
    const measureRows = new Map(this.tab.rows.filter((r) => r.key.section === 'atgarder' && !r.removed).map((r) => [keyId({ ...r.key, section: 'ekonomi' }), r]));
    for (const row of this.economy) {
      const deviation = this.deviation(row);
      if (deviation === null || deviation >= -this.toleranceTkr) continue;
      const measureRow = measureRows.get(keyId(row.key));
      const measure = measureRow?.inputs.measure;
      if (measure && !isEmpty(measure.value)) continue;
      const at = measure ?? (this.december ? row.formulas.diff : row.formulas.diffYear) ?? row.formulas.budget;
      if (!at) continue;
      this.add(
        'UPF-ATGARD-MISSING',
        at,
        {
          what: what(row),
          deviation: tkr(deviation),
          basis: this.december ? 'utfallet' : 'prognosen',
          basisEn: this.december ? 'outcome' : 'forecast',
        },
        row.key.board,
      );
    }
  }

  /** UPF-STATUS: the tab's own status and the statuses of inriktningar and uppdrag. */
  statuses(): void {
    const status = this.tab.status;
    if (status) {
      const text = shown(status.value);
      if (!TAB_STATUS_VALUES.some((s) => normalizeKey(s) === normalizeKey(text))) {
        this.add('UPF-STATUS', status, { status: text || '(tom)', what: 'fliken', allowed: TAB_STATUS_VALUES.join(', ') });
      }
    }
    for (const row of this.tab.rows) {
      if ((row.key.section !== 'inriktningar' && row.key.section !== 'uppdrag') || row.removed) continue;
      const cell = row.inputs.status;
      if (!cell) continue;
      const text = shown(cell.value);
      if (!isAllowedStatus(text)) {
        const kind = row.key.section === 'inriktningar' ? 'inriktningen' : 'uppdraget';
        this.add('UPF-STATUS', cell, { status: text || '(tom)', what: `${kind} ”${row.label || row.key.item}”`, allowed: STATUS_VALUES.join(', ') }, row.key.board);
      }
    }
  }

  /** UPF-PERSONAL-MISSING and UPF-SMALL-GROUP. */
  personnel(): void {
    const rows = this.tab.rows.filter((r) => r.key.section === 'personal' && !r.removed);
    if (rows.length === 0) return;
    const board = this.tab.board;
    const empty: FilledCell[] = [];
    const labels = new Map<string, string>();
    for (const row of rows) {
      for (const [field, cell] of Object.entries(row.inputs)) {
        if (isEmpty(cell.value)) {
          empty.push(cell);
          labels.set(cell.cell, `${row.label} (${fieldLabel(field).toLocaleLowerCase('sv-SE')})`);
        }
      }
    }
    if (empty.length > 0) {
      empty.sort((a, b) => a.row - b.row || a.col - b.col);
      this.add(this.december ? 'UPF-PERSONAL-MISSING-ARSBOKSLUT' : 'UPF-PERSONAL-MISSING', empty[0], {
        board,
        count: empty.length,
        first: labels.get(empty[0].cell) ?? empty[0].cell,
      }, board);
    }

    const metric = (item: string) => rows.find((r) => normalizeKey(r.key.item) === normalizeKey(item));
    const employees = metric('Anställda');
    const valueOf = (row: FilledRow | undefined, field: string): { cell: FilledCell; value: number } | null => {
      const cell = row?.inputs[field] ?? row?.constants[field];
      const value = numberIn(cell?.value);
      return cell && value !== null ? { cell, value } : null;
    };
    const groups: Record<string, [string, string]> = { women: ['kvinnor', 'women'], men: ['män', 'men'], total: ['hela nämnden', 'the whole board'] };
    for (const m of PERSONNEL_METRICS.filter((x) => x.sick)) {
      const row = metric(m.item);
      for (const field of ['women', 'men', 'total']) {
        const sick = valueOf(row, field);
        const count = valueOf(employees, field);
        if (!sick || !count || count.value > SMALL_GROUP_MAX) continue;
        this.add('UPF-SMALL-GROUP', sick.cell, {
          board,
          metric: m.label,
          metricEn: m.item === 'Sjukfrånvaro' ? 'sick leave' : 'sick leave of 60 days or more',
          group: groups[field][0],
          groupEn: groups[field][1],
          employees: formatNumberSv(count.value),
        }, board);
      }
    }
  }

  /** UPF-TAMPERED: a cell the tab generated as a formula now holds a constant (or nothing). */
  tampering(): void {
    for (const row of this.tab.rows) {
      for (const [field, cell] of Object.entries(row.formulas)) {
        if (cell.formula !== null) continue;
        const value = shown(cell.value);
        this.add(
          'UPF-TAMPERED',
          cell,
          {
            field: fieldLabel(field),
            what: row.key.total ? `summaraden (${row.label})` : `”${row.label || row.key.item || row.key.board}”`,
            value: value ? `värdet ${value}` : 'ingenting',
            valueEn: value ? `the value ${value}` : 'nothing',
          },
          row.key.board,
        );
      }
    }
  }

  /**
   * UPF-REF: a formula cell showing #REF! — it pointed at a tab that was deleted or replaced
   * (Excel rewrites such references for good), so its figure is gone, not merely stale.
   */
  brokenReferences(): void {
    for (const row of this.tab.rows) {
      for (const [field, cell] of Object.entries(row.formulas)) {
        const broken = (cell.formula !== null && cell.formula.includes('#REF!')) || (cell.value instanceof CellError && cell.value.code === '#REF!');
        if (!broken) continue;
        this.add(
          'UPF-REF',
          cell,
          {
            field: fieldLabel(field),
            what: row.key.total ? `summaraden (${row.label})` : `”${row.label || row.key.item || row.key.board}”`,
          },
          row.key.board,
        );
      }
    }
  }

  /** UPF-STALE: the tab's budget against the current Driftbudget (values, rows and ranges). */
  staleness(model: BudgetModel): void {
    const { tab } = this;
    if (tab.year === null || tab.report === null) return;
    const layout = model.layouts.driftbudget;
    const amountCol = budgetColumn(layout, model, tab.year);
    const index = yearIndex(model, tab.year);
    if (!layout || amountCol < 0 || index < 0) return;
    const live = this.economy.filter((r) => r.formulas.budget);
    if (live.length === 0) return;
    const kommun = isKommunBoard(tab.board);
    const board = normalizeKey(tab.board);

    // Current budget per line (verksamhet, or nämnd on the kommun tab), in kronor.
    const budgets = new Map<string, { name: string; kronor: number }>();
    for (const r of model.operatingBudget) {
      if (!kommun && normalizeKey(r.board) !== board) continue;
      if (kommun && r.board === '') continue;
      const name = kommun ? r.board : r.activity;
      const k = normalizeKey(name);
      const entry = budgets.get(k) ?? { name, kronor: 0 };
      entry.kronor += r.amounts[index];
      budgets.set(k, entry);
    }

    for (const row of live) {
      const cell = row.formulas.budget;
      const value = numberIn(cell.value);
      if (value === null || cell.formula === null) continue;
      const current = (budgets.get(normalizeKey(kommun ? row.key.board : row.key.item))?.kronor ?? 0) / 1000;
      if (Math.abs(value - current) > this.toleranceTkr) {
        this.add('UPF-STALE', cell, { what: what(row), tab: tkr(value), model: tkr(current) }, row.key.board);
      }
    }

    const inTab = new Set(this.economy.map((r) => normalizeKey(kommun ? r.key.board : r.key.item)));
    const added = [...budgets.entries()].filter(([k]) => !inTab.has(k)).map(([, v]) => v.name || '(utan verksamhet)');
    const expected = new Set(
      [layout.columns.board, layout.columns.activity, amountCol]
        .filter((c): c is number => c !== undefined)
        .map((c) => canonicalRange(layout.sheet, layout.firstDataRow, layout.lastDataRow, c)),
    );
    const stale = live.find((r) => r.formulas.budget.formula !== null && rangesInFormula(r.formulas.budget.formula).some((range) => !expected.has(range)));
    const details: string[] = [];
    const detailsEn: string[] = [];
    if (added.length > 0) {
      details.push(`${added.length === 1 ? 'ny rad' : 'nya rader'} i Driftbudget som saknas i fliken: ${added.join(', ')}`);
      detailsEn.push(`new in Driftbudget and missing from the tab: ${added.join(', ')}`);
    }
    if (stale) {
      details.push(`formlerna summerar inte längre Driftbudgets rader ${layout.firstDataRow + 1}–${layout.lastDataRow + 1}`);
      detailsEn.push(`the formulas no longer sum Driftbudget's rows ${layout.firstDataRow + 1}–${layout.lastDataRow + 1}`);
    }
    if (details.length > 0) {
      const total = tab.rows.find((r) => r.key.section === 'ekonomi' && r.key.total)?.formulas.budget;
      const at = total ?? stale?.formulas.budget ?? live[0].formulas.budget;
      this.add('UPF-STALE-ROWS', at, { board: kommun ? 'Kommunen' : tab.board, details: details.join('; '), detailsEn: detailsEn.join('; ') }, kommun ? undefined : tab.board);
    }
  }
}
