/**
 * The sample's governance inputs: Övriga förändringar (non-political), Internkontrollplan,
 * Politiska inriktningar (few and short) and Uppdrag (valid statuses).
 */
import { STATUS_VALUES } from '../inputs/catalogue';
import { excelSerial } from '../templates/excel-date';
import { BOARDS, BUN, GVN, KFN, KS, MHN, OFN, SBN, SN, TN, VN, VOO, districtLabel } from './kommun-data';
import type { Rng } from './prng';

type Row = (string | number | null)[];

/** Adds a district to a text when the sample needs more rows than there are texts. */
function withDistrict(text: string, round: number): string {
  return round === 0 ? text : `${text} – ${districtLabel(round - 1)}`;
}

interface OtherChange {
  board: string;
  text: string;
  type: string;
  /** tkr for Y1..Y3 at the default population. */
  amounts: [number, number, number];
}

const OTHER_CHANGES: readonly OtherChange[] = [
  { board: BUN, text: 'Hyra ny skola', type: 'Lokalkostnad', amounts: [0, 3_200, 3_200] },
  { board: VOO, text: 'Ny lagstiftning', type: 'Lagändring', amounts: [1_500, 1_500, 1_500] },
  { board: BUN, text: 'Driftkostnad ny förskola i Stadsskogen', type: 'Lokalkostnad', amounts: [0, 0, 4_800] },
  { board: VOO, text: 'Hyreshöjning särskilt boende efter renovering', type: 'Lokalkostnad', amounts: [900, 900, 900] },
  { board: SN, text: 'Ny gruppbostad LSS, helårseffekt', type: 'Driftkostnad ny anläggning', amounts: [0, 6_500, 6_500] },
  { board: TN, text: 'Kapitalkostnader ny gång- och cykelväg', type: 'Kapitalkostnad', amounts: [350, 700, 700] },
  { board: KS, text: 'Licenser för nytt ekonomisystem', type: 'Avtal', amounts: [1_200, 1_200, 1_200] },
  { board: KFN, text: 'Driftkostnad ny idrottshall', type: 'Driftkostnad ny anläggning', amounts: [0, 2_400, 2_400] },
  { board: GVN, text: 'Minskat statsbidrag för yrkesvux', type: 'Statsbidrag', amounts: [800, 800, 800] },
  { board: MHN, text: 'Utökad livsmedelskontroll enligt ny förordning', type: 'Lagändring', amounts: [250, 250, 250] },
];

export function generateOtherChanges(rng: Rng, scale: number, copies: number): Row[] {
  const rows: Row[] = [];
  for (let round = 0; round < copies; round++) {
    for (const change of OTHER_CHANGES) {
      const factor = round === 0 ? scale : scale * rng.uniform(0.3, 0.8);
      rows.push([
        change.board,
        withDistrict(change.text, round),
        change.type,
        ...change.amounts.map((x) => Math.round((x * factor) / 10) * 10),
      ]);
    }
  }
  return rows;
}

interface Risk {
  process: string;
  risk: string;
  control: string;
  responsible: string;
  timing: string;
}

const r = (process: string, risk: string, control: string, responsible: string, timing: string): Risk => ({
  process,
  risk,
  control,
  responsible,
  timing,
});

const COMMON_RISKS: readonly Risk[] = [
  r('Inköp', 'Inköp görs utanför upphandlade avtal', 'Stickprov på 20 fakturor mot avtalsdatabasen', 'Ekonomichef', 'Oktober'),
  r('Attest', 'Attest sker inte enligt attestordningen', 'Kontroll av attesträtter i ekonomisystemet', 'Ekonomichef', 'Mars'),
  r('Löner', 'Felaktiga löneutbetalningar', 'Stickprov på löneutbetalningar mot anställningsbeslut', 'HR-chef', 'Kvartalsvis'),
  r('Dokumenthantering', 'Allmänna handlingar diarieförs inte i tid', 'Genomgång av diariet mot inkomna ärenden', 'Nämndsekreterare', 'Maj'),
  r('Informationssäkerhet', 'Obehöriga har behörighet i verksamhetssystem', 'Behörighetsgenomgång i verksamhetssystemen', 'Förvaltningschef', 'September'),
  r('Representation', 'Representation följer inte riktlinjerna', 'Granskning av representationsfakturor', 'Ekonomichef', 'November'),
  r('Delegation', 'Delegationsbeslut anmäls inte till nämnden', 'Avstämning av delegationsbeslut mot anmälningar', 'Nämndsekreterare', 'Löpande'),
];

