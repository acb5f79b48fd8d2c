/**
 * The texts of Lämna in and Jämför, Swedish first. They load with the section's chunk, not with
 * the pane's catalogue (i18n/sv.ts), so the pane's initial JavaScript stays within its budget;
 * only the nav entry ("nav.submission") is in the main catalogue (as Koppla indata's texts).
 */
import { useMemo } from 'react';
import { useI18n, type Language, type MessageParams } from '../../i18n';

export const submissionSv = {
  'submission.intro':
    'När kontrollen inte hittar några fel kan du lämna in arbetsboken: Budgetkoll skriver fliken Inlämning med vem, när, iakttagelserna och ett fingeravtryck av indata. Den som tar emot filen ser om något har ändrats efteråt.',
  'submission.statusHeading': 'Status',
  'submission.reading': 'Läser arbetsboken …',
  'submission.readingPercent': 'Läser arbetsboken … {percent} %',
  'submission.cancel': 'Avbryt',
  'submission.cancelled': 'Läsningen avbröts. Välj Läs om för att se statusen.',
  'submission.refresh': 'Läs om',
  'submission.readErrorTitle': 'Arbetsboken kunde inte läsas',
  'submission.notSubmitted': 'Inte inlämnad: arbetsboken har ingen flik Inlämning.',
  'submission.intact': 'Inlämnad {at} av {by} (version {number}) — oförändrad sedan dess.',
  'submission.changedTitle': 'Ändrad efter inlämning: {cells}',
  'submission.changedBody': 'Inlämnad {at} av {by} (version {number}). De här indatacellerna har ändrats sedan dess:',
  'submission.kind.changed': 'ändrad',
  'submission.kind.added': 'tillagd',
  'submission.kind.removed': 'borttagen',
  'submission.tamperedTitle': 'Kvittot går inte att lita på',
  'submission.tamperedHint': 'Lämna in igen för att skriva ett nytt kvitto, eller be nämnden om en ny fil.',
  'submission.cells.one': '1 cell',
  'submission.cells.many': '{count} celler',

  'submission.formHeading': 'Lämna in arbetsboken',
  'submission.nextVersion': 'Inlämningen blir version {number}; den förra hamnar i fliken Inlämnings ändringslogg.',
  'submission.name': 'Ditt namn',
  'submission.nameHint': 'Excel ger inte tillägg ditt namn, så skriv det här. Budgetkoll minns det till nästa gång.',
  'submission.nameMissing': 'Skriv ditt namn.',
  'submission.errors': 'Kontrollen hittar {errors}. Rätta dem innan du lämnar in.',
  'submission.openCheck': 'Öppna Kontrollera budget',
  'submission.noWarnings': 'Kontrollen hittar inga fel eller varningar.',
  'submission.warningsHeading': 'Kommentera varningarna ({count})',
  'submission.warningsIntro': 'Varje varning behöver en kommentar – varför ramen sänks, varför volymen hoppar … Kommentarerna skrivs på fliken Inlämning.',
  'submission.comment': 'Kommentar',
  'submission.commentMissing': 'Kommentar krävs.',
  'submission.remaining': '{count} av {total} varningar saknar kommentar.',
  'submission.submit': 'Lämna in',
  'submission.writing': 'Skriver fliken Inlämning …',
  'submission.done': 'Inlämnad {at} av {by} (version {number}). Fliken {name} är skriven och skrivskyddad.',
  'submission.openTab': 'Visa fliken',
  'submission.submitErrorTitle': 'Arbetsboken kunde inte lämnas in',
  'submission.refusedErrors': 'Arbetsboken har fel: rätta dem innan du lämnar in.',
  'submission.refusedUncommented': 'Varje varning behöver en kommentar.',

  'compare.heading': 'Jämför med en annan version…',
  'compare.intro': 'Välj en tidigare version av arbetsboken. Filen läses här i fönstret och skickas ingenstans.',
  'compare.pick': 'Välj fil …',
  'compare.noFile': 'Ingen fil vald',
  'compare.reading': 'Jämför med {file} …',
  'compare.errorOther': 'Filen {file} kunde inte läsas',
  'compare.errorCurrent': 'Den öppna arbetsboken kunde inte läsas',
  'compare.resultHeading': 'Jämfört med {file}',
  'compare.none': 'Inga skillnader: indata i {file} och i den öppna arbetsboken är desamma.',
  'compare.direction': 'Förut = {file}, nu = den öppna arbetsboken. Belopp i tkr.',
  'compare.chartTitle': 'Förändring av nettobudget per nämnd',
  'compare.chartCaption': 'Nu minus förut, en stapel per år. Åt höger ökar nettobudgeten, åt vänster minskar den.',
  'compare.chartYears': 'År i diagrammet',
  'compare.axis': '{value} tkr',
  'compare.boardsHeading': 'Nettobudget per nämnd och år',
  'compare.framesHeading': 'Ramar per nämnd och år',
  'compare.col.board': 'Nämnd',
  'compare.col.year': 'År',
  'compare.col.old': 'Förut',
  'compare.col.new': 'Nu',
  'compare.col.change': 'Förändring',
  'compare.rowsHeading': 'Ändrade rader ({count})',
  'compare.row.added': 'Ny rad',
  'compare.row.removed': 'Borttagen rad',
  'compare.row.changed': 'Ändrat belopp',
  'compare.row.removedWhere': '{place} i {file}',
  'compare.amount': '{year}: {old} → {new} tkr',
  'compare.amountOne': '{year}: {value} tkr',
  'compare.renamedHeading': 'Nämnder med nytt namn',
  'compare.renamed': '{old} → {new} ({share} av raderna oförändrade)',
  'compare.followUpHeading': 'Uppföljningsflikar',
  'compare.tab.added': 'ny flik',
  'compare.tab.removed': 'fliken finns inte längre',
  'compare.input.removedRow': 'borttagen rad',
  'compare.empty': '(tomt)',
  'compare.true': 'SANT',
  'compare.false': 'FALSKT',
} as const;

