/** Rules about the inputs' structure and cells (STRUCT-*, CELL-*): part of the rule catalogue. */
import { entry, type RuleEntry } from './rule-entry';

export const STRUCTURE_RULES = {
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
    missing: { sv: (p) => `${p.input} (tabell eller flik)`, en: (p) => `${p.input} (table or sheet)` },
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
  'MAP-STALE': entry({
    severity: 'error',
    title: { sv: 'Kopplingen passar inte längre', en: 'The mapping no longer fits' },
    // The message is the mapping check's own (mapping-check.ts): it names the key, the sheet and the cell.
    message: { sv: (p) => String(p.message), en: (p) => String(p.messageEn) },
    fix: {
      sv: 'Koppla om: öppna Koppla indata och välj var indatat finns nu, eller ändra tillbaka fliken. Indatat läses inte förrän kopplingen passar.',
      en: 'Map again: open Koppla indata and choose where the input is now, or change the sheet back. The input is not read until the mapping fits.',
    },
  }),
  'MAP-SKIPPED-ROW': entry({
    severity: 'warning',
    title: { sv: 'Överhoppad rad med belopp', en: 'Skipped row with amounts' },
    message: {
      sv: (p) => `Rad ${p.row} i ${p.input} hoppas över enligt kopplingen men har en nämnd och belopp. Kontrollen räknar inte med den, men formler som summerar kolumnen per nämnd (uppföljningsflikarna) gör det.`,
      en: (p) => `Row ${p.row} of ${p.input} is skipped by the mapping but has a nämnd and amounts. The check leaves it out, but formulas summing the column by nämnd (the follow-up tabs) count it.`,
    },
    fix: {
      sv: 'Töm nämndcellen eller beloppen på raden, eller koppla om och ta bort raden ur ”rader att hoppa över” om den ska räknas.',
      en: 'Clear the row’s nämnd cell or amounts, or map again and take the row out of "rows to skip" if it should count.',
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
  'STRUCT-EMPTY-INPUT': entry({
    severity: 'error',
    title: { sv: 'Indata är tomt', en: 'Input is empty' },
    message: {
      sv: (p) => `”${p.input}” har rubriker men inga rader. Den behövs för ${p.job}.`,
      en: (p) => `"${p.input}" has headers but no rows. It is needed for ${p.jobEn}.`,
    },
    fix: {
      sv: 'Fyll i raderna under rubrikerna (en rad per nämnd i Ramar, en rad per nämnd, verksamhet och konto i Driftbudget).',
      en: 'Fill in the rows under the headers (one row per board in Ramar, one per board, activity and account in Driftbudget).',
    },
    missing: { sv: (p) => `${p.input} (inga rader)`, en: (p) => `${p.input} (no rows)` },
  }),
  'STRUCT-EMPTY-YEAR': entry({
    severity: 'error',
    title: { sv: 'År utan belopp', en: 'Year without figures' },
    message: {
      sv: (p) => `”${p.input}” har inga belopp för ${p.year}: kolumnen är tom på alla rader.`,
      en: (p) => `"${p.input}" has no figures for ${p.year}: the column is empty on every row.`,
    },
    fix: {
      sv: 'Fyll i beloppen för året (skriv 0 där beloppet verkligen är noll). Budgeten gäller tre år: budgetåret och två planår.',
      en: 'Fill in the amounts for the year (enter 0 where an amount really is zero). The budget covers three years: the budget year and two plan years.',
    },
    missing: { sv: (p) => `${p.input} ${p.year} (inga belopp)`, en: (p) => `${p.input} ${p.year} (no figures)` },
  }),
  'STRUCT-OUTSIDE-TABLE': entry({
    severity: 'error',
    title: { sv: 'Rader under tabellen', en: 'Rows below the table' },
    message: {
      sv: (p) => `${p.count} ${p.count === 1 ? 'rad' : 'rader'} direkt under tabellen ”${p.table}” (rad ${p.rows}) har belopp men ligger utanför tabellen och räknas inte med.`,
      en: (p) => `${p.count} ${p.count === 1 ? 'row' : 'rows'} directly below the table "${p.table}" (${p.count === 1 ? 'row' : 'rows'} ${p.rows}) ${p.count === 1 ? 'has' : 'have'} amounts but ${p.count === 1 ? 'lies' : 'lie'} outside the table and ${p.count === 1 ? 'is' : 'are'} not counted.`,
    },
    fix: {
      sv: 'Utöka tabellen så att raderna kommer med (snabbfix: ”Utöka tabellen”; för hand: Tabelldesign → Ändra tabellstorlek), eller ta bort raderna.',
      en: 'Extend the table to include the rows (quick fix: "Extend the table"; by hand: Table Design → Resize Table), or delete the rows.',
    },
  }),
  'STRUCT-OUTSIDE-TABLE-TEXT': entry({
    severity: 'warning',
    publicId: 'STRUCT-OUTSIDE-TABLE',
    title: { sv: 'Celler intill tabellen', en: 'Cells next to the table' },
    message: {
      sv: (p) => `${p.what} direkt ${p.where} tabellen ”${p.table}” (${p.cells}) ligger utanför tabellen och läses inte.`,
      en: (p) => `${p.whatEn} directly ${p.whereEn} the table "${p.table}" (${p.cells}) ${p.count === 1 ? 'lies' : 'lie'} outside the table and ${p.count === 1 ? 'is' : 'are'} not read.`,
    },
    fix: {
      sv: 'Hör cellerna till tabellen: utöka den (snabbfix: ”Utöka tabellen”; för hand: Tabelldesign → Ändra tabellstorlek). Annars: lämna en tom rad eller kolumn mellan tabellen och cellerna.',
      en: 'If the cells belong to the table, extend it (quick fix: "Extend the table"; by hand: Table Design → Resize Table). Otherwise leave an empty row or column between the table and the cells.',
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
  'CELL-CIRCULAR': entry({
    severity: 'error',
    title: { sv: 'Cirkelreferens', en: 'Circular reference' },
    message: {
      sv: (p) =>
        `Cellen ingår i en cirkelreferens: ${p.cells}${Number(p.more) > 0 ? ` och ${p.more} celler till` : ''}. Värdet i ${p.column} är det som blev kvar vid senaste beräkningen (ofta 0) och går inte att lita på.`,
      en: (p) =>
        `The cell is part of a circular reference: ${p.cells}${Number(p.more) > 0 ? ` and ${p.more} more cells` : ''}. The value in ${p.column} is whatever the last calculation left (often 0) and cannot be trusted.`,
    },
    fix: {
      sv: 'Bryt cirkeln: ändra formeln så att den inte räknar på sig själv, direkt eller via cellerna ovan, eller skriv in beloppet som ett värde (Excel: Formler → Felkontroll → Cirkelreferenser).',
      en: 'Break the circle: change the formula so it does not depend on itself, directly or through the cells above, or enter the amount as a value (Excel: Formulas → Error Checking → Circular References).',
    },
  }),
  'CELL-FORMULA-UNTRUSTED': entry({
    severity: 'warning',
    title: { sv: 'Formel som Budgetkoll inte kan lita på', en: 'Formula Budgetkoll cannot trust' },
    message: {
      sv: (p) =>
        p.reason === 'external'
          ? `Formeln ${p.formula} i ${p.column} hämtar sitt värde från en annan arbetsbok. Budgetkoll läser värdet från när länken senast uppdaterades, och det kan vara inaktuellt.`
          : p.reason === 'indirect'
            ? `Formeln ${p.formula} i ${p.column} använder ${p.functions}: vilka celler den räknar på syns inte i formeln, så Budgetkoll kan inte kontrollera den (till exempel för cirkelreferenser).`
            : `Formeln ${p.formula} i ${p.column} använder ${p.functions}: värdet ändras varje gång arbetsboken räknas om, så beloppet är inte fast.`,
      en: (p) =>
        p.reason === 'external'
          ? `The formula ${p.formula} in ${p.column} takes its value from another workbook. Budgetkoll reads the value from when the link was last updated, which may be out of date.`
          : p.reason === 'indirect'
            ? `The formula ${p.formula} in ${p.column} uses ${p.functions}: the cells it depends on are not visible in the formula, so Budgetkoll cannot check it (for circular references, for example).`
            : `The formula ${p.formula} in ${p.column} uses ${p.functions}: its value changes each time the workbook recalculates, so the amount is not fixed.`,
    },
    fix: {
      sv: 'Skriv in beloppet som ett värde (Kopiera → Klistra in värden), eller skriv referensen direkt (=Ramar!C5). Länkar till andra arbetsböcker: uppdatera dem (Data → Redigera länkar) och spara innan du kontrollerar.',
      en: 'Enter the amount as a value (Copy → Paste values), or write the reference directly (=Ramar!C5). Links to other workbooks: update them (Data → Edit Links) and save before checking.',
    },
  }),
} satisfies Record<string, RuleEntry>;
