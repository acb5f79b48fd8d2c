/**
 * Findings that stop Budgetkoll writing a tab whose formulas read the inputs. A key cell whose name
 * is spelt with an invisible difference (KEY-SPELLING-VARIANT) is counted by the core under its
 * name, but a written SUMIFS would leave it out: the tab's recalculated figure would be silently
 * wrong. Likewise a Utfall period typed in a form the written criteria do not match (UTF-PERIOD-FORM),
 * and an amount stored as text in a column the tabs sum with SUMIFS (CELL-TEXT-NUMBER in
 * Driftbudget's year columns or Utfall's Belopp): the core reads "130" as 130, SUMIFS skips text,
 * so the recalculated figure would be less than the one Budgetkoll wrote (issue 15's own-layout
 * recalculation found Kommunstyrelsen's 71 000 tkr become 58 200).
 * So the follow-up writers refuse until the cells are fixed, and say which.
 */
import { parseA1 } from '../a1';
import type { Finding } from '../findings';
import type { BudgetModel } from '../recognition/model';

export const WRITE_BLOCKING_RULES: readonly string[] = ['KEY-SPELLING-VARIANT', 'UTF-PERIOD-FORM'];

/** Sheet → columns whose amounts the follow-up tabs sum by criteria (Driftbudget's years, Utfall's Belopp). */
function summedColumns(layouts: BudgetModel['layouts']): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const add = (sheet: string, cols: readonly number[]) => {
    const set = out.get(sheet) ?? new Set<number>();
    cols.forEach((c) => set.add(c));
    out.set(sheet, set);
  };
  if (layouts.driftbudget) add(layouts.driftbudget.sheet, layouts.driftbudget.yearColumns.amount ?? []);
  if (layouts.utfall?.columns.amount !== undefined) add(layouts.utfall.sheet, [layouts.utfall.columns.amount]);
  return out;
}

/** The findings among `findings` that block writing, in their given order (the layouts say which columns are summed). */
export function writeBlockers(findings: readonly Finding[], layouts: BudgetModel['layouts']): Finding[] {
  const summed = summedColumns(layouts);
  const summedText = (f: Finding) => {
    if (f.rule !== 'CELL-TEXT-NUMBER') return false;
    const col = parseA1(f.cell)?.col;
    return col !== undefined && (summed.get(f.sheet)?.has(col) ?? false);
  };
  return findings.filter((f) => WRITE_BLOCKING_RULES.includes(f.rule) || summedText(f));
}

/** "Driftbudget!A5, Driftbudget!B7 och 3 till": the cells of the blockers, for one line of text. */
export function blockerCells(blockers: readonly Finding[], lang: 'sv' | 'en' = 'sv', shown = 5): string {
  const cells = blockers.slice(0, shown).map((f) => `${f.sheet}!${f.cell}`);
  const more = blockers.length - cells.length;
  if (more > 0) return `${cells.join(', ')} ${lang === 'sv' ? `och ${more} till` : `and ${more} more`}`;
  return cells.join(', ');
}

/** Why nothing was written, Swedish and English: what is wrong per rule, with its cells. */
export function blockedMessage(blockers: readonly Finding[]): { sv: string; en: string } {
  const names = blockers.filter((f) => f.rule === 'KEY-SPELLING-VARIANT');
  const periods = blockers.filter((f) => f.rule === 'UTF-PERIOD-FORM');
  const texts = blockers.filter((f) => f.rule === 'CELL-TEXT-NUMBER');
  const sv: string[] = [];
  const en: string[] = [];
  if (names.length > 0) {
    const n = names.length;
    sv.push(
      `${n === 1 ? 'Ett namn' : `${n} namn`} i indata har en osynlig skillnad (mellanslag på slutet, hårt mellanslag, dubbla mellanslag eller ` +
        `ett ä skrivet som a + prickar): ${blockerCells(names, 'sv')}.`,
    );
    en.push(
      `${n === 1 ? 'A name' : `${n} names`} in the inputs ${n === 1 ? 'has' : 'have'} an invisible difference (trailing space, non-breaking space, double spaces or ` +
        `an ä written as a + dots): ${blockerCells(names, 'en')}.`,
    );
  }
  if (periods.length > 0) {
    const n = periods.length;
    sv.push(`${n === 1 ? 'En period' : `${n} perioder`} i Utfall är inte ${n === 1 ? 'skriven' : 'skrivna'} som ”ÅÅÅÅ-MM” (t.ex. ”2027/08” eller ”2027-8”): ${blockerCells(periods, 'sv')}.`);
    en.push(`${n === 1 ? 'A period' : `${n} periods`} in Utfall ${n === 1 ? 'is' : 'are'} not written as "YYYY-MM" (e.g. "2027/08" or "2027-8"): ${blockerCells(periods, 'en')}.`);
  }
  if (texts.length > 0) {
    const n = texts.length;
    sv.push(`${n === 1 ? 'Ett belopp' : `${n} belopp`} i Driftbudget eller Utfall är ${n === 1 ? 'lagrat' : 'lagrade'} som text, som SUMIFS inte räknar med: ${blockerCells(texts, 'sv')}.`);
    en.push(`${n === 1 ? 'An amount' : `${n} amounts`} in Driftbudget or Utfall ${n === 1 ? 'is' : 'are'} stored as text, which SUMIFS leaves out: ${blockerCells(texts, 'en')}.`);
  }
  // Names are also checked by Kontrollera budget; Utfall is read only by the follow-up, which lists the cells.
  const where =
    names.length > 0 || texts.length > 0
      ? { sv: 'Kontrollera budget → Åtgärda alla, eller budgetkoll validate visar dem', en: 'Check budget → Fix all, or budgetkoll validate lists them' }
      : { sv: 'Uppföljning → Skriv perioderna som ÅÅÅÅ-MM, eller i cellerna ovan', en: 'Uppföljning → Write the periods as YYYY-MM, or in the cells above' };
  return {
    sv: `${sv.join(' ')} Formlerna skulle då visa fel summor, så inget skrevs. Rätta cellerna (${where.sv}) och försök igen.`,
    en: `${en.join(' ')} The formulas would then show wrong totals, so nothing was written. Correct the cells (${where.en}) and try again.`,
  };
}
