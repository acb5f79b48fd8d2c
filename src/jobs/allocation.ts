/**
 * The Resursfördelning job: read the allocation inputs, run the model, the findings that concern
 * the allocation inputs, what the model uses (the summary shown before it runs), the result tab's
 * spec, and writing it — replacing only the owned `Resursfördelning <Y1>` tab of the same budget
 * year. The CLI's `allocate` and the task pane (its core worker) call these functions.
 */
import { runAllocation, type AllocationResult, type ExcludedRow } from '../core/allocation/model';
import { allocationTabName, buildAllocationTab } from '../core/allocation/result-tab';
import { sortFindings, type Finding } from '../core/findings';
import type { LocatedInputs } from '../core/recognition/locate';
import type { AllocationMode, BudgetModel, Correction, Triple } from '../core/recognition/model';
import { validateModel, type RuleConfig } from '../core/rules';
import { foldText, normalizeKey } from '../core/text/normalize';
import { decodeMarker } from '../core/workbook/marker';
import type { WorkbookReader, WorkbookWriter, WriteOptions } from '../core/workbook/port';
import type { RawWorkbook, WorkbookIndex } from '../core/workbook/raw';
import type { SheetSpec } from '../core/workbook/sheet-spec';
import { inputsPlan, recognizeInputs, type JobOptions } from './read-inputs';

export { inputsPlan };

export interface ParameterValue<T> {
  value: T;
  /** Not given in Parametrar: the model uses its default. */
  defaulted: boolean;
}

export interface IndexationYear {
  year: number;
  /** u(year) as a fraction (0.028 = 2,8 %). */
  fraction: number;
  /** Not given in Parametrar: counted as 0. */
  missing: boolean;
}

export interface BoardActivities {
  board: string;
  activities: { activity: string; measure: string }[];
}

export interface AllocationPreview {
  years: Triple;
  baseYear: number;
  hasParameters: boolean;
  priceLevel: ParameterValue<number>;
  /** u(k) for every year the indices use: from the price level (or Y1) to Y3. */
  indexation: IndexationYear[];
  mode: ParameterValue<AllocationMode>;
  correction: ParameterValue<Correction>;
  /** Activities that take part, grouped per nämnd (in the order they appear in Volymer). */
  boards: BoardActivities[];
  activityCount: number;
  /** Rows left out, with the core's reason (VOL-MISSING, VOL-NEGATIVE, OVR-POLITICAL, …). */
  excluded: ExcludedRow[];
  /** Övriga förändringar rows used in step 5. */
  otherChangeCount: number;
  hasBaseFrames: boolean;
  /** Mode Delta with Utgångsramar present: nämnder that get no proposed frame because they lack a row there. */
  boardsWithoutBaseFrame: string[];
  hasFrames: boolean;
}

function hasParameter(model: BudgetModel, name: string): boolean {
  const wanted = foldText(name);
  return Object.keys(model.parameters.cells).some((key) => foldText(key) === wanted);
}

/** The pre-run summary of what the model uses. */
export function describeInputs(model: BudgetModel, result: AllocationResult): AllocationPreview {
  const [y1, , y3] = result.years;
  const indexation: IndexationYear[] = [];
  for (let year = Math.min(result.priceLevel + 1, y1); year <= y3; year++) {
    const fraction = result.indexation[year];
    indexation.push({ year, fraction: fraction ?? 0, missing: fraction === undefined });
  }

  // Group by the core's grouping key, shown in the spelling the result uses.
  const canonical = new Map(result.boards.map((b) => [normalizeKey(b.board), b.board]));
  const groups = new Map<string, BoardActivities>();
  for (const a of result.activities) {
    const key = normalizeKey(a.board);
    let group = groups.get(key);
    if (!group) {
      group = { board: canonical.get(key) ?? a.board, activities: [] };
      groups.set(key, group);
    }
    group.activities.push({ activity: a.activity, measure: a.measure });
  }

  const delta = result.mode === 'Delta';
  return {
    years: result.years,
    baseYear: result.baseYear,
    hasParameters: model.layouts.parametrar !== undefined,
    priceLevel: { value: result.priceLevel, defaulted: model.parameters.priceLevel === null },
    indexation,
    mode: { value: result.mode, defaulted: !hasParameter(model, 'Modell') },
    correction: { value: result.correctionRule, defaulted: !hasParameter(model, 'Korrigering') },
    boards: [...groups.values()],
    activityCount: result.activities.length,
    excluded: result.excluded,
    otherChangeCount: result.otherChanges.length,
    hasBaseFrames: result.hasBaseFrames,
    boardsWithoutBaseFrame: delta && result.hasBaseFrames ? result.boards.filter((b) => b.baseFrame === null).map((b) => b.board) : [],
    hasFrames: model.frames.length > 0,
  };
}

