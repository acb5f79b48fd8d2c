/**
 * A realistic budget workbook for the Office adapter's size classes, generated quickly and
 * deterministically: `rows` Driftbudget rows × 7 columns of Swedish text and tkr amounts, and the
 * other inputs of a validation job scaled alike. No jest here: the benchmark uses it too.
 */
import type { ReadPlan, WorkbookIndex } from '../../../src/core/workbook/raw';
import type { ExcelDouble } from './excel-double';

const BOARDS: { name: string; activities: string[] }[] = [
  { name: 'Kommunstyrelsen', activities: ['Kommunledning', 'Ekonomi och upphandling', 'Personal och HR', 'Kommunikation', 'IT och digitalisering'] },
  { name: 'Barn- och utbildningsnämnden', activities: ['Förskola', 'Grundskola årskurs 1–6', 'Grundskola årskurs 7–9', 'Fritidshem', 'Grundsärskola', 'Elevhälsa'] },
  { name: 'Gymnasie- och vuxenutbildningsnämnden', activities: ['Gymnasieskola', 'Gymnasiesärskola', 'Kommunal vuxenutbildning', 'Svenska för invandrare'] },
  { name: 'Socialnämnden', activities: ['Individ- och familjeomsorg', 'Ekonomiskt bistånd', 'Missbruksvård för vuxna', 'Barn och unga – placeringar'] },
  { name: 'Vård- och omsorgsnämnden', activities: ['Särskilt boende', 'Hemtjänst', 'Hälso- och sjukvård', 'LSS-boenden', 'Daglig verksamhet'] },
  { name: 'Kultur- och fritidsnämnden', activities: ['Bibliotek', 'Fritidsgårdar', 'Idrottsanläggningar', 'Kulturskola', 'Föreningsbidrag'] },
  { name: 'Samhällsbyggnadsnämnden', activities: ['Gator och vägar', 'Parker och grönområden', 'Fysisk planering', 'Bygglov', 'Miljö- och hälsoskydd'] },
  { name: 'Tekniska nämnden', activities: ['Fastighetsförvaltning', 'Kost och lokalvård', 'Vatten och avlopp', 'Avfallshantering'] },
];

const ACCOUNTS: { account: number; label: string; revenue?: boolean }[] = [
  { account: 3010, label: 'Taxor och avgifter', revenue: true },
  { account: 3510, label: 'Statsbidrag från Skolverket', revenue: true },
  { account: 3610, label: 'Hyresintäkter, lokaler', revenue: true },
  { account: 5010, label: 'Löner tillsvidareanställda' },
  { account: 5020, label: 'Löner visstidsanställda och vikarier' },
  { account: 5410, label: 'Arbetsgivaravgifter och pensioner' },
  { account: 6110, label: 'Lokalhyror och fastighetskostnader' },
  { account: 6410, label: 'Förbrukningsmaterial och inventarier' },
  { account: 6910, label: 'Köp av huvudverksamhet från privata utförare' },
  { account: 7010, label: 'Konsulttjänster och övriga tjänster' },
];

/** Small, fast, deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BUDGET_YEAR = 2027;
export const DRIFTBUDGET_HEADER = ['Nämnd', 'Verksamhet', 'Konto', 'Benämning', `Budget ${BUDGET_YEAR}`, `Plan ${BUDGET_YEAR + 1}`, `Plan ${BUDGET_YEAR + 2}`];

/** Header + `rows` Driftbudget rows: costs positive, revenues negative, tkr with one decimal now and then. */
export function driftbudgetRows(rows: number, seed = 1): (string | number)[][] {
  const next = random(seed);
  const out: (string | number)[][] = [DRIFTBUDGET_HEADER];
  for (let i = 0; i < rows; i++) {
    const board = BOARDS[Math.floor(next() * BOARDS.length)];
    const activity = board.activities[Math.floor(next() * board.activities.length)];
    const account = ACCOUNTS[Math.floor(next() * ACCOUNTS.length)];
    const base = Math.round((50 + next() * 25_000) * (next() < 0.2 ? 10 : 1)) / (next() < 0.3 ? 10 : 1);
    const sign = account.revenue ? -1 : 1;
    const y1 = sign * base;
    const y2 = Math.round(y1 * 1.02 * 10) / 10;
    const y3 = Math.round(y2 * 1.021 * 10) / 10;
    out.push([board.name, activity, account.account, account.label, y1, y2, y3]);
  }
  return out;
}

/**
 * Seeds a workbook with every input of a validation job: Driftbudget (`rows`, as an Excel table),
 * Ramar, Parametrar, Volymer, Övriga förändringar, Internkontrollplan and Uppdrag scaled alike.
 */
