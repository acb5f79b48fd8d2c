/**
 * Swedish texts: the source of truth for every key. `en.ts` must have the same keys and the same
 * {placeholders} (a unit test checks). Keys are grouped by where the text is shown.
 */
export const sv = {
  'app.name': 'Budgetkoll',
  'app.tagline': 'Budget, resursfördelning och uppföljning',
  'app.language': 'Språk',
  'app.language.sv': 'Svenska',
  'app.language.en': 'English',
  'app.sections': 'Avsnitt',

  'host.officeMissing': 'Office.js kunde inte laddas. Kontrollera nätverket och öppna Budgetkoll igen från menyfliken Start i Excel.',
  'host.notExcel': 'Budgetkoll fungerar i Excel. Öppna tillägget från menyfliken Start i Excel, eller prova lekplatsen (playground.html) i en webbläsare.',
  'host.startFailed': 'Budgetkoll kunde inte starta. Stäng aktivitetsfönstret och öppna det igen.',

  'nav.home': 'Hem',
  'nav.check': 'Kontrollera budget',
  'nav.allocation': 'Resursfördelning',
  'nav.followUp': 'Uppföljning',
  'nav.templates': 'Mallar',

  'soon.title': 'Kommer snart',
  'soon.check':
    'Kontrollerar den öppna arbetsboken mot KF:s ramar och visar varje fel med cell, förklaring och förslag på rättning.',
  'soon.allocation':
    'Räknar resursfördelningsmodellens fem steg på volymerna och skriver en flik med spårbara formler.',
  'soon.followUp':
    'Skapar uppföljningsfliken för april, augusti eller december i standardmallen, med formler mot budget och utfall.',

  'home.heading': 'Årshjulet',
  'home.wheelTitle': 'Årshjul {year}',
  'home.wheelDescription': 'I dag är det {today}. {events}',
  'home.next': 'Nästa: {deadline} – {when}',
  'home.ongoing': 'Pågår: {phase}',
  'home.when.today': 'i dag',
  'home.when.tomorrow': 'i morgon',
  'home.when.days': 'om {days} dagar',
  'home.yearHeading': 'Under {year}',
  'home.past': 'klart',
  'home.todayMarker': 'I dag',

  'cycle.budgetPreparation': 'Budgetberedning (KS arbetsutskott)',
  'cycle.budgetDecision': 'KF beslutar budget {budgetYear}',
  'cycle.aprilReport': 'Fördjupad månadsuppföljning',
  'cycle.interimReport': 'Delårsbokslut',
  'cycle.annualReport': 'Årsbokslut',
  'cycle.span': '{name} {start} – {end}',
  'cycle.reportDeadline': '{name} per {date}',
  'cycle.pointDeadline': '{name} {date}',
  'cycle.short.budgetPreparation': 'Beredning',
  'cycle.short.budgetDecision': 'KF',
  'cycle.short.aprilReport': 'April',
  'cycle.short.interimReport': 'Delår',
  'cycle.short.annualReport': 'Bokslut',

  'templates.intro':
    'Lägg in standardmallens indataflikar i arbetsboken. Flikar som redan finns lämnas orörda.',
  'templates.year': 'Budgetår',
  'templates.yearHint': 'Första året av tre: budgetåret och två planår.',
  'templates.yearInvalid': 'Ange ett årtal mellan {min} och {max}.',
  'templates.blankHeading': 'Tom standardmall',
  'templates.blankText': 'Alla indataflikar som Excel-tabeller med rubriker, listval och korta instruktioner.',
  'templates.sampleHeading': 'Exempeldata',
  'templates.sampleText': 'En påhittad kommun med realistiska siffror – bra för att prova Budgetkoll.',
  'templates.kommun': 'Kommun (valfritt)',
  'templates.createBlank': 'Skapa tomma mallflikar',
  'templates.createSample': 'Lägg in exempeldata',
  'templates.preparing': 'Förbereder flikarna …',
  'templates.writing': 'Skriver {sheet} ({index} av {count}) …',
  'templates.cancel': 'Avbryt',
  'templates.done': 'Klart',
  'templates.createdOne': 'Skapade 1 flik: {names}.',
  'templates.createdMany': 'Skapade {count} flikar: {names}.',
  'templates.skipped': 'Fanns redan och lämnades orörda: {names}.',
  'templates.skippedAs': '{wanted} (finns som {existing})',
  'templates.nothingToDo': 'Inga nya flikar',
  'templates.cancelled': 'Avbrutet',
  'templates.cancelledNone': 'Inga flikar skapades.',
  'templates.errorTitle': 'Flikarna kunde inte skrivas',
  'templates.partial': 'Dessa flikar hann skapas: {names}.',
  'templates.unexpected': 'Ett oväntat fel inträffade. Försök igen.',

  'playground.title': 'Budgetkoll – lekplats',
  'playground.toolbar': 'Arbetsbok',
  'playground.open': 'Öppna .xlsx',
  'playground.sample': 'Exempelarbetsbok',
  'playground.download': 'Ladda ner',
  'playground.loading': 'Läser arbetsboken …',
  'playground.fileError': 'Filen kunde inte läsas som en Excel-arbetsbok (.xlsx).',
  'playground.sheets': 'Flikar',
  'playground.cell': 'Cell',
  'playground.formula': 'Formel eller värde',
  'playground.grid': 'Fliken {sheet}',
  'playground.rowsNote': 'Visar rad {from}–{to} av {total}.',
  'playground.previousRows': 'Föregående rader',
  'playground.nextRows': 'Följande rader',
  'playground.emptySheet': 'Fliken är tom.',
  'playground.noWorkbook': 'Ingen arbetsbok är öppen.',
  'playground.taskPane': 'Aktivitetsfönstret',
  'playground.formulaMark': 'formel',
} as const;

export type MessageKey = keyof typeof sv;

/** A catalogue in any language: every key of the Swedish one. */
export type Catalogue = Record<MessageKey, string>;