/** Prefixes of the rules about the allocation inputs; the rest of validation belongs to Kontrollera budget / `validate`. */
export const ALLOCATION_RULE_PREFIXES = ['VOL-', 'OVR-', 'STRUCT-', 'CELL-', 'ALLOC-'] as const;

/** Whether a rule concerns the allocation inputs. */
export function isAllocationRule(rule: string): boolean {
  return ALLOCATION_RULE_PREFIXES.some((prefix) => rule.startsWith(prefix));
}

/** The allocation-relevant validation findings plus the model's own (ALLOC-RECONCILE), in the usual order. */
export function allocationFindings(model: BudgetModel, result: AllocationResult | null, overrides: Partial<RuleConfig> = {}): Finding[] {
  const validation = validateModel(model, overrides).filter((f) => isAllocationRule(f.rule));
  return sortFindings([...validation, ...(result?.findings ?? [])]);
}

/** The owned `Resursfördelning <Y1>` tab of that budget year already in the workbook, if any. */
export function ownedResultTab(index: WorkbookIndex, year: number): string | null {
  const sheet = index.sheets.find((s) => {
    const marker = decodeMarker(s.firstCellText);
    return marker?.type === 'resursfordelning' && marker.year === year;
  });
  return sheet?.name ?? null;
}

/** What one allocation read gives. */
export interface AllocationOutcome {
  model: BudgetModel;
  /** Null when the budget years could not be established (the model cannot run). */
  result: AllocationResult | null;
  /** What the model uses, for the summary before it runs; null without a result. */
  preview: AllocationPreview | null;
  findings: Finding[];
  /** The result tab's wanted name ("Resursfördelning 2027"), when the model can run. */
  tabName: string | null;
  /** The owned result tab of this budget year already in the workbook (from the read's index), if any. */
  existingTab: string | null;
  /** The result tab, when asked for with `tabAt` and the model ran. */
  spec?: SheetSpec;
}

export interface AllocationOptions {
  overrides?: Partial<RuleConfig>;
  /** Build the result tab too, dated then. */
  tabAt?: Date;
}

/** The allocation on what `inputsPlan('allocation')` read: model, run, findings, summary, existing tab (pure). */
export function allocate(raw: RawWorkbook, located: LocatedInputs, options: AllocationOptions = {}): AllocationOutcome {
  const overrides = options.overrides ?? {};
  const model = recognizeInputs(raw, located, 'allocation', overrides);
  const result = runAllocation(model, overrides);
  return {
    ...(options.tabAt && result ? { spec: buildAllocationTab(result, model, options.tabAt) } : {}),
    model,
    result,
    preview: result ? describeInputs(model, result) : null,
    findings: allocationFindings(model, result, overrides),
    tabName: result ? allocationTabName(result.years[0]) : null,
    existingTab: result ? ownedResultTab(raw.index, result.years[0]) : null,
  };
}

/** Reads the allocation inputs through the reader (one read phase) and runs the allocation. */
export async function readAllocation(reader: WorkbookReader, options: JobOptions & { tabAt?: Date } = {}): Promise<AllocationOutcome> {
  const { located, ...raw } = await reader.read(inputsPlan('allocation', options.mapping), options.read);
  return allocate(raw, located, { ...(options.overrides ? { overrides: options.overrides } : {}), ...(options.tabAt ? { tabAt: options.tabAt } : {}) });
}

/** The transparent result tab for an outcome (the result must exist). */
export function allocationTabSpec(outcome: Pick<AllocationOutcome, 'model' | 'result'>, generatedAt: Date): SheetSpec {
  if (!outcome.result) throw new Error('allocationTabSpec: the model has no result');
  return buildAllocationTab(outcome.result, outcome.model, generatedAt);
}

/**
 * Writes the result tab (the outcome's `spec`, else built dated `generatedAt`), replacing the owned
 * tab of the same budget year when the read found one; returns the tab's name and whether it replaced.
 */
export async function writeAllocationTab(
  writer: WorkbookWriter,
  outcome: AllocationOutcome,
  generatedAt: Date,
  options: Pick<WriteOptions, 'signal'> = {},
): Promise<{ name: string; replaced: boolean }> {
  const spec = outcome.spec ?? allocationTabSpec(outcome, generatedAt);
  const replace = outcome.existingTab;
  const { name } = await writer.writeSheet(spec, replace ? { ...options, replace } : options);
  return { name, replaced: replace !== null };
}
