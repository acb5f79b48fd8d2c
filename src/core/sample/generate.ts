/**
 * The realistic sample workbook: an Alingsås-like kommun whose frames add up, whose financing
 * meets the balanskrav and the 2 % goal, and whose follow-up data tell a story (two verksamheter
 * heading for a deficit, one nämnd too small to report sick leave). Deterministic for a seed.
 */
import { FINANCING_POSTS, inputDef, type InputId } from '../inputs/catalogue';
import { inputHeaders, inputTableName } from '../templates/input-layout';
import { parameterRows } from '../templates/parameters';
import { generateBudget, generateFinancing, minimumBudgetRows } from './budget';
import { generateActuals, generateContractors, generateIndicators, generatePersonnel } from './follow-up-data';
import { generateAssignments, generateDirections, generateInternalControl, generateOtherChanges } from './governance';
import { BOARDS, DEFAULT_POPULATION, KOMMUN_NAME } from './kommun-data';
import { createRng, subSeed } from './prng';
import type { SampleOptions, SampleSheet, SampleValue, SampleWorkbook } from './types';
import { generateVolumes } from './volumes';

export const DEFAULT_SAMPLE_ROWS = 600;
export const DEFAULT_SAMPLE_YEAR = 2027;
export const DEFAULT_SAMPLE_SEED = 1;
/** L in docs/quality.md; the ledger of a larger sample would not fit in one Excel sheet. */
export const MAX_SAMPLE_ROWS = 200_000;
/** Fewest Driftbudget rows that still give every verksamhet a row. */
export const MIN_SAMPLE_ROWS = minimumBudgetRows();

/** Sizes of docs/quality.md, by name. */
export const SAMPLE_SIZES = { S: 2_000, M: 20_000, L: 200_000 } as const;

/** Indexation of the sample (percent for Y1..Y3), as in the worked example of docs/resursfordelning.md. */
const SAMPLE_INDEXATION: [number, number, number] = [2.8, 3.0, 2.5];

function sheet(input: InputId, year: number, rows: SampleValue[][], numberFormats?: (string | null)[]): SampleSheet {
  const def = inputDef(input);
  return { input, name: def.name, tableName: inputTableName(def), header: inputHeaders(def, year), rows, numberFormats };
}

/** Generates the sample workbook. Throws RangeError for rows or year outside the supported range. */
export function generateSample(options: SampleOptions = {}): SampleWorkbook {
  const rows = options.rows ?? DEFAULT_SAMPLE_ROWS;
  const year = options.year ?? DEFAULT_SAMPLE_YEAR;
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  if (!Number.isInteger(rows) || rows < MIN_SAMPLE_ROWS || rows > MAX_SAMPLE_ROWS) {
    throw new RangeError(`rows must be an integer ${MIN_SAMPLE_ROWS}..${MAX_SAMPLE_ROWS}: ${rows}`);
  }
  if (!Number.isInteger(year) || year < 2000 || year > 2098) throw new RangeError(`year out of range: ${year}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer: ${seed}`);

  // A bigger sample is a bigger kommun: population grows with the square root of the rows,
  // so L (200 000 rows) is a city of about 770 000, and other inputs grow with the rows.
  const scale = Math.sqrt(rows / DEFAULT_SAMPLE_ROWS);
  const copies = Math.max(1, Math.round(rows / DEFAULT_SAMPLE_ROWS));
  const rng = (part: string) => createRng(subSeed(seed, part));

  const budget = generateBudget(rng('budget'), rows, scale, year);
  const financing = generateFinancing(budget.frames);

  const sheets: SampleSheet[] = [
    sheet(
      'parametrar',
      year,
      parameterRows({ year, kommun: KOMMUN_NAME, indexation: SAMPLE_INDEXATION, financialTarget: 2, tolerance: 0.5 }),
    ),
    sheet('ramar', year, BOARDS.map((board, b) => [board.name, ...budget.frames[b].slice(1)])),
    sheet(
      'driftbudget',
      year,
      budget.lines.map((line) => [BOARDS[line.board].name, line.activity, line.account.code, line.account.name, ...line.amounts]),
    ),
    sheet('utgangsramar', year, BOARDS.map((board, b) => [board.name, budget.frames[b][0]])),
    sheet('volymer', year, generateVolumes(rng('volymer'), scale, copies)),
    sheet('ovrigaForandringar', year, generateOtherChanges(rng('ovriga'), scale, copies)),
    sheet('finansiering', year, [
      [FINANCING_POSTS.taxes, ...financing.taxes],
      [FINANCING_POSTS.grants, ...financing.grants],
      [FINANCING_POSTS.financialNet, ...financing.financialNet],
      [FINANCING_POSTS.other, ...financing.other],
    ]),
    sheet('internkontrollplan', year, generateInternalControl(rng('internkontroll'), copies)),
    sheet('politiskaInriktningar', year, generateDirections()),
    sheet('uppdrag', year, generateAssignments(rng('uppdrag'), year, copies)),
    sheet('nyckeltal', year, generateIndicators(rng('nyckeltal'), copies)),
    // Ledger amounts carry one decimal (hundreds of kronor); show it.
    sheet('utfall', year, generateActuals(rng('utfall'), budget.lines, year), [null, null, null, null, '#,##0.0;[Red]-#,##0.0']),
    sheet('personal', year, generatePersonnel(rng('personal'), scale, year)),
    sheet('privataUtforare', year, generateContractors(rng('privata'), scale, copies)),
  ];

  return { year, kommun: KOMMUN_NAME, seed, population: Math.round((DEFAULT_POPULATION * scale) / 100) * 100, sheets };
}
