/**
 * The sample's follow-up inputs: the ledger (Utfall) for months 1–8 of the budget year, Personal
 * per nämnd and month, Nyckeltal (Kolada-like) and Privata utförare.
 */
import { periodText } from '../templates/excel-date';
import type { BudgetLine } from './budget';
import { BOARDS, BUN, GVN, KFN, KS, MHN, SBN, SN, TN, VOO, districtLabel, unitName, type Booking } from './kommun-data';
import type { Rng } from './prng';

type Row = (string | number | null)[];

/** Months of the budget year the sample's ledger covers: the delårsbokslut per 31 August. */
export const ACTUAL_MONTHS = 8;

const BOOKING_MONTHS: Record<Exclude<Booking, 'sporadic'>, readonly number[]> = {
  monthly: [1, 2, 3, 4, 5, 6, 7, 8],
  bimonthly: [2, 4, 6, 8],
  quarterly: [3, 6],
};
const ALL_MONTHS = BOOKING_MONTHS.monthly;

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Ledger rows: each budget line booked in the months its account is booked in, adding up to about
 * 8/12 of the budget; lines of verksamheter marked `deficit` run 8–13 % ahead on costs.
 */
export function generateActuals(rng: Rng, lines: readonly BudgetLine[], year: number): Row[] {
  const periods = ALL_MONTHS.map((m) => periodText(year, m));
  const rows: Row[] = [];
  for (const line of lines) {
    const budget = line.amounts[0];
    if (budget === 0) continue;
    const board = BOARDS[line.board];
    const deficit = board.activities[line.activityIndex].deficit === true;
    const cost = budget > 0;
    const pace = deficit && cost ? rng.uniform(1.08, 1.13) : cost ? rng.uniform(0.95, 1.03) : rng.uniform(0.95, 1.05);
    const toDate = (budget * ACTUAL_MONTHS * pace) / 12;
    const booking = line.account.booking;
    let months: readonly number[];
    if (booking === 'sporadic') {
      const count = rng.int(1, 3);
      const picked = new Set<number>();
      while (picked.size < count) picked.add(rng.int(1, ACTUAL_MONTHS));
      months = [...picked].sort((p, q) => p - q);
    } else {
      months = BOOKING_MONTHS[booking];
    }
    for (const month of months) {
      const amount = oneDecimal((toDate / months.length) * rng.uniform(0.94, 1.06));
      rows.push([board.name, line.activity, line.account.code, periods[month - 1], amount]);
    }
  }
  return rows;
}

/** Personal per nämnd with staff, months 1–8. The small nämnd stays at 10 or fewer employees. */
export function generatePersonnel(rng: Rng, scale: number, year: number): Row[] {
  const rows: Row[] = [];
  for (const board of BOARDS) {
    if (board.employees === null) continue;
    const base = board.smallGroup ? board.employees : Math.round(board.employees * scale);
    const turnover = rng.uniform(7, 12);
    for (let month = 1; month <= ACTUAL_MONTHS; month++) {
      const employees = board.smallGroup ? Math.min(10, base + rng.int(-1, 1)) : Math.round(base * rng.uniform(0.99, 1.01));
      const fte = Math.round(employees * rng.uniform(0.86, 0.92) * 10) / 10;
      // Winter months have more sick leave, summer less.
      const season = month <= 3 ? 1.15 : month >= 6 && month <= 7 ? 0.8 : 1;
      const sickLeave = oneDecimal(board.sickLeave * season * rng.uniform(0.92, 1.08));
      const longSickLeave = oneDecimal(sickLeave * rng.uniform(0.38, 0.5));
      rows.push([board.name, periodText(year, month), employees, fte, sickLeave, longSickLeave, oneDecimal(turnover * rng.uniform(0.97, 1.03))]);
    }
  }
  return rows;
}

interface Indicator {
  board: string;
  activity: string;
  name: string;
  id: string;
  value: number;
  similar: number;
  higherIsBetter: boolean;
  /** kr per inhabitant: the kommun's net cost and the referenskostnad, where the activity has one. */
  netCost?: number;
  referenceCost?: number;
}

