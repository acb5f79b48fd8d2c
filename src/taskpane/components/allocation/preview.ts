/**
 * What the model will use, for the summary shown before it runs, and the findings that concern
 * the allocation inputs. Pure functions over the recognised workbook and the core's own run, so
 * the activities taken and the rows left out are exactly those runAllocation uses.
 */
import type { AllocationResult, ExcludedRow } from '../../../core/allocation/model';
import { sortFindings, type Finding } from '../../../core/findings';
import type { AllocationMode, BudgetModel, Correction, Triple } from '../../../core/recognition/model';
import { validateModel } from '../../../core/rules';
import { foldText, normalizeKey } from '../../../core/text/normalize';
import { decodeMarker } from '../../../core/workbook/marker';
import type { WorkbookIndex } from '../../../core/workbook/raw';

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

/** Rules about the allocation inputs; the rest of validation belongs to Kontrollera budget. */
const ALLOCATION_RULES = /^(VOL-|OVR-|ALLOC-|STRUCT-|CELL-)/;

/** The allocation-relevant validation findings plus the model's own (ALLOC-RECONCILE), in the usual order. */
export function allocationFindings(model: BudgetModel, result: AllocationResult | null): Finding[] {
  const validation = validateModel(model).filter((f) => ALLOCATION_RULES.test(f.rule));
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
