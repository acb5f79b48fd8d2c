import {
  boardAbbreviation,
  consolidationTabName,
  FOLLOW_UP_REPORTS,
  followUpTabName,
  periodEndDate,
  periodMonth,
  REPORT_IDS,
  sectionsFor,
  sectionTitle,
} from '../../../src/core/followup';
import { freeSheetName, MAX_SHEET_NAME_LENGTH } from '../../../src/core/workbook/sheet-names';

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

describe('tab names', () => {
  it('abbreviate nämnder the way kommuner do', () => {
    expect(boardAbbreviation('Barn- och ungdomsnämnden')).toBe('BUN');
    expect(boardAbbreviation('Gymnasie- och vuxenutbildningsnämnden')).toBe('GVN');
    expect(boardAbbreviation('Kultur- och fritidsnämnden')).toBe('KFN');
    expect(boardAbbreviation('Miljö- och hälsoskyddsnämnden')).toBe('MHN');
    expect(boardAbbreviation('Kommunstyrelsen')).toBe('KS');
    expect(boardAbbreviation('Tekniska nämnden')).toBe('TN');
  });

  it('use the full nämnd when it fits in 31 characters, else the abbreviation', () => {
    expect(followUpTabName('august', 'Barn- och ungdomsnämnden', 2027)).toBe('Delår aug 2027 BUN');
    expect(followUpTabName('april', 'Socialnämnden', 2027)).toBe('MU april 2027 Socialnämnden');
    expect(followUpTabName('december', 'Kommunstyrelsen', 2027)).toBe('Årsbokslut 2027 Kommunstyrelsen');
    expect(followUpTabName('december', 'Kommunen', 2027)).toBe('Årsbokslut 2027 Kommunen');
    expect(consolidationTabName('december', 2027)).toBe('Sammanställning Årsbokslut 2027');
    for (const report of REPORT_IDS) {
      for (const board of ['Gymnasie- och vuxenutbildningsnämnden', 'Vård- och äldreomsorgsnämnden', 'Överförmyndarnämnden', 'Nämnden för: [särskilda] *frågor*?']) {
        const name = followUpTabName(report, board, 2027);
        expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
        expect(name).not.toMatch(/[:\\/?*[\]]/);
      }
      expect(consolidationTabName(report, 2027).length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    }
  });

  it('get a free name next to an existing tab, still within 31 characters', () => {
    const wanted = followUpTabName('august', 'Barn- och ungdomsnämnden', 2027);
    expect(freeSheetName(wanted, ['Delår aug 2027 BUN'])).toBe('Delår aug 2027 BUN (2)');
    const long = followUpTabName('december', 'Kommunstyrelsen', 2027);
    const free = freeSheetName(long, [long]);
    expect(free.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    expect(free.endsWith(' (2)')).toBe(true);
  });
});
