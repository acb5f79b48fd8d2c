/**
 * The invented but realistic kommun behind the sample: an Alingsås-like kommun of about 42 000
 * inhabitants, its nämnder, verksamheter and Kommun-Bas accounts. Amounts are tkr for the default
 * size; the generator scales them with the population.
 */

/** How often an account is booked in the ledger (rows per account in `Utfall`). */
export type Booking = 'monthly' | 'bimonthly' | 'quarterly' | 'sporadic';

export interface AccountData {
  code: number;
  name: string;
  booking: Booking;
}

export const ACCOUNTS: Record<number, AccountData> = {};
function account(code: number, name: string, booking: Booking): number {
  ACCOUNTS[code] = { code, name, booking };
  return code;
}

// Intäkter (klass 3) — negative in Driftbudget and Utfall.
const FORSALJNING = account(3010, 'Försäljning av verksamhet', 'bimonthly');
const TAXOR = account(3110, 'Taxor och avgifter', 'bimonthly');
const HYROR_IN = account(3210, 'Hyror och arrenden', 'quarterly');
const STATSBIDRAG = account(3410, 'Statsbidrag', 'quarterly');
// Kostnader (klass 4–7).
const MATERIAL = account(4010, 'Material och förbrukningsinventarier', 'sporadic');
const KOP_VERKSAMHET = account(4510, 'Köp av huvudverksamhet', 'bimonthly');
const BIDRAG = account(4610, 'Bidrag och transfereringar', 'monthly');
const LONER = account(5010, 'Löner', 'monthly');
const ARVODEN = account(5020, 'Arvoden', 'bimonthly');
const TIMLONER = account(5110, 'Löner timavlönade', 'monthly');
const SOCIALA = account(5410, 'Sociala avgifter', 'monthly');
const LOKALHYROR = account(5611, 'Lokalhyror', 'quarterly');
const PERSONAL_OVR = account(5810, 'Övriga personalkostnader', 'sporadic');
const ENERGI = account(6110, 'Energi och vatten', 'quarterly');
const KONSULT = account(6410, 'Konsulttjänster', 'sporadic');
const IT = account(6510, 'IT-tjänster och licenser', 'quarterly');
const OVRIGT = account(6910, 'Övriga kostnader', 'sporadic');
const TRANSPORT = account(7110, 'Transporter och resor', 'sporadic');
const FORSAKRING = account(7610, 'Försäkringar', 'quarterly');
const AVSKRIVNING = account(7810, 'Avskrivningar', 'quarterly');

/** An account profile: accounts in order of importance (wages first) with their share of gross cost. */
export type Profile = readonly (readonly [code: number, share: number])[];

export const PROFILES = {
  school: [
    [LONER, 0.5], [SOCIALA, 0.2], [LOKALHYROR, 0.14], [STATSBIDRAG, -0.06], [MATERIAL, 0.04], [KOP_VERKSAMHET, 0.05],
    [TAXOR, -0.04], [IT, 0.02], [OVRIGT, 0.02], [TRANSPORT, 0.015], [PERSONAL_OVR, 0.01], [KONSULT, 0.005],
  ],
  care: [
    [LONER, 0.55], [SOCIALA, 0.22], [TIMLONER, 0.05], [LOKALHYROR, 0.08], [TAXOR, -0.05], [KOP_VERKSAMHET, 0.04],
    [MATERIAL, 0.03], [STATSBIDRAG, -0.03], [IT, 0.01], [TRANSPORT, 0.01], [PERSONAL_OVR, 0.01], [OVRIGT, 0.01],
  ],
  ifo: [
    [LONER, 0.38], [SOCIALA, 0.15], [KOP_VERKSAMHET, 0.3], [LOKALHYROR, 0.05], [STATSBIDRAG, -0.05], [BIDRAG, 0.03],
    [KONSULT, 0.03], [OVRIGT, 0.02], [FORSALJNING, -0.01], [IT, 0.01], [TRANSPORT, 0.01],
  ],
  benefit: [
    [BIDRAG, 0.85], [LONER, 0.08], [SOCIALA, 0.03], [STATSBIDRAG, -0.03], [LOKALHYROR, 0.01], [IT, 0.005],
  ],
  admin: [
    [LONER, 0.45], [SOCIALA, 0.18], [LOKALHYROR, 0.06], [IT, 0.08], [KONSULT, 0.08], [FORSALJNING, -0.05],
    [OVRIGT, 0.05], [MATERIAL, 0.02], [PERSONAL_OVR, 0.02], [FORSAKRING, 0.02], [TRANSPORT, 0.01],
  ],
  culture: [
    [LONER, 0.4], [SOCIALA, 0.16], [LOKALHYROR, 0.25], [BIDRAG, 0.06], [TAXOR, -0.06], [MATERIAL, 0.05],
    [HYROR_IN, -0.04], [OVRIGT, 0.04], [STATSBIDRAG, -0.02], [IT, 0.02], [TRANSPORT, 0.01],
  ],
  technical: [
    [LONER, 0.28], [SOCIALA, 0.11], [AVSKRIVNING, 0.2], [TAXOR, -0.2], [MATERIAL, 0.12], [ENERGI, 0.08],
    [FORSALJNING, -0.1], [TRANSPORT, 0.05], [KONSULT, 0.04], [FORSAKRING, 0.02],
  ],
  authority: [
    [LONER, 0.5], [SOCIALA, 0.2], [TAXOR, -0.35], [LOKALHYROR, 0.06], [KONSULT, 0.06], [IT, 0.05],
    [STATSBIDRAG, -0.02], [TRANSPORT, 0.02], [OVRIGT, 0.02],
  ],
  small: [[LONER, 0.4], [SOCIALA, 0.16], [ARVODEN, 0.25], [OVRIGT, 0.14], [IT, 0.05]],
} as const satisfies Record<string, Profile>;

