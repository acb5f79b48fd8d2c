/**
 * What `followup` and `consolidate` share: the --report flag, reading only the owned follow-up tabs
 * of a workbook (for the KS compilation) and the file-exists probe for default output names.
 */
import { basename } from 'node:path';
import { followUpSheets, followUpTabRange, isFollowUpReport, isFollowUpTab, readFollowUpTab, reportInfo, type FilledTab, type FollowUpReport } from '../core/followup';
import type { ReadRange } from '../core/workbook/raw';
import type { WorkbookReader } from '../core/workbook/port';
import { CliError, type CliIo } from './io';

/** Accepted spellings of the reports besides april, august and december. */
const REPORT_ALIASES: Record<string, FollowUpReport> = {
  mu: 'april',
  'mu-april': 'april',
  augusti: 'august',
  delar: 'august',
  'delår': 'august',
  'delårsbokslut': 'august',
  arsbokslut: 'december',
  'årsbokslut': 'december',
};

/** --report: april, august or december (also "augusti", "delår", "årsbokslut"). */
export function reportFlag(command: string, raw: string | boolean | undefined): FollowUpReport {
  if (raw === undefined || typeof raw === 'boolean') {
    throw new CliError(`${command}: ange rapporten med --report april, august eller december.`);
  }
  const text = raw.trim().toLocaleLowerCase('sv-SE');
  if (isFollowUpReport(text)) return text;
  const alias = REPORT_ALIASES[text];
  if (alias) return alias;
  throw new CliError(`${command}: --report ska vara april, august eller december, inte "${raw}".`);
}

/** "Delårsbokslut (Delår augusti)" for messages. */
export function reportName(report: FollowUpReport): string {
  const info = reportInfo(report);
  return info.label === info.name ? info.name : `${info.name} (${info.label})`;
}

export async function fileExists(io: CliIo, path: string): Promise<boolean> {
  if (io.exists) return io.exists(path);
  try {
    await io.readFile(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The owned follow-up tabs (and compilations) of a workbook, nothing else: one read of just those
 * tabs, each marked with the file it came from (values are then copied, not linked).
 */
export async function readFollowUpTabsOnly(reader: WorkbookReader, file: string): Promise<FilledTab[]> {
  // Only the owned follow-up tabs are indexed: a nämnd's whole workbook is not scanned for them.
  const raw = await reader.read((index) => {
    const ranges: ReadRange[] = [];
    for (const sheet of followUpSheets(index)) {
      const range = followUpTabRange(sheet);
      if (range) ranges.push(range);
    }
    return { ranges, located: ranges.map((r) => r.id) };
  }, { sheets: isFollowUpTab });
  const tabs: FilledTab[] = [];
  for (const id of raw.located) {
    const grid = raw.grids.get(id);
    const tab = grid ? readFollowUpTab(grid) : null;
    if (tab) tabs.push({ ...tab, workbook: basename(file) });
  }
  return tabs;
}
