/**
 * The årshjul as a picture: the twelve months around a circle, the budget preparation as an arc
 * inside the ring, the deadlines as dots on the same circle and today as a clock hand. Colours are Fluent tokens (CSS variables), so
 * light, dark and high-contrast themes all work; the SVG has a title and a description that say
 * in words what it shows.
 */
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import {
  compareDates,
  dayOfYear,
  daysInYear,
  yearFraction,
  type CalendarDate,
  type CycleEvent,
} from '../../core/calendar/annual-cycle';
import { shortMonthNames, useI18n } from '../i18n';
import { FORCED_COLORS } from './forced-colors';

const SIZE = 320;
const C = SIZE / 2;
const RING_OUTER = 152;
const RING_INNER = 116;
const MONTH_LABEL_R = 134;
const MARKER_R = 106;
const ARC_R = 106;
const LABEL_R = 80;
const PHASE_LABEL_R = 93;
const HUB_R = 48;

const useStyles = makeStyles({
  svg: { display: 'block', width: '100%', maxWidth: '300px', height: 'auto', marginInline: 'auto' },
  monthEven: { fill: tokens.colorNeutralBackground2, stroke: tokens.colorNeutralStroke2, strokeWidth: 1, [FORCED_COLORS]: { fill: 'Canvas', stroke: 'CanvasText' } },
  monthOdd: { fill: tokens.colorNeutralBackground4, stroke: tokens.colorNeutralStroke2, strokeWidth: 1, [FORCED_COLORS]: { fill: 'Canvas', stroke: 'CanvasText' } },
  monthCurrent: { fill: tokens.colorBrandBackground2, stroke: tokens.colorBrandStroke2, strokeWidth: 1, [FORCED_COLORS]: { fill: 'Highlight', stroke: 'CanvasText' } },
  monthLabel: {
    fill: tokens.colorNeutralForeground2,
    fontSize: '11px',
    fontFamily: tokens.fontFamilyBase,
    [FORCED_COLORS]: { fill: 'CanvasText' },
  },
  monthLabelCurrent: { fill: tokens.colorBrandForeground2, fontWeight: tokens.fontWeightSemibold, [FORCED_COLORS]: { fill: 'HighlightText' } },
  phaseArc: { fill: 'none', stroke: tokens.colorBrandStroke1, strokeWidth: 8, strokeLinecap: 'round', [FORCED_COLORS]: { stroke: 'CanvasText' } },
  phaseLabel: { fill: tokens.colorBrandForeground1, fontSize: '11px', fontFamily: tokens.fontFamilyBase, [FORCED_COLORS]: { fill: 'CanvasText' } },
  marker: { fill: tokens.colorBrandBackground, stroke: tokens.colorNeutralBackground1, strokeWidth: 2, [FORCED_COLORS]: { fill: 'CanvasText', stroke: 'Canvas' } },
  markerPast: { fill: tokens.colorNeutralForeground4, [FORCED_COLORS]: { fill: 'GrayText' } },
  markerNext: { fill: tokens.colorPaletteDarkOrangeBackground3, [FORCED_COLORS]: { fill: 'Highlight' } },
  markerLabel: { fill: tokens.colorNeutralForeground1, fontSize: '11px', fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyBase, [FORCED_COLORS]: { fill: 'CanvasText' } },
  markerLabelPast: { fill: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, [FORCED_COLORS]: { fill: 'GrayText' } },
  hand: { stroke: tokens.colorNeutralForeground1, strokeWidth: 3, strokeLinecap: 'round', [FORCED_COLORS]: { stroke: 'CanvasText' } },
  handTip: { fill: tokens.colorNeutralForeground1, [FORCED_COLORS]: { fill: 'CanvasText' } },
  hub: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralStroke1, strokeWidth: 1.5, [FORCED_COLORS]: { fill: 'Canvas', stroke: 'CanvasText' } },
  hubDay: { fill: tokens.colorNeutralForeground1, fontSize: '12px', fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyBase, [FORCED_COLORS]: { fill: 'CanvasText' } },
  hubYear: { fill: tokens.colorNeutralForeground3, fontSize: '11px', fontFamily: tokens.fontFamilyBase, [FORCED_COLORS]: { fill: 'CanvasText' } },
});

