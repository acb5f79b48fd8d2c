/**
 * Hem's next step: what to do first in this period of the årshjul, from the date the pane gets and
 * the kommun's årshjul (a pure function, so any day can be tested).
 */
import { DEFAULT_ANNUAL_CYCLE, type CalendarDate } from '../../../src/core/calendar/annual-cycle';
import { deadlineText } from '../../../src/taskpane/components/HomeSection';
import { homeStep, homeStepText } from '../../../src/taskpane/components/home-step';
import { translate, type Language } from '../../../src/taskpane/i18n';

const day = (year: number, month: number, d: number): CalendarDate => ({ year, month, day: d });

function text(date: CalendarDate, language: Language = 'sv', config = DEFAULT_ANNUAL_CYCLE) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(language, key, params);
  const step = homeStep(date, config);
  return { step, ...homeStepText(t, language, date, step, (e) => deadlineText(t, language, e)) };
}

describe('homeStep', () => {
  it.each([
    [day(2027, 1, 15), 'submit', 'followUp', 'december'],
    [day(2027, 2, 10), 'allocation', 'allocation', undefined],
    [day(2027, 3, 31), 'allocation', 'allocation', undefined],
    [day(2027, 4, 1), 'createTabs', 'followUp', 'april'],
    [day(2027, 5, 20), 'submit', 'followUp', 'april'],
    [day(2027, 6, 10), 'decision', 'check', undefined],
    [day(2027, 7, 17), 'budget', 'check', undefined],
    [day(2027, 8, 3), 'createTabs', 'followUp', 'august'],
    [day(2027, 9, 30), 'submit', 'followUp', 'august'],
    [day(2027, 10, 1), 'budget', 'check', undefined],
    [day(2027, 12, 31), 'createTabs', 'followUp', 'december'],
  ] as const)('%o → %s in %s', (date, kind, section, report) => {
    const step = homeStep(date);
    expect(step.kind).toBe(kind);
    expect(step.section).toBe(section);
    expect('report' in step ? step.report : undefined).toBe(report);
  });

  it('follows the kommun’s decision month: KF in November makes November the reconciliation month', () => {
    const config = { budgetDecision: { month: 11 }, budgetPreparationStart: { month: 9, day: 1 } };
    expect(homeStep(day(2027, 11, 5), config).kind).toBe('decision');
    expect(homeStep(day(2027, 10, 5), config).kind).toBe('allocation');
    expect(homeStep(day(2027, 3, 5), config).kind).toBe('budget');
  });
});

describe('homeStepText', () => {
  it('says the month and the action: "Augusti: skapa delårsflikar", with a button to Uppföljning', () => {
    const s = text(day(2027, 8, 3));
    expect(s.title).toBe('Augusti: skapa delårsflikar');
    expect(s.detail).toBe('Perioden slutar 31 augusti 2027.');
    expect(s.action).toBe('Öppna Uppföljning');
  });

  it('names the report that just ended in the month after it', () => {
    expect(text(day(2028, 1, 10)).title).toBe('Januari: fyll i och kontrollera årsbokslutsflikarna');
    expect(text(day(2028, 1, 10)).detail).toBe('Perioden slutade 31 december 2027; kontrollera flikarna inför inlämning.');
  });

  it('during budget preparation: the allocation for the coming year', () => {
    const s = text(day(2027, 3, 1));
    expect(s.title).toBe('Mars: räkna resursfördelningen för 2028');
    expect(s.detail).toBe('Budgetberedningen pågår till 31 maj 2027.');
    expect(s.action).toBe('Öppna Resursfördelning');
  });

  it('outside the busy months: check next year’s budget, naming the next deadline', () => {
    const s = text(day(2027, 7, 17));
    expect(s.title).toBe('Juli: kontrollera driftbudgeten 2028 mot KF:s ramar');
    expect(s.detail).toBe('Nästa i årshjulet: Delårsbokslut per 31 augusti 2027.');
    expect(s.action).toBe('Öppna Kontrollera budget');
  });

  it('in English', () => {
    const s = text(day(2027, 8, 3), 'en');
    expect(s.title).toBe('August: create the interim report tabs');
    expect(s.action).toBe('Open Follow-up');
  });
});