const INDICATORS: readonly Indicator[] = [
  { board: BUN, activity: 'Förskola', name: 'Inskrivna barn per årsarbetare i förskola, antal', id: 'N11102', value: 5.3, similar: 5.1, higherIsBetter: false, netCost: 11_900, referenceCost: 12_250 },
  { board: BUN, activity: 'Grundskola', name: 'Elever i åk 9 som är behöriga till yrkesprogram, hemkommun, andel (%)', id: 'N15419', value: 84.6, similar: 86.1, higherIsBetter: true, netCost: 17_450, referenceCost: 17_050 },
  { board: BUN, activity: 'Grundskola', name: 'Elever i åk 9, genomsnittligt meritvärde (17 ämnen), hemkommun', id: 'N15505', value: 229.5, similar: 226.8, higherIsBetter: true },
  { board: BUN, activity: 'Fritidshem', name: 'Elever per årsarbetare i fritidshem, antal', id: 'N15031', value: 20.4, similar: 19.2, higherIsBetter: false },
  { board: GVN, activity: 'Gymnasieskola', name: 'Gymnasieelever med examen inom 4 år, hemkommun, andel (%)', id: 'N17461', value: 71.2, similar: 73.0, higherIsBetter: true, netCost: 6_350, referenceCost: 6_200 },
  { board: GVN, activity: 'Vuxenutbildning', name: 'Elever på SFI som klarat minst två kurser, andel (%)', id: 'N18420', value: 38.5, similar: 36.0, higherIsBetter: true },
  { board: VOO, activity: 'Hemtjänst', name: 'Brukarbedömning hemtjänst äldreomsorg – helhetssyn, andel (%)', id: 'U21468', value: 86.0, similar: 88.0, higherIsBetter: true },
  { board: VOO, activity: 'Hemtjänst', name: 'Personal som en hemtjänsttagare möter under 14 dagar, antal', id: 'N21522', value: 15.0, similar: 14.0, higherIsBetter: false },
  { board: VOO, activity: 'Särskilt boende', name: 'Brukarbedömning särskilt boende äldreomsorg – helhetssyn, andel (%)', id: 'U23471', value: 82.0, similar: 80.0, higherIsBetter: true, netCost: 16_250, referenceCost: 15_700 },
  { board: SN, activity: 'Individ- och familjeomsorg', name: 'Barn och unga 0–12 år som inte återaktualiserats ett år efter avslutad utredning, andel (%)', id: 'N33015', value: 73.0, similar: 76.0, higherIsBetter: true, netCost: 3_900, referenceCost: 3_650 },
  { board: SN, activity: 'Ekonomiskt bistånd', name: 'Invånare som någon gång under året fått ekonomiskt bistånd, andel (%)', id: 'N31807', value: 3.6, similar: 3.9, higherIsBetter: false, netCost: 1_350, referenceCost: 1_420 },
  { board: SN, activity: 'LSS', name: 'Brukarbedömning daglig verksamhet LSS – trivs alltid, andel (%)', id: 'U28532', value: 84.0, similar: 81.0, higherIsBetter: true, netCost: 6_100, referenceCost: 5_800 },
  { board: KFN, activity: 'Bibliotek', name: 'Fysiska besök på folkbibliotek, antal per invånare', id: 'N09805', value: 4.1, similar: 3.8, higherIsBetter: true },
  { board: KFN, activity: 'Idrotts- och fritidsanläggningar', name: 'Nettokostnad för fritidsverksamhet, kr per invånare', id: 'N09022', value: 1_420, similar: 1_380, higherIsBetter: false },
  { board: KS, activity: 'Arbetsmarknadsenhet', name: 'Invånare 20–64 år som förvärvsarbetar, andel (%)', id: 'N00914', value: 80.5, similar: 80.1, higherIsBetter: true },
  { board: SBN, activity: 'Bygglov', name: 'Handläggningstid för bygglov, median (dagar)', id: 'U00810', value: 34, similar: 38, higherIsBetter: false },
  { board: TN, activity: 'Räddningstjänst', name: 'Responstid räddningstjänst, median (minuter)', id: 'N07935', value: 11.5, similar: 12.2, higherIsBetter: false },
  { board: MHN, activity: 'Livsmedelskontroll', name: 'Genomförda planerade livsmedelskontroller, andel (%)', id: 'U07451', value: 92.0, similar: 89.0, higherIsBetter: true },
];

