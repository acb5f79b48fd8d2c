/**
 * Hem: what to do first in this period of the årshjul ("Augusti: skapa delårsflikar") with a
 * primary button to the section that does it, then where in the year we are and what is due next,
 * as the årshjul and in words.
 */
import { Body1, Button, Caption1, makeStyles, mergeClasses, Text, tokens, useId } from '@fluentui/react-components';
import {
  annualCycleEvents,
  calendarDateOf,
  compareDates,
  currentPhases,
  nextDeadline,
  type AnnualCycleConfig,
  type CycleEvent,
} from '../../core/calendar/annual-cycle';
import { formatLongDate, LOCALES, useI18n, type Language, type Translate } from '../i18n';
import { AnnualWheel } from './AnnualWheel';
import { homeStep, homeStepText, type HomeStep } from './home-step';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  step: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  stepTitle: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  stepDetail: { margin: 0, color: tokens.colorNeutralForeground2 },
  stepButton: { maxWidth: '100%', height: 'auto' },
  next: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteDarkOrangeBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
  },
  ongoing: { margin: 0, color: tokens.colorNeutralForeground2 },
  listHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'grid', gridTemplateColumns: '7.5em 1fr', columnGap: tokens.spacingHorizontalS },
  date: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  past: { color: tokens.colorNeutralForeground3 },
});

/** The event's name ("Delårsbokslut", "KF beslutar budget 2028"). */
export function eventName(t: Translate, event: CycleEvent): string {
  return t(`cycle.${event.kind}`, { budgetYear: event.budgetYear });
}

/** The event as a deadline: "Delårsbokslut per 31 augusti 2027". */
export function deadlineText(t: Translate, language: Language, event: CycleEvent): string {
  const date = formatLongDate(language, event.date);
  if (!event.deadline) {
    return t('cycle.span', { name: eventName(t, event), start: formatLongDate(language, event.start, false), end: date });
  }
  return t(event.report ? 'cycle.reportDeadline' : 'cycle.pointDeadline', { name: eventName(t, event), date });
}

export function whenText(t: Translate, daysLeft: number): string {
  if (daysLeft === 0) return t('home.when.today');
  if (daysLeft === 1) return t('home.when.tomorrow');
  return t('home.when.days', { days: daysLeft });
}

export interface HomeSectionProps {
  today: Date;
  annualCycle?: AnnualCycleConfig;
  /** Opens the section of the step (the task pane switches to it). */
  onStep?(step: HomeStep): void;
}

export function HomeSection({ today, annualCycle, onStep }: HomeSectionProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const date = calendarDateOf(today);
  const events = annualCycleEvents(date.year, annualCycle);
  const next = nextDeadline(date, annualCycle);
  const phases = currentPhases(date, annualCycle);
  const nextLine = t('home.next', { deadline: deadlineText(t, language, next.event), when: whenText(t, next.daysLeft) });
  const todayText = formatLongDate(language, date);
  const eventsText = events.map((e) => deadlineText(t, language, e)).join('. ');
  const stepTitleId = useId('home-step');
  const step = homeStep(date, annualCycle);
  const stepText = homeStepText(t, language, date, step, (e) => deadlineText(t, language, e));

  return (
    <div className={styles.section}>
      <section className={styles.step} aria-labelledby={stepTitleId} data-testid="home-step" data-step={step.kind}>
        <Text as="h3" id={stepTitleId} className={styles.stepTitle}>
          {stepText.title}
        </Text>
        <Body1 as="p" className={styles.stepDetail}>
          {stepText.detail}
        </Body1>
        <Button appearance="primary" className={styles.stepButton} onClick={() => onStep?.(step)} data-testid="home-step-button">
          {stepText.action}
        </Button>
      </section>
      <AnnualWheel
        today={date}
        events={events}
        next={next.event}
        title={t('home.wheelTitle', { year: date.year })}
        description={`${t('home.wheelDescription', { today: todayText, events: eventsText + '.' })} ${nextLine}.`}
        todayLabel={formatLongDate(language, date, false)}
      />
      <Body1 as="p" className={styles.next} data-testid="next-deadline">
        {nextLine}
      </Body1>
      {phases.map((phase) => (
        <Body1 as="p" key={phase.kind} className={styles.ongoing}>
          {t('home.ongoing', { phase: deadlineText(t, language, phase) })}
        </Body1>
      ))}
      <Text as="h3" className={styles.listHeading}>
        {t('home.yearHeading', { year: date.year })}
      </Text>
      <ul className={styles.list}>
        {events.map((event) => {
          const past = compareDates(event.date, date) < 0;
          return (
            <li key={event.kind} className={mergeClasses(styles.item, past && styles.past)}>
              <Caption1 className={styles.date}>{formatShortDate(language, event)}</Caption1>
              <Body1>{eventName(t, event)}</Body1>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** "30 apr." or "1 feb. – 31 maj" for the list beside the wheel. */
function formatShortDate(language: Language, event: CycleEvent): string {
  const format = (d: CycleEvent['date']) =>
    new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(d.year, d.month - 1, d.day)),
    );
  return event.deadline ? format(event.date) : `${format(event.start)} – ${format(event.date)}`;
}
