/**
 * What to do first in this period of the årshjul, for Hem: "Augusti: skapa delårsflikar" with the
 * section that does it. Pure: derived from the date the pane gets (services.today) and the
 * kommun's årshjul (core/calendar/annual-cycle.ts), so it is unit-tested on any day.
 *
 * In order of precedence:
 * 1. the month a follow-up period ends (April, August, December): create that report's tabs;
 * 2. the month after it (May, September, January): fill in and check those tabs for submission;
 * 3. the month KF decides the budget: reconcile the budget with KF's frames (Kontrollera budget);
 * 4. during budget preparation: run the allocation model for the coming year (Resursfördelning);
 * 5. otherwise: check next year's operating budget against the frames (Kontrollera budget).
 */
import {
  annualCycleEvents,
  nextDeadline,
  type AnnualCycleConfig,
  type CalendarDate,
  type CycleEvent,
  type FollowUpReport,
} from '../../core/calendar/annual-cycle';
import { formatLongDate, LOCALES, type Language, type MessageKey, type Translate } from '../i18n';

export type HomeStepSection = 'check' | 'allocation' | 'followUp';

export type HomeStep =
  | { kind: 'createTabs'; section: 'followUp'; report: FollowUpReport; event: CycleEvent }
  | { kind: 'submit'; section: 'followUp'; report: FollowUpReport; event: CycleEvent }
  | { kind: 'decision'; section: 'check'; event: CycleEvent }
  | { kind: 'allocation'; section: 'allocation'; event: CycleEvent }
  | { kind: 'budget'; section: 'check'; event: CycleEvent };

function previousMonth(date: CalendarDate): { year: number; month: number } {
  return date.month === 1 ? { year: date.year - 1, month: 12 } : { year: date.year, month: date.month - 1 };
}

export function homeStep(today: CalendarDate, config?: AnnualCycleConfig): HomeStep {
  const events = annualCycleEvents(today.year, config);
  const endingNow = events.find((e) => e.report && e.date.month === today.month);
  if (endingNow?.report) return { kind: 'createTabs', section: 'followUp', report: endingNow.report, event: endingNow };

  const last = previousMonth(today);
  const ended = annualCycleEvents(last.year, config).find((e) => e.report && e.date.month === last.month);
  if (ended?.report) return { kind: 'submit', section: 'followUp', report: ended.report, event: ended };

  const decision = events.find((e) => e.kind === 'budgetDecision');
  if (decision && decision.date.month === today.month) return { kind: 'decision', section: 'check', event: decision };

  const preparation = events.find((e) => e.kind === 'budgetPreparation');
  if (preparation && inside(today, preparation)) return { kind: 'allocation', section: 'allocation', event: preparation };

  return { kind: 'budget', section: 'check', event: nextDeadline(today, config).event };
}

function inside(date: CalendarDate, phase: CycleEvent): boolean {
  const n = (d: CalendarDate) => d.year * 10_000 + d.month * 100 + d.day;
  return n(phase.start) <= n(date) && n(date) <= n(phase.date);
}

export interface HomeStepText {
  /** "Augusti: skapa delårsflikar". */
  title: string;
  /** Why now, in one sentence. */
  detail: string;
  /** The primary button: "Öppna Uppföljning". */
  action: string;
}

/** The step in words, in the UI's language. */
export function homeStepText(t: Translate, language: Language, today: CalendarDate, step: HomeStep, deadlineText: (e: CycleEvent) => string): HomeStepText {
  const monthName = new Intl.DateTimeFormat(LOCALES[language], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(today.year, today.month - 1, 1)));
  const month = monthName.charAt(0).toLocaleUpperCase(LOCALES[language]) + monthName.slice(1);
  // The coming budget year: the one KF decides this year (next year's budget).
  const budgetYear = today.year + 1;
  const date = formatLongDate(language, step.event.date);
  let action: string;
  let detail: string;
  switch (step.kind) {
    case 'createTabs':
    case 'submit':
      action = t(`home.step.${step.kind}.${step.report}` as MessageKey);
      detail = t(`home.step.why.${step.kind}`, { date });
      break;
    case 'decision':
      action = t('home.step.decision', { budgetYear: step.event.budgetYear });
      detail = t('home.step.why.decision', { date });
      break;
    case 'allocation':
      action = t('home.step.allocation', { budgetYear: step.event.budgetYear });
      detail = t('home.step.why.allocation', { date });
      break;
    case 'budget':
      action = t('home.step.budget', { budgetYear });
      detail = t('home.step.why.budget', { deadline: deadlineText(step.event) });
      break;
  }
  return { title: t('home.step', { month, action }), detail, action: t('home.step.open', { section: t(`nav.${step.section}`) }) };
}
