import {
  annualCycleEvents,
  calendarDateOf,
  currentPhases,
  dayOfYear,
  daysBetween,
  isoDate,
  nextDeadline,
  nextFollowUpReport,
  yearFraction,
  type CalendarDate,
} from '../../../src/core/calendar/annual-cycle';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

describe('annualCycleEvents', () => {
  it('lists the årshjul of a year in date order with the styrmodell dates', () => {
    const events = annualCycleEvents(2027);
    expect(events.map((e) => [e.kind, isoDate(e.start), isoDate(e.date), e.budgetYear])).toEqual([
      ['budgetPreparation', '2027-02-01', '2027-05-31', 2028],
      ['aprilReport', '2027-04-30', '2027-04-30', 2027],
      ['budgetDecision', '2027-06-30', '2027-06-30', 2028],
      ['interimReport', '2027-08-31', '2027-08-31', 2027],
      ['annualReport', '2027-12-31', '2027-12-31', 2027],
    ]);
  });

  it('names the follow-up reports as the follow-up tabs do', () => {
    const reports = annualCycleEvents(2027).filter((e) => e.report);
    expect(reports.map((e) => e.report)).toEqual(['april', 'august', 'december']);
  });

  it('takes the KF decision date from configuration', () => {
    const events = annualCycleEvents(2027, {
      budgetDecision: { month: 11, day: 20 },
      budgetPreparationStart: { month: 3, day: 1 },
    });
    const decision = events.find((e) => e.kind === 'budgetDecision')!;
    const preparation = events.find((e) => e.kind === 'budgetPreparation')!;
    expect(isoDate(decision.date)).toBe('2027-11-20');
    expect(isoDate(preparation.start)).toBe('2027-03-01');
    expect(isoDate(preparation.date)).toBe('2027-10-31');
  });

  it('clamps a configured day to the month, also in leap years', () => {
    const feb = (year: number) =>
      annualCycleEvents(year, { budgetDecision: { month: 2 }, budgetPreparationStart: { month: 1, day: 10 } }).find(
        (e) => e.kind === 'budgetDecision',
      )!;
    expect(isoDate(feb(2027).date)).toBe('2027-02-28');
    expect(isoDate(feb(2028).date)).toBe('2028-02-29');
  });

  it('rejects a month outside 1–12', () => {
    expect(() => annualCycleEvents(2027, { budgetDecision: { month: 13 }, budgetPreparationStart: { month: 2, day: 1 } })).toThrow(
      RangeError,
    );
  });
});

describe('nextDeadline', () => {
  it('names the delårsbokslut 45 days ahead on 17 July', () => {
    const next = nextDeadline(d(2027, 7, 17));
    expect(next.event.kind).toBe('interimReport');
    expect(isoDate(next.event.date)).toBe('2027-08-31');
    expect(next.daysLeft).toBe(45);
  });

  it('counts a deadline that is today as 0 days left', () => {
    const next = nextDeadline(d(2027, 4, 30));
    expect(next.event.kind).toBe('aprilReport');
    expect(next.daysLeft).toBe(0);
  });

  it('moves on to the KF decision the day after the April report', () => {
    const next = nextDeadline(d(2027, 5, 1));
    expect(next.event.kind).toBe('budgetDecision');
    expect(next.event.budgetYear).toBe(2028);
    expect(next.daysLeft).toBe(60);
  });

  it('never names the budget preparation phase as a deadline', () => {
    const next = nextDeadline(d(2027, 1, 15));
    expect(next.event.kind).toBe('aprilReport');
  });

  it('wraps from the årsbokslut to next year', () => {
    expect(nextDeadline(d(2027, 12, 31)).event.kind).toBe('annualReport');
    const afterNewYear = nextDeadline(d(2028, 1, 1));
    expect(isoDate(afterNewYear.event.date)).toBe('2028-04-30');
  });
});

describe('nextFollowUpReport', () => {
  it.each([
    [d(2027, 1, 1), 'april', 2027],
    [d(2027, 4, 30), 'april', 2027],
    [d(2027, 5, 1), 'august', 2027],
    [d(2027, 6, 30), 'august', 2027],
    [d(2027, 9, 1), 'december', 2027],
    [d(2027, 12, 31), 'december', 2027],
  ])('on %o preselects %s %i', (today, report, year) => {
    const next = nextFollowUpReport(today);
    expect(next.event.report).toBe(report);
    expect(next.event.budgetYear).toBe(year);
  });
});

describe('currentPhases', () => {
  it('says budget preparation is under way in spring only', () => {
    expect(currentPhases(d(2027, 3, 10)).map((e) => e.kind)).toEqual(['budgetPreparation']);
    expect(currentPhases(d(2027, 2, 1)).map((e) => e.kind)).toEqual(['budgetPreparation']);
    expect(currentPhases(d(2027, 5, 31)).map((e) => e.kind)).toEqual(['budgetPreparation']);
    expect(currentPhases(d(2027, 6, 1))).toEqual([]);
    expect(currentPhases(d(2027, 1, 31))).toEqual([]);
  });
});

describe('date helpers', () => {
  it('counts days across month and year ends', () => {
    expect(daysBetween(d(2027, 12, 31), d(2028, 1, 1))).toBe(1);
    expect(daysBetween(d(2028, 2, 28), d(2028, 3, 1))).toBe(2);
    expect(daysBetween(d(2027, 8, 31), d(2027, 7, 17))).toBe(-45);
  });

  it('places dates on the wheel from just after the top to just before it', () => {
    expect(dayOfYear(d(2027, 12, 31))).toBe(365);
    expect(yearFraction(d(2027, 1, 1))).toBeCloseTo(0.5 / 365);
    expect(yearFraction(d(2028, 12, 31))).toBeCloseTo(365.5 / 366);
    expect(yearFraction(d(2027, 7, 2))).toBeCloseTo(0.5, 2);
  });

  it('reads the local calendar date of a Date', () => {
    expect(calendarDateOf(new Date(2027, 7, 31, 23, 59))).toEqual(d(2027, 8, 31));
  });
});
