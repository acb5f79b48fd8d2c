/**
 * Kontrollrapport: the findings of a budget check as an owned tab — date, the workbook's summary,
 * budget vs frame per nämnd and year, then every finding with a link to its cell.
 */
import { quoteSheetName } from '../a1';
import { listPhrase, submissionGaps, summarize, type Finding } from '../findings';
import type { BoardFrameSummary } from '../rules/checks/frames';
import { formatDateSv } from '../text/numbers';
import { withMarker } from '../workbook/marker';
import { emptySheetSpec, type SheetSpec, type SpecCell } from '../workbook/sheet-spec';
import { NUMBER_FORMATS } from '../workbook/styles';

export const CONTROL_REPORT_NAME = 'Kontrollrapport';

const SEVERITY_SV = { error: 'Fel', warning: 'Varning', info: 'Info' } as const;

export interface ControlReportInput {
  findings: readonly Finding[];
  frames: readonly BoardFrameSummary[];
  years: readonly number[] | null;
  /** Name of the checked workbook, when known. */
  workbookName?: string;
  kommun?: string | null;
  generatedAt: Date;
}

const text = (value: string, style: SpecCell['style'] = 'text'): SpecCell => ({ value, style });
const tkr = (kronor: number, style: SpecCell['style'] = 'number'): SpecCell => ({ value: kronor / 1000, style, numberFormat: NUMBER_FORMATS.tkr });

/** Builds the Kontrollrapport tab. Pure: the same input gives the same spec. */
export function buildControlReport(input: ControlReportInput): SheetSpec {
  const spec = emptySheetSpec(CONTROL_REPORT_NAME);
  const rows = spec.rows;
  const summary = summarize(input.findings);
  rows.push([text('Kontrollrapport – budgetkontroll', 'title')]);
  rows.push([
    text(
      `${input.kommun ? `${input.kommun} · ` : ''}${input.workbookName ? `${input.workbookName} · ` : ''}Kontrollerad ${formatDateSv(input.generatedAt)} av Budgetkoll`,
      'subtitle',
    ),
  ]);
  rows.push([]);
  rows.push([text('Sammanfattning', 'heading')]);
  rows.push([text('Fel', 'header'), text('Varningar', 'header'), text('Info', 'header')]);
  rows.push([{ value: summary.error, style: 'number' }, { value: summary.warning, style: 'number' }, { value: summary.info, style: 'number' }]);
  const gaps = submissionGaps(input.findings);
  rows.push([
    text(
      gaps.length > 0
        ? `Arbetsboken kan inte lämnas in – det saknas: ${listPhrase(gaps.map((g) => g.sv), 'sv')}. Klicka på cellen i listan nedan för att gå dit.`
        : summary.error === 0
          ? 'Inga fel: arbetsboken kan lämnas in.'
          : 'Fel måste rättas före inlämning. Klicka på cellen i listan nedan för att gå dit.',
      'note',
    ),
  ]);
  rows.push([]);

  if (input.years && input.frames.length > 0) {
    rows.push([text('Budget mot ram per nämnd (tkr)', 'heading')]);
    const header: SpecCell[] = [text('Nämnd', 'header')];
    for (const year of input.years) header.push(text(`Budget ${year}`, 'header'), text(`Ram ${year}`, 'header'), text(`Skillnad ${year}`, 'header'));
    rows.push(header);
    for (const board of input.frames) {
      const row: SpecCell[] = [text(board.board)];
      for (const y of board.years) row.push(tkr(y.budget), tkr(y.frame), tkr(y.diff));
      rows.push(row);
    }
    rows.push([text('Positiv skillnad = budgeten är större än ramen.', 'note')]);
    rows.push([]);
  }

  rows.push([text('Iakttagelser', 'heading')]);
  const headerRow = rows.length;
  rows.push(['Allvarlighet', 'Regel', 'Flik', 'Cell', 'Nämnd', 'Meddelande', 'Så rättar du'].map((h) => text(h, 'header')));
  for (const f of input.findings) {
    rows.push([
      text(SEVERITY_SV[f.severity]),
      text(f.rule),
      text(f.sheet),
      { value: f.cell, style: 'link', link: `${quoteSheetName(f.sheet)}!${f.cell}` },
      text(f.board ?? ''),
      { value: f.message, style: 'text' },
      { value: f.fix ?? '', style: 'note' },
    ]);
  }
  if (input.findings.length === 0) rows.push([text('Inga iakttagelser.', 'note')]);

  spec.columnWidths = [34, 22, 22, 14, 30, 80, 60];
  // Content coordinates: withMarker moves the repeated header row down with everything else.
  spec.print = { orientation: 'landscape', fitToWidth: true, repeatRows: `$${headerRow + 1}:$${headerRow + 1}`, pageNumbers: true };
  const marked = withMarker(spec, { type: 'kontrollrapport', version: 1, generatedAt: input.generatedAt.toISOString() });
  return marked;
}
