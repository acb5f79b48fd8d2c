/** A SheetSpec that uses every feature, shared by the adapter tests and the LibreOffice round trip. */
import { FORMAT_VERSION, withMarker } from '../../../src/core/workbook/marker';
import { emptySheetSpec, type SheetSpec } from '../../../src/core/workbook/sheet-spec';
import { NUMBER_FORMATS } from '../../../src/core/workbook/styles';

export const MARKER = { type: 'kontrollrapport' as const, version: FORMAT_VERSION, year: 2027 };

/**
 * A tab using every SheetSpec feature, in content coordinates: withMarker moves rows, ranges and
 * formulas down by the hidden marker row, and the tests assert the final sheet positions (one row further down).
 */
export function fullSpec(): SheetSpec {
  return withMarker(
    {
      ...emptySheetSpec('Uppföljning'),
      rows: [
        [{ value: 'Uppföljning april 2027', style: 'title' }],
        [{ value: 'Nämnd', style: 'header' }, { value: 'Status', style: 'header' }, { value: 'Avvikelse (tkr)', style: 'header' }, { value: 'Andel', style: 'header' }],
        [{ value: 'Socialnämnden', style: 'text' }, { value: 'Pågår', style: 'input' }, { value: -1250, style: 'input', numberFormat: NUMBER_FORMATS.tkr }, { value: 0.025, style: 'computed', numberFormat: NUMBER_FORMATS.percent1 }],
        [{ value: 'Kommunstyrelsen', style: 'text' }, { value: 'Klart', style: 'input' }, { value: 300, style: 'input', numberFormat: NUMBER_FORMATS.tkr }, { formula: '=C4/1000', style: 'computed' }],
        [{ value: 'Summa', style: 'total' }, null, { formula: '=SUM(C3:C4)', style: 'total', numberFormat: NUMBER_FORMATS.tkr }],
        [{ value: '=HYPERLINK("http://example.com")', style: 'note' }, { value: 'Gå till rapporten', link: "'Kontrollrapport'!B3", style: 'link' }],
        [{ value: 'Sammanfattning', style: 'heading' }],
      ],
      columnWidths: [28, 14, 16, 10],
      merges: ['A7:D7'],
      mergesAcross: ['E3:F4'],
      validations: [
        { range: 'B3:B4', kind: 'list', list: ['Ej påbörjat', 'Pågår', 'Klart', 'Avbrutet'], errorMessage: 'Välj en status i listan.' },
        { range: 'C3:C4', kind: 'wholeNumber', min: -100000, max: 100000 },
        { range: 'D3:D4', kind: 'decimal', min: 0 },
        { range: 'E3:E4', kind: 'date', min: 46388, max: 46752 },
      ],
      conditionalFormats: [{ range: 'C3:C4', formula: '=AND($C3<0,$B3<>"Klart")', style: 'warning' }],
      tables: [{ name: 'Uppföljning april', range: 'A2:D4' }],
      freeze: { rows: 2, columns: 1 },
      print: { orientation: 'landscape', fitToWidth: true, repeatRows: '$2:$2', pageNumbers: true },
      hiddenRows: [],
      protect: true,
      tabColor: '#1F3864',
    },
    MARKER,
  );
}
