/**
 * Inlämning: the submission receipt as an owned, protected tab. Who submitted, when, with which
 * Budgetkoll and rule catalogue, the findings summary with the controller's comment on every
 * warning, and the fingerprint of the inputs (fingerprint.ts). The receipt travels in the tab's
 * marker; a seal (SHA-256 over the receipt, the history and the row prints) lets Budgetkoll see a
 * tab that was edited by hand. It is a fingerprint, not a signature: anyone with the file can
 * submit it again, and the docs say so.
 */
import { RULE_CATALOGUE } from '../messages/rule-catalogue';
import { summarize, type Finding, type FindingSummary } from '../findings';
import { formatNumberSv } from '../text/numbers';
import { decodeMarker, withMarker } from '../workbook/marker';
import { emptySheetSpec, type SheetSpec, type SpecCell } from '../workbook/sheet-spec';
import type { RawGrid, SheetInfo, WorkbookIndex } from '../workbook/raw';
import { sha256Hex, type InputFingerprint, type RowPrint, type SourcePrint } from './fingerprint';

export const SUBMISSION_TAB_NAME = 'Inlämning';
export const FINGERPRINT_LABEL = 'Fingeravtryck (SHA-256)';
const CHECKSUM_HEADING = 'Kontrollsummor per rad (Budgetkoll använder dem för att visa vilka celler som ändrats)';
/** Text per checksum cell: well under Excel's 32 767 characters. */
const CHUNK = 30_000;

/** The rule catalogue's identity: how many rules and a short hash of their ids. */
export function catalogueVersion(): string {
  const ids = Object.keys(RULE_CATALOGUE).sort();
  return `${ids.length} regler (${sha256Hex(ids.join(',')).slice(0, 8)})`;
}

export interface CommentedWarning {
  rule: string;
  sheet: string;
  cell: string;
  message: string;
  comment: string;
}

export interface SubmissionReceipt {
  /** 1 for the first submission of the workbook, then 2, 3, … */
  number: number;
  by: string;
  /** ISO time. */
  at: string;
  /** The nämnd the workbook is for, when it holds one; else null. */
  board: string | null;
  budgetkoll: string;
  catalogue: string;
  fingerprint: string;
  cells: number;
  summary: FindingSummary;
  warnings: CommentedWarning[];
}

/** An earlier submission, as the Ändringslogg lists it. */
export type SubmissionHistoryEntry = Pick<SubmissionReceipt, 'number' | 'by' | 'at' | 'fingerprint' | 'summary'>;

export interface SubmissionRecord {
  receipt: SubmissionReceipt;
  history: SubmissionHistoryEntry[];
  seal: string;
}

/** The key a comment is given for: "RULE@Sheet!A1". */
export function warningKey(f: Pick<Finding, 'rule' | 'sheet' | 'cell'>): string {
  return `${f.rule}@${f.sheet}!${f.cell}`;
}

export type SubmissionRefusal = { kind: 'errors'; findings: Finding[] } | { kind: 'uncommented'; findings: Finding[] };

export interface SubmissionRequest {
  by: string;
  at: Date;
  findings: readonly Finding[];
  /** Comment per warning, keyed by warningKey. */
  comments: ReadonlyMap<string, string>;
  fingerprint: InputFingerprint;
  board: string | null;
  budgetkoll: string;
  /** The workbook's earlier submission, if any (its receipt becomes history). */
  previous: SubmissionRecord | null;
}

/** The receipt for a submission, or why it is refused: errors remain, or a warning has no comment. */
export function prepareSubmission(request: SubmissionRequest): { record: SubmissionRecord; prints: SourcePrint[] } | { refused: SubmissionRefusal } {
  const errors = request.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) return { refused: { kind: 'errors', findings: errors } };
  const warnings = request.findings.filter((f) => f.severity === 'warning');
  const uncommented = warnings.filter((f) => !(request.comments.get(warningKey(f)) ?? '').trim());
  if (uncommented.length > 0) return { refused: { kind: 'uncommented', findings: uncommented } };
  const previous = request.previous;
  const receipt: SubmissionReceipt = {
    number: (previous?.receipt.number ?? 0) + 1,
    by: request.by.trim(),
    at: request.at.toISOString(),
    board: request.board,
    budgetkoll: request.budgetkoll,
    catalogue: catalogueVersion(),
    fingerprint: request.fingerprint.fingerprint,
    cells: request.fingerprint.cells,
    summary: summarize(request.findings),
    // Messages shortened: the receipt travels in one cell (Excel holds 32 767 characters).
    warnings: warnings.map((f) => ({ rule: f.rule, sheet: f.sheet, cell: f.cell, message: shorten(f.message, 160), comment: shorten(request.comments.get(warningKey(f))!.trim(), 400) })),
  };
  const history = previous ? [...previous.history, historyEntry(previous.receipt)] : [];
  const prints = request.fingerprint.sources;
  return { record: { receipt, history, seal: seal(receipt, history, serializePrints(prints)) }, prints };
}