const BOARD_RISKS: Record<string, readonly Risk[]> = {
  [KS]: [r('Upphandling', 'Direktupphandlingar dokumenteras inte', 'Granskning av direktupphandlingar över 100 tkr', 'Upphandlingschef', 'Oktober')],
  [BUN]: [
    r('Elevhälsa', 'Kränkande behandling anmäls inte till huvudmannen', 'Genomgång av anmälningar per skola', 'Verksamhetschef', 'Terminsvis'),
    r('Skolplikt', 'Elevers frånvaro följs inte upp', 'Kontroll av rutiner för frånvarouppföljning', 'Rektor', 'December'),
  ],
  [GVN]: [r('Interkommunala ersättningar', 'Felaktiga fakturor för elever i andra kommuner', 'Avstämning av fakturor mot elevregistret', 'Ekonomichef', 'Oktober')],
  [VOO]: [
    r('Läkemedel', 'Felaktig läkemedelshantering', 'Egenkontroll av signeringslistor', 'Medicinskt ansvarig sjuksköterska', 'Kvartalsvis'),
    r('Avgifter', 'Felaktiga omsorgsavgifter', 'Stickprov på avgiftsbeslut', 'Avgiftshandläggare', 'April'),
  ],
  [SN]: [
    r('Ekonomiskt bistånd', 'Felaktiga utbetalningar av ekonomiskt bistånd', 'Stickprov på 25 utbetalningar', 'Enhetschef', 'Kvartalsvis'),
    r('Barn och unga', 'Utredningstiden på fyra månader överskrids', 'Uppföljning av utredningstider', 'Enhetschef IFO', 'Månadsvis'),
  ],
  [KFN]: [r('Föreningsbidrag', 'Bidrag betalas ut på felaktiga grunder', 'Stickprov på beviljade bidragsansökningar', 'Fritidschef', 'Juni')],
  [SBN]: [r('Bygglov', 'Handläggningstiden för bygglov överskrids', 'Uppföljning av handläggningstider', 'Bygglovschef', 'Kvartalsvis')],
  [TN]: [
    r('Arbetsmiljö', 'Olyckor vid arbete på väg', 'Skyddsronder på arbetsplatserna', 'Driftchef', 'Maj'),
    r('Fordon', 'Kommunens fordon används privat', 'Kontroll av körjournaler', 'Driftchef', 'Augusti'),
  ],
  [MHN]: [r('Tillsyn', 'Tillsynsplanen genomförs inte', 'Uppföljning av tillsynsplanen', 'Miljöchef', 'Augusti')],
  [OFN]: [r('Granskning', 'Årsräkningar granskas inte i tid', 'Uppföljning av granskningsläget', 'Handläggare', 'Juni')],
  [VN]: [r('Val', 'Fel i den preliminära rösträkningen', 'Dubbelkontroll av rösträkningen', 'Valsamordnare', 'Valdagen')],
};

/** Internkontrollplan: every nämnd has risks; every risk of value 6 or more has a control. */
export function generateInternalControl(rng: Rng, copies: number): Row[] {
  const rows: Row[] = [];
  for (const board of BOARDS) {
    const own = BOARD_RISKS[board.name] ?? [];
    const common = COMMON_RISKS.filter(() => rng.chance(0.35)).slice(0, 3);
    const risks = [...own, ...(common.length > 0 ? common : [COMMON_RISKS[0]])];
    for (let round = 0; round < copies; round++) {
      risks.forEach((risk, k) => {
        // The nämnd's own first risk is its main one: always high, so a control is required.
        const probability = k === 0 ? rng.int(3, 4) : rng.int(1, 4);
        const consequence = k === 0 ? 3 : rng.int(1, 4);
        const value = probability * consequence;
        const control = value >= 6 || rng.chance(0.5) ? risk.control : null;
        rows.push([
          board.name,
          risk.process,
          withDistrict(risk.risk, round),
          probability,
          consequence,
          value,
          control,
          risk.responsible,
          risk.timing,
        ]);
      });
    }
  }
  return rows;
}

