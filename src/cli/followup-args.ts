/**
 * What `followup` and `consolidate` share: the --report flag and the file-exists probe for default
 * output names.
 */
import { isFollowUpReport, reportInfo, type FollowUpReport } from '../core/followup';
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
