/**
 * One input of the mapping as a card: where it is, the headers matched ("6 av 6 rubriker"), unit
 * and sign and where they came from, its summary line; "Ändra" opens the editor in the card:
 * place (sheet and header row, or table; or the selection), a dropdown per column of the headers
 * in the header row, the first budget year, unit, sign, subtotal rows and rows to skip.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Body1, Button, Caption1, Field, Input, RadioGroup, Select, Spinner, Text, useId } from '@fluentui/react-components';
import { describeMapping, hasAmounts, hasCosts, letterColumn, mappedInputDef, type InputMapping } from '../../../core/inputs/mapping';
import type { Unit } from '../../../core/money';
import {
  columnSlots,
  DEFAULT_SUBTOTAL_WORDS,
  mappableTables,
  mappingY1,
  parseRowList,
  parseWords,
  rowListText,
  setColumn,
  setY1,
  updateInput,
  type HeaderCell,
} from '../../../jobs/mapping-edit';
import { PaneRadio } from '../PaneRadio';
import { useMappingText, type MappingT } from './mapping-texts';
import { useMappingStyles } from './mapping-styles';
import { PlainOptions } from '../PlainOptions';
import type { MappingEditor } from './use-mapping';

export interface InputCardProps {
  name: string;
  mapping: MappingEditor;
  sheets: readonly string[];
  selectionAvailable: boolean;
  onRemove(): void;
}

const UNITS: readonly Unit[] = ['tkr', 'kr', 'mnkr'];

function whereText(t: MappingT, m: InputMapping): string {
  if (m.table !== undefined) return t('cardWhereTable', { table: m.table });
  if (m.lastRow != null) return t('cardWhereSheetTo', { sheet: m.sheet ?? '', row: m.headerRow ?? 1, last: m.lastRow });
  return t('cardWhereSheet', { sheet: m.sheet ?? '', row: m.headerRow ?? 1 });
}

export function InputCard({ name, mapping, sheets, selectionAvailable, onRemove }: InputCardProps) {
  const styles = useMappingStyles();
  const { t, language } = useMappingText();
  const headingId = useId('mapping-input');
  const [open, setOpen] = useState(false);
  const { data, draft } = mapping;
  const m = draft?.inputs[name];
  const def = mappedInputDef(name);
  if (!data || !draft || !m || !def) return null;

  const y1 = mappingY1(def, m);
  const slots = columnSlots(def, y1);
  const requiredSlots = slots.filter((s) => s.required || s.kind === 'year');
  const found = requiredSlots.filter((s) => s.key in m.columns).length;
  const total = def.columns.filter((c) => c.required).length + def.yearGroups.reduce((n, g) => n + g.offsets.length, 0);
  const suggested = data.suggestion?.mapping.inputs[name];
  const unchanged = suggested !== undefined && JSON.stringify(suggested) === JSON.stringify(m);
  const detail = data.suggestion?.details[name];
  const missing = def.columns.filter((c) => c.required && !(c.label in m.columns)).map((c) => c.label);
  const mapped = Object.entries(m.columns).sort((a, b) => letterColumn(a[1]) - letterColumn(b[1]));
  const summary = describeMapping(name, m, data.index)[language];

  return (
    <li className={styles.group} aria-labelledby={headingId} data-testid="mapping-card" data-input={name}>
      <Text as="h4" id={headingId} className={styles.heading}>
        {name}
      </Text>
      <Body1 className={styles.text} data-testid="mapping-where">
        {whereText(t, m)}
      </Body1>
      <Body1 data-testid="mapping-headers">
        {t('cardHeaders', { found, total })}
        {unchanged && detail ? ` · ${t('cardScore', { score: detail.score })}` : ''}
      </Body1>
      {mapped.length > 0 && (
        <ul className={styles.list} aria-label={t('cardMatched')} data-testid="mapping-matched">
          {mapped.map(([key, letter]) => (
            <li key={key}>{m.seen?.[key] ? t('cardMatchedItem', { key, letter, header: m.seen[key] }) : t('cardMatchedItemBare', { key, letter })}</li>
          ))}
        </ul>
      )}
      {missing.length > 0 && <Body1 className={styles.text}>{t('cardMissing', { keys: missing.join(', ') })}</Body1>}
      {hasAmounts(def) && (
        <Body1 data-testid="mapping-unit">
          {t('unit', { unit: m.unit ?? 'tkr' })}
          {suggested && detail?.unitFrom && suggested.unit === m.unit ? ` ${t(`unitFrom_${detail.unitFrom}`)}` : ''}
        </Body1>
      )}
      {hasCosts(def) && (
        <Body1 data-testid="mapping-costs">
          {m.costs === 'negative' ? t('costsNegative') : t('costsPositive')}
          {suggested && detail?.costsFrom && suggested.costs === m.costs ? ` ${t(`costsFrom_${detail.costsFrom}`)}` : ''}
        </Body1>
      )}
      {m.subtotals && <Body1>{t('subtotalsLine', { column: m.subtotals.column, words: m.subtotals.startsWith.map((w) => `”${w}”`).join(', ') })}</Body1>}
      {m.skipRows && m.skipRows.length > 0 && <Body1>{t('skipLine', { rows: rowListText(m.skipRows) })}</Body1>}
      <Caption1 className={styles.hint} data-testid="mapping-line">
        {summary}
      </Caption1>
      <div className={styles.actions}>
        <Button size="small" appearance={open ? 'primary' : 'secondary'} aria-expanded={open} aria-label={open ? undefined : t('editInput', { input: name })} onClick={() => setOpen(!open)}>
          {open ? t('done') : t('edit')}
        </Button>
        <Button size="small" appearance="subtle" aria-label={t('removeInput', { input: name })} onClick={onRemove}>
          {t('removeShort')}
        </Button>
      </div>
      {open && <InputEditor name={name} m={m} mapping={mapping} sheets={sheets} selectionAvailable={selectionAvailable} />}
    </li>
  );
}

/** An input field that commits its text on blur or Enter (a header row is read per commit, not per key). */
function CommitInput({ value, onCommit, label, hint, validation, type = 'text' }: { value: string; onCommit(text: string): void; label: string; hint?: string; validation?: string; type?: 'text' | 'number' }) {
  const styles = useMappingStyles();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  return (
    <Field label={label} hint={hint} validationMessage={validation} validationState={validation ? 'error' : 'none'}>
      <Input
        className={styles.dropdown}
        type={type}
        value={text}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </Field>
  );
}