const DIRECTIONS: Record<string, readonly string[]> = {
  [KS]: [
    'Kommunen ska vara attraktiv för företag och näringslivsklimatet ska förbättras.',
    'Digitalisering ska användas för att effektivisera verksamheten och förenkla för invånarna.',
  ],
  [BUN]: [
    'Fler elever ska nå kunskapskraven i alla ämnen.',
    'Barngrupperna i förskolan ska bli mindre.',
    'Tidiga insatser ska prioriteras före sena.',
  ],
  [GVN]: ['Fler elever ska ta examen inom fyra år.', 'Vuxenutbildningen ska möta arbetsmarknadens behov av kompetens.'],
  [VOO]: [
    'Äldre ska kunna bo kvar hemma så länge de vill och kan.',
    'Kontinuiteten i hemtjänsten ska öka.',
    'Välfärdsteknik ska användas där den ger bättre kvalitet.',
  ],
  [SN]: [
    'Placeringar ska i första hand ske i familjehem och på hemmaplan.',
    'Fler ska gå från ekonomiskt bistånd till egen försörjning.',
  ],
  [KFN]: ['Barn och unga ska ha tillgång till en meningsfull fritid.', 'Biblioteken ska vara mötesplatser för alla.'],
  [SBN]: ['Planberedskapen ska räcka för 250 nya bostäder per år.', 'Bygglov ska handläggas snabbt och rättssäkert.'],
  [TN]: ['Gång- och cykelvägnätet ska byggas ut.', 'Energianvändningen i kommunens verksamheter ska minska.'],
  [MHN]: ['Tillsynen ska vara rättssäker och ge företagen goda råd.'],
  [OFN]: ['Årsräkningar ska granskas inom den tid lagen anger.'],
  [VN]: ['Valen ska genomföras säkert och vara tillgängliga för alla väljare.'],
};

/** Politiska inriktningar: one to three per nämnd (the rule allows five), short. */
export function generateDirections(): Row[] {
  const rows: Row[] = [];
  for (const board of BOARDS) for (const text of DIRECTIONS[board.name] ?? []) rows.push([board.name, text]);
  return rows;
}

interface Assignment {
  recipient: string;
  text: string;
  decidedBy: 'Kommunfullmäktige' | 'Kommunstyrelsen';
}

const ASSIGNMENTS: readonly Assignment[] = [
  { recipient: KS, text: 'Ta fram en plan för kommunens lokalförsörjning för de kommande tio åren', decidedBy: 'Kommunfullmäktige' },
  { recipient: BUN, text: 'Utreda framtida skolstruktur i kommunens norra del', decidedBy: 'Kommunfullmäktige' },
  { recipient: BUN, text: 'Ta fram en plan för mindre barngrupper i förskolan', decidedBy: 'Kommunstyrelsen' },
  { recipient: VOO, text: 'Utreda trygghetsboende i Sollebrunn', decidedBy: 'Kommunfullmäktige' },
  { recipient: VOO, text: 'Införa digital tillsyn nattetid inom hemtjänsten', decidedBy: 'Kommunstyrelsen' },
  { recipient: SN, text: 'Utveckla hemmaplanslösningar för barn och unga', decidedBy: 'Kommunfullmäktige' },
  { recipient: SN, text: 'Minska kostnaderna för externa placeringar med 5 mnkr', decidedBy: 'Kommunfullmäktige' },
  { recipient: GVN, text: 'Se över gymnasieskolans programutbud', decidedBy: 'Kommunfullmäktige' },
  { recipient: KFN, text: 'Utreda en ny simhall', decidedBy: 'Kommunfullmäktige' },
  { recipient: SBN, text: 'Ta fram en ny översiktsplan', decidedBy: 'Kommunfullmäktige' },
  { recipient: TN, text: 'Genomföra en trafiksäkerhetsplan för skolvägar', decidedBy: 'Kommunstyrelsen' },
  { recipient: TN, text: 'Ta fram en plan för laddinfrastruktur', decidedBy: 'Kommunfullmäktige' },
  { recipient: MHN, text: 'Samordna tillsynen med grannkommunerna', decidedBy: 'Kommunstyrelsen' },
  { recipient: KS, text: 'Införa ett gemensamt e-arkiv', decidedBy: 'Kommunstyrelsen' },
];

/** Uppdrag with end dates in the budget year or the next, and only the allowed statuses. */
export function generateAssignments(rng: Rng, year: number, copies: number): Row[] {
  const rows: Row[] = [];
  const dueDates = [
    excelSerial(year, 3, 31),
    excelSerial(year, 6, 30),
    excelSerial(year, 9, 30),
    excelSerial(year, 12, 31),
    excelSerial(year + 1, 6, 30),
    excelSerial(year + 1, 12, 31),
  ];
  for (let round = 0; round < copies; round++) {
    for (const assignment of ASSIGNMENTS) {
      const due = rng.int(0, dueDates.length - 1);
      // Early deadlines are mostly done; later ones mostly under way.
      const status =
        due === 0 ? (rng.chance(0.8) ? 'Klart' : 'Pågår') : due >= 4 ? rng.pick(['Ej påbörjat', 'Pågår'] as const) : rng.pick(STATUS_VALUES);
      rows.push([assignment.recipient, withDistrict(assignment.text, round), assignment.decidedBy, dueDates[due], status]);
    }
  }
  return rows;
}
