import type { FilledTab } from '../../src/core/followup';
import { existingFollowUpTab, inputsUsed, reportInputs, sameBoard } from '../../src/jobs/follow-up';

function tab(board: string, extra: Partial<FilledTab> = {}): FilledTab {
  return { sheet: `Delår aug 2027 ${board}`, kind: 'uppfoljning', report: 'august', year: 2027, board, ...extra } as FilledTab;
}

describe('the existing tab of a nämnd', () => {
  it('matches the nämnd however its name is spaced or cased, the kommun too', () => {
    expect(sameBoard('Socialnämnden', ' socialnämnden ')).toBe(true);
    expect(sameBoard('Kultur- och  fritidsnämnden', 'Kultur- och\u00a0fritidsnämnden')).toBe(true);
    expect(sameBoard('Socialnämnden', 'Socialna\u0308mnden')).toBe(true); // decomposed ä
    expect(sameBoard('Kommunen', ' KOMMUNEN')).toBe(true);
    expect(sameBoard('Kommunen', 'Kommun')).toBe(false);
    expect(sameBoard('Socialnämnden', 'Kommunen')).toBe(false);
    expect(sameBoard('Socialnämnden', 'Socialnamnden')).toBe(false); // a different spelling is a different nämnd
  });

  it('is the owned follow-up tab of the same report, year and nämnd, never a compilation', () => {
    const tabs = [
      tab('Kommunen', { kind: 'sammanstallning' }),
      tab('Socialnämnden', { report: 'april' }),
      tab('Socialnämnden', { year: 2026 }),
      tab('Socialnämnden '),
      tab('Kommunen'),
    ];
    expect(existingFollowUpTab(tabs, 'august', 2027, 'socialnämnden')).toBe(tabs[3]);
    expect(existingFollowUpTab(tabs, 'august', 2027, 'kommunen')).toBe(tabs[4]);
    expect(existingFollowUpTab(tabs, 'december', 2027, 'Socialnämnden')).toBeNull();
  });
});

describe('the inputs a report uses', () => {
  it('are Driftbudget and Utfall first, then each section\'s in section order', () => {
    expect(reportInputs('august', ['Socialnämnden'])).toEqual(['driftbudget', 'utfall', 'politiskaInriktningar', 'uppdrag', 'personal']);
    expect(reportInputs('december', ['Socialnämnden']).slice(0, 3)).toEqual(['driftbudget', 'utfall', 'nyckeltal']);
    // No nämnd chosen yet: a nämnd tab's inputs.
    expect(reportInputs('august', [])).toEqual(reportInputs('august', ['Socialnämnden']));
  });

  it('split into found and missing by the layouts recognised', () => {
    const layouts = { driftbudget: { sheet: 'Driftbudget' }, uppdrag: { sheet: 'Uppdrag' } } as never;
    expect(inputsUsed(layouts, 'august', ['Socialnämnden'])).toEqual({ found: ['driftbudget', 'uppdrag'], missing: ['utfall', 'politiskaInriktningar', 'personal'] });
  });
});