function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function historyEntry(r: SubmissionReceipt): SubmissionHistoryEntry {
  return { number: r.number, by: r.by, at: r.at, fingerprint: r.fingerprint, summary: r.summary };
}

function seal(receipt: SubmissionReceipt, history: readonly SubmissionHistoryEntry[], prints: string): string {
  return sha256Hex(JSON.stringify({ receipt, history, prints }));
}

/**
 * Row prints as text: one line per source ("#driftbudget\tDriftbudget"), then one per row
 * ("row:col=sum,col=sum" in base 36). About 6 characters a cell.
 */
export function serializePrints(sources: readonly SourcePrint[]): string {
  const lines: string[] = [];
  for (const s of sources) {
    lines.push(`#${s.input}\t${s.sheet}`);
    for (const r of s.rows) lines.push(`${r.row.toString(36)}:${r.cells.map(([c, sum]) => `${c.toString(36)}=${sum.toString(36)}`).join(',')}`);
  }
  return lines.join('\n');
}

export function parsePrints(text: string): SourcePrint[] | null {
  const sources: SourcePrint[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      const tab = line.indexOf('\t');
      if (tab < 0) return null;
      sources.push({ input: line.slice(1, tab), sheet: line.slice(tab + 1), rows: [] });
      continue;
    }
    const current = sources[sources.length - 1];
    const colon = line.indexOf(':');
    if (!current || colon < 0) return null;
    const cells = line
      .slice(colon + 1)
      .split(',')
      .map((pair) => pair.split('=').map((n) => parseInt(n, 36)) as [number, number]);
    const row: RowPrint = { row: parseInt(line.slice(0, colon), 36), cells };
    if (!Number.isInteger(row.row) || cells.some((c) => c.length !== 2 || !c.every(Number.isInteger))) return null;
    current.rows.push(row);
  }
  return sources;
}

const text = (value: string, style: SpecCell['style'] = 'text'): SpecCell => ({ value, style });
const number = (value: number): SpecCell => ({ value, style: 'number' });

/** "2027-09-12 14:03" in Swedish time. */
export function formatSubmittedAt(iso: string): string {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return parts.replace(',', '');
}

/** The Inlämning tab: the receipt in words, the warnings with comments, the log, and the row prints (hidden). */
export function buildSubmissionTab(record: SubmissionRecord, prints: readonly SourcePrint[]): SheetSpec {
  const { receipt, history } = record;
  const spec = emptySheetSpec(SUBMISSION_TAB_NAME);
  const rows = spec.rows;
  rows.push([text('Inlämning', 'title')]);
  rows.push([text(`Inlämnad ${formatSubmittedAt(receipt.at)} av ${receipt.by} · version ${receipt.number}`, 'subtitle')]);
  rows.push([]);
  rows.push([text('Nämnd', 'header'), text(receipt.board ?? 'Flera nämnder')]);
  rows.push([text('Inlämnad av', 'header'), text(receipt.by)]);
  rows.push([text('Tidpunkt', 'header'), text(formatSubmittedAt(receipt.at))]);
  rows.push([text('Budgetkoll', 'header'), text(`${receipt.budgetkoll}, regelkatalog ${receipt.catalogue}`)]);
  rows.push([text(FINGERPRINT_LABEL, 'header'), text(receipt.fingerprint)]);
  rows.push([text('Celler i avtrycket', 'header'), number(receipt.cells)]);
  rows.push([text('Fel', 'header'), number(receipt.summary.error), text('Varningar', 'header'), number(receipt.summary.warning), text('Info', 'header'), number(receipt.summary.info)]);
  rows.push([]);
  rows.push([text('Varningar och kommentarer', 'heading')]);
  rows.push(['Regel', 'Flik', 'Cell', 'Varning', 'Kommentar'].map((h) => text(h, 'header')));
  for (const w of receipt.warnings) rows.push([text(w.rule), text(w.sheet), text(w.cell), text(w.message), text(w.comment)]);
  if (receipt.warnings.length === 0) rows.push([text('Inga varningar.', 'note')]);
  rows.push([]);
  rows.push([text('Ändringslogg', 'heading')]);
  rows.push(['Version', 'Inlämnad', 'Av', FINGERPRINT_LABEL, 'Fel', 'Varningar'].map((h) => text(h, 'header')));
  for (const h of [...history, historyEntry(receipt)]) {
    rows.push([number(h.number), text(formatSubmittedAt(h.at)), text(h.by), text(h.fingerprint), number(h.summary.error), number(h.summary.warning)]);
  }
  rows.push([]);
  rows.push([text('Vad kvittot visar', 'heading')]);
  rows.push([
    text(
      'Fingeravtrycket är beräknat över värdena i varje indatacell som Budgetkoll läste. Är det oförändrat har ingen av dem ändrats sedan inlämningen, även om filen har sparats om. Det är ett fingeravtryck, inte en underskrift: den som har filen kan ändra den och lämna in den igen.',
      'note',
    ),
  ]);
  rows.push([]);
  const checksumStart = rows.length;
  rows.push([text(CHECKSUM_HEADING, 'note')]);
  const printed = serializePrints(prints);
  for (let i = 0; i < printed.length; i += CHUNK) rows.push([text(printed.slice(i, i + CHUNK))]);
  spec.hiddenRows = Array.from({ length: rows.length - checksumStart }, (_, i) => checksumStart + i);
  spec.columnWidths = [26, 40, 14, 60, 50, 12];
  spec.protect = true;
  return withMarker(spec, { type: 'inlamning', version: 1, generatedAt: receipt.at, submission: record });
}

