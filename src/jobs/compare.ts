/**
 * The Jämför versioner job (`budgetkoll diff`): read two versions of a workbook, each through the
 * follow-up job's read (inputs and owned follow-up tabs in one read phase), and compare them
 * (core/compare).
 */
import { compareVersions, type VersionDiff } from '../core/compare';
import type { Mapping } from '../core/inputs/mapping';
import { WorkbookError, type ReadOptions, type WorkbookReader } from '../core/workbook/port';
import { readFollowUp, type FollowUpWorkbook } from './follow-up';

export interface CompareOptions {
  read?: ReadOptions;
  /** A mapping file (Koppla indata) for both versions; each version's saved mapping otherwise. */
  mapping?: Mapping;
}

/**
 * One version through the follow-up job's read. A workbook without a recognisable Driftbudget is
 * a WorkbookError ('not-found'): there would be nothing to compare, not "no differences".
 */
export async function readVersion(reader: WorkbookReader, options: CompareOptions = {}): Promise<FollowUpWorkbook> {
  const version = await readFollowUp(reader, options.read, options.mapping);
  const problem = versionProblem(version);
  if (problem) throw problem;
  return version;
}

/** Why a version that was read cannot be compared (no recognisable Driftbudget), or null. */
export function versionProblem(version: FollowUpWorkbook): WorkbookError | null {
  return version.model.layouts.driftbudget ? null : noDriftbudget();
}

/** The error for a version without a recognisable Driftbudget. */
export function noDriftbudget(): WorkbookError {
  return new WorkbookError(
    'not-found',
    'Fliken Driftbudget hittades inte, så det finns inget att jämföra. Kontrollera att det är en budgetarbetsbok.',
    'No Driftbudget sheet was found, so there is nothing to compare. Check that it is a budget workbook.',
  );
}

/** A version could not be read: which one, and why (the reader's error, usually a WorkbookError). */
export class VersionReadError extends Error {
  constructor(
    public readonly version: 'old' | 'new',
    public readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'VersionReadError';
  }
}

async function readOne(version: 'old' | 'new', reader: WorkbookReader, options: CompareOptions): Promise<FollowUpWorkbook> {
  try {
    return await readVersion(reader, options);
  } catch (error) {
    throw new VersionReadError(version, error);
  }
}

/** Reads both versions (old first) and compares them; a failed read is a VersionReadError naming the version. */
export async function compareWorkbooks(oldReader: WorkbookReader, newReader: WorkbookReader, options: CompareOptions = {}): Promise<VersionDiff> {
  const old = await readOne('old', oldReader, options);
  const neu = await readOne('new', newReader, options);
  return compareVersions(old, neu);
}
