/** The result of comparing two versions of a budget workbook. Amounts are integer kronor. */
import type { FilledTab } from '../followup/filled';
import type { RowSection } from '../followup/row-keys';
import type { BudgetModel } from '../recognition/model';

/** One version as the follow-up job reads it: the budget model and the owned follow-up tabs. */
export interface VersionData {
  model: BudgetModel;
  tabs: readonly FilledTab[];
}

/** One year of a nämnd's figure in both versions (0 where the version has none). */
export interface YearAmounts {
  year: number;
  old: number;
  new: number;
  /** new − old. */
  change: number;
}

/** A nämnd whose net Driftbudget or Ramar changed, every year of either version. */
export interface BoardChange {
  /** The name in the new version (the old one's when the nämnd is gone). */
  board: string;
  /** Net Driftbudget per year (the sum the frame rules use, netBudgetByBoard). */
  net: YearAmounts[];
  /** Ramar per year, or null when the frames did not change. */
  frames: YearAmounts[] | null;
}

/** One Driftbudget amount of a row: old and new value (null where that version has no such row or year). */
export interface RowAmount {
  year: number;
  old: number | null;
  new: number | null;
  /** A1 of the amount cell: in the new version, or in the old one for a removed row. */
  cell: string | null;
}

/** A Driftbudget row added, removed or with a changed amount (rows matched by nämnd, verksamhet, konto, benämning). */
export interface RowChange {
  kind: 'added' | 'removed' | 'changed';
  board: string;
  activity: string;
  account: string;
  description: string;
  /** The sheet of `cell` (the new version's; the old one's for a removed row). */
  sheet: string;
  /** The row's nämnd cell (added, removed) or its first changed amount cell (changed). */
  cell: string;
  /** Added and removed rows: every year; changed rows: the years whose amount changed. */
  amounts: RowAmount[];
}

/** A nämnd that disappeared while another appeared with (nearly) the same rows. */
export interface BoardRename {
  old: string;
  new: string;
  /** Share of rows (verksamhet, konto, amounts) that are identical, 0..1. */
  identical: number;
  /** The new name's first Driftbudget row's nämnd cell. */
  sheet: string;
  cell: string;
}

export type InputValue = string | number | boolean;

/** A typed input of a follow-up tab that changed, by row key and field. */
export interface FollowUpInputChange {
  section: RowSection;
  board: string;
  item: string;
  field: string;
  /** The row's text on the tab. */
  label: string;
  /** Kept under "Borttagna rader" rather than on a live row. */
  removedRow: boolean;
  old: InputValue | null;
  new: InputValue | null;
  /** A1 of the input cell in the new version, or null when the new tab has no such cell. */
  cell: string | null;
}

/** An owned follow-up tab (matched by its marker: kind, report, nämnd, year) added, removed or with changed inputs. */
export interface FollowUpTabChange {
  kind: 'added' | 'removed' | 'changed';
  /** The sheet in the new version (the old one's when removed). */
  sheet: string;
  tab: FilledTab['kind'];
  report: FilledTab['report'];
  board: string;
  year: number | null;
  /** The changed inputs (empty for an added or removed tab). */
  inputs: FollowUpInputChange[];
}

export interface VersionDiff {
  /** The years of either version, ascending. */
  years: number[];
  boards: BoardChange[];
  rows: RowChange[];
  renamed: BoardRename[];
  followUp: FollowUpTabChange[];
}
