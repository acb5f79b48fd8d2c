/**
 * Recognition: from the raw grids of one read phase to the typed budget model. Pure, total
 * (never throws on workbook content): whatever cannot be used becomes a STRUCT-* or CELL-* finding.
 */
import { toA1 } from '../a1';
import type { Finding } from '../findings';
import { INPUTS, inputDef, type InputDef, type InputId } from '../inputs/catalogue';
import { makeFinding } from '../messages/rule-catalogue';
import type { RawWorkbook } from '../workbook/raw';
import { roundHalfAwayFromZero } from '../money';
import type { InputRequest, LocatedInputs } from './locate';
import type { InputSource } from '../inputs/input-source';
import type { BudgetModel, TotalRow, Triple } from './model';
import { defaultParameters, readParameters } from './parameters';
import { checkFormulaTrust } from './formula-trust';
import { JOB_NAMES, RowReader } from './row-reader';
import { readTable, yearsInHeader, type ReadTable } from './table-reader';
import { tableExtentFindings } from './table-extents';
import { finishMappedLayout, mappedGrid, mappedInputId, staleFinding } from './mapped-input';

export type Job = 'validation' | 'allocation' | 'followUp';

export interface RecognizeRequest extends InputRequest {
  /** Inputs whose absence is STRUCT-MISSING-TABLE for this job. */
  required: readonly InputId[];
  job: Job;
}

function emptyModel(): BudgetModel {
  return {
    years: null,
    parameters: defaultParameters(),
    layouts: {},
    totals: {},
    frames: [],
    operatingBudget: [],
    baseFrames: [],
    volumes: [],
    otherChanges: [],
    financing: [],
    internalControl: [],
    politicalDirections: [],
    assignments: [],
    keyFigures: [],
    actuals: [],
    personnel: [],
    privateProviders: [],
    mappedInputs: [],
    findings: [],
  };
}

/** The budget year: Parametrar's Budgetår, else the first year of Ramar, else of Driftbudget. */
function establishY1(model: BudgetModel, raw: RawWorkbook, located: LocatedInputs): number | null {
  if (model.parameters.budgetYear !== null) return model.parameters.budgetYear;
  for (const id of ['ramar', 'driftbudget'] as const) {
    const source = located.sources[id]?.[0];
    const grid = source && raw.grids.get(source.readId);
    if (!grid) continue;
    const years = yearsInHeader(inputDef(id), grid, source.kind === 'table');
    if (years.length > 0) return Math.min(...years);
  }
  return null;
}

function readSource(def: InputDef, source: InputSource, raw: RawWorkbook, y1: number | null, findings: Finding[], model: BudgetModel): ReadTable | null {
  const read = raw.grids.get(source.readId);
  const grid = read && source.mapped ? mappedGrid(def, source.mapped, read, findings, model) : read;
  if (!grid) return null;
  const result = readTable(def, grid, { table: source.kind === 'table' ? source.name : null }, y1);
  findings.push(...result.findings);
  if (source.mapped && result.table) finishMappedLayout(def, source.mapped, result.table.layout);
  return result.table;
}

/** A cheap fingerprint of a table's data to tell whether two sources agree. */
function fingerprint(table: ReadTable): string {
  let sum = 0;
  for (const row of table.dataRows) {
    const values = table.grid.values[row - table.grid.top];
    for (const v of values) if (typeof v === 'number') sum += v;
  }
  return `${table.dataRows.length}:${Math.round(sum * 100)}`;
}

function percentFormatChecker(table: ReadTable): (row: number, col: number) => boolean {
  const formats = table.grid.numberFormats;
  if (!formats) return () => false;
  return (row, col) => formats[row - table.grid.top]?.[col - table.grid.left]?.includes('%') ?? false;
}

/** Total rows with the sums of the data rows they close (per year-group column). */
function totalsOf(reader: RowReader, amountCols: number[], budgetRows: Map<number, number[]>, formulas: Record<string, string>): TotalRow[] {
  const table = reader.table;
  return table.totalRows.map(({ row, closes }) => {
    const sums = amountCols.map(() => 0);
    if (closes) {
      for (const dataRow of table.dataRows) {
        if (dataRow < closes.first || dataRow > closes.last) continue;
        const amounts = budgetRows.get(dataRow);
        if (amounts) amounts.forEach((a, i) => (sums[i] += a));
      }
    }
    return {
      row,
      closes,
      amounts: amountCols.map((col) => {
        const v = col < 0 ? null : reader.number(row, col);
        return v === null ? null : roundHalfAwayFromZero(v * reader.kronorPerUnit(col, 1000));
      }),
      sums,
      formulas: amountCols.map((col) => (col < 0 ? null : formulas[toA1(row, col)] ?? null)),
    };
  });
}


