/**
 * Findings that stop Budgetkoll writing a tab whose formulas read the inputs. A key cell whose name
 * is spelt with an invisible difference (KEY-SPELLING-VARIANT) is counted by the core under its
 * name, but a written SUMIFS would leave it out: the tab's recalculated figure would be silently
 * wrong. So the follow-up (and allocation) writers refuse until the cells are fixed, and say which.
 */
import type { Finding } from '../findings';

export const WRITE_BLOCKING_RULES: readonly string[] = ['KEY-SPELLING-VARIANT'];

/** The findings among `findings` that block writing, in their given order. */
export function writeBlockers(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => WRITE_BLOCKING_RULES.includes(f.rule));
}

/** "Driftbudget!A5, Driftbudget!B7 och 3 till": the cells of the blockers, for one line of text. */
export function blockerCells(blockers: readonly Finding[], lang: 'sv' | 'en' = 'sv', shown = 5): string {
  const cells = blockers.slice(0, shown).map((f) => `${f.sheet}!${f.cell}`);
  const more = blockers.length - cells.length;
  if (more > 0) return `${cells.join(', ')} ${lang === 'sv' ? `och ${more} till` : `and ${more} more`}`;
  return cells.join(', ');
}

/** Why nothing was written, Swedish and English. */
export function blockedMessage(blockers: readonly Finding[]): { sv: string; en: string } {
  const n = blockers.length;
  return {
    sv:
      `${n === 1 ? 'Ett namn' : `${n} namn`} i indata har en osynlig skillnad (mellanslag på slutet, hårt mellanslag, dubbla mellanslag eller ` +
      `ett ä skrivet som a + prickar): ${blockerCells(blockers, 'sv')}. Formlerna skulle då visa fel summor, så inget skrevs. ` +
      'Rätta cellerna (Kontrollera budget → Åtgärda alla, eller budgetkoll validate visar dem) och försök igen.',
    en:
      `${n === 1 ? 'A name' : `${n} names`} in the inputs ${n === 1 ? 'has' : 'have'} an invisible difference (trailing space, non-breaking space, double spaces or ` +
      `an ä written as a + dots): ${blockerCells(blockers, 'en')}. The formulas would then show wrong totals, so nothing was written. ` +
      'Correct the cells (Check budget → Fix all, or budgetkoll validate lists them) and try again.',
  };
}
