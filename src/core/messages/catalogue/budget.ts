/** Rules about the budget's figures and governance (RAM-*, SUM-*, VOL-*, OVR-*, ALLOC-*, IK-*, POL-*, UPP-*): part of the rule catalogue. */
import { blankStatus, entry, type RuleEntry } from './rule-entry';

export const BUDGET_RULES = {
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
} satisfies Record<string, RuleEntry>;