export type SubmissionTextKey = keyof typeof submissionSv;

export const submissionEn: Record<SubmissionTextKey, string> = {
  'submission.intro':
    'When the check finds no errors you can submit the workbook: Budgetkoll writes the Inlämning sheet with who, when, the findings and a fingerprint of the inputs. Whoever receives the file sees whether anything changed afterwards.',
  'submission.statusHeading': 'Status',
  'submission.reading': 'Reading the workbook …',
  'submission.readingPercent': 'Reading the workbook … {percent} %',
  'submission.cancel': 'Cancel',
  'submission.cancelled': 'Reading was cancelled. Choose Read again to see the status.',
  'submission.refresh': 'Read again',
  'submission.readErrorTitle': 'The workbook could not be read',
  'submission.notSubmitted': 'Not submitted: the workbook has no Inlämning sheet.',
  'submission.intact': 'Submitted {at} by {by} (version {number}) — unchanged since.',
  'submission.changedTitle': 'Changed after submission: {cells}',
  'submission.changedBody': 'Submitted {at} by {by} (version {number}). These input cells have changed since:',
  'submission.kind.changed': 'changed',
  'submission.kind.added': 'added',
  'submission.kind.removed': 'removed',
  'submission.tamperedTitle': 'The receipt cannot be trusted',
  'submission.tamperedHint': 'Submit again to write a new receipt, or ask the nämnd for a new file.',
  'submission.cells.one': '1 cell',
  'submission.cells.many': '{count} cells',

  'submission.formHeading': 'Submit the workbook',
  'submission.nextVersion': "This submission becomes version {number}; the previous one goes to the Inlämning sheet's change log.",
  'submission.name': 'Your name',
  'submission.nameHint': 'Excel does not give add-ins your name, so type it here. Budgetkoll remembers it for next time.',
  'submission.nameMissing': 'Type your name.',
  'submission.errors': 'The check finds {errors}. Fix them before submitting.',
  'submission.openCheck': 'Open Check budget',
  'submission.noWarnings': 'The check finds no errors or warnings.',
  'submission.warningsHeading': 'Comment on the warnings ({count})',
  'submission.warningsIntro': 'Every warning needs a comment – why the frame is lowered, why the volume jumps … The comments are written on the Inlämning sheet.',
  'submission.comment': 'Comment',
  'submission.commentMissing': 'A comment is required.',
  'submission.remaining': '{count} of {total} warnings have no comment.',
  'submission.submit': 'Submit',
  'submission.writing': 'Writing the Inlämning sheet …',
  'submission.done': 'Submitted {at} by {by} (version {number}). The sheet {name} is written and protected.',
  'submission.openTab': 'Show the sheet',
  'submission.submitErrorTitle': 'The workbook could not be submitted',
  'submission.refusedErrors': 'The workbook has errors: fix them before submitting.',
  'submission.refusedUncommented': 'Every warning needs a comment.',

  'compare.heading': 'Compare with another version…',
  'compare.intro': 'Choose an earlier version of the workbook. The file is read here in the pane and sent nowhere.',
  'compare.pick': 'Choose file …',
  'compare.noFile': 'No file chosen',
  'compare.reading': 'Comparing with {file} …',
  'compare.errorOther': 'The file {file} could not be read',
  'compare.errorCurrent': 'The open workbook could not be read',
  'compare.resultHeading': 'Compared with {file}',
  'compare.none': 'No differences: the inputs in {file} and in the open workbook are the same.',
  'compare.direction': 'Before = {file}, now = the open workbook. Amounts in tkr.',
  'compare.chartTitle': 'Change in net budget per nämnd',
  'compare.chartCaption': 'Now minus before, one bar per year. To the right the net budget grows, to the left it shrinks.',
  'compare.chartYears': 'Years in the chart',
  'compare.axis': '{value} tkr',
  'compare.boardsHeading': 'Net budget per nämnd and year',
  'compare.framesHeading': 'Frames per nämnd and year',
  'compare.col.board': 'Nämnd',
  'compare.col.year': 'Year',
  'compare.col.old': 'Before',
  'compare.col.new': 'Now',
  'compare.col.change': 'Change',
  'compare.rowsHeading': 'Changed rows ({count})',
  'compare.row.added': 'New row',
  'compare.row.removed': 'Removed row',
  'compare.row.changed': 'Changed amount',
  'compare.row.removedWhere': '{place} in {file}',
  'compare.amount': '{year}: {old} → {new} tkr',
  'compare.amountOne': '{year}: {value} tkr',
  'compare.renamedHeading': 'Nämnder renamed',
  'compare.renamed': '{old} → {new} ({share} of the rows unchanged)',
  'compare.followUpHeading': 'Follow-up sheets',
  'compare.tab.added': 'new sheet',
  'compare.tab.removed': 'the sheet is gone',
  'compare.input.removedRow': 'removed row',
  'compare.empty': '(empty)',
  'compare.true': 'TRUE',
  'compare.false': 'FALSE',
};

const CATALOGUES: Record<Language, Record<SubmissionTextKey, string>> = { sv: submissionSv, en: submissionEn };

export function submissionText(language: Language, key: SubmissionTextKey, params?: MessageParams): string {
  const text = CATALOGUES[language][key] ?? submissionSv[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type SubmissionT = (key: SubmissionTextKey, params?: MessageParams) => string;

/** The section's translate function in the pane's language. */
export function useSubmissionText(): { t: SubmissionT; language: Language } {
  const { language } = useI18n();
  return useMemo(() => ({ language, t: (key: SubmissionTextKey, params?: MessageParams) => submissionText(language, key, params) }), [language]);
}
