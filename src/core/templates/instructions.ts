/**
 * Swedish instruction texts: the one-line instruction above each input table and the
 * "Instruktioner" tab that explains the whole workbook.
 */
import { INPUTS, type InputId } from '../inputs/catalogue';
import { emptySheetSpec, type SheetSpec, type SpecCell } from '../workbook/sheet-spec';
import { inputTableName } from './input-layout';

export const INSTRUCTIONS_SHEET = 'Instruktioner';

const INPUT_INSTRUCTIONS: Record<InputId, string> = {
  parametrar: 'Inställningar för beräkningarna. Ändra i kolumnen Värde; procent skrivs som tal (2,8 betyder 2,8 %).',
  ramar: 'Kommunfullmäktiges ramar (nettokostnad, tkr) per nämnd för budgetåret och två planår. En rad per nämnd.',
  driftbudget:
    'Detaljbudget per nämnd, verksamhet och konto i tkr. Kostnader positiva, intäkter negativa. Nämndens summa ska vara lika med ramen.',
  utgangsramar: 'Förra årets beslutade ram (tkr) per nämnd – utgångsläget för resursfördelningen.',
  volymer: 'Volymer per verksamhet: kostnad per enhet i kr, prognos och utfall i antal (elever, barn, invånare).',
  ovrigaForandringar:
    'Icke-politiska kostnadsförändringar i tkr per år, t.ex. nya lokaler eller lagändringar. Politiska satsningar hör inte hit.',
  finansiering: 'Skatteintäkter, generella statsbidrag och finansnetto i tkr (intäkter positiva). Övriga poster anges som nettokostnad.',
  internkontrollplan:
    'Risker med sannolikhet och konsekvens 1–4. Riskvärde = sannolikhet × konsekvens; riskvärde 9 eller mer kräver en kontrollaktivitet.',
  politiskaInriktningar: 'Få och kortfattade inriktningar: högst 5 per nämnd och högst 300 tecken var.',
  uppdrag: 'Särskilda uppdrag med mottagare, slutdatum och status (Ej påbörjat, Pågår, Klart eller Avbrutet).',
  nyckeltal: 'Nyckeltal från Kolada: vårt utfall, liknande kommuner, nettokostnad och referenskostnad i kr per invånare.',
  utfall:
    'Bokfört utfall från ekonomisystemet, en rad per huvudboksrad: period ÅÅÅÅ-MM och belopp i tkr (kostnader positiva, intäkter negativa).',
  personal:
    'Personaluppgifter per nämnd och period (ÅÅÅÅ-MM). Procent skrivs som tal. Sjukfrånvaro redovisas inte för grupper med 10 eller färre anställda.',
  privataUtforare: 'Verksamhet som drivs av privata utförare: kostnad i tkr och om uppföljning har gjorts (Ja/Nej).',
};

/** What each input is needed for (shown in the Instruktioner tab). */
const NEEDED_FOR: Record<InputId, string> = {
  parametrar: 'Valfri',
  ramar: 'Kontroll, resursfördelning',
  driftbudget: 'Kontroll, uppföljning',
  utgangsramar: 'Resursfördelning (valfri)',
  volymer: 'Resursfördelning',
  ovrigaForandringar: 'Resursfördelning, steg 5',
  finansiering: 'Balanskrav och finansiellt mål',
  internkontrollplan: 'Kontroll',
  politiskaInriktningar: 'Kontroll, uppföljning',
  uppdrag: 'Kontroll, uppföljning',
  nyckeltal: 'Uppföljning (målet)',
  utfall: 'Uppföljning',
  personal: 'Uppföljning',
  privataUtforare: 'Årsbokslut',
};

/** The one-line instruction above an input's table. */
export function inputInstruction(id: InputId): string {
  return INPUT_INSTRUCTIONS[id];
}

export interface InstructionsOptions {
  year: number;
  kommun?: string;
  /** The workbook holds invented sample data, not a blank template. */
  sample?: boolean;
}