/** The header row's columns as <option>s: "C – Belopp", or "C – (tom rubrik)". */
function ColumnOptions({ cells, current }: { cells: readonly HeaderCell[]; current: string | undefined }) {
  const { t } = useMappingText();
  return (
    <>
      {columnChoices(cells, current).map((c) => (
        <option key={c.letter} value={c.letter}>
          {`${c.letter} – ${c.text || t('emptyHeader')}`}
        </option>
      ))}
    </>
  );
}

function InputEditor({ name, m, mapping, sheets, selectionAvailable }: { name: string; m: InputMapping; mapping: MappingEditor; sheets: readonly string[]; selectionAvailable: boolean }) {
  const styles = useMappingStyles();
  const { t } = useMappingText();
  const { data, draft, ensureHeader } = mapping;
  const header = mapping.headers[name];
  const limit = mapping.limits[name];
  const def = mappedInputDef(name)!;
  const [typedY1, setTypedY1] = useState<number | null>(null);
  const [skipText, setSkipText] = useState<string | null>(null);

  useEffect(() => {
    ensureHeader(name);
  }, [ensureHeader, name]);

  if (!data || !draft) return null;
  const tables = mappableTables(data.index);
  const isTable = m.table !== undefined;
  const y1 = mappingY1(def, m) ?? typedY1;
  const slots = columnSlots(def, y1);
  const cells = (header?.cells ?? []).filter((c) => {
    if (!limit) return true;
    const col = letterColumn(c.letter);
    return col >= limit.left && col <= limit.right;
  });
  const change = (next: typeof draft) => mapping.change(next);
  const skipValidation = skipText !== null && parseRowList(skipText) === null ? t('skipRowsInvalid') : undefined;

  return (
    <div className={styles.section} data-testid="mapping-editor" style={{ gap: 12 }}>
      {tables.length > 0 && (
        <Field label={t('placeLabel')}>
          <RadioGroup
            layout="horizontal"
            value={isTable ? 'table' : 'sheet'}
            onChange={(_, d) => {
              if (d.value === 'table') void mapping.place(name, { table: tables[0] });
              else void mapping.place(name, { sheet: sheets[0], headerRow: 1 });
            }}
          >
            <PaneRadio value="sheet" label={t('placeSheet')} />
            <PaneRadio value="table" label={t('placeTable')} />
          </RadioGroup>
        </Field>
      )}
      {isTable ? (
        <Field label={t('table')}>
          <Select className={styles.dropdown} value={m.table ?? ''} onChange={(_, d) => d.value && void mapping.place(name, { table: d.value })}>
            <PlainOptions values={tables} />
          </Select>
        </Field>
      ) : (
        <>
          <Field label={t('sheet')}>
            <Select
              className={styles.dropdown}
              value={m.sheet ?? ''}
              onChange={(_, d) => d.value && void mapping.place(name, { sheet: d.value, headerRow: m.headerRow ?? 1, lastRow: m.lastRow ?? null })}
            >
              <PlainOptions values={sheets} />
            </Select>
          </Field>
          <CommitInput
            label={t('headerRow')}
            type="number"
            value={String(m.headerRow ?? 1)}
            onCommit={(text) => {
              const row = Number(text);
              if (Number.isInteger(row) && row >= 1) void mapping.place(name, { sheet: m.sheet ?? sheets[0], headerRow: row, lastRow: m.lastRow ?? null }, limit);
            }}
          />
          <CommitInput
            label={t('lastRow')}
            hint={t('lastRowHint')}
            type="number"
            value={m.lastRow == null ? '' : String(m.lastRow)}
            onCommit={(text) => {
              const row = Number(text);
              change(updateInput(draft, name, { lastRow: text.trim() === '' || !Number.isInteger(row) ? null : row }));
            }}
          />
        </>
      )}
      {selectionAvailable && (
        <Field hint={t('useSelectionHint')}>
          <Button onClick={() => void mapping.takeSelection(name)} style={{ alignSelf: 'flex-start' }}>
            {t('useSelection')}
          </Button>
        </Field>
      )}

      <section className={styles.section} style={{ gap: 8 }} aria-label={t('columnsHeading')}>
        <Text as="h5" className={styles.heading}>
          {t('columnsHeading')}
        </Text>
        <Caption1 className={styles.hint}>{t('columnsHint')}</Caption1>
        {header === undefined && <Spinner size="tiny" label={t('readingHeaders')} />}
        {header !== undefined && cells.length === 0 && <Body1 className={styles.text}>{t('noHeaders')}</Body1>}
        {def.yearGroups.length > 0 && (
          <CommitInput
            label={t('y1')}
            hint={t('y1Hint')}
            type="number"
            value={y1 === null ? '' : String(y1)}
            onCommit={(text) => {
              const year = Number(text);
              if (!Number.isInteger(year) || year < 1900 || year > 2200) return;
              if (mappingY1(def, m) !== null) change(setY1(draft, name, year));
              else setTypedY1(year);
            }}
          />
        )}
        {slots.map((slot) => {
          const letter = m.columns[slot.key];
          return (
            <Field key={slot.key} label={`${slot.key}${slot.required ? ' *' : ''}`} data-testid="mapping-column" data-key={slot.key}>
              <Select className={styles.dropdown} value={letter ?? ''} onChange={(_, d) => change(setColumn(draft, name, slot.key, d.value ? d.value : null, header ?? null))}>
                <option value="">{t('none')}</option>
                <ColumnOptions cells={cells} current={letter} />
              </Select>
            </Field>
          );
        })}
      </section>

      {hasAmounts(def) && (
        <Field label={t('unitLabel')}>
          <RadioGroup layout="horizontal" value={m.unit ?? 'tkr'} onChange={(_, d) => change(updateInput(draft, name, { unit: d.value as Unit }))}>
            {UNITS.map((u) => (
              <PaneRadio key={u} value={u} label={u} />
            ))}
          </RadioGroup>
        </Field>
      )}
      {hasCosts(def) && (
        <Field label={t('costsLabel')}>
          <RadioGroup layout="horizontal" value={m.costs ?? 'positive'} onChange={(_, d) => change(updateInput(draft, name, { costs: d.value as 'positive' | 'negative' }))}>
            <PaneRadio value="positive" label={t('costsPositiveOption')} />
            <PaneRadio value="negative" label={t('costsNegativeOption')} />
          </RadioGroup>
        </Field>
      )}

      <Field label={t('subtotalColumn')}>
        <Select
          className={styles.dropdown}
          value={m.subtotals?.column ?? ''}
          onChange={(_, d) =>
            change(
              updateInput(draft, name, {
                subtotals: d.value ? { column: d.value, startsWith: m.subtotals?.startsWith.length ? m.subtotals.startsWith : [...DEFAULT_SUBTOTAL_WORDS] } : undefined,
              }),
            )
          }
        >
          <option value="">{t('subtotalNone')}</option>
          <ColumnOptions cells={cells} current={m.subtotals?.column} />
        </Select>
      </Field>
      {m.subtotals && (
        <CommitInput
          label={t('subtotalWords')}
          value={m.subtotals.startsWith.join(', ')}
          onCommit={(text) => {
            const words = parseWords(text);
            change(updateInput(draft, name, { subtotals: { column: m.subtotals!.column, startsWith: words.length > 0 ? words : [...DEFAULT_SUBTOTAL_WORDS] } }));
          }}
        />
      )}
      <Field label={t('skipRows')} hint={t('skipRowsHint')} validationMessage={skipValidation} validationState={skipValidation ? 'error' : 'none'}>
        <Input
          className={styles.dropdown}
          value={skipText ?? rowListText(m.skipRows)}
          onChange={(_, d) => setSkipText(d.value)}
          onBlur={() => {
            if (skipText === null) return;
            const rows = parseRowList(skipText);
            if (rows === null) return;
            change(updateInput(draft, name, { skipRows: rows.length > 0 ? rows : undefined }));
            setSkipText(null);
          }}
        />
      </Field>
    </div>
  );
}

/** A column's choices: the header cells, and its current letter when the header row has nothing there. */
function columnChoices(cells: readonly HeaderCell[], letter: string | undefined): HeaderCell[] {
  if (!letter || cells.some((c) => c.letter === letter)) return [...cells];
  return [...cells, { letter, text: '' }].sort((a, b) => letterColumn(a.letter) - letterColumn(b.letter));
}
