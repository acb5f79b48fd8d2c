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
  /** The public rule id when this entry is a variant of another rule (KEY-KONTO's class-8 warning). */
  publicId?: string;
  /** One-line title for lists and docs. */
  title: { sv: string; en: string };
  message: { sv: (p: MessageParams) => string; en: (p: MessageParams) => string };
  /** How to fix, Swedish and English. */
  fix: { sv: string; en: string };
  /** Completeness rules: what the submission lacks, for the verdict ("det saknas …"). */
  missing?: { sv: (p: MessageParams) => string; en: (p: MessageParams) => string };
}

const entry = (e: RuleEntry): RuleEntry => e;

/** A status cell left blank: callers pass '' or the placeholder '(tom)'; the message then says it is missing. */
function blankStatus(status: unknown): boolean {
  return status === undefined || status === null || String(status).trim() === '' || status === '(tom)';
}

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
  'RAM-OVER': entry({
    severity: 'error',
    title: { sv: 'Budget över ram', en: 'Budget over frame' },
    message: {
      sv: (p) => `${p.board} ${p.year}: nettobudgeten ${p.budget} överstiger ramen ${p.frame} med ${p.diff}.`,
      en: (p) => `${p.board} ${p.year}: the net budget ${p.budget} exceeds the frame ${p.frame} by ${p.diff}.`,
    },
    fix: {
      sv: 'Ekonomin är överordnad verksamheten: minska kostnaderna eller öka intäkterna i Driftbudget så att nämnden ryms inom ramen.',
      en: 'Finances come first: reduce costs or increase revenues in Driftbudget so the board fits its frame.',
    },
  }),
  'RAM-UNDER': entry({
    severity: 'warning',
    title: { sv: 'Ram inte fullt budgeterad', en: 'Frame not fully budgeted' },
    message: {
      sv: (p) => `${p.board} ${p.year}: nettobudgeten ${p.budget} är ${p.diff} lägre än ramen ${p.frame}.`,
      en: (p) => `${p.board} ${p.year}: the net budget ${p.budget} is ${p.diff} below the frame ${p.frame}.`,
    },
    fix: { sv: 'Fördela hela ramen i Driftbudget, eller förklara överskottet.', en: 'Allocate the whole frame in Driftbudget, or explain the surplus.' },
  }),
  'RAM-NEGATIVE': entry({
    severity: 'warning',
    title: { sv: 'Ram noll eller negativ', en: 'Frame zero or negative' },
    message: {
      sv: (p) => `${p.board} ${p.year}: ramen är ${p.frame}. Ramar är nettokostnader och normalt positiva.`,
      en: (p) => `${p.board} ${p.year}: the frame is ${p.frame}. Frames are net costs and normally positive.`,
    },
    fix: { sv: 'Kontrollera tecknet och beloppet i Ramar.', en: 'Check the sign and the amount in Ramar.' },
  }),
  'RAM-JUMP': entry({
    severity: 'info',
    title: { sv: 'Stor ramförändring', en: 'Large frame change' },
    message: {
      sv: (p) => `${p.board}: ramen ändras med ${p.change} från ${p.from} till ${p.to} (${p.fromYear}→${p.toYear}).`,
      en: (p) => `${p.board}: the frame changes by ${p.change} from ${p.from} to ${p.to} (${p.fromYear}→${p.toYear}).`,
    },
    fix: { sv: 'Kontrollera att förändringen är avsedd.', en: 'Check that the change is intended.' },
  }),
  'RAM-BALANSKRAV': entry({
    severity: 'error',
    title: { sv: 'Balanskravet uppfylls inte', en: 'Balanced-budget requirement not met' },
    message: {
      sv: (p) => `${p.year}: resultatet blir ${p.result} (intäkter ${p.income} − ramar ${p.frames} − övriga poster ${p.other}). Balanskravet kräver minst 0.`,
      en: (p) => `${p.year}: the result is ${p.result} (income ${p.income} − frames ${p.frames} − other items ${p.other}). The balanced-budget requirement needs at least 0.`,
    },
    fix: { sv: 'Minska ramarna eller se över finansieringen så att resultatet blir minst noll (kommunallagen 11 kap.).', en: 'Reduce the frames or revise financing so the result is at least zero.' },
  }),
  'RAM-FINANSIELLT-MAL': entry({
    severity: 'warning',
    title: { sv: 'Finansiellt mål nås inte', en: 'Financial target not met' },
    message: {
      sv: (p) => `${p.year}: resultatet ${p.result} är ${p.share} av skatteintäkter och generella statsbidrag; målet är ${p.target} (${p.targetAmount}).`,
      en: (p) => `${p.year}: the result ${p.result} is ${p.share} of taxes and general grants; the target is ${p.target} (${p.targetAmount}).`,
    },
    fix: { sv: 'God ekonomisk hushållning: justera ramarna så att resultatmålet nås.', en: 'Sound financial management: adjust the frames to reach the result target.' },
  }),
  'SUM-MISMATCH': entry({
    severity: 'error',
    title: { sv: 'Summarad stämmer inte', en: 'Total row does not add up' },
    message: {
      sv: (p) => `Summaraden visar ${p.total} men raderna den summerar blir ${p.sum} (skillnad ${p.diff}) i ${p.column}.`,
      en: (p) => `The total row shows ${p.total} but the rows it closes add up to ${p.sum} (difference ${p.diff}) in ${p.column}.`,
    },
    fix: { sv: 'Summera med SUMMA över alla rader i blocket, eller rätta beloppen.', en: 'Use SUM over every row of the block, or correct the amounts.' },
  }),
  'SUM-RANGE': entry({
    severity: 'warning',
    title: { sv: 'Summaformel täcker inte alla rader', en: 'SUM does not cover every row' },
    message: {
      sv: (p) => `Formeln ${p.formula} täcker inte alla rader i blocket (${p.block}).`,
      en: (p) => `The formula ${p.formula} does not cover every row of the block (${p.block}).`,
    },
    fix: { sv: 'Utöka summaområdet så att det täcker alla rader ovanför.', en: 'Extend the SUM range to cover every row above.' },
  }),
  'VOL-MISSING': entry({
    severity: 'error',
    title: { sv: 'Volymrad ofullständig', en: 'Volume row incomplete' },
    message: {
      sv: (p) => `${p.board}, ${p.activity}: ${p.missing} saknas. Raden lämnas utanför resursfördelningen.`,
      en: (p) => `${p.board}, ${p.activity}: ${p.missingEn} missing. The row is left out of the allocation.`,
    },
    fix: { sv: 'Fyll i kostnad per enhet och alla fem volymer.', en: 'Fill in the unit cost and all five volumes.' },
  }),
  'VOL-NEGATIVE': entry({
    severity: 'error',
    title: { sv: 'Negativ volym eller kostnad', en: 'Negative volume or cost' },
    message: {
      sv: (p) => `${p.board}, ${p.activity}: ${p.column} är negativ (${p.value}).`,
      en: (p) => `${p.board}, ${p.activity}: ${p.column} is negative (${p.value}).`,
    },
    fix: { sv: 'Volymer och kostnad per enhet kan inte vara negativa.', en: 'Volumes and unit costs cannot be negative.' },
  }),
  'VOL-JUMP': entry({
    severity: 'warning',
    title: { sv: 'Stort hopp i prognos', en: 'Large forecast jump' },
    message: {
      sv: (p) => `${p.board}, ${p.activity}: prognosen ändras ${p.change} från ${p.fromYear} till ${p.toYear} (${p.from} → ${p.to}).`,
      en: (p) => `${p.board}, ${p.activity}: the forecast changes ${p.change} from ${p.fromYear} to ${p.toYear} (${p.from} → ${p.to}).`,
    },
    fix: { sv: 'Kontrollera prognosen mot befolkningsprognosen.', en: 'Check the forecast against the population forecast.' },
  }),
  'VOL-FORECAST-MISS': entry({
    severity: 'info',
    title: { sv: 'Prognosen missade utfallet', en: 'Forecast missed the outcome' },
    message: {
      sv: (p) => `${p.board}, ${p.activity}: utfallet ${p.year} (${p.actual}) skiljer sig ${p.share} från prognosen (${p.forecast}). Korrigeringen ger ${p.correction} enheter.`,
      en: (p) => `${p.board}, ${p.activity}: the ${p.year} outcome (${p.actual}) differs ${p.share} from the forecast (${p.forecast}). The correction is ${p.correction} units.`,
    },
    fix: { sv: 'Ingen åtgärd krävs; modellen korrigerar mot utfallet. Se över prognosmetoden.', en: 'No action needed; the model corrects against the outcome. Review the forecasting.' },
  }),
  'OVR-POLITICAL': entry({
    severity: 'error',
    title: { sv: 'Politisk post i övriga förändringar', en: 'Political item in other changes' },
    message: {
      sv: (p) => `${p.board}: ”${p.description}” har typen ”${p.type}”. Steg 5 gäller bara icke-politiska kostnadsförändringar; raden räknas inte med.`,
      en: (p) => `${p.board}: "${p.description}" has the type "${p.type}". Step 5 is for non-political cost changes only; the row is not counted.`,
    },
    fix: { sv: 'Flytta politiska satsningar till budgetberedningen (skillnaden mot Ramar), inte till Övriga förändringar.', en: 'Move political priorities to the budget preparation (the difference to Ramar), not to other changes.' },
  }),
  'OVR-NO-DESCRIPTION': entry({
    severity: 'warning',
    title: { sv: 'Förändring utan beskrivning', en: 'Change without description' },
    message: {
      sv: (p) => `${p.board}: ett belopp i Övriga förändringar saknar beskrivning.`,
      en: (p) => `${p.board}: an amount in other changes has no description.`,
    },
    fix: { sv: 'Beskriv vad förändringen avser – modellen ska vara transparent.', en: 'Describe the change – the model must be transparent.' },
  }),
  'ALLOC-RECONCILE': entry({
    severity: 'info',
    title: { sv: 'Modellen skiljer sig från ramen', en: 'Model differs from the frame' },
    message: {
      sv: (p) => `${p.board} ${p.year}: modellens förslag ${p.proposed}, KF:s ram ${p.frame}; skillnaden ${p.diff} är politiska prioriteringar och övrigt.`,
      en: (p) => `${p.board} ${p.year}: the model proposes ${p.proposed}, KF's frame is ${p.frame}; the difference ${p.diff} is political priorities and other.`,
    },
    fix: { sv: 'Ingen åtgärd krävs; skillnaden redovisas för transparens.', en: 'No action needed; the difference is shown for transparency.' },
  }),
  'IK-MISSING': entry({
    severity: 'warning',
    title: { sv: 'Internkontrollplan saknas', en: 'Internal control plan missing' },
    message: {
      sv: (p) => (p.board ? `${p.board} har ingen internkontrollplan.` : 'Arbetsboken har ingen Internkontrollplan.'),
      en: (p) => (p.board ? `${p.board} has no internal control plan.` : 'The workbook has no Internkontrollplan.'),
    },
    fix: { sv: 'Nämndens budget ska innehålla en internkontrollplan grundad på en risk- och väsentlighetsanalys.', en: "The board's budget should contain an internal control plan based on a risk and materiality analysis." },
  }),
  'IK-SCALE': entry({
    severity: 'error',
    title: { sv: 'Värde utanför skalan', en: 'Value outside the scale' },
    message: {
      sv: (p) => `${p.board}: ${p.column} är ${p.value}, men skalan är ${p.min}–${p.max}.`,
      en: (p) => `${p.board}: ${p.column} is ${p.value}, but the scale is ${p.min}–${p.max}.`,
    },
    fix: { sv: 'Ange ett heltal på skalan.', en: 'Enter a whole number on the scale.' },
  }),
  'IK-RISKVARDE': entry({
    severity: 'error',
    title: { sv: 'Fel riskvärde', en: 'Wrong risk value' },
    message: {
      sv: (p) => `${p.board}: riskvärdet är ${p.value} men sannolikhet × konsekvens = ${p.expected}.`,
      en: (p) => `${p.board}: the risk value is ${p.value} but probability × consequence = ${p.expected}.`,
    },
    fix: { sv: 'Riskvärde = sannolikhet × konsekvens.', en: 'Risk value = probability × consequence.' },
  }),
  'IK-NO-CONTROL': entry({
    severity: 'error',
    title: { sv: 'Hög risk utan kontroll', en: 'High risk without control' },
    message: {
      sv: (p) => `${p.board}: risken ”${p.risk}” har riskvärde ${p.value} men ingen kontrollaktivitet.`,
      en: (p) => `${p.board}: the risk "${p.risk}" has risk value ${p.value} but no control activity.`,
    },
    fix: { sv: 'Risker med högt riskvärde ska ha en kontrollaktivitet.', en: 'High risks must have a control activity.' },
  }),
  'POL-TOO-MANY': entry({
    severity: 'warning',
    title: { sv: 'Många politiska inriktningar', en: 'Many political directions' },
    message: {
      sv: (p) => `${p.board} har ${p.count} politiska inriktningar; styrmodellen säger få (högst ${p.max}).`,
      en: (p) => `${p.board} has ${p.count} political directions; the governance model says few (at most ${p.max}).`,
    },
    fix: { sv: 'Inriktningarna ska vara få till antalet och kortfattade.', en: 'Directions should be few and brief.' },
  }),
  'POL-TOO-LONG': entry({
    severity: 'warning',
    title: { sv: 'Lång politisk inriktning', en: 'Long political direction' },
    message: {
      sv: (p) => `${p.board}: inriktningen har ${p.length} tecken (högst ${p.max}).`,
      en: (p) => `${p.board}: the direction has ${p.length} characters (at most ${p.max}).`,
    },
    fix: { sv: 'Korta inriktningen; styrmodellen vill ha kortfattade inriktningar.', en: 'Shorten the direction; the governance model wants brief directions.' },
  }),
  'UPP-INCOMPLETE': entry({
    severity: 'warning',
    title: { sv: 'Uppdrag ofullständigt', en: 'Assignment incomplete' },
    message: {
      sv: (p) => `Uppdraget ”${p.assignment}” saknar ${p.missing}.`,
      en: (p) => `The assignment "${p.assignment}" has no ${p.missingEn}.`,
    },
    fix: { sv: 'Ange mottagare och slutdatum så att uppdraget kan följas upp.', en: 'Enter recipient and end date so the assignment can be followed up.' },
  }),
  'UPP-STATUS': entry({
    severity: 'error',
    title: { sv: 'Ogiltig status', en: 'Invalid status' },
    message: {
      sv: (p) =>
        blankStatus(p.status)
          ? 'Statusen saknas. Tillåtna: Ej påbörjat, Pågår, Klart, Avbrutet.'
          : `Statusen ”${p.status}” är inte tillåten. Tillåtna: Ej påbörjat, Pågår, Klart, Avbrutet.`,
      en: (p) =>
        blankStatus(p.status)
          ? 'The status is missing. Allowed: Ej påbörjat, Pågår, Klart, Avbrutet.'
          : `The status "${p.status}" is not allowed. Allowed: Ej påbörjat, Pågår, Klart, Avbrutet.`,
    },
    fix: { sv: 'Välj en status i listan.', en: 'Choose a status from the list.' },
  }),
  'UPF-PROGNOS-MISSING': entry({
    severity: 'error',
    title: { sv: 'Prognos saknas', en: 'Forecast missing' },
    message: {
      sv: (p) => `${p.what}: Prognos helår saknas.`,
      en: (p) => `${p.what}: the full-year forecast (Prognos helår) is missing.`,
    },
    fix: {
      sv: 'Skriv prognosen för helåret i tkr i den gula cellen. Är prognosen lika med budget, skriv budgetbeloppet.',
      en: 'Enter the full-year forecast in tkr in the yellow cell. If it equals the budget, enter the budget amount.',
    },
  }),
  'UPF-ATGARD-MISSING': entry({
    severity: 'error',
    title: { sv: 'Åtgärd saknas vid underskott', en: 'No measure for a deficit' },
    message: {
      sv: (p) => `${p.what}: ${p.basis} ger en avvikelse på ${p.deviation} mot budget, men ingen åtgärd är angiven.`,
      en: (p) => `${p.what}: the ${p.basisEn} gives a deviation of ${p.deviation} against the budget, but no measure is given.`,
    },
    fix: {
      sv: 'Ekonomin är överordnad verksamheten: beskriv under Åtgärder vad som görs för att komma i balans, med effekt i tkr, vem som beslutat och tidplan.',
      en: 'Finances come first: under Åtgärder, describe what is done to get back in balance, with the effect in tkr, who decided and when.',
    },
  }),
  'UPF-PERIOD': entry({
    severity: 'error',
    title: { sv: 'Fel period', en: 'Wrong period' },
    message: {
      sv: (p) => `Fliken är ${p.report} men ${p.found}; det ska vara ${p.expected}.`,
      en: (p) => `The tab is ${p.reportEn} but ${p.foundEn}; it should be ${p.expected}.`,
    },
    fix: {
      sv: 'Skapa fliken på nytt för rätt rapport (Uppföljning → Skapa flik); det du skrivit kan flyttas med Uppdatera.',
      en: 'Create the tab again for the right report (Uppföljning → Create tab); what you typed can be kept with Refresh.',
    },
  }),
  'UPF-PERIOD-UTFALL': entry({
    severity: 'error',
    publicId: 'UPF-PERIOD',
    title: { sv: 'Utfall efter rapportperioden', en: 'Actuals after the report period' },
    message: {
      sv: (p) => `Utfall har ${p.count} rader för ${p.board} med period efter ${p.period} (senast ${p.last}), men fliken redovisar t.o.m. ${p.period}.`,
      en: (p) => `Utfall has ${p.count} rows for ${p.board} with a period after ${p.period} (latest ${p.last}), but the tab reports up to ${p.period}.`,
    },
    fix: {
      sv: 'Använd ett utdrag ur huvudboken t.o.m. rapportperioden, eller skapa fliken för den senare rapporten.',
      en: 'Use a ledger extract up to the report period, or create the tab for the later report.',
    },
  }),
  'UPF-STATUS': entry({
    severity: 'error',
    title: { sv: 'Ogiltig status', en: 'Invalid status' },
    message: {
      sv: (p) =>
        blankStatus(p.status)
          ? `Statusen saknas för ${p.what}. Tillåtna: ${p.allowed}.`
          : `Statusen ”${p.status}” för ${p.what} är inte tillåten. Tillåtna: ${p.allowed}.`,
      en: (p) =>
        blankStatus(p.status)
          ? `The status is missing for ${p.what}. Allowed: ${p.allowed}.`
          : `The status "${p.status}" for ${p.what} is not allowed. Allowed: ${p.allowed}.`,
    },
    fix: { sv: 'Välj en status i listan.', en: 'Choose a status from the list.' },
  }),
  'UPF-PERSONAL-MISSING': entry({
    severity: 'warning',
    title: { sv: 'Personaluppgifter saknas', en: 'Personnel figures missing' },
    message: {
      sv: (p) => `${p.board}: ${p.count} uppgifter i personalredovisningen är tomma (först ${p.first}).`,
      en: (p) => `${p.board}: ${p.count} personnel figures are empty (first ${p.first}).`,
    },
    fix: {
      sv: 'Fyll i anställda, årsarbetare, sjukfrånvaro och personalomsättning för kvinnor, män och totalt. Sjukfrånvaro redovisas inte för grupper med 10 eller färre anställda.',
      en: 'Fill in employees, full-time equivalents, sick leave and staff turnover for women, men and in total. Sick leave is not reported for groups of 10 or fewer employees.',
    },
  }),
  'UPF-PERSONAL-MISSING-ARSBOKSLUT': entry({
    severity: 'error',
    publicId: 'UPF-PERSONAL-MISSING',
    title: { sv: 'Personalredovisning saknas', en: 'Personnel report missing' },
    message: {
      sv: (p) => `${p.board}: ${p.count} uppgifter i personalredovisningen är tomma (först ${p.first}). I årsbokslutet är personalredovisningen obligatorisk.`,
      en: (p) => `${p.board}: ${p.count} personnel figures are empty (first ${p.first}). The annual report requires the personnel report.`,
    },
    fix: {
      sv: 'Fyll i anställda, årsarbetare, sjukfrånvaro och personalomsättning för kvinnor, män och totalt. Sjukfrånvaro redovisas inte för grupper med 10 eller färre anställda.',
      en: 'Fill in employees, full-time equivalents, sick leave and staff turnover for women, men and in total. Sick leave is not reported for groups of 10 or fewer employees.',
    },
  }),
  'UPF-SMALL-GROUP': entry({
    severity: 'error',
    title: { sv: 'Sjukfrånvaro för liten grupp', en: 'Sick leave for a small group' },
    message: {
      sv: (p) => `${p.board}: ${p.metric} redovisas för ${p.group}, som har ${p.employees} anställda. Sjukfrånvaro får inte redovisas för en grupp med 10 eller färre anställda (SFS 2002:1065).`,
      en: (p) => `${p.board}: ${p.metricEn} is reported for ${p.groupEn}, who number ${p.employees} employees. Sick leave must not be reported for a group of 10 or fewer (SFS 2002:1065).`,
    },
    fix: { sv: 'Töm cellen. Redovisa sjukfrånvaron bara för grupper med fler än 10 anställda.', en: 'Clear the cell. Report sick leave only for groups of more than 10 employees.' },
  }),
  'UPF-STALE': entry({
    severity: 'warning',
    title: { sv: 'Budgeten har ändrats', en: 'The budget has changed' },
    message: {
      sv: (p) => `${p.what}: fliken visar budget ${p.tab} men Driftbudget ger nu ${p.model}.`,
      en: (p) => `${p.what}: the tab shows a budget of ${p.tab} but Driftbudget now gives ${p.model}.`,
    },
    fix: {
      sv: 'Fliken skapades innan budgeten ändrades. Uppdatera fliken (Uppföljning → Uppdatera); det du skrivit behålls.',
      en: 'The tab was created before the budget changed. Refresh the tab (Uppföljning → Refresh); what you typed is kept.',
    },
  }),
  'UPF-STALE-ROWS': entry({
    severity: 'warning',
    publicId: 'UPF-STALE',
    title: { sv: 'Driftbudget har ändrats', en: 'Driftbudget has changed' },
    message: {
      sv: (p) => `${p.board}: Driftbudget har ändrats sedan fliken skapades – ${p.details}.`,
      en: (p) => `${p.board}: Driftbudget has changed since the tab was created – ${p.detailsEn}.`,
    },
    fix: {
      sv: 'Uppdatera fliken (Uppföljning → Uppdatera); det du skrivit behålls, och uppgifter på rader som försvunnit sparas under Borttagna rader.',
      en: 'Refresh the tab (Uppföljning → Refresh); what you typed is kept, and values on rows that are gone are kept under Borttagna rader.',
    },
  }),
  'UPF-REF': entry({
    severity: 'error',
    title: { sv: 'Formel pekar på en borttagen flik', en: 'Formula points at a deleted tab' },
    message: {
      sv: (p) => `${p.field} för ${p.what} visar #REF!: formeln pekade på en flik som har tagits bort eller ersatts, så beloppet saknas.`,
      en: (p) => `${p.field} for ${p.what} shows #REF!: the formula pointed at a tab that was deleted or replaced, so the amount is missing.`,
    },
    fix: {
      sv: 'Uppdatera fliken (Uppföljning → Uppdatera) – för en sammanställning: skapa den på nytt – så pekar formlerna rätt igen.',
      en: 'Refresh the tab (Uppföljning → Refresh) – for a compilation: create it again – so the formulas point right again.',
    },
  }),
  'UPF-TAMPERED': entry({
    severity: 'warning',
    title: { sv: 'Formel ersatt med värde', en: 'Formula overwritten' },
    message: {
      sv: (p) => `${p.field} för ${p.what} ska vara en formel men innehåller ${p.value}.`,
      en: (p) => `${p.field} for ${p.what} should be a formula but holds ${p.valueEn}.`,
    },
    fix: {
      sv: 'Skriv bara i de gula cellerna. Uppdatera fliken (Uppföljning → Uppdatera) så återställs formeln.',
      en: 'Type only in the yellow cells. Refresh the tab (Uppföljning → Refresh) to restore the formula.',
    },
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
    rule: def.publicId ?? rule,
    severity: def.severity,
    sheet: place.sheet,
    cell: place.cell,
    message: def.message.sv(params),
    message_en: def.message.en(params),
    fix: def.fix.sv,
    fix_en: def.fix.en,
  };
  if (place.range) finding.range = place.range;
  if (place.board) finding.board = place.board;
  if (def.missing) finding.missing = { sv: def.missing.sv(params), en: def.missing.en(params) };
  return finding;
}
