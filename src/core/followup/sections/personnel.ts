/**
 * Personal / Personalredovisning: anställda, årsarbetare, sjukfrånvaro (total and ≥ 60 days) and
 * personalomsättning, for kvinnor, män and in total. The total comes from the Personal input (the
 * latest period of the year up to the report's) when present, else it is typed. Sick leave is never
 * shown for a group of 10 or fewer employees (SFS 2002:1065): with Personal data such cells are not
 * offered at all, and typed ones are flagged (conditional format, and UPF-SMALL-GROUP in the check).
 */
import { toA1 } from '../../a1';
import type { PersonnelRow } from '../../recognition/model';
import { COL, FORMATS } from '../layout';
import { periodMonth, sectionTitle } from '../reports';
import type { FieldCell } from '../row-shape';
import { textCell } from '../tab-builder';
import { boardRows, sectionHeading, type BuildContext } from '../context';

/** Largest group for which sick leave may not be shown (SFS 2002:1065). */
export const SMALL_GROUP_MAX = 10;

/** The metrics of the section, in order; `split` = asked for kvinnor and män too. */
export const PERSONNEL_METRICS = [
  { item: 'Anställda', label: 'Anställda (antal)', source: 'employees', format: FORMATS.count, split: true, sick: false },
  { item: 'Årsarbetare', label: 'Årsarbetare', source: 'fte', format: FORMATS.decimal, split: true, sick: false },
  { item: 'Sjukfrånvaro', label: 'Sjukfrånvaro, andel av arbetstid', source: 'sickLeave', format: FORMATS.percent, split: true, sick: true },
  { item: 'Sjukfrånvaro ≥ 60 dagar', label: 'Sjukfrånvaro ≥ 60 dagar', source: 'longSickLeave', format: FORMATS.percent, split: true, sick: true },
  { item: 'Personalomsättning', label: 'Personalomsättning', source: 'turnover', format: FORMATS.percent, split: false, sick: false },
] as const;

export const NOT_SHOWN = 'Redovisas inte';

const COUNT_RULE = { kind: 'wholeNumber' as const, min: 0, max: 1_000_000, errorMessage: 'Skriv antalet som ett heltal.' };
const FTE_RULE = { kind: 'decimal' as const, min: 0, max: 1_000_000, errorMessage: 'Skriv antalet årsarbetare, t.ex. 12,5.' };
const SHARE_RULE = { kind: 'decimal' as const, min: 0, max: 1, errorMessage: 'Skriv andelen i procent, t.ex. 5,2 %.' };

/** The Personal row the report uses: the nämnd's latest period of the year up to the report's. */
export function personnelSource(ctx: BuildContext): PersonnelRow | null {
  const last = periodMonth(ctx.report, ctx.year);
  const first = `${ctx.year}-01`;
  let best: PersonnelRow | null = null;
  for (const r of boardRows(ctx, ctx.model.personnel, (p) => p.board)) {
    if (r.period === '' || r.period < first || r.period > last) continue;
    if (!best || r.period >= best.period) best = r;
  }
  return best;
}

export function personnelSection(ctx: BuildContext): void {
  const b = ctx.builder;
  sectionHeading(ctx, sectionTitle('personal', ctx.report));
  const source = personnelSource(ctx);
  const small = source !== null && source.employees !== null && source.employees <= SMALL_GROUP_MAX;
  b.note(
    source
      ? `Totalt hämtas från Personal, period ${source.period}. Fyll i fördelningen på kvinnor och män.`
      : 'Personal saknas i arbetsboken för perioden: fyll i uppgifterna.',
  );
  b.note(`Sjukfrånvaro redovisas inte för grupper med ${SMALL_GROUP_MAX} eller färre anställda (SFS 2002:1065).`);
  b.header({ [COL.text]: 'Personal', [COL.c]: 'Kvinnor', [COL.d]: 'Män', [COL.e]: 'Totalt' });

  const rowOf: Record<string, number> = {};
  for (const m of PERSONNEL_METRICS) {
    const r = b.next;
    rowOf[m.item] = r;
    const fields: FieldCell[] = [];
    const hidden = m.sick && small;
    const cols: [string, number][] = m.split ? [['women', COL.c], ['men', COL.d], ['total', COL.e]] : [['total', COL.e]];
    for (const [field, col] of cols) {
      if (hidden) {
        fields.push({ field, col, kind: 'constant', value: NOT_SHOWN, style: 'note' });
      } else if (field === 'total' && source && source[m.source] !== null) {
        fields.push({ field, col, kind: 'constant', value: source[m.source], numberFormat: m.format });
      } else {
        fields.push({ field, col, kind: 'input', numberFormat: m.format });
      }
    }
    b.keyed({ key: { section: 'personal', board: ctx.board, item: m.item }, label: textCell(m.label), fields });
    const inputs = fields.filter((f) => f.kind === 'input').map((f) => ({ row: r, col: f.col }));
    b.validateCells(inputs, m.source === 'employees' ? COUNT_RULE : m.source === 'fte' ? FTE_RULE : SHARE_RULE);
  }
  // Typed sick leave for a group of 10 or fewer: flagged until removed.
  const employees = rowOf['Anställda'];
  const sickTop = rowOf['Sjukfrånvaro'];
  const sickBottom = rowOf['Sjukfrånvaro ≥ 60 dagar'];
  const top = toA1(sickTop, COL.c);
  const emp = `${toA1(employees, COL.c).replace(/\d+$/, '')}$${employees + 1}`;
  b.flag({ top: sickTop, left: COL.c, bottom: sickBottom, right: COL.e }, `=AND(ISNUMBER(${emp}),${emp}<=${SMALL_GROUP_MAX},ISNUMBER(${top}))`);
  b.blank();
}
