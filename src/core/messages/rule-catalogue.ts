/**
 * The rule catalogue: every rule id with its severity and its messages (Swedish first, English),
 * in one place. Recognition and the rules create findings only through `makeFinding`, so a rule's
 * wording and severity are defined once. Adding a rule = adding an entry here (and its check).
 */
import type { Finding, Severity } from '../findings';

/** Parameters a message may use; all already formatted for display (Swedish number format). */
export type MessageParams = Record<string, string | number>;

export interface RuleEntry {
  severity: Severity;
  /** One-line title for lists and docs. */
  title: { sv: string; en: string };
  message: { sv: (p: MessageParams) => string; en: (p: MessageParams) => string };
  /** How to fix, Swedish and English. */
  fix: { sv: string; en: string };
}

const entry = (e: RuleEntry): RuleEntry => e;

export const RULE_CATALOGUE = {
  'STRUCT-MISSING-TABLE': entry({
    severity: 'error',
    title: { sv: 'Indata saknas', en: 'Input missing' },
    message: {
      sv: (p) => `Tabellen eller fliken ”${p.input}” saknas. Den behövs för ${p.job}.`,
      en: (p) => `The table or sheet "${p.input}" is missing. It is needed for ${p.jobEn}.`,
    },
    fix: {
      sv: 'Lägg till fliken (Mallar → Skapa tomma mallflikar) eller döp om din flik/tabell till namnet ovan.',
      en: 'Add the sheet (Templates → Create blank template sheets) or rename your sheet/table to the name above.',
    },
  }),
  'STRUCT-MISSING-COLUMN': entry({
    severity: 'error',
    title: { sv: 'Kolumn saknas', en: 'Column missing' },
    message: {
      sv: (p) => `”${p.input}” saknar kolumnen ”${p.column}”. Hittade rubriker: ${p.found}.`,
      en: (p) => `"${p.input}" has no column "${p.column}". Headers found: ${p.found}.`,
    },
    fix: {
      sv: 'Lägg till kolumnen eller rätta rubriken så att den heter som i mallen.',
      en: 'Add the column or correct the header to match the template.',
    },
  }),
  'STRUCT-YEARS': entry({
    severity: 'error',
    title: { sv: 'Fel årskolumner', en: 'Wrong year columns' },
    message: {
      sv: (p) => `”${p.input}” har årskolumnerna ${p.found}, men ska ha ${p.expected}.`,
      en: (p) => `"${p.input}" has the year columns ${p.found} but should have ${p.expected}.`,
    },
    fix: {
      sv: 'Budgettabeller ska ha exakt tre på varandra följande år: budgetåret och två planår, samma i alla tabeller.',
      en: 'Budget tables must have exactly three consecutive years (budget year and two plan years), the same in every table.',
    },
  }),
  'STRUCT-AMBIGUOUS': entry({
    severity: 'warning',
    title: { sv: 'Två källor för samma indata', en: 'Two sources for one input' },
    message: {
      sv: (p) => `”${p.input}” finns både som tabellen ”${p.table}” och som fliken ”${p.sheet}”, och de skiljer sig åt. Tabellen används.`,
      en: (p) => `"${p.input}" exists both as the table "${p.table}" and as the sheet "${p.sheet}", and they differ. The table is used.`,
    },
    fix: {
      sv: 'Ta bort eller döp om den källa som inte gäller.',
      en: 'Remove or rename the source that does not apply.',
    },
  }),
  'STRUCT-UNKNOWN-PARAMETER': entry({
    severity: 'warning',
    title: { sv: 'Okänd parameter', en: 'Unknown parameter' },
    message: {
      sv: (p) => `Parametern ”${p.name}” känns inte igen och används inte.`,
      en: (p) => `The parameter "${p.name}" is not recognised and is not used.`,
    },
    fix: {
      sv: 'Kända parametrar: Kommun, Budgetår, Prisnivå, Uppräkning <år>, Finansiellt mål, Tolerans, Korrigering, Modell. Rätta stavningen eller ta bort raden.',
      en: 'Known parameters: Kommun, Budgetår, Prisnivå, Uppräkning <year>, Finansiellt mål, Tolerans, Korrigering, Modell. Fix the spelling or remove the row.',
    },
  }),
  'CELL-ERROR': entry({
    severity: 'error',
    title: { sv: 'Felvärde i cell', en: 'Error value in cell' },
    message: {
      sv: (p) => `Cellen innehåller felvärdet ${p.code} (${p.column}${p.board ? `, ${p.board}` : ''}).`,
      en: (p) => `The cell holds the error value ${p.code} (${p.column}${p.board ? `, ${p.board}` : ''}).`,
    },
    fix: {
      sv: 'Rätta formeln eller skriv in värdet. Felvärdet räknas inte med.',
      en: 'Correct the formula or enter the value. The error value is not counted.',
    },
  }),
  'CELL-TEXT-NUMBER': entry({
    severity: 'error',
    title: { sv: 'Tal lagrat som text', en: 'Number stored as text' },
    message: {
      sv: (p) => `”${p.text}” i ${p.column} är ett tal lagrat som text.`,
      en: (p) => `"${p.text}" in ${p.column} is a number stored as text.`,
    },
    fix: {
      sv: 'Gör om till tal (snabbfix: ”Konvertera till tal”).',
      en: 'Convert it to a number (quick fix: "Convert to number").',
    },
  }),
  'CELL-NOT-NUMBER': entry({
    severity: 'error',
    title: { sv: 'Text i sifferkolumn', en: 'Text in a numeric column' },
    message: {
      sv: (p) => `”${p.text}” i ${p.column} är inte ett tal. Cellen räknas som 0.`,
      en: (p) => `"${p.text}" in ${p.column} is not a number. The cell counts as 0.`,
    },
    fix: { sv: 'Skriv ett tal i cellen eller lämna den tom.', en: 'Enter a number or leave the cell empty.' },
  }),
  'CELL-EMPTY-KEY': entry({
    severity: 'error',
    title: { sv: 'Tom nyckelcell', en: 'Empty key cell' },
    message: {
      sv: (p) => `${p.column} saknas på en rad som har belopp.`,
      en: (p) => `${p.columnEn} is missing on a row that has amounts.`,
    },
    fix: { sv: 'Fyll i cellen så att raden kan knytas till rätt ställe.', en: 'Fill in the cell so the row can be attributed.' },
  }),
  'CELL-EMPTY-AMOUNT': entry({
    severity: 'warning',
    title: { sv: 'Tomt belopp', en: 'Empty amount' },
    message: {
      sv: (p) => `Beloppet i ${p.column} är tomt och räknas som 0.`,
      en: (p) => `The amount in ${p.column} is empty and counts as 0.`,
    },
    fix: { sv: 'Skriv 0 om beloppet ska vara noll, annars rätt belopp.', en: 'Enter 0 if the amount is zero, otherwise the right amount.' },
  }),
} satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULE_CATALOGUE;

/** Where a finding points. */
export interface FindingPlace {
  sheet: string;
  cell: string;
  range?: string;
  board?: string;
}

/** The one way to create a finding: severity and texts come from the catalogue. */
export function makeFinding(rule: RuleId, place: FindingPlace, params: MessageParams = {}): Finding {
  const def: RuleEntry = RULE_CATALOGUE[rule];
  const finding: Finding = {
    rule,
    severity: def.severity,
    sheet: place.sheet,
    cell: place.cell,
    message: def.message.sv(params),
    message_en: def.message.en(params),
    fix: def.fix.sv,
  };
  if (place.range) finding.range = place.range;
  if (place.board) finding.board = place.board;
  return finding;
}
