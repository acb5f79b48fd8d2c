/**
 * Recognition of an input read through a mapping (Koppla indata): the grid the recognizer reads
 * (applyMapping: canonical headers, subtotal and skipped rows left out; never a moved cell), and
 * the layout's mapping-only parts (the sign of costs shown negative, the subtotal rule). A mapping
 * that no longer fits becomes MAP-STALE and the input is not read.
 */
import type { Finding } from '../findings';
import type { InputDef, InputId } from '../inputs/catalogue';
import { hasCosts, letterColumn, mappedInputDef } from '../inputs/mapping';
import { applyMapping, rowsLeftOut } from '../inputs/mapping-apply';
import { checkMappedHeaders, type MappingIssue } from '../inputs/mapping-check';
import { makeFinding } from '../messages/rule-catalogue';
import type { RawGrid } from '../workbook/raw';
import type { InputSource } from '../inputs/input-source';
import type { BudgetModel, InputLayout } from './model';

type Mapped = NonNullable<InputSource['mapped']>;

export const staleFinding = (issue: MappingIssue): Finding =>
  makeFinding('MAP-STALE', { sheet: issue.sheet, cell: issue.cell }, { message: issue.sv, messageEn: issue.en, key: issue.key });

/** The input a mapping's input name (or alias) stands for. */
export function mappedInputId(name: string): InputId | undefined {
  return mappedInputDef(name)?.id;
}

/**
 * The grid the recognizer reads for a mapped input, or null when a mapped column's header changed
 * since it was mapped (MAP-STALE says why; the input is not read). Records the input's summary on
 * the model and warns of skipped rows that still hold figures (MAP-SKIPPED-ROW).
 */
export function mappedGrid(def: InputDef, mapped: Mapped, grid: RawGrid, findings: Finding[], model: BudgetModel): RawGrid | null {
  const stale = checkMappedHeaders(mapped.name, mapped.mapping, grid);
  if (stale.length > 0) {
    findings.push(...stale.map(staleFinding));
    return null;
  }
  const applied = applyMapping(mapped.name, mapped.mapping, grid);
  const boardLetter = mapped.mapping.columns.Nämnd ?? 'A';
  for (const row of applied.skippedWithFigures) {
    findings.push(makeFinding('MAP-SKIPPED-ROW', { sheet: grid.sheet, cell: `${boardLetter}${row}` }, { row, input: def.name }));
  }
  model.mappedInputs.push({ input: def.id, summary: mapped.summary, leftOut: rowsLeftOut(applied) });
  return applied.grid;
}

/**
 * The mapping's parts of a recognised layout: with costs negative the sign goes into the amount
 * columns' factor, so the model reads costs positive and every formula Budgetkoll writes
 * multiplies the user's own cells by the same negative factor (the cells are never changed); and
 * the subtotal rule, which column-summing formulas apply as a criterion.
 */
export function finishMappedLayout(def: InputDef, mapped: Mapped, layout: InputLayout): void {
  const { subtotals, costs } = mapped.mapping;
  if (subtotals) layout.subtotals = { col: letterColumn(subtotals.column), words: subtotals.startsWith };
  if (costs !== 'negative' || !hasCosts(mappedInputDef(mapped.name) ?? def)) return;
  for (const col of signedColumns(def, layout)) if (layout.kronorPerUnit[col] !== undefined) layout.kronorPerUnit[col] = -layout.kronorPerUnit[col];
}

/** The amount columns whose sign a "costs negative" mapping turns: the input's amount-kind columns (not unit costs or counts). */
function signedColumns(def: InputDef, layout: InputLayout): number[] {
  const cols: number[] = [];
  for (const group of def.yearGroups) if (group.kind === 'amount') cols.push(...(layout.yearColumns[group.key] ?? []));
  for (const column of def.columns) if (column.kind === 'amount' && layout.columns[column.key] !== undefined) cols.push(layout.columns[column.key]);
  return cols;
}