/** The "Instruktioner" tab: what each tab is, units and signs, and how Budgetkoll finds the tables. */
export function buildInstructionsTab(options: InstructionsOptions): SheetSpec {
  const { year } = options;
  const spec = emptySheetSpec(INSTRUCTIONS_SHEET);
  const rows = spec.rows;
  const text = (value: string): SpecCell => ({ value, style: 'text' });
  const blank = () => rows.push([]);
  const heading = (value: string) => rows.push([{ value, style: 'heading' }]);
  const line = (value: string) => rows.push([null, text(value)]);

  const title = options.sample ? `Budgetkoll – exempelarbetsbok ${year}` : `Budgetkoll – budgetmall ${year}`;
  rows.push([{ value: options.kommun ? `${title}, ${options.kommun}` : title, style: 'title' }]);
  rows.push([
    {
      value: options.sample
        ? 'Påhittade men realistiska siffror för en kommun i Alingsås storlek (cirka 42 000 invånare). Prova kontroll, resursfördelning och uppföljning på dem.'
        : 'Standardmallen för nämndernas budget, resursfördelning och uppföljning. Fyll i de gula cellerna.',
      style: 'subtitle',
    },
  ]);
  blank();

  heading('Flikarna');
  rows.push([
    { value: 'Flik', style: 'header' },
    { value: 'Innehåll', style: 'header' },
    { value: 'Behövs för', style: 'header' },
  ]);
  for (const def of INPUTS) {
    rows.push([{ value: def.name, style: 'link', link: `'${def.name}'!A1` }, text(def.description), text(NEEDED_FOR[def.id])]);
  }
  blank();

  heading('Enheter och tecken');
  line('Belopp anges i tkr (tusentals kronor) om inte rubriken säger (kr) eller (mnkr). Kostnad per enhet anges i kr.');
  line('I Driftbudget och Utfall är kostnader positiva och intäkter negativa. Nämndens nettobudget är summan av dess rader.');
  line('Varje nämnds nettobudget ska för varje år vara lika med nämndens ram i Ramar (inom toleransen i Parametrar).');
  line('I Finansiering är intäkterna positiva (skatteintäkter, generella statsbidrag, finansnetto); Övriga poster anges som nettokostnad.');
  line('Procent skrivs som tal: 2,8 betyder 2,8 %. En cell med procentformat läses som procent.');
  line(`Period skrivs ÅÅÅÅ-MM, till exempel ${year}-04. Datum skrivs ÅÅÅÅ-MM-DD.`);
  blank();

  heading('Så hittar Budgetkoll uppgifterna');
  line(
    `Varje flik har en Excel-tabell med flikens namn utan å, ä, ö och mellanslag (till exempel ${inputTableName(INPUTS[0])} och Ovriga_forandringar).`,
  );
  line('Budgetkoll letar först efter tabellens namn och annars efter en flik med samma namn och en rubrikrad bland de 20 första raderna.');
  line('Låt rubrikerna stå kvar. Kolumnernas ordning spelar ingen roll och egna kolumner får finnas.');
  line(`Årskolumner har ett årtal i rubriken: Budget ${year}, Budget ${year + 1}, Budget ${year + 2}. Budgetåret är Budgetår i Parametrar.`);
  line('Skriv nya rader direkt under tabellen så växer den. Tomma rader hoppas över.');
  line('En rad vars första cell är Summa, Totalt eller Total räknas som summarad och kontrolleras mot raderna ovanför.');
  blank();

  heading('Parametrar');
  line('Budgetår: budgetåret. Planåren är de två följande åren och basåret är året före.');
  line('Prisnivå: det år som kostnaderna per enhet i Volymer gäller för (normalt budgetåret).');
  line('Uppräkning ÅÅÅÅ: den generella uppräkningen i procent för året.');
  line('Finansiellt mål: resultatet i procent av skatteintäkter och generella statsbidrag.');
  line('Tolerans: hur stor skillnad i tkr som godtas när belopp jämförs (normalt 0,5).');
  line('Korrigering: Permanent, eller Permanent och retroaktiv. Modell: Delta, eller Nivå.');
  blank();

  heading('Bra att veta');
  line('Gula celler är inmatningsceller. Budgetkoll ändrar aldrig dina celler utan att du ber om det.');
  line('Resultat (Kontrollrapport, Resursfördelning, uppföljningar) skrivs på egna, nya flikar.');

  spec.columnWidths = [24, 110, 30];
  spec.print = { orientation: 'landscape', fitToWidth: true, pageNumbers: true };
  return spec;
}
