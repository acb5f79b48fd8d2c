/**
 * Reading for the follow-up job in one read phase: the inputs (JOB_INPUTS.followUp) and every owned
 * follow-up tab (A1 decodes as a marker of type 'uppfoljning' or 'sammanstallning'), with formulas,
 * so refresh and check have both the current data and what people typed.
 */
import type { ReadOptions, WorkbookReader } from '../workbook/port';
import { parseRangeA1, rangeToA1 } from '../a1';
import { JOB_INPUTS, locateJobInputs } from '../recognition';
import type { Mapping } from '../inputs/mapping';
import type { LocatedInputs } from '../recognition/locate';
import type { BudgetModel } from '../recognition/model';
import { recognizeWorkbook } from '../recognition/recognize';
import { decodeMarker } from '../workbook/marker';
import type { RawWorkbook, ReadPlan, ReadRange, SheetInfo, WorkbookIndex } from '../workbook/raw';
import type { FilledTab } from './filled';
import { readFollowUpTab } from './read-tab';

/** Sheets of the index that are owned follow-up tabs or compilations. */
export function followUpSheets(index: WorkbookIndex): SheetInfo[] {
  return index.sheets.filter((s) => isFollowUpTab(s) && s.usedAddress !== null);
}

/** Whether a tab's A1 holds the marker of an owned follow-up tab or compilation. */
export function isFollowUpTab(sheet: { firstCellText: string | null }): boolean {
  const marker = decodeMarker(sheet.firstCellText);
  return marker !== null && (marker.type === 'uppfoljning' || marker.type === 'sammanstallning');
}

/** The read range of one owned tab: from A1 to the end of its used area, values and formulas. */
export function followUpTabRange(sheet: SheetInfo, id = `followup#${sheet.name}`): ReadRange | null {
  const used = sheet.usedAddress ? parseRangeA1(sheet.usedAddress) : null;
  if (!used) return null;
  return { id, sheet: sheet.name, address: rangeToA1({ top: 0, left: 0, bottom: used.bottom, right: used.right }), formulas: true, numberFormats: false };
}

/** An owned tab to read: its sheet and the id of its ReadRange. */
export interface OwnedTabRead {
  sheet: string;
  readId: string;
}

/**
 * The ranges of every owned follow-up tab and compilation of the index (values and formulas), and
 * which range is which tab. The one plan of "read the owned tabs back", for every job that does.
 */
export function planOwnedTabs(index: WorkbookIndex): { ranges: ReadRange[]; tabs: OwnedTabRead[] } {
  const ranges: ReadRange[] = [];
  const tabs: OwnedTabRead[] = [];
  for (const sheet of followUpSheets(index)) {
    const range = followUpTabRange(sheet);
    if (!range) continue;
    ranges.push(range);
    tabs.push({ sheet: sheet.name, readId: range.id });
  }
  return { ranges, tabs };
}

/** The owned tabs a plan from planOwnedTabs read, decoded, in tab order (a grid that is not one is skipped). */
export function readOwnedTabs(raw: RawWorkbook, tabs: readonly OwnedTabRead[]): FilledTab[] {
  const out: FilledTab[] = [];
  for (const { readId } of tabs) {
    const grid = raw.grids.get(readId);
    const tab = grid ? readFollowUpTab(grid) : null;
    if (tab) out.push(tab);
  }
  return out;
}

export interface FollowUpReadPlan {
  plan: ReadPlan;
  /** Where the inputs are (for recognition). */
  located: LocatedInputs;
  /** ReadRange ids of the owned tabs, by sheet name. */
  tabs: OwnedTabRead[];
  /** Every sheet of the workbook, in tab order: new follow-up tabs are named clear of them (tab-names.ts). */
  sheetNames: string[];
}

/** What to read for the follow-up job: inputs and owned follow-up tabs (pure; from the index). */
export function planFollowUpRead(index: WorkbookIndex, mapping?: Mapping): FollowUpReadPlan {
  const located = locateJobInputs(index, 'followUp', mapping);
  const owned = planOwnedTabs(index);
  return { plan: { ranges: [...located.plan.ranges, ...owned.ranges] }, located, tabs: owned.tabs, sheetNames: index.sheets.map((s) => s.name) };
}

export interface FollowUpWorkbook {
  model: BudgetModel;
  /** Owned follow-up tabs and compilations, in tab order. */
  tabs: FilledTab[];
  /** Every sheet of the workbook, in tab order. */
  sheetNames: string[];
}

/** Recognises what one read phase returned for a plan from planFollowUpRead. */
export function recognizeFollowUp(raw: RawWorkbook, planned: FollowUpReadPlan): FollowUpWorkbook {
  return { model: recognizeWorkbook(raw, planned.located, JOB_INPUTS.followUp), tabs: readOwnedTabs(raw, planned.tabs), sheetNames: [...planned.sheetNames] };
}

/** Reads inputs and owned follow-up tabs through the port in one read phase. */
export async function readFollowUp(reader: WorkbookReader, options?: ReadOptions, mapping?: Mapping): Promise<FollowUpWorkbook> {
  const raw = await reader.read((index) => {
    const planned = planFollowUpRead(index, mapping);
    return { ...planned.plan, located: planned };
  }, options);
  return recognizeFollowUp(raw, raw.located);
}
