/**
 * The input catalogue: every input of the workbook format (docs/arbetsbokens-format.md) as data —
 * its name, its columns with synonyms, and what kind of values they hold. Recognition, the blank
 * template, the sample generator and the docs all read this one table.
 */
import { foldName } from '../text/normalize';

export type InputId =
  | 'parametrar'
  | 'ramar'
  | 'driftbudget'
  | 'utgangsramar'
  | 'volymer'
  | 'ovrigaForandringar'
  | 'finansiering'
  | 'internkontrollplan'
  | 'politiskaInriktningar'
  | 'uppdrag'
  | 'nyckeltal'
  | 'utfall'
  | 'personal'
  | 'privataUtforare';

export type ColumnKind =
  | 'text'
  | 'key'
  | 'amount'
  | 'unitCost'
  | 'number'
  | 'percent'
  | 'period'
  | 'date'
  | 'yesNo'
  | 'status'
  | 'scale';

export interface ColumnDef {
  /** Code name (English). */
  key: string;
  /** The header as the template writes it (Swedish). */
  label: string;
  /** Other headers accepted for this column (matched folded, see foldText). */
  synonyms?: string[];
  kind: ColumnKind;
  required: boolean;
  /** Short instruction for the template's help row (Swedish). */
  help?: string;
}

/**
 * Year columns of an input: `prefix` is the label before the year in the template ("" → "2027").
 * `years` says which years relative to Y1: [0,1,2] = Y1..Y3, [-1] = Y0.
 */
export interface YearColumnGroup {
  key: string;
  prefix: string;
  offsets: number[];
  kind: 'amount' | 'number';
  /** Header words that identify this group when an input has several (e.g. "prognos", "utfall"). */
  words?: string[];
}

export interface InputDef {
  id: InputId;
  /** The input's name: table name and sheet name in the template. */
  name: string;
  /** Other names accepted for the table or sheet. */
  aliases?: string[];
  columns: ColumnDef[];
  yearGroups: YearColumnGroup[];
  /** Short Swedish description (template and docs). */
  description: string;
}

const board: ColumnDef = {
  key: 'board',
  label: 'Nämnd',
  synonyms: ['Namnd', 'Nämnd/styrelse', 'Styrelse/nämnd', 'Styrelse', 'Nämnd / styrelse'],
  kind: 'key',
  required: true,
  help: 'Nämndens namn, stavat som i Ramar',
};
const activity: ColumnDef = {
  key: 'activity',
  label: 'Verksamhet',
  synonyms: ['Vht', 'Verksamhetsområde', 'Verksamhetsomrade'],
  kind: 'key',
  required: true,
};
const account: ColumnDef = {
  key: 'account',
  label: 'Konto',
  synonyms: ['Kontoklass', 'Kostnadsslag', 'Kontonr', 'Kontonummer'],
  kind: 'key',
  required: true,
  help: 'Kommun-Bas-konto, klass 3–7',
};

