/**
 * The example workbook, as a controller keeps it: a sheet "Budget 2027–2029" with a title
 * and a note above the header on row 4, "Nämnd/styrelse" and "Budget 2027 (mnkr)" headers, a
 * comment column, subtotal rows "Summa …" per nämnd and a "Totalt" row, costs negative in mnkr
 * with decimals; the frames in a table "KFramar" on a sheet "KF-ramar", in tkr under a title.
 */
import type { Mapping } from '../../../src/core/inputs/mapping';
import type { TestSheet } from '../../helpers/raw-workbook';

export const BUDGET_SHEET = 'Budget 2027–2029';

export const budgetSheet: TestSheet = {
  name: BUDGET_SHEET,
  rows: [
    ['Driftbudget 2027–2029, Exempelkommun'],
    ['Belopp i miljoner kronor (mnkr). Nettokostnader visas negativa, intäkter positiva.'],
    [],
    ['Nämnd/styrelse', 'Verksamhet', 'Konto', 'Budget 2027 (mnkr)', 'Budget 2028 (mnkr)', 'Budget 2029 (mnkr)', 'Kommentar'],
    ['Kommunstyrelsen', 'Administration', '5010', -62.4, -63.1, -64.0, null],
    ['Kommunstyrelsen', 'Administration', '3110', 4.2, 4.2, 4.3, 'Avgifter'],
    ['Kommunstyrelsen', 'Näringsliv', '5010', -12.5, -12.8, -13.0, null],
    ['Summa Kommunstyrelsen', null, null, -70.7, -71.7, -72.7, null],
    ['Socialnämnden', 'Äldreomsorg', '5010', -300.0, -306.0, -312.1, null],
    ['Socialnämnden', 'Individ- och familjeomsorg', '5010', -36.6, -37.3, -38.0, 'Ny enhet 2027'],
    ['Summa Socialnämnden', null, null, -336.6, -343.3, -350.1, null],
    ['Barn- och utbildningsnämnden', 'Grundskola', '5010', -410.25, -418.5, -426.9, null],
    ['Barn- och utbildningsnämnden', 'Grundskola', '3110', 8.75, 9.0, 9.2, null],
    ['Summa Barn- och utbildningsnämnden', null, null, -401.5, -409.5, -417.7, null],
    ['Totalt', null, null, -808.8, -824.5, -840.5, null],
  ],
};

export const framesSheet: TestSheet = {
  name: 'KF-ramar',
  rows: [
    ['Kommunfullmäktiges ramar 2027–2029 (tkr)'],
    [],
    [null, 'Nämnd', 'Ram 2027', 'Ram 2028', 'Ram 2029'],
    [null, 'Kommunstyrelsen', 71_000, 72_000, 73_000],
    [null, 'Socialnämnden', 336_600, 343_300, 350_100],
    [null, 'Barn- och utbildningsnämnden', 401_500, 409_500, 417_700],
  ],
  tables: [{ name: 'KFramar', range: 'B3:E6' }],
};

export const exampleSheets: TestSheet[] = [budgetSheet, framesSheet];

/** Net budget per nämnd in mnkr, costs positive, as the example shows it (Summa rows negated). */
export const expectedMnkr: Record<string, [number, number, number]> = {
  Kommunstyrelsen: [70.7, 71.7, 72.7],
  Socialnämnden: [336.6, 343.3, 350.1],
  'Barn- och utbildningsnämnden': [401.5, 409.5, 417.7],
};

/** The mapping a controller confirms for the example (what suggestMapping should propose). */
export const exampleMapping: Mapping = {
  version: 1,
  inputs: {
    Driftbudget: {
      sheet: BUDGET_SHEET,
      headerRow: 4,
      lastRow: null,
      columns: { Nämnd: 'A', Verksamhet: 'B', Konto: 'C', '2027': 'D', '2028': 'E', '2029': 'F' },
      seen: {
        Nämnd: 'Nämnd/styrelse',
        Verksamhet: 'Verksamhet',
        Konto: 'Konto',
        '2027': 'Budget 2027 (mnkr)',
        '2028': 'Budget 2028 (mnkr)',
        '2029': 'Budget 2029 (mnkr)',
      },
      unit: 'mnkr',
      costs: 'negative',
      subtotals: { column: 'A', startsWith: ['Summa', 'Totalt'] },
    },
    Ramar: {
      table: 'KFramar',
      columns: { Nämnd: 'B', '2027': 'C', '2028': 'D', '2029': 'E' },
      seen: { Nämnd: 'Nämnd', '2027': 'Ram 2027', '2028': 'Ram 2028', '2029': 'Ram 2029' },
      unit: 'tkr',
      costs: 'positive',
    },
  },
};
