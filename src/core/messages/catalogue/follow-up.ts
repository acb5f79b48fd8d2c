/** Rules about Budgetkoll's follow-up tabs (UPF-*): part of the rule catalogue. */
import { blankStatus, entry, type RuleEntry } from './rule-entry';

export const FOLLOW_UP_RULES = {
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
