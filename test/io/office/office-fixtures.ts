/**
 * What the Office adapter's tests share: a port over the double, a host with ExcelApi up to a
 * version, a realistic owned tab, and a user's workbook to write beside.
 */
import { encodeMarker, FORMAT_VERSION, withMarker } from '../../../src/core/workbook/marker';
import { emptySheetSpec, type SheetSpec, type SpecCell } from '../../../src/core/workbook/sheet-spec';
import { NUMBER_FORMATS } from '../../../src/core/workbook/styles';
import { OfficeWorkbookPort, type ExcelRunner, type OfficePortOptions } from '../../../src/io/office/office-port';
import { WorkbookError } from '../../../src/core/workbook/port';
import type { ExcelDouble } from './excel-double';

export const ALL_SETS = (): boolean => true;

export function portOver(double: ExcelDouble, options: Partial<OfficePortOptions> = {}): OfficeWorkbookPort {
  return new OfficeWorkbookPort(double.run as unknown as ExcelRunner, { isSetSupported: ALL_SETS, ...options });
}

/** isSetSupported for a host that has ExcelApi up to `max` (e.g. "1.8"). */
export function upTo(max: string): (name: string, version: string) => boolean {
  const [maxMajor, maxMinor] = max.split('.').map(Number);
  return (name, version) => {
    const [major, minor] = version.split('.').map(Number);
    return name === 'ExcelApi' && (major < maxMajor || (major === maxMajor && minor <= maxMinor));
  };
}

export async function rejection(promise: Promise<unknown>): Promise<WorkbookError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookError);
    return error as WorkbookError;
  }
  throw new Error('expected a rejection');
}

// -------------------------------------------------------------------------------------------------
// A realistic owned tab: marker, title, header, styled input rows, formulas, totals, links, and all
// the furniture (widths, merges, validation, conditional format, table, panes, print, protection).

export const MARKER = { type: 'uppfoljning' as const, version: FORMAT_VERSION, year: 2027, report: 'august', board: 'Socialnämnden' };

export function realisticSpec(name = 'Uppföljning augusti', dataRows = 24, tableName = 'tbl_Uppfoljning'): SheetSpec {
  const header: SpecCell[] = ['Verksamhet', 'Budget 2027', 'Prognos', 'Avvikelse', 'Status', 'Kommentar'].map((value) => ({
    value,
    style: 'header',
  }));
  const rows: (SpecCell | null)[][] = [
    [{ value: 'Augustirapport 2027 – Socialnämnden', style: 'title' }],
    [{ value: 'Belopp i tkr. Fyll i de gula cellerna.', style: 'subtitle' }],
    header,
  ];
  for (let i = 0; i < dataRows; i++) {
    const r = rows.length + 1; // 1-based content row; withMarker moves it down with the marker row
    rows.push([
      { value: `Verksamhet ${i + 1}`, style: 'text' },
      { value: 1000 + i * 37, style: 'number', numberFormat: NUMBER_FORMATS.tkr },
      { value: null, style: 'input', numberFormat: NUMBER_FORMATS.tkr },
      { formula: `=C${r}-B${r}`, style: 'computed', numberFormat: NUMBER_FORMATS.tkr },
      { value: 'Pågår', style: 'input' },
      { value: i % 5 === 0 ? '-avvikelse förklaras senare' : null, style: 'input' },
    ]);
  }
  const first = 4; // content coordinates: withMarker shifts ranges and formulas by the marker row
  const last = first + dataRows - 1;
  rows.push([
    { value: 'Summa', style: 'total' },
    { formula: `=SUM(B${first}:B${last})`, style: 'total', numberFormat: NUMBER_FORMATS.tkr },
    { formula: `=SUM(C${first}:C${last})`, style: 'total', numberFormat: NUMBER_FORMATS.tkr },
    { formula: `=SUM(D${first}:D${last})`, style: 'total', numberFormat: NUMBER_FORMATS.tkr },
  ]);
  rows.push([{ value: 'Till Driftbudget', style: 'link', link: "'Driftbudget'!A1" }]);
  rows.push([{ value: 'Kommentarer skrivs i klartext; =, + och - i början blir text.', style: 'note' }]);
  return withMarker(
    {
      ...emptySheetSpec(name),
      rows,
      columnWidths: [28, 12, 12, 12, 14, 40],
      merges: [`A${rows.length}:F${rows.length}`],
      validations: [{ range: `E${first}:E${last}`, kind: 'list', list: ['Ej påbörjat', 'Pågår', 'Klart', 'Avbrutet'], errorMessage: 'Välj en status i listan.' }],
      conditionalFormats: [{ range: `D${first}:D${last}`, formula: `=AND($D${first}<0,$F${first}="")`, style: 'warning' }],
      tables: [{ name: tableName, range: `A3:F${last}` }],
      freeze: { rows: 3, columns: 1 },
      print: { orientation: 'landscape', fitToWidth: true, repeatRows: '$3:$3', pageNumbers: true },
      hiddenRows: [],
      protect: true,
      tabColor: '#1F3864',
    },
    MARKER,
  );
}

/** A user's workbook: inputs with formulas and a table, plus an owned tab with its own table. */
export function seedUserWorkbook(double: ExcelDouble): void {
  double.addSheet(
    'Driftbudget',
    [
      ['Nämnd', 'Verksamhet', 'Konto', 'Budget 2027', 'Plan 2028', 'Plan 2029'],
      ['Socialnämnden', 'Äldreomsorg', 4030, 950, 960, 970],
      ['Socialnämnden', 'Hemtjänst', 4040, 620.5, 640, -12],
      ['Summa', null, null, '=SUM(D2:D3)', '=SUM(E2:E3)', '=SUM(F2:F3)'],
    ],
    { tables: [{ name: 'tbl_Driftbudget', range: 'A1:F3' }] },
  );
  double.addSheet('Ramar', [['Nämnd', 'Ram 2027'], ['Socialnämnden', 1600], ['Kommentar', '=1+1 är inte en formel här']]);
  double.addSheet(
    'Uppföljning augusti',
    [[encodeMarker(MARKER)], [], ['Gammal rapport'], ['Verksamhet', 'Budget 2027'], ['A', 1], ['B', '=B5*2']],
    { tables: [{ name: 'tbl_Uppfoljning', range: 'A4:B6' }] },
  );
}

export function workbookState(double: ExcelDouble): unknown {
  return {
    sheets: double.inspect(),
    tables: double.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: t.rect })),
  };
}