export const INPUTS: readonly InputDef[] = [
  {
    id: 'parametrar',
    name: 'Parametrar',
    columns: [
      { key: 'parameter', label: 'Parameter', kind: 'key', required: true },
      { key: 'value', label: 'Värde', synonyms: ['Varde', 'Värden'], kind: 'text', required: true },
    ],
    yearGroups: [],
    description: 'Inställningar: budgetår, prisnivå, uppräkning, tolerans, modell.',
  },
  {
    id: 'ramar',
    name: 'Ramar',
    aliases: ['Ram', 'Budgetramar', 'KF ramar'],
    columns: [board],
    yearGroups: [{ key: 'frame', prefix: 'Ram ', offsets: [0, 1, 2], kind: 'amount' }],
    description: 'Kommunfullmäktiges ramar (nettokostnad, tkr) per nämnd för budgetåret och två planår.',
  },
  {
    id: 'driftbudget',
    name: 'Driftbudget',
    aliases: ['Detaljbudget'],
    columns: [
      board,
      activity,
      account,
      { key: 'description', label: 'Benämning', synonyms: ['Benamning', 'Kontonamn', 'Text'], kind: 'text', required: false },
    ],
    yearGroups: [{ key: 'amount', prefix: 'Budget ', offsets: [0, 1, 2], kind: 'amount' }],
    description: 'Nämndernas detaljbudget per verksamhet och konto (tkr; kostnader positiva, intäkter negativa).',
  },
  {
    id: 'utgangsramar',
    name: 'Utgångsramar',
    aliases: ['Utgangsramar', 'Ingående ramar'],
    columns: [board],
    yearGroups: [{ key: 'baseFrame', prefix: 'Ram ', offsets: [-1], kind: 'amount' }],
    description: 'Förra årets beslutade ram (år Y0) per nämnd – utgångsläget för resursfördelningen.',
  },
  {
    id: 'volymer',
    name: 'Volymer',
    columns: [
      board,
      activity,
      { key: 'measure', label: 'Volymmått', synonyms: ['Volymmatt', 'Mått', 'Enhet'], kind: 'key', required: true },
      {
        key: 'unitCost',
        label: 'Kostnad per enhet (kr)',
        synonyms: ['Kr per enhet', 'Referenskostnad per enhet', 'Styckkostnad', 'Kostnad per enhet'],
        kind: 'unitCost',
        required: true,
      },
    ],
    yearGroups: [
      { key: 'forecastY0', prefix: 'Prognos ', offsets: [-1], kind: 'number', words: ['prognos'] },
      { key: 'actualY0', prefix: 'Utfall ', offsets: [-1], kind: 'number', words: ['utfall'] },
      { key: 'forecast', prefix: 'Prognos ', offsets: [0, 1, 2], kind: 'number', words: ['prognos'] },
    ],
    description: 'Volymer (elever, barn, invånare) med kostnad per enhet och befolkningsprognos.',
  },
  {
    id: 'ovrigaForandringar',
    name: 'Övriga förändringar',
    aliases: ['Ovriga forandringar', 'Övriga kostnadsförändringar'],
    columns: [
      board,
      { key: 'description', label: 'Beskrivning', synonyms: ['Text', 'Förändring'], kind: 'text', required: true },
      { key: 'type', label: 'Typ', synonyms: ['Kategori', 'Slag'], kind: 'text', required: true },
    ],
    yearGroups: [{ key: 'amount', prefix: '', offsets: [0, 1, 2], kind: 'amount' }],
    description: 'Andra icke-politiska kostnadsförändringar (steg 5), tkr per år.',
  },
  {
    id: 'finansiering',
    name: 'Finansiering',
    aliases: ['Finansiering och skatter'],
    columns: [{ key: 'post', label: 'Post', synonyms: ['Rad', 'Benämning'], kind: 'key', required: true }],
    yearGroups: [{ key: 'amount', prefix: '', offsets: [0, 1, 2], kind: 'amount' }],
    description: 'Skatteintäkter, generella statsbidrag och finansnetto (intäkter positiva) för balanskravet.',
  },
  {
    id: 'internkontrollplan',
    name: 'Internkontrollplan',
    aliases: ['Internkontroll', 'IK-plan'],
    columns: [
      board,
      { key: 'process', label: 'Process', synonyms: ['Rutin', 'Område'], kind: 'text', required: true },
      { key: 'risk', label: 'Risk', synonyms: ['Riskbeskrivning'], kind: 'text', required: true },
      { key: 'probability', label: 'Sannolikhet', kind: 'scale', required: true, help: '1–4' },
      { key: 'consequence', label: 'Konsekvens', kind: 'scale', required: true, help: '1–4' },
      { key: 'riskValue', label: 'Riskvärde', synonyms: ['Riskvarde'], kind: 'number', required: true, help: 'Sannolikhet × konsekvens' },
      { key: 'control', label: 'Kontrollaktivitet', synonyms: ['Kontrollmoment', 'Kontroll'], kind: 'text', required: true },
      { key: 'responsible', label: 'Ansvarig', kind: 'text', required: true },
      { key: 'timing', label: 'Tidpunkt', synonyms: ['När', 'Tidplan'], kind: 'text', required: true },
    ],
    yearGroups: [],
    description: 'Nämndernas internkontrollplan: risker, riskvärde och kontrollaktiviteter.',
  },
  {
    id: 'politiskaInriktningar',
    name: 'Politiska inriktningar',
    aliases: ['Inriktningar'],
    columns: [board, { key: 'direction', label: 'Inriktning', kind: 'text', required: true }],
    yearGroups: [],
    description: 'Få och kortfattade politiska inriktningar per nämnd.',
  },
  {
    id: 'uppdrag',
    name: 'Uppdrag',
    aliases: ['Särskilda uppdrag'],
    columns: [
      { key: 'recipient', label: 'Mottagare', synonyms: ['Nämnd', 'Ansvarig nämnd'], kind: 'key', required: true },
      { key: 'assignment', label: 'Uppdrag', kind: 'text', required: true },
      { key: 'decidedBy', label: 'Beslutat av', synonyms: ['Beslutad av'], kind: 'text', required: true },
      { key: 'dueDate', label: 'Slutdatum', synonyms: ['Klart senast', 'Datum'], kind: 'date', required: true },
      { key: 'status', label: 'Status', kind: 'status', required: true },
    ],
    yearGroups: [],
    description: 'Särskilda uppdrag från KF/KS med mottagare, slutdatum och status.',
  },
  {
    id: 'nyckeltal',
    name: 'Nyckeltal',
    columns: [
      board,
      activity,
      { key: 'indicator', label: 'Nyckeltal', synonyms: ['Mått', 'Indikator'], kind: 'text', required: true },
      { key: 'koladaId', label: 'Kolada-id', synonyms: ['Kolada id', 'KPI-id', 'Kolada'], kind: 'text', required: false },
      { key: 'value', label: 'Utfall', synonyms: ['Värde', 'Vårt utfall'], kind: 'number', required: true },
      { key: 'similar', label: 'Liknande kommuner', synonyms: ['Jämförelse'], kind: 'number', required: true },
      { key: 'higherIsBetter', label: 'Högre är bättre', synonyms: ['Hogre ar battre'], kind: 'yesNo', required: true },
      { key: 'netCost', label: 'Nettokostnad (kr/inv)', synonyms: ['Nettokostnad'], kind: 'unitCost', required: false },
      { key: 'referenceCost', label: 'Referenskostnad (kr/inv)', synonyms: ['Referenskostnad'], kind: 'unitCost', required: false },
    ],
    yearGroups: [],
    description: 'Kvalitetsnyckeltal (Kolada) och kostnad mot referenskostnad för målet Sveriges mest effektiva kommun.',
  },
  {
    id: 'utfall',
    name: 'Utfall',
    aliases: ['Redovisning', 'Bokfört utfall'],
    columns: [
      board,
      activity,
      account,
      { key: 'period', label: 'Period', synonyms: ['Månad', 'Datum'], kind: 'period', required: true, help: 'ÅÅÅÅ-MM' },
      { key: 'amount', label: 'Belopp', synonyms: ['Utfall', 'Belopp (tkr)'], kind: 'amount', required: true },
    ],
    yearGroups: [],
    description: 'Bokfört utfall per månad, en rad per huvudboksrad (tkr).',
  },
  {
    id: 'personal',
    name: 'Personal',
    columns: [
      board,
      { key: 'period', label: 'Period', synonyms: ['Månad', 'Datum'], kind: 'period', required: true },
      { key: 'employees', label: 'Anställda', synonyms: ['Antal anställda'], kind: 'number', required: true },
      { key: 'fte', label: 'Årsarbetare', synonyms: ['Arsarbetare', 'Årsarbetande'], kind: 'number', required: true },
      { key: 'sickLeave', label: 'Sjukfrånvaro (%)', synonyms: ['Sjukfrånvaro'], kind: 'percent', required: true },
      { key: 'longSickLeave', label: 'Sjukfrånvaro ≥60 dagar (%)', synonyms: ['Sjukfrånvaro >=60 dagar', 'Långtidssjukfrånvaro'], kind: 'percent', required: false },
      { key: 'turnover', label: 'Personalomsättning (%)', synonyms: ['Personalomsättning'], kind: 'percent', required: false },
    ],
    yearGroups: [],
    description: 'Personaluppgifter per nämnd och period.',
  },
  {
    id: 'privataUtforare',
    name: 'Privata utförare',
    aliases: ['Privata utforare', 'Utförare'],
    columns: [
      board,
      activity,
      { key: 'contractor', label: 'Utförare', kind: 'text', required: true },
      { key: 'contractPeriod', label: 'Avtalsperiod', kind: 'text', required: false },
      { key: 'cost', label: 'Kostnad (tkr)', synonyms: ['Kostnad'], kind: 'amount', required: true },
      { key: 'followedUp', label: 'Uppföljning genomförd', kind: 'yesNo', required: true },
      { key: 'observations', label: 'Iakttagelser', kind: 'text', required: false },
    ],
    yearGroups: [],
    description: 'Verksamhet som drivs av privata utförare och hur den följts upp.',
  },
];

