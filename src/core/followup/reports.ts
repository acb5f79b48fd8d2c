/**
 * The three follow-up reports of the årshjul (docs/uppfoljning.md) as data: names, period, months and the
 * sections each report's standard tab holds, for a nämnd and for the kommun as a whole.
 */
import type { FollowUpReport } from '../calendar/annual-cycle';
import { sanitizeSheetName } from '../workbook/sheet-names';

export type { FollowUpReport } from '../calendar/annual-cycle';

/** The board value of a kommun-level tab (compiled for the whole kommun, not one nämnd). */
export const KOMMUN_BOARD = 'Kommunen';

/** Sections of a follow-up tab, in the order docs/uppfoljning.md gives them. */
export type SectionId =
  | 'sammanfattning'
  | 'mal'
  | 'ekonomi'
  | 'atgarder'
  | 'inriktningar'
  | 'uppdrag'
  | 'internkontroll'
  | 'personal'
  | 'privata'
  | 'genomlysning'
  | 'centrala'
  | 'balanskrav';

export interface ReportInfo {
  id: FollowUpReport;
  /** Full Swedish name ("Delårsbokslut"). */
  name: string;
  /** The name the årshjul uses in running text ("Delår augusti"). */
  label: string;
  /** Short form for tab names ("Delår aug"). */
  short: string;
  /** Months of the budget year the report covers. */
  months: number;
  /** Period end, month and day (30 April, 31 August, 31 December). */
  end: { month: number; day: number };
  /** Sections of a nämnd's tab, in order. */
  sections: readonly SectionId[];
  /** Sections of the kommun-level tab, in order. */
  kommunSections: readonly SectionId[];
}

export const FOLLOW_UP_REPORTS: Readonly<Record<FollowUpReport, ReportInfo>> = {
  april: {
    id: 'april',
    name: 'Fördjupad månadsuppföljning',
    label: 'MU april',
    short: 'MU april',
    months: 4,
    end: { month: 4, day: 30 },
    sections: ['sammanfattning', 'ekonomi', 'atgarder'],
    kommunSections: ['sammanfattning', 'ekonomi', 'atgarder', 'centrala'],
  },
  august: {
    id: 'august',
    name: 'Delårsbokslut',
    label: 'Delår augusti',
    short: 'Delår aug',
    months: 8,
    end: { month: 8, day: 31 },
    sections: ['sammanfattning', 'ekonomi', 'atgarder', 'inriktningar', 'uppdrag', 'personal'],
    kommunSections: ['sammanfattning', 'ekonomi', 'atgarder', 'balanskrav'],
  },
  december: {
    id: 'december',
    name: 'Årsbokslut',
    label: 'Årsbokslut',
    short: 'Årsbokslut',
    months: 12,
    end: { month: 12, day: 31 },
    sections: ['sammanfattning', 'mal', 'ekonomi', 'atgarder', 'inriktningar', 'uppdrag', 'internkontroll', 'personal', 'privata', 'genomlysning'],
    kommunSections: ['sammanfattning', 'mal', 'ekonomi', 'atgarder', 'balanskrav'],
  },
};

export const REPORT_IDS: readonly FollowUpReport[] = ['april', 'august', 'december'];

export function isFollowUpReport(value: unknown): value is FollowUpReport {
  return typeof value === 'string' && (REPORT_IDS as readonly string[]).includes(value);
}

export function reportInfo(report: FollowUpReport): ReportInfo {
  return FOLLOW_UP_REPORTS[report];
}

export function isKommunBoard(board: string): boolean {
  return board.trim().toLocaleLowerCase('sv-SE') === KOMMUN_BOARD.toLocaleLowerCase('sv-SE');
}

/** Sections of a tab for this report and board, in order. */
export function sectionsFor(report: FollowUpReport, board: string): readonly SectionId[] {
  const info = FOLLOW_UP_REPORTS[report];
  return isKommunBoard(board) ? info.kommunSections : info.sections;
}

/** Section headings in the tab (Swedish). Some differ by report. */
export function sectionTitle(section: SectionId, report: FollowUpReport): string {
  switch (section) {
    case 'sammanfattning':
      return 'Sammanfattning';
    case 'mal':
      return 'Måluppföljning: Sveriges mest effektiva kommun';
    case 'ekonomi':
      return report === 'december' ? 'Ekonomisk redovisning (tkr)' : 'Ekonomisk uppföljning (tkr)';
    case 'atgarder':
      return 'Åtgärder vid underskott';
    case 'inriktningar':
      return 'Politiska inriktningar';
    case 'uppdrag':
      return 'Särskilda uppdrag';
    case 'internkontroll':
      return 'Internkontroll';
    case 'personal':
      return report === 'december' ? 'Personalredovisning' : 'Personal';
    case 'privata':
      return 'Privata utförare';
    case 'genomlysning':
      return 'Genomlysning (deluppföljning)';
    case 'centrala':
      return 'Centrala poster (tkr)';
    case 'balanskrav':
      return report === 'december' ? 'Balanskravsutredning (tkr)' : 'Balanskrav, prognos (tkr)';
  }
}

/** Last day of the report's period: "2027-08-31". */
export function periodEndDate(report: FollowUpReport, year: number): string {
  const { month, day } = FOLLOW_UP_REPORTS[report].end;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Last month of the report's period as Utfall writes periods: "2027-08". */
export function periodMonth(report: FollowUpReport, year: number): string {
  return `${year}-${String(FOLLOW_UP_REPORTS[report].end.month).padStart(2, '0')}`;
}

/** The wanted name of the kommun's compilation tab ("Sammanställning Delår aug 2027"). */
export function consolidationTabName(report: FollowUpReport, year: number): string {
  return sanitizeSheetName(`Sammanställning ${FOLLOW_UP_REPORTS[report].short} ${year}`);
}

/** True for a "YYYY-MM" period inside the report's months of the year. */
export function periodMatcher(year: number, report: FollowUpReport): (period: string) => boolean {
  const first = `${year}-01`;
  const last = periodMonth(report, year);
  return (period) => period !== '' && period >= first && period <= last;
}
