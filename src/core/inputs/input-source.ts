/** Where one input of a job is read: a table or a sheet, found by name or given by a mapping. */
import type { InputId } from './catalogue';
import type { InputMapping } from './mapping';

export interface InputSource {
  input: InputId;
  kind: 'table' | 'sheet';
  /** Table name (kind table) or sheet name. */
  name: string;
  sheet: string;
  /** ReadRange id of this source's grid. */
  readId: string;
  /**
   * Kind table: the table's range and the ReadRange ids of the cells next to it (rows below,
   * columns to the right, within the sheet's used range), where users type rows the table did not
   * take in. Absent when the used range ends at the table.
   */
  table?: { address: string; belowId?: string; rightId?: string; belowCapped?: boolean; rightCapped?: boolean };
  /** Set when a mapping (Koppla indata) says where the input is: its key in the mapping and how to read it. */
  mapped?: { name: string; mapping: InputMapping; summary: { sv: string; en: string } };
}
