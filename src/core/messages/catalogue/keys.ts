/** Rules about row keys (KEY-*, UTF-PERIOD-FORM): part of the rule catalogue. */
import { entry, type RuleEntry } from './rule-entry';

/** KEY-SPELLING-VARIANT: the invisible differences (text/normalize.ts spellingVariant), in words. */
const SPELLING_WORDS: Record<string, { sv: string; en: string }> = {
  leading: { sv: 'ett mellanslag i början', en: 'a space at the start' },
  trailing: { sv: 'ett mellanslag på slutet', en: 'a space at the end' },
  nbsp: { sv: 'ett hårt mellanslag (som ser ut som ett vanligt)', en: 'a non-breaking space (that looks like an ordinary one)' },
  double: { sv: 'dubbla mellanslag', en: 'double spaces' },
  otherSpace: { sv: 'en tabb eller radbrytning', en: 'a tab or line break' },
};

function spellingWhat(kinds: string, letter: string, lang: 'sv' | 'en'): string {
  const [precomposed, base] = letter.split('|');
  const words = kinds
    .split(',')
    .filter((k) => k !== '')
    .map((k) =>
      k === 'decomposed'
        ? lang === 'sv'
          ? `ett ”${precomposed}” skrivet som ”${base}” + ett separat tecken (prickar, ring eller accent)`
          : `an "${precomposed}" written as "${base}" + a separate mark (dots, ring or accent)`
        : SPELLING_WORDS[k]?.[lang] ?? k,
    );
  const and = lang === 'sv' ? ' och ' : ' and ';
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')}${and}${words[words.length - 1]}`;
}