export type ProfileId = keyof typeof PROFILES;

export interface ActivityData {
  name: string;
  profile: ProfileId;
  /** Share of the nämnd's net frame. */
  share: number;
  /** Run as several units (schools, homes, districts) when the sample grows. */
  replicable: boolean;
  /** Heading for a deficit this year (Utfall runs ahead of the budget). */
  deficit?: boolean;
}

export interface BoardData {
  name: string;
  /** Net frame Y1 in tkr at the default population. */
  frame: number;
  /** Frame growth: Y0→Y1, Y1→Y2, Y2→Y3. */
  growth: readonly [number, number, number];
  /** Employees at the default population; null = no own staff. */
  employees: number | null;
  /** Employees stay at this small number at every size (so the small-group rule applies). */
  smallGroup?: boolean;
  /** Sick leave level (%). */
  sickLeave: number;
  /** Frame multiplies in election years. */
  elections?: boolean;
  activities: readonly ActivityData[];
}

const a = (name: string, profile: ProfileId, share: number, replicable = false, deficit = false): ActivityData => ({
  name,
  profile,
  share,
  replicable,
  deficit,
});

export const KS = 'Kommunstyrelsen';
export const BUN = 'Barn- och ungdomsnämnden';
export const GVN = 'Gymnasie- och vuxenutbildningsnämnden';
export const VOO = 'Vård- och äldreomsorgsnämnden';
export const SN = 'Socialnämnden';
export const KFN = 'Kultur- och fritidsnämnden';
export const SBN = 'Samhällsbyggnadsnämnden';
export const TN = 'Tekniska nämnden';
export const MHN = 'Miljö- och hälsoskyddsnämnden';
export const OFN = 'Överförmyndarnämnden';
export const VN = 'Valnämnden';

