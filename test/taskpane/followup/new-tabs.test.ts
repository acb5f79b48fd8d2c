/** "Nya flikar" counts only tabs that do not exist yet (names compared without case, as Excel does). */
import { followUpTabName } from '../../../src/core/followup/reports';
import { planNewTabs } from '../../../src/taskpane/components/followup/new-tabs';

describe('planNewTabs', () => {
  const boards = ['Socialnämnden', 'Kommunstyrelsen', 'Tekniska nämnden'];
  const names = boards.map((b) => followUpTabName('august', b, 2027));

  it('counts every chosen nämnd when none of their tabs exists', () => {
    const plan = planNewTabs('august', boards, 2027, ['Driftbudget']);
    expect(plan.created.map((c) => c.sheet)).toEqual(names);
    expect(plan.existing).toEqual([]);
  });

  it('leaves out a tab that exists already, whatever its case', () => {
    const plan = planNewTabs('august', boards, 2027, [names[1].toUpperCase(), 'Driftbudget']);
    expect(plan.created.map((c) => c.board)).toEqual(['Socialnämnden', 'Tekniska nämnden']);
    expect(plan.existing).toEqual([names[1]]);
  });

  it('a tab for another report or year is not the same tab', () => {
    const plan = planNewTabs('december', boards.slice(0, 1), 2027, [names[0]]);
    expect(plan.created).toHaveLength(1);
  });
});