export function seedBudgetWorkbook(double: ExcelDouble, rows: number, seed = 1): void {
  const next = random(seed + 7);
  const scaled = (per: number): number => Math.max(5, Math.round(rows / per));

  double.addSheet('Anvisningar', [['Budgetunderlag ' + BUDGET_YEAR], ['Fyll i de gula cellerna. Belopp i tkr.']]);
  double.addSheet(
    'Parametrar',
    [
      ['Parameter', 'Värde'],
      ['Kommun', 'Alingsås'],
      ['Budgetår', BUDGET_YEAR],
      [`Uppräkning ${BUDGET_YEAR}`, 0.025],
      ['Finansiellt mål', 0.02],
      ['Tolerans', 0.5],
    ],
    { numberFormats: { B4: '0.0%', B5: '0.0%' } },
  );
  double.addSheet(
    'Ramar',
    [
      ['Nämnd', `Ram ${BUDGET_YEAR}`, `Ram ${BUDGET_YEAR + 1}`, `Ram ${BUDGET_YEAR + 2}`],
      ...BOARDS.map((b) => [b.name, Math.round(next() * 900_000), Math.round(next() * 900_000), Math.round(next() * 900_000)]),
      ['Summa', `=SUM(B2:B${BOARDS.length + 1})`, `=SUM(C2:C${BOARDS.length + 1})`, `=SUM(D2:D${BOARDS.length + 1})`],
    ],
  );
  const drift = driftbudgetRows(rows, seed);
  double.addSheet('Driftbudget', drift, { tables: [{ name: 'Driftbudget', range: `A1:G${drift.length}` }] });

  const volumes: (string | number)[][] = [
    ['Nämnd', 'Verksamhet', 'Volymmått', 'Kostnad per enhet (kr)', `Prognos ${BUDGET_YEAR - 1}`, `Utfall ${BUDGET_YEAR - 1}`, `Prognos ${BUDGET_YEAR}`, `Prognos ${BUDGET_YEAR + 1}`, `Prognos ${BUDGET_YEAR + 2}`],
  ];
  for (let i = 0; i < scaled(20); i++) {
    const board = BOARDS[i % BOARDS.length];
    const volume = Math.round(100 + next() * 5000);
    volumes.push([board.name, board.activities[i % board.activities.length], 'Antal inskrivna barn', Math.round(20_000 + next() * 200_000), volume, volume + 3, volume + 10, volume + 20, volume + 31]);
  }
  double.addSheet('Volymer', volumes, { tables: [{ name: 'Volymer', range: `A1:I${volumes.length}` }] });

  const changes: (string | number)[][] = [['Nämnd', 'Beskrivning', 'Typ', `${BUDGET_YEAR}`, `${BUDGET_YEAR + 1}`, `${BUDGET_YEAR + 2}`]];
  for (let i = 0; i < scaled(50); i++) {
    const board = BOARDS[i % BOARDS.length];
    changes.push([board.name, `Utökning av verksamheten, etapp ${i + 1}`, next() < 0.5 ? 'Politisk prioritering' : 'Effektivisering', Math.round(next() * 5000), Math.round(next() * 5000), Math.round(next() * 5000)]);
  }
  double.addSheet('Övriga förändringar', changes);

  const controls: (string | number)[][] = [['Nämnd', 'Process', 'Risk', 'Sannolikhet', 'Konsekvens', 'Riskvärde', 'Kontrollaktivitet', 'Ansvarig', 'Tidpunkt']];
  for (let i = 0; i < scaled(40); i++) {
    const board = BOARDS[i % BOARDS.length];
    const p = 1 + Math.floor(next() * 4);
    const k = 1 + Math.floor(next() * 4);
    controls.push([board.name, 'Inköp och upphandling', 'Köp görs utanför avtal, vilket ger högre kostnader och risk för otillåten direktupphandling', p, k, p * k, 'Stickprov på 20 fakturor per kvartal jämförs mot avtalsdatabasen', 'Ekonomichef', 'Kvartalsvis']);
  }
  double.addSheet('Internkontrollplan', controls, { tables: [{ name: 'Internkontrollplan', range: `A1:I${controls.length}` }] });

  const assignments: (string | number)[][] = [['Mottagare', 'Uppdrag', 'Beslutat av', 'Slutdatum', 'Status']];
  for (let i = 0; i < scaled(100); i++) {
    assignments.push([BOARDS[i % BOARDS.length].name, 'Utreda samordnad lokalförsörjning för förskola och skola i centrala orten', 'Kommunfullmäktige', 46_630 + i, i % 3 === 0 ? 'Klart' : 'Pågår']);
  }
  double.addSheet('Uppdrag', assignments);
}

/** The read plan of a validation job: every input, tables first, formulas and formats only where small. */
export function planAllInputs(index: WorkbookIndex): ReadPlan {
  const inputs = ['Parametrar', 'Ramar', 'Driftbudget', 'Volymer', 'Övriga förändringar', 'Internkontrollplan', 'Uppdrag'];
  return {
    ranges: inputs.map((name) => {
      const table = index.tables.find((t) => t.name === name);
      const sheet = index.sheets.find((s) => s.name === name);
      const address = table?.address ?? sheet?.usedAddress ?? 'A1';
      return {
        id: name,
        sheet: table?.sheet ?? name,
        address,
        formulas: name === 'Ramar' || name === 'Parametrar',
        numberFormats: name === 'Parametrar',
      };
    }),
  };
}