export const KEY_RULES = {
  'KEY-DUPLICATE': entry({
    severity: 'error',
    title: { sv: 'Dubblerad rad', en: 'Duplicate row' },
    message: {
      sv: (p) => `${p.key} finns två gånger i ”${p.input}” (även rad ${p.otherRow}).`,
      en: (p) => `${p.key} appears twice in "${p.input}" (also row ${p.otherRow}).`,
    },
    fix: { sv: 'Slå ihop raderna eller ta bort den ena.', en: 'Merge the rows or remove one of them.' },
  }),
  'KEY-UNKNOWN-NAMND': entry({
    severity: 'error',
    title: { sv: 'Okänd nämnd', en: 'Unknown board' },
    message: {
      sv: (p) => `Nämnden ”${p.board}” i ”${p.input}” finns inte i Ramar.${p.suggestion ? ` Menade du ”${p.suggestion}”?` : ''}`,
      en: (p) => `The board "${p.board}" in "${p.input}" is not in Ramar.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''}`,
    },
    fix: {
      sv: 'Stava nämnden som i Ramar (snabbfix när ett närliggande namn finns), eller lägg till nämnden i Ramar.',
      en: 'Spell the board as in Ramar (quick fix when a close name exists), or add the board to Ramar.',
    },
  }),
  'KEY-SPELLING-VARIANT': entry({
    severity: 'error',
    title: { sv: 'Namn med osynlig skillnad', en: 'Name with an invisible difference' },
    message: {
      sv: (p) =>
        `${p.column} ”${p.visible}” har ${spellingWhat(String(p.kinds), String(p.letter), 'sv')}. Budgetkoll läser det som ”${p.name}”, men formlerna i ` +
        `uppföljningsflikarna (SUMIFS) jämför texten exakt och skulle inte räkna med raden – summan blir fel.`,
      en: (p) =>
        `${p.columnEn} "${p.visible}" has ${spellingWhat(String(p.kinds), String(p.letter), 'en')}. Budgetkoll reads it as "${p.name}", but the formulas of ` +
        `the follow-up tabs (SUMIFS) compare the text exactly and would leave the row out – the total would be wrong.`,
    },
    fix: {
      sv: 'Skriv namnet utan den osynliga skillnaden (snabbåtgärd: Rätta stavningen; Åtgärda alla rättar alla sådana celler). Uppföljningsflikar skrivs inte förrän det är rättat.',
      en: 'Write the name without the invisible difference (quick fix: Correct the spelling; Fix all corrects every such cell). Follow-up tabs are not written until it is fixed.',
    },
  }),
  'UTF-PERIOD-FORM': entry({
    severity: 'error',
    title: { sv: 'Period i en form som formlerna inte räknar', en: 'Period in a form the formulas do not count' },
    message: {
      sv: (p) =>
        `${p.column} ”${p.text}” läser Budgetkoll som ${p.period}, men formlerna i uppföljningsflikarna (SUMIFS) räknar bara perioder ` +
        `skrivna som text ”ÅÅÅÅ-MM” (här ”${p.period}”), som datum eller som talet ÅÅÅÅMM och skulle inte räkna med raden – utfallet blir fel.`,
      en: (p) =>
        `${p.column} "${p.text}" is read by Budgetkoll as ${p.period}, but the formulas of the follow-up tabs (SUMIFS) count only periods ` +
        `written as text "YYYY-MM" (here "${p.period}"), as dates or as the number YYYYMM and would leave the row out – the actuals would be wrong.`,
    },
    fix: {
      sv: 'Skriv perioden som ”ÅÅÅÅ-MM”, t.ex. 2027-08 (snabbåtgärd: Skriv perioden; Åtgärda alla rättar alla sådana celler). Uppföljningsflikar skrivs inte förrän det är rättat.',
      en: 'Write the period as "YYYY-MM", e.g. 2027-08 (quick fix: Write the period; Fix all corrects every such cell). Follow-up tabs are not written until it is fixed.',
    },
  }),
  'KEY-NAMND-NO-BUDGET': entry({
    severity: 'error',
    title: { sv: 'Nämnd utan budget', en: 'Board without budget' },
    message: {
      sv: (p) => `${p.board} har en ram i Ramar men inga rader i Driftbudget.`,
      en: (p) => `${p.board} has a frame in Ramar but no rows in Driftbudget.`,
    },
    fix: { sv: 'Lägg in nämndens detaljbudget i Driftbudget, eller kontrollera stavningen.', en: "Add the board's detail budget to Driftbudget, or check the spelling." },
    missing: { sv: (p) => `Driftbudget för ${p.board}`, en: (p) => `Driftbudget for ${p.board}` },
  }),
  'KEY-NAMND-NO-FRAME': entry({
    severity: 'error',
    title: { sv: 'Nämnd utan ram', en: 'Board without frame' },
    message: {
      sv: (p) => `${p.board} står i Ramar men ramcellerna är tomma för alla år${p.budgeted ? ', fast nämnden har rader i Driftbudget' : ''}.`,
      en: (p) => `${p.board} is listed in Ramar but its frame cells are empty for every year${p.budgeted ? ', although the board has rows in Driftbudget' : ''}.`,
    },
    fix: {
      sv: 'Skriv KF:s ram för nämnden för alla tre åren (tkr), eller ta bort raden om nämnden inte ska ha någon ram.',
      en: "Enter KF's frame for the board for all three years (tkr), or delete the row if the board has no frame.",
    },
    missing: { sv: (p) => `ram för ${p.board}`, en: (p) => `frame for ${p.board}` },
  }),
  'KEY-KONTO': entry({
    severity: 'error',
    title: { sv: 'Ogiltigt konto', en: 'Invalid account' },
    message: {
      sv: (p) => `Kontot ”${p.account}” är inget Kommun-Bas-konto i klass 3–7${p.reason ? ` (${p.reason})` : ''}.`,
      en: (p) => `The account "${p.account}" is not a Kommun-Bas account of class 3–7${p.reasonEn ? ` (${p.reasonEn})` : ''}.`,
    },
    fix: {
      sv: 'Använd ett konto med 2–6 siffror där första siffran är 3–7 (3 intäkter, 4–7 kostnader). Klass 8 hör till finansförvaltningen.',
      en: 'Use an account of 2–6 digits starting with 3–7 (3 revenues, 4–7 costs). Class 8 belongs to central finance.',
    },
  }),
  'KEY-KONTO-KLASS8': entry({
    severity: 'warning',
    publicId: 'KEY-KONTO',
    title: { sv: 'Konto i klass 8', en: 'Class 8 account' },
    message: {
      sv: (p) => `Kontot ”${p.account}” är i klass 8 (finansiella poster), som normalt bara används av finansförvaltningen.`,
      en: (p) => `The account "${p.account}" is class 8 (financial items), normally used by central finance only.`,
    },
    fix: { sv: 'Kontrollera att kontot ska ligga i nämndens driftbudget.', en: "Check that the account belongs in the board's operating budget." },
  }),
} satisfies Record<string, RuleEntry>;
