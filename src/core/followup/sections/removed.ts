/**
 * "Borttagna rader": what people typed on rows that the current data no longer has (a verksamhet
 * removed or renamed, an inriktning reworded). Never dropped: each value is kept here as an input
 * cell, with the row and field it came from, and goes back to its row if the row returns.
 */
import { COL, fieldLabel, FIELDS } from '../layout';
import { sectionTitle, type FollowUpReport } from '../reports';
import { ROW_SECTIONS, type RowSection } from '../row-keys';
import { textCell, type TabBuilder } from '../tab-builder';
import type { TypedInput } from '../filled';

export const REMOVED_TITLE = 'Borttagna rader';

/** A section's name in running text ("Ekonomisk uppföljning"), without the unit. */
export function rowSectionName(section: RowSection, report: FollowUpReport): string {
  if (section === 'huvud') return 'Sidhuvud';
  if (section === 'borttagna') return REMOVED_TITLE;
  return sectionTitle(section, report).replace(/ \(tkr\)$/, '');
}

export function removedSection(b: TabBuilder, report: FollowUpReport, leftovers: readonly TypedInput[], heading: (title: string) => void): void {
  if (leftovers.length === 0) return;
  const sorted = [...leftovers].sort(
    (x, y) =>
      ROW_SECTIONS.indexOf(x.key.section) - ROW_SECTIONS.indexOf(y.key.section) ||
      (x.label || x.key.item).localeCompare(y.label || y.key.item, 'sv') ||
      fieldLabel(x.field).localeCompare(fieldLabel(y.field), 'sv'),
  );
  heading(REMOVED_TITLE);
  b.note('Uppgifter som skrevs in på rader som inte längre finns i underlaget. De sparas här så att inget går förlorat:');
  b.note('flytta dem till rätt rad eller radera dem. En uppgift flyttas tillbaka av sig själv om raden kommer tillbaka.');
  b.header({ [COL.text]: 'Rad', [COL.c]: 'Uppgift', [COL.wide]: 'Värde' }, { [COL.c]: COL.h });
  for (const v of sorted) {
    const item = v.label || v.key.item || v.key.board;
    b.keyed({
      key: { section: 'borttagna', board: v.key.board, item: `${v.key.section}: ${v.key.item}` },
      removed: { key: v.key, field: v.field },
      label: textCell(`${rowSectionName(v.key.section, report)}: ${item}`),
      fields: [{ field: 'value', col: COL.wide, kind: 'input', value: v.value, numberFormat: typeof v.value === 'number' ? FIELDS[v.field]?.numberFormat : undefined }],
      extra: { [COL.c]: textCell(fieldLabel(v.field)) },
    });
  }
  b.blank();
}