export function inputDef(id: InputId): InputDef {
  const def = INPUTS.find((d) => d.id === id);
  if (!def) throw new Error(`unknown input ${id}`);
  return def;
}

/**
 * The input a table or sheet name stands for (its name or an alias, folded as sheet names are), or
 * null: recognition's `inputForName` (recognition/locate.ts) without the locating and the mapping
 * check it brings along, for code in the task pane's initial JavaScript (Mallar's plan).
 */
export function inputByName(name: string): InputDef | null {
  const folded = foldName(name);
  return INPUTS.find((def) => [def.name, ...(def.aliases ?? [])].some((n) => foldName(n) === folded)) ?? null;
}

/** Parameters `Parametrar` may hold; any other name is STRUCT-UNKNOWN-PARAMETER. */
export const KNOWN_PARAMETERS = [
  'Kommun',
  'Budgetår',
  'Prisnivå',
  'Uppräkning',
  'Finansiellt mål',
  'Tolerans',
  'Korrigering',
  'Modell',
] as const;

/** Allowed status values for Uppdrag and follow-up sections, in this order in dropdowns. */
export const STATUS_VALUES = ['Ej påbörjat', 'Pågår', 'Klart', 'Avbrutet'] as const;

/** Key cells that mark a total row. */
export const TOTAL_ROW_WORDS = ['summa', 'totalt', 'total'] as const;

/** Post names in Finansiering. */
export const FINANCING_POSTS = {
  taxes: 'Skatteintäkter',
  grants: 'Generella statsbidrag och utjämning',
  financialNet: 'Finansnetto',
  other: 'Övriga poster',
} as const;

/** Folded names each input answers to (its name and aliases). */
const INPUT_NAMES: ReadonlyMap<InputId, ReadonlySet<string>> = new Map(INPUTS.map((def) => [def.id, new Set([def.name, ...(def.aliases ?? [])].map(foldName))]));

/** Folded names an input answers to (its name and aliases). */
export function inputNames(def: InputDef): ReadonlySet<string> {
  return INPUT_NAMES.get(def.id) ?? new Set();
}

/** The input a table or sheet name stands for, or null. */
export function inputForName(name: string): InputDef | null {
  const folded = foldName(name);
  return INPUTS.find((def) => inputNames(def).has(folded)) ?? null;
}