export function recognizeWorkbook(raw: RawWorkbook, located: LocatedInputs, request: RecognizeRequest): BudgetModel {
  const model = emptyModel();
  const findings = model.findings;
  const wanted = new Set(request.inputs);
  const job = JOB_NAMES[request.job];

  const mappingIssues = located.mappingIssues ?? [];
  findings.push(...mappingIssues.map(staleFinding));
  const staleInputs = new Set(mappingIssues.map((i) => mappedInputId(i.input)));
  for (const id of request.required) {
    if (!located.sources[id] && !staleInputs.has(id)) {
      const def = inputDef(id);
      findings.push(makeFinding('STRUCT-MISSING-TABLE', { sheet: def.name, cell: 'A1' }, { input: def.name, job: job.sv, jobEn: job.en }));
    }
  }

  const tables = new Map<InputId, ReadTable>();
  const parameterSource = located.sources.parametrar?.[0];
  if (wanted.has('parametrar') && parameterSource) {
    const table = readSource(inputDef('parametrar'), parameterSource, raw, null, findings, model);
    findings.push(...tableExtentFindings(parameterSource, raw, table?.layout));
    if (table) {
      model.layouts.parametrar = table.layout;
      model.parameters = readParameters(table, findings);
    }
  }

  const y1 = establishY1(model, raw, located);
  model.years = y1 === null ? null : [y1, y1 + 1, y1 + 2];

  for (const def of INPUTS) {
    if (def.id === 'parametrar' || !wanted.has(def.id)) continue;
    const sources = located.sources[def.id];
    if (!sources) continue;
    const primary = readSource(def, sources[0], raw, y1, findings, model);
    findings.push(...tableExtentFindings(sources[0], raw, primary?.layout));
    if (sources.length > 1) {
      // A table and a sheet for one input: fine when they agree, a finding when they do not.
      const otherFindings: Finding[] = [];
      const other = readSource(def, sources[1], raw, y1, otherFindings, model);
      if (primary && other && fingerprint(primary) !== fingerprint(other)) {
        findings.push(
          makeFinding('STRUCT-AMBIGUOUS', { sheet: sources[1].sheet, cell: toA1(other.layout.headerRow, 0) }, {
            input: def.name,
            table: sources[0].name,
            sheet: sources[1].sheet,
          }),
        );
      }
    }
    if (!primary) continue;
    tables.set(def.id, primary);
    model.layouts[def.id] = primary.layout;
  }

  for (const [id, table] of tables) mapInput(model, id, table);
  findings.push(...checkFormulaTrust(raw, model));
  return model;
}

