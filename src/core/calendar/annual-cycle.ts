/**
 * The årshjul (annual cycle) of the styrmodell as data: budget preparation in spring led by KS's
 * arbetsutskott, KF's budget decision, and the three follow-up points (fördjupad
 * månadsuppföljning per 30 April, delårsbokslut per 31 August, årsbokslut per 31 December).
 *
 * Pure date logic on calendar dates (year, month, day) — no time zones, no clock: callers pass
 * "today". The task pane draws the wheel from it and the follow-up job preselects the next report.
 */

/** A date without time: month 1–12, day 1–31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A day of the year without the year: month 1–12, day 1–31. */
export interface MonthDay {
  month: number;
  day: number;
}

/** Follow-up reports as the follow-up tabs' markers name them. */
export type FollowUpReport = 'april' | 'august' | 'december';

export type CycleEventKind = 'budgetPreparation' | 'budgetDecision' | 'aprilReport' | 'interimReport' | 'annualReport';

export interface CycleEvent {
  kind: CycleEventKind;
  /** The deadline (for a phase: its last day). */
  date: CalendarDate;
  /** First day of a phase (budget preparation); equal to `date` for a point in time. */
  start: CalendarDate;
  /** The budget year the event concerns: the coming year for planning, this year for follow-up. */
  budgetYear: number;
  /** Set for the three follow-up points. */
  report?: FollowUpReport;
  /** True for points in time that something is due by; false for phases. */
  deadline: boolean;
}

export interface AnnualCycleConfig {
  /** When KF decides next year's budget; `day` defaults to the month's last day ("in June" = by 30 June). */
  budgetDecision: { month: number; day?: number };
  /** First day of budget preparation (KS arbetsutskott); it runs until the day before the decision month. */
  budgetPreparationStart: MonthDay;
}

/** Alingsås-like defaults: preparation from February, KF decides in June. */
export const DEFAULT_ANNUAL_CYCLE: AnnualCycleConfig = {
  budgetDecision: { month: 6 },
  budgetPreparationStart: { month: 2, day: 1 },
};

const FOLLOW_UP_POINTS: readonly { kind: CycleEventKind; report: FollowUpReport; month: number; day: number }[] = [
  { kind: 'aprilReport', report: 'april', month: 4, day: 30 },
  { kind: 'interimReport', report: 'august', month: 8, day: 31 },
  { kind: 'annualReport', report: 'december', month: 12, day: 31 },
];

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** The local calendar date of a Date (what the user's clock says today). */
export function calendarDateOf(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** ISO form "2027-08-31". */
export function isoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function dayNumber(date: CalendarDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return daysBetween(b, a);
}

/** 1 for 1 January. */
export function dayOfYear(date: CalendarDate): number {
  return daysBetween({ year: date.year, month: 1, day: 1 }, date) + 1;
}

/**
 * Where a date lies on the wheel: 0 at the start of 1 January, 1 at the end of 31 December.
 * The middle of the day, so 1 January is just after the top and 31 December just before it.
 */
export function yearFraction(date: CalendarDate): number {
  return (dayOfYear(date) - 0.5) / daysInYear(date.year);
}

function checkMonthDay(month: number, day: number | undefined, what: string): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`${what}: month must be 1–12, got ${month}`);
  if (day !== undefined && (!Number.isInteger(day) || day < 1 || day > 31)) {
    throw new RangeError(`${what}: day must be 1–31, got ${day}`);
  }
}

function clampDay(year: number, month: number, day: number): CalendarDate {
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}

function previousDay(date: CalendarDate): CalendarDate {
  if (date.day > 1) return { ...date, day: date.day - 1 };
  if (date.month > 1) return { year: date.year, month: date.month - 1, day: daysInMonth(date.year, date.month - 1) };
  return { year: date.year - 1, month: 12, day: 31 };
}

/** The events of one calendar year, in date order (a phase sorts by its start). */
export function annualCycleEvents(year: number, config: AnnualCycleConfig = DEFAULT_ANNUAL_CYCLE): CycleEvent[] {
  const { budgetDecision, budgetPreparationStart } = config;
  checkMonthDay(budgetDecision.month, budgetDecision.day, 'budgetDecision');
  checkMonthDay(budgetPreparationStart.month, budgetPreparationStart.day, 'budgetPreparationStart');

  const decision = clampDay(year, budgetDecision.month, budgetDecision.day ?? 31);
  const decisionMonthStart: CalendarDate = { year, month: budgetDecision.month, day: 1 };
  const prepStart = clampDay(year, budgetPreparationStart.month, budgetPreparationStart.day);
  // Preparation ends the day before the decision month; a start at or after that collapses to one day.
  const prepEndCandidate = previousDay(decisionMonthStart);
  const prepEnd = compareDates(prepEndCandidate, prepStart) >= 0 && prepEndCandidate.year === year ? prepEndCandidate : prepStart;

  const events: CycleEvent[] = [
    { kind: 'budgetPreparation', start: prepStart, date: prepEnd, budgetYear: year + 1, deadline: false },
    { kind: 'budgetDecision', start: decision, date: decision, budgetYear: year + 1, deadline: true },
    ...FOLLOW_UP_POINTS.map((p): CycleEvent => {
      const date = { year, month: p.month, day: p.day };
      return { kind: p.kind, start: date, date, budgetYear: year, report: p.report, deadline: true };
    }),
  ];
  return events.sort((a, b) => compareDates(a.start, b.start));
}

export interface UpcomingEvent {
  event: CycleEvent;
  /** 0 = today. */
  daysLeft: number;
}

/** The first deadline on or after `today` (this year's or, after 31 December, next year's). */
export function nextDeadline(today: CalendarDate, config: AnnualCycleConfig = DEFAULT_ANNUAL_CYCLE): UpcomingEvent {
  return nextMatching(today, config, (e) => e.deadline);
}

/**
 * The follow-up report to preselect on `today`: the next period end that has not passed.
 * On 1 May that is August's delårsbokslut; on 31 December it is the årsbokslut of that year.
 */
export function nextFollowUpReport(today: CalendarDate, config: AnnualCycleConfig = DEFAULT_ANNUAL_CYCLE): UpcomingEvent {
  return nextMatching(today, config, (e) => e.report !== undefined);
}

/** Phases (budget preparation) under way on `today`. */
export function currentPhases(today: CalendarDate, config: AnnualCycleConfig = DEFAULT_ANNUAL_CYCLE): CycleEvent[] {
  return annualCycleEvents(today.year, config).filter(
    (e) => !e.deadline && compareDates(e.start, today) <= 0 && compareDates(today, e.date) <= 0,
  );
}

function nextMatching(today: CalendarDate, config: AnnualCycleConfig, accept: (e: CycleEvent) => boolean): UpcomingEvent {
  for (const year of [today.year, today.year + 1]) {
    const found = annualCycleEvents(year, config)
      .filter(accept)
      .sort((a, b) => compareDates(a.date, b.date))
      .find((e) => compareDates(e.date, today) >= 0);
    if (found) return { event: found, daysLeft: daysBetween(today, found.date) };
  }
  // Every year has 31 December as a deadline, so the loop always returns.
  throw new Error('annual cycle without deadlines');
}