/** Nyckeltal: the kommun's indicators, then per district as the sample grows (without costs). */
export function generateIndicators(rng: Rng, copies: number): Row[] {
  const rows: Row[] = [];
  for (let round = 0; round < copies; round++) {
    for (const k of INDICATORS) {
      const noise = round === 0 ? rng.uniform(0.99, 1.01) : rng.uniform(0.9, 1.1);
      const activity = round === 0 ? k.activity : unitName(k.activity, round - 1);
      rows.push([
        k.board,
        activity,
        k.name,
        k.id,
        oneDecimal(k.value * noise),
        k.similar,
        k.higherIsBetter ? 'Ja' : 'Nej',
        round === 0 && k.netCost !== undefined ? Math.round(k.netCost * noise) : null,
        round === 0 && k.referenceCost !== undefined ? k.referenceCost : null,
      ]);
    }
  }
  return rows;
}

interface Contractor {
  board: string;
  activity: string;
  name: string;
  period: string;
  /** tkr per year at the default population. */
  cost: number;
  followedUp: boolean;
  observations: string | null;
}

const CONTRACTORS: readonly Contractor[] = [
  { board: VOO, activity: 'Hemtjänst', name: 'Omsorgshuset Väst AB', period: 'LOV, tills vidare', cost: 18_400, followedUp: true, observations: 'Genomförandeplaner saknades i 3 av 20 ärenden; åtgärdsplan begärd.' },
  { board: VOO, activity: 'Särskilt boende', name: 'Vårdboendet Björkliden AB', period: '2024-01-01 – 2027-12-31', cost: 41_200, followedUp: true, observations: 'Inga avvikelser.' },
  { board: BUN, activity: 'Förskola', name: 'Föräldrakooperativet Solrosen ek. för.', period: 'Godkänd huvudman', cost: 9_800, followedUp: true, observations: 'Inga avvikelser.' },
  { board: BUN, activity: 'Grundskola', name: 'Friskolan Lärkan AB', period: 'Godkänd huvudman', cost: 22_600, followedUp: false, observations: null },
  { board: SN, activity: 'LSS', name: 'Assistansbolaget Trygg Vardag AB', period: '2025-04-01 – 2028-03-31', cost: 12_300, followedUp: true, observations: 'Brister i rapportering av avvikelser.' },
  { board: SN, activity: 'Individ- och familjeomsorg', name: 'Behandlingshemmet Granbacken AB', period: 'Ramavtal 2026–2028', cost: 15_700, followedUp: true, observations: 'Inga avvikelser.' },
  { board: TN, activity: 'Gata och park', name: 'Gröna Ytor Sjuhärad AB', period: '2025-05-01 – 2029-04-30', cost: 7_900, followedUp: false, observations: null },
  { board: KFN, activity: 'Idrotts- och fritidsanläggningar', name: 'Aktiv Fritid i Väst AB', period: '2026-01-01 – 2030-12-31', cost: 6_100, followedUp: true, observations: 'Öppettiderna följer avtalet.' },
];

export function generateContractors(rng: Rng, scale: number, copies: number): Row[] {
  const rows: Row[] = [];
  for (let round = 0; round < copies; round++) {
    for (const c of CONTRACTORS) {
      const name = round === 0 ? c.name : `${c.name}, ${districtLabel(round - 1)}`;
      rows.push([
        c.board,
        c.activity,
        name,
        c.period,
        Math.round((c.cost * scale * (round === 0 ? 1 : rng.uniform(0.05, 0.2))) / 10) * 10,
        round === 0 ? (c.followedUp ? 'Ja' : 'Nej') : rng.chance(0.7) ? 'Ja' : 'Nej',
        c.observations,
      ]);
    }
  }
  return rows;
}