export const BOARDS: readonly BoardData[] = [
  {
    name: KS, frame: 186_400, growth: [0.022, 0.025, 0.02], employees: 310, sickLeave: 4.2,
    activities: [
      a('Nämnd- och styrelseverksamhet', 'admin', 0.07), a('Ekonomi och upphandling', 'admin', 0.15),
      a('HR och löneadministration', 'admin', 0.12), a('Kommunikation', 'admin', 0.05),
      a('IT och digitalisering', 'admin', 0.22, true), a('Näringsliv och turism', 'admin', 0.06),
      a('Arbetsmarknadsenhet', 'admin', 0.17, true), a('Säkerhet och beredskap', 'admin', 0.04),
      a('Kommunledning', 'admin', 0.12),
    ],
  },
  {
    name: BUN, frame: 1_048_600, growth: [0.028, 0.036, 0.024], employees: 1650, sickLeave: 6.8,
    activities: [
      a('Förskola', 'school', 0.34, true), a('Grundskola', 'school', 0.44, true), a('Fritidshem', 'school', 0.07, true),
      a('Förskoleklass', 'school', 0.04, true), a('Anpassad grundskola', 'school', 0.04, true),
      a('Elevhälsa', 'admin', 0.03, true), a('Skolskjuts', 'technical', 0.02), a('Förvaltningsgemensamt', 'admin', 0.02),
    ],
  },
  {
    name: GVN, frame: 262_400, growth: [0.03, 0.034, 0.028], employees: 330, sickLeave: 4.9,
    activities: [
      a('Gymnasieskola', 'school', 0.66, true), a('Anpassad gymnasieskola', 'school', 0.08),
      a('Vuxenutbildning', 'school', 0.14, true), a('Svenska för invandrare', 'school', 0.05),
      a('Interkommunala ersättningar', 'admin', 0.05), a('Förvaltningsgemensamt', 'admin', 0.02),
    ],
  },
  {
    name: VOO, frame: 668_000, growth: [0.041, 0.047, 0.041], employees: 1400, sickLeave: 8.6,
    activities: [
      a('Hemtjänst', 'care', 0.3, true, true), a('Särskilt boende', 'care', 0.48, true), a('Hemsjukvård', 'care', 0.12, true),
      a('Dagverksamhet', 'care', 0.03), a('Biståndshandläggning', 'admin', 0.04), a('Förvaltningsgemensamt', 'admin', 0.03),
    ],
  },
  {
    name: SN, frame: 412_300, growth: [0.035, 0.031, 0.029], employees: 720, sickLeave: 7.4,
    activities: [
      a('Individ- och familjeomsorg', 'ifo', 0.3, true, true), a('Ekonomiskt bistånd', 'benefit', 0.14),
      a('LSS', 'care', 0.38, true), a('Socialpsykiatri', 'care', 0.1, true), a('Förvaltningsgemensamt', 'admin', 0.08),
    ],
  },
  {
    name: KFN, frame: 112_800, growth: [0.025, 0.028, 0.022], employees: 150, sickLeave: 4.6,
    activities: [
      a('Bibliotek', 'culture', 0.24, true), a('Fritidsgårdar', 'culture', 0.14, true),
      a('Idrotts- och fritidsanläggningar', 'culture', 0.33, true), a('Kulturskola', 'culture', 0.14),
      a('Föreningsbidrag', 'culture', 0.1), a('Förvaltningsgemensamt', 'admin', 0.05),
    ],
  },
  {
    name: SBN, frame: 58_400, growth: [0.02, 0.024, 0.02], employees: 95, sickLeave: 3.8,
    activities: [
      a('Fysisk planering', 'authority', 0.3), a('Bygglov', 'authority', 0.2), a('Mark och exploatering', 'authority', 0.25),
      a('Kart och mät', 'authority', 0.15), a('Förvaltningsgemensamt', 'admin', 0.1),
    ],
  },
  {
    name: TN, frame: 96_500, growth: [0.028, 0.03, 0.026], employees: 260, sickLeave: 5.5,
    activities: [
      a('Gata och park', 'technical', 0.45, true), a('Räddningstjänst', 'admin', 0.35, true),
      a('Kost och lokalvård', 'technical', 0.1), a('Förvaltningsgemensamt', 'admin', 0.1),
    ],
  },
  {
    name: MHN, frame: 14_600, growth: [0.02, 0.022, 0.02], employees: 24, sickLeave: 3.5,
    activities: [a('Miljötillsyn', 'authority', 0.45), a('Livsmedelskontroll', 'authority', 0.35), a('Förvaltningsgemensamt', 'admin', 0.2)],
  },
  {
    name: OFN, frame: 6_800, growth: [0.018, 0.02, 0.02], employees: 7, smallGroup: true, sickLeave: 5.1,
    activities: [a('Överförmyndarverksamhet', 'small', 0.85), a('Nämndverksamhet', 'small', 0.15)],
  },
  {
    name: VN, frame: 950, growth: [0.02, 0.02, 0.02], employees: null, sickLeave: 0, elections: true,
    activities: [a('Allmänna val', 'small', 0.85), a('Nämndverksamhet', 'small', 0.15)],
  },
];

/** Districts of an Alingsås-like kommun, used to name units when the sample grows. */
export const AREAS = [
  'Centrum', 'Nolhaga', 'Noltorp', 'Ängabo', 'Stadsskogen', 'Brogården', 'Östlyckan', 'Sollebrunn', 'Ingared', 'Hemsjö',
  'Bjärke', 'Gräfsnäs', 'Långared', 'Tuvehagen', 'Kvarnbacken', 'Hagaberg', 'Mjörn', 'Bälinge', 'Rödene', 'Stora Mellby',
  'Magra', 'Lena', 'Ödenäs', 'Hjälmared',
] as const;

/** A district label for the n-th unit: "Centrum", "Nolhaga", …, then "Centrum 2" once every district has one. */
export function districtLabel(index: number): string {
  const area = AREAS[index % AREAS.length];
  const round = Math.floor(index / AREAS.length);
  return round === 0 ? area : `${area} ${round + 1}`;
}

/** "Förskola Centrum", "Förskola Nolhaga", … for the units of a verksamhet. */
export function unitName(base: string, index: number): string {
  return `${base} ${districtLabel(index)}`;
}

/** Swedish general elections (2026, 2030, …) and European Parliament elections (2029, 2034, …). */
export function isElectionYear(year: number): boolean {
  return (year - 2026) % 4 === 0 || (year - 2029) % 5 === 0;
}

export const KOMMUN_NAME = 'Alingsås kommun (exempel)';
/** Inhabitants at the default size. */
export const DEFAULT_POPULATION = 42_000;
