import {
  consolidationTabName,
  FOLLOW_UP_REPORTS,
  periodEndDate,
  periodMonth,
  REPORT_IDS,
  sectionsFor,
  sectionTitle,
} from '../../../src/core/followup';
import { MAX_SHEET_NAME_LENGTH } from '../../../src/core/workbook/sheet-names';

describe('the three follow-up reports', () => {
  it('have the names, months and period ends of the årshjul', () => {
    expect(REPORT_IDS.map((r) => [FOLLOW_UP_REPORTS[r].name, FOLLOW_UP_REPORTS[r].label, FOLLOW_UP_REPORTS[r].months, periodEndDate(r, 2027)])).toEqual([
      ['Fördjupad månadsuppföljning', 'MU april', 4, '2027-04-30'],
      ['Delårsbokslut', 'Delår augusti', 8, '2027-08-31'],
      ['Årsbokslut', 'Årsbokslut', 12, '2027-12-31'],
    ]);
    expect(periodMonth('august', 2027)).toBe('2027-08');
  });

  it('list the sections of docs/uppfoljning.md in order, for a nämnd and for the kommun', () => {
    const titles = (report: (typeof REPORT_IDS)[number], board: string) => sectionsFor(report, board).map((s) => sectionTitle(s, report));
    expect(titles('april', 'Socialnämnden')).toEqual(['Sammanfattning', 'Ekonomisk uppföljning (tkr)', 'Åtgärder vid underskott']);
    expect(titles('april', 'Kommunen')).toEqual(['Sammanfattning', 'Ekonomisk uppföljning (tkr)', 'Åtgärder vid underskott', 'Centrala poster (tkr)']);
    expect(titles('august', 'Socialnämnden')).toEqual([
      'Sammanfattning',
      'Ekonomisk uppföljning (tkr)',
      'Åtgärder vid underskott',
      'Politiska inriktningar',
      'Särskilda uppdrag',
      'Personal',
    ]);
    expect(titles('august', 'Kommunen').at(-1)).toBe('Balanskrav, prognos (tkr)');
    expect(titles('december', 'Socialnämnden')).toEqual([
      'Sammanfattning',
      'Måluppföljning: Sveriges mest effektiva kommun',
      'Ekonomisk redovisning (tkr)',
      'Åtgärder vid underskott',
      'Politiska inriktningar',
      'Särskilda uppdrag',
      'Internkontroll',
      'Personalredovisning',
      'Privata utförare',
      'Genomlysning (deluppföljning)',
    ]);
    expect(titles('december', 'kommunen').at(-1)).toBe('Balanskravsutredning (tkr)');
  });
});

describe('the compilation tab name', () => {
  // Nämnd tab names have their own rule and tests (tab-names.ts, tab-names.test.ts).
  it('names the report and year, within 31 characters', () => {
    expect(consolidationTabName('december', 2027)).toBe('Sammanställning Årsbokslut 2027');
    for (const report of REPORT_IDS) expect(consolidationTabName(report, 2027).length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
  });
});