/** Point at `fraction` of the year (0 = top, clockwise) on a circle of radius r. */
function polar(fraction: number, r: number): [number, number] {
  const angle = fraction * 2 * Math.PI - Math.PI / 2;
  return [round(C + r * Math.cos(angle)), round(C + r * Math.sin(angle))];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A ring segment between two fractions of the year. */
function ringSegment(from: number, to: number, inner: number, outer: number): string {
  const large = to - from > 0.5 ? 1 : 0;
  const [x1, y1] = polar(from, outer);
  const [x2, y2] = polar(to, outer);
  const [x3, y3] = polar(to, inner);
  const [x4, y4] = polar(from, inner);
  return `M${x1} ${y1}A${outer} ${outer} 0 ${large} 1 ${x2} ${y2}L${x3} ${y3}A${inner} ${inner} 0 ${large} 0 ${x4} ${y4}Z`;
}

function arc(from: number, to: number, r: number): string {
  const large = to - from > 0.5 ? 1 : 0;
  const [x1, y1] = polar(from, r);
  const [x2, y2] = polar(to, r);
  return `M${x1} ${y1}A${r} ${r} 0 ${large} 1 ${x2} ${y2}`;
}

function monthStartFraction(year: number, month: number): number {
  if (month > 12) return 1;
  return (dayOfYear({ year, month, day: 1 }) - 1) / daysInYear(year);
}

export interface AnnualWheelProps {
  today: CalendarDate;
  /** This year's events (annualCycleEvents(today.year)). */
  events: CycleEvent[];
  /** The deadline to emphasise. */
  next: CycleEvent;
  /** Accessible name and description, written by the caller in the user's language. */
  title: string;
  description: string;
  /** Today's date as shown in the hub ("17 juli"). */
  todayLabel: string;
}

export function AnnualWheel({ today, events, next, title, description, todayLabel }: AnnualWheelProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const titleId = useId('wheel-title');
  const descId = useId('wheel-desc');
  const baseId = useId('wheel');
  const months = shortMonthNames(language);
  const year = today.year;
  const todayFraction = yearFraction(today);
  const [handX, handY] = polar(todayFraction, RING_INNER - 6);
  const [handX0, handY0] = polar(todayFraction, HUB_R);

  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      data-testid="annual-wheel"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>

      {months.map((name, i) => {
        const from = monthStartFraction(year, i + 1);
        const to = monthStartFraction(year, i + 2);
        const current = today.month === i + 1;
        const [lx, ly] = polar((from + to) / 2, MONTH_LABEL_R);
        return (
          <g key={name}>
            <path
              d={ringSegment(from, to, RING_INNER, RING_OUTER)}
              className={current ? styles.monthCurrent : i % 2 === 0 ? styles.monthEven : styles.monthOdd}
            />
            <text
              x={lx}
              y={ly}
              textAnchor="middle"
              dominantBaseline="central"
              className={current ? `${styles.monthLabel} ${styles.monthLabelCurrent}` : styles.monthLabel}
            >
              {name}
            </text>
          </g>
        );
      })}

      {events
        .filter((e) => !e.deadline)
        .map((phase) => {
          const from = yearFraction(phase.start);
          const to = yearFraction(phase.date);
          const labelPathId = `${baseId}-${phase.kind}`;
          return (
            <g key={phase.kind} data-event={phase.kind}>
              <path d={arc(from, to, ARC_R)} className={styles.phaseArc} />
              {/* The label runs along the inside of the arc from its start, clear of the deadline labels. */}
              <path id={labelPathId} d={arc(from, to, PHASE_LABEL_R)} fill="none" />
              <text className={styles.phaseLabel} dominantBaseline="central">
                <textPath href={`#${labelPathId}`} startOffset="2">
                  {t(`cycle.short.${phase.kind}`)}
                </textPath>
              </text>
            </g>
          );
        })}

      <line x1={handX0} y1={handY0} x2={handX} y2={handY} className={styles.hand} data-testid="today-hand" />
      <circle cx={handX} cy={handY} r={4} className={styles.handTip} />

      {events
        .filter((e) => e.deadline)
        .map((event) => {
          const fraction = yearFraction(event.date);
          const [mx, my] = polar(fraction, MARKER_R);
          const [lx, ly] = polar(fraction, LABEL_R);
          const past = compareDates(event.date, today) < 0;
          const isNext = event.kind === next.kind && compareDates(event.date, next.date) === 0;
          const markerClass = `${styles.marker} ${past ? styles.markerPast : isNext ? styles.markerNext : ''}`;
          return (
            <g key={event.kind} data-event={event.kind} data-state={past ? 'past' : isNext ? 'next' : 'coming'}>
              <circle cx={mx} cy={my} r={isNext ? 8 : 6} className={markerClass} />
              <text
                x={lx}
                y={ly}
                textAnchor="middle"
                dominantBaseline="central"
                className={past ? `${styles.markerLabel} ${styles.markerLabelPast}` : styles.markerLabel}
              >
                {t(`cycle.short.${event.kind}`)}
              </text>
            </g>
          );
        })}

      <circle cx={C} cy={C} r={HUB_R} className={styles.hub} />
      <text x={C} y={C - 7} textAnchor="middle" dominantBaseline="central" className={styles.hubDay}>
        {todayLabel}
      </text>
      <text x={C} y={C + 10} textAnchor="middle" dominantBaseline="central" className={styles.hubYear}>
        {year}
      </text>
    </svg>
  );
}