/** Maps one read table into the typed model. */
function mapInput(model: BudgetModel, id: InputId, table: ReadTable): void {
  const reader = new RowReader(table, model.findings, percentFormatChecker(table));
  const formulas = table.grid.formulas;
  switch (id) {
    case 'ramar': {
      const amountsByRow = new Map<number, number[]>();
      for (const row of table.dataRows) {
        const board = reader.text(row, 'board');
        const amountCols = reader.yearCols('frame');
        const has = reader.anyValue(row, amountCols);
        reader.checkKeys(row, ['board'], { board }, has);
        const amounts = reader.amounts(row, 'frame', board || undefined);
        amountsByRow.set(row, amounts);
        model.frames.push(has ? { sheet: reader.sheet, row, board, amounts } : { sheet: reader.sheet, row, board, amounts, noFigures: true });
      }
      model.totals.ramar = totalsOf(reader, reader.yearCols('frame'), amountsByRow, formulas);
      break;
    }
    case 'driftbudget': {
      const amountsByRow = new Map<number, number[]>();
      const amountCols = reader.yearCols('amount');
      for (const row of table.dataRows) {
        const board = reader.name(row, 'board');
        const activity = reader.name(row, 'activity', board);
        const account = reader.text(row, 'account');
        reader.checkKeys(row, ['board', 'activity', 'account'], { board, activity, account }, reader.anyValue(row, amountCols));
        const amounts = reader.amounts(row, 'amount', board || undefined);
        amountsByRow.set(row, amounts);
        model.operatingBudget.push({ sheet: reader.sheet, row, board, activity, account, description: reader.text(row, 'description'), amounts });
      }
      model.totals.driftbudget = totalsOf(reader, amountCols, amountsByRow, formulas);
      break;
    }
    case 'utgangsramar':
      for (const row of table.dataRows) {
        const board = reader.text(row, 'board');
        const col = reader.yearCols('baseFrame')[0] ?? -1;
        reader.checkKeys(row, ['board'], { board }, reader.anyValue(row, [col]));
        model.baseFrames.push({ sheet: reader.sheet, row, board, amount: col < 0 ? 0 : reader.amount(row, col, board || undefined) });
      }
      break;
    case 'volymer':
      for (const row of table.dataRows) {
        const board = reader.text(row, 'board');
        const forecast = reader.yearCols('forecast');
        const b = board || undefined;
        model.volumes.push({
          sheet: reader.sheet,
          row,
          board,
          activity: reader.text(row, 'activity'),
          measure: reader.text(row, 'measure'),
          unitCost: reader.unitCost(row, 'unitCost', b),
          forecastY0: reader.number(row, reader.yearCols('forecastY0')[0] ?? -1, b),
          actualY0: reader.number(row, reader.yearCols('actualY0')[0] ?? -1, b),
          forecast: [0, 1, 2].map((i) => reader.number(row, forecast[i] ?? -1, b)) as [number | null, number | null, number | null],
        });
      }
      break;
    case 'ovrigaForandringar':
      for (const row of table.dataRows) {
        const board = reader.text(row, 'board');
        reader.checkKeys(row, ['board'], { board }, reader.anyValue(row, reader.yearCols('amount')));
        model.otherChanges.push({
          sheet: reader.sheet,
          row,
          board,
          description: reader.text(row, 'description'),
          type: reader.text(row, 'type'),
          amounts: reader.amounts(row, 'amount', board || undefined),
        });
      }
      break;
    case 'finansiering':
      for (const row of table.dataRows) {
        model.financing.push({ sheet: reader.sheet, row, post: reader.text(row, 'post'), amounts: reader.amounts(row, 'amount') as Triple });
      }
      break;
    case 'internkontrollplan':
      for (const row of table.dataRows) {
        const board = reader.text(row, 'board');
        const b = board || undefined;
        model.internalControl.push({
          sheet: reader.sheet,
          row,
          board,
          process: reader.text(row, 'process', b),
          risk: reader.text(row, 'risk', b),
          probability: reader.number(row, reader.col('probability'), b),
          consequence: reader.number(row, reader.col('consequence'), b),
          riskValue: reader.number(row, reader.col('riskValue'), b),
          control: reader.text(row, 'control', b),
          responsible: reader.text(row, 'responsible', b),
          timing: reader.text(row, 'timing', b),
        });
      }
      break;
    case 'politiskaInriktningar':
      for (const row of table.dataRows) {
        model.politicalDirections.push({ sheet: reader.sheet, row, board: reader.text(row, 'board'), direction: reader.text(row, 'direction') });
      }
      break;
    case 'uppdrag':
      for (const row of table.dataRows) {
        model.assignments.push({
          sheet: reader.sheet,
          row,
          recipient: reader.text(row, 'recipient'),
          assignment: reader.text(row, 'assignment'),
          decidedBy: reader.text(row, 'decidedBy'),
          dueDate: reader.date(row, 'dueDate') || reader.text(row, 'dueDate'),
          status: reader.text(row, 'status'),
        });
      }
      break;
    case 'nyckeltal':
      for (const row of table.dataRows) {
        const board = reader.text(row, 'board');
        const b = board || undefined;
        model.keyFigures.push({
          sheet: reader.sheet,
          row,
          board,
          activity: reader.text(row, 'activity'),
          indicator: reader.text(row, 'indicator'),
          koladaId: reader.text(row, 'koladaId'),
          value: reader.number(row, reader.col('value'), b),
          similar: reader.number(row, reader.col('similar'), b),
          higherIsBetter: reader.yesNo(row, 'higherIsBetter'),
          netCost: reader.unitCost(row, 'netCost', b),
          referenceCost: reader.unitCost(row, 'referenceCost', b),
          shown: {
            value: reader.raw(row, 'value'),
            similar: reader.raw(row, 'similar'),
            netCost: reader.raw(row, 'netCost'),
            referenceCost: reader.raw(row, 'referenceCost'),
            higherIsBetter: reader.raw(row, 'higherIsBetter'),
          },
        });
      }
      break;
    case 'utfall': {
      const amountCol = reader.col('amount');
      for (const row of table.dataRows) {
        const board = reader.name(row, 'board');
        const activity = reader.name(row, 'activity', board);
        const account = reader.text(row, 'account');
        reader.checkKeys(row, ['board', 'activity', 'account'], { board, activity, account }, reader.anyValue(row, [amountCol]));
        model.actuals.push({ sheet: reader.sheet, row, board, activity, account, period: reader.summedPeriod(row, 'period', board || undefined), amount: reader.amount(row, amountCol, board || undefined) });
      }
      break;
    }
    case 'personal':
      for (const row of table.dataRows) {
        const board = reader.text(row, 'board');
        const b = board || undefined;
        model.personnel.push({
          sheet: reader.sheet,
          row,
          board,
          period: reader.period(row, 'period'),
          employees: reader.number(row, reader.col('employees'), b),
          fte: reader.number(row, reader.col('fte'), b),
          sickLeave: reader.percent(row, 'sickLeave', b),
          longSickLeave: reader.percent(row, 'longSickLeave', b),
          turnover: reader.percent(row, 'turnover', b),
        });
      }
      break;
    case 'privataUtforare':
      for (const row of table.dataRows) {
        const board = reader.text(row, 'board');
        model.privateProviders.push({
          sheet: reader.sheet,
          row,
          board,
          activity: reader.text(row, 'activity'),
          contractor: reader.text(row, 'contractor'),
          contractPeriod: reader.text(row, 'contractPeriod'),
          cost: reader.amount(row, reader.col('cost'), board || undefined),
          followedUp: reader.yesNo(row, 'followedUp'),
          observations: reader.text(row, 'observations'),
          shown: { followedUp: reader.raw(row, 'followedUp'), observations: reader.raw(row, 'observations') },
        });
      }
      break;
    case 'parametrar':
      break;
  }
}