/** The workbook's Inlämning tab (by its marker), if any. */
export function submissionTab(index: Pick<WorkbookIndex, 'sheets'>): SheetInfo | undefined {
  return index.sheets.find((s) => decodeMarker(s.firstCellText)?.type === 'inlamning');
}

export type StoredSubmission =
  | { state: 'submitted'; sheet: string; record: SubmissionRecord; prints: SourcePrint[] }
  | { state: 'tampered'; sheet: string; reason: { sv: string; en: string }; record: SubmissionRecord | null };

function isRecord(v: unknown): v is SubmissionRecord {
  const r = v as SubmissionRecord | null;
  return typeof r === 'object' && r !== null && typeof r.seal === 'string' && Array.isArray(r.history) && typeof r.receipt?.fingerprint === 'string' && typeof r.receipt.number === 'number';
}

/** The receipt on the Inlämning tab (its marker and its grid, read whole), checked against its seal. */
export function readSubmission(sheet: SheetInfo, grid: RawGrid): StoredSubmission {
  const marker = decodeMarker(sheet.firstCellText);
  const record = marker?.submission;
  const tampered = (sv: string, en: string, r: SubmissionRecord | null = null): StoredSubmission => ({ state: 'tampered', sheet: sheet.name, reason: { sv, en }, record: r });
  if (!isRecord(record)) return tampered('Kvittot på fliken går inte att läsa.', 'The receipt on the sheet cannot be read.');
  const column = (row: number, col: number) => grid.values[row - grid.top]?.[col - grid.left];
  let shownFingerprint: unknown;
  let printsFrom = -1;
  for (let r = grid.top; r < grid.top + grid.values.length; r++) {
    const label = column(r, 0);
    if (label === FINGERPRINT_LABEL && shownFingerprint === undefined) shownFingerprint = column(r, 1);
    if (label === CHECKSUM_HEADING) printsFrom = r + 1;
  }
  if (shownFingerprint !== record.receipt.fingerprint) {
    return tampered('Fingeravtrycket på fliken är inte det som Budgetkoll skrev: fliken har ändrats för hand.', 'The fingerprint on the sheet is not the one Budgetkoll wrote: the sheet was edited by hand.', record);
  }
  let printed = '';
  if (printsFrom >= 0) for (let r = printsFrom; r < grid.top + grid.values.length; r++) printed += String(column(r, 0) ?? '');
  const prints = parsePrints(printed);
  if (!prints || seal(record.receipt, record.history, printed) !== record.seal) {
    return tampered('Kvittot stämmer inte med sitt sigill: fliken har ändrats efter inlämningen.', 'The receipt does not match its seal: the sheet was changed after the submission.', record);
  }
  return { state: 'submitted', sheet: sheet.name, record, prints };
}

/** "3 celler" / "1 cell". */
export function cellCount(n: number): string {
  return `${formatNumberSv(n)} ${n === 1 ? 'cell' : 'celler'}`;
}
