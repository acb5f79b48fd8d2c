/**
 * The texts of the allocation result tab (result-tab.ts): how to read it, the notes and the
 * header of the summary.
 */
import type { BudgetModel } from '../recognition/model';
import type { SpecCell } from '../workbook/sheet-spec';
import type { AllocationResult } from './model';
import { SUMMARY_COLUMNS, text } from './result-tab-cells';

export const NO_BASE_FRAMES_SENTENCE = 'Utgångsramar saknas: bara kompensation beräknas, inget förslag till ram.';

export function howToRead(result: AllocationResult): string[] {
  const [y1] = result.years;
  const y0 = result.baseYear;
  const lines = [
    '1. Identifiera volymstyrda verksamheter: rader i Volymer med kostnad per enhet och alla volymer. Ofullständiga rader lämnas utanför och listas längst ned.',
    '2. Kostnad per volymenhet från referenskostnaden: c(år) = kostnad per enhet × kostnadsindex Ic(år) (kr, inte avrundat).',
  ];
  if (result.mode === 'Delta') {
    lines.push(
      `3. Volymförändring med prognoskorrigering: K = utfall ${y0} − prognos ${y0}, ΔV(år) = prognos år − utfall ${y0}, ΔT(år) = K + ΔV(år).`,
      '4. Kompensation = kostnad per enhet × volymförändring: c(år) × ΔT(år), avrundat till hela kronor. Positiv = ökad tilldelning.',
    );
    if (result.correctionRule === 'Permanent och retroaktiv') {
      lines.push(`    Korrigering Permanent och retroaktiv: ${y1} får dessutom en engångsersättning c(${y1}) × K för året som redan gått med fel volym.`);
    }
  } else {
    lines.push(
      '3. Volymen är prognosen för året (modell Nivå räknar om volymdelen från grunden varje år).',
      '4. Nivå = kostnad per enhet × volym: c(år) × prognos år, avrundat till hela kronor.',
    );
  }
  lines.push('5. Övriga icke-politiska kostnadsförändringar från Övriga förändringar (politiska prioriteringar hör inte hit och listas som utelämnade).');
  lines.push(
    result.mode === 'Delta'
      ? `Förslag till ram = utgångsram ${y0} × ramindex Ib(år) + kompensation + övriga förändringar. Skillnaden mot KF:s ram (Ramar) är politiska prioriteringar och övrigt.`
      : 'Förslag till ram = nivå + övriga förändringar (ingen utgångsram). Skillnaden mot KF:s ram (Ramar) är politiska prioriteringar och övrigt.',
  );
  return lines;
}

export function summaryNotes(result: AllocationResult, model: BudgetModel): SpecCell[] {
  const notes: SpecCell[] = [];
  if (result.mode === 'Delta' && !result.hasBaseFrames) notes.push(text(NO_BASE_FRAMES_SENTENCE, 'warning'));
  else if (result.mode === 'Delta' && result.boards.some((b) => b.baseFrame === null)) {
    notes.push(text('Nämnder som saknas i Utgångsramar får inget förslag till ram, bara kompensation.', 'subtitle'));
  }
  if (model.frames.length === 0) notes.push(text('Ramar saknas: förslagen stäms inte av mot KF:s ramar.', 'subtitle'));
  else notes.push(text('Skillnad = KF:s ram − förslag till ram: politiska prioriteringar och övrigt. Positiv = KF:s ram är större än förslaget.', 'subtitle'));
  return notes;
}

/** The summary's step row (what each column is) and header row; short enough for one line. */
export function summaryHeader(result: AllocationResult): { steps: string[]; headers: string[] } {
  const delta = result.mode === 'Delta';
  const C = SUMMARY_COLUMNS;
  const steps: string[] = [];
  steps[C.compensation] = 'Steg 1–4';
  steps[C.other] = 'Steg 5';
  steps[C.indexedBase] = delta ? `Ram ${result.baseYear} × Ib` : 'Används ej i Nivå';
  steps[C.proposed] = delta ? 'Summa C till E' : 'Summa C och D';
  steps[C.frame] = 'Ramar';
  steps[C.difference] = 'G − F';
  const headers: string[] = [];
  headers[C.board] = 'Nämnd';
  headers[C.year] = 'År';
  headers[C.compensation] = delta ? 'Kompensation (tkr)' : 'Nivå (tkr)';
  headers[C.other] = 'Övriga (tkr)';
  headers[C.indexedBase] = 'Uppräknad (tkr)';
  headers[C.proposed] = 'Förslag (tkr)';
  headers[C.frame] = 'KF:s ram (tkr)';
  headers[C.difference] = 'Skillnad (tkr)';
  return { steps, headers };
}
