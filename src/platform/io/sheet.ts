import { ioError } from './errors.ts';
import { type RawCell, XlsxError, xlsxRows } from './xlsx.ts';

/**
 * Reading a spreadsheet into rows of text, one row at a time. This runs in a
 * worker thread (sheet-worker.ts, started by table.ts), never on the thread
 * that answers requests.
 */

/** One data row as read: 1-based row number in the file and the text of each cell by header. */
export interface SheetRow {
  rowNumber: number;
  cells: Record<string, string>;
  /**
   * Headers of identifier columns whose cell held a number too long for a
   * spreadsheet to keep every digit (Excel keeps 15): the text is not what
   * was typed.
   */
  lostDigits?: string[];
}

export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 200_000 };

export interface ReadOptions {
  limits: ReadLimits;
  /**
   * Headers (normalised, lower case) of columns that hold identifiers typed
   * as digits — ID numbers, mobiles, credit codes, codes: a number in them is
   * read as the digits it shows (a format such as "000000" keeps its leading
   * zeros), and one with more digits than a spreadsheet keeps is marked lost.
   */
  identifierHeaders?: readonly string[];
}

export type SheetItem = { headers: string[] } | { row: SheetRow };

/** The kind of file by its name (and, for xlsx, its first bytes); refuses what cannot be read. Cheap: runs before any parsing. */
export function fileKind(data: Buffer, fileName: string, limits: ReadLimits): 'xlsx' | 'csv' {
  if (data.length > limits.maxBytes) {
    throw ioError('IMPORT_FILE_TOO_LARGE', {
      params: { limitMb: Math.round(limits.maxBytes / 1024 / 1024) },
    });
  }
  if (data.length === 0) throw ioError('IMPORT_FILE_EMPTY');
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    if (data[0] !== 0x50 || data[1] !== 0x4b) {
      throw ioError('IMPORT_FILE_UNREADABLE', {
        params: { reason: '不是有效的 xlsx 文件 (not a valid xlsx)' },
      });
    }
    return 'xlsx';
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xls')) {
    throw ioError('IMPORT_FILE_TYPE', { params: { name: `${fileName}（旧版 .xls，请另存为 .xlsx）` } });
  }
  throw ioError('IMPORT_FILE_TYPE', { params: { name: fileName } });
}

/**
 * The first sheet of an .xlsx or a .csv (UTF-8, with or without BOM, or
 * GBK/GB18030 as Excel on Chinese Windows saves it): first the header row
 * (the first non-empty row), then each non-empty data row. Formulas give
 * their cached result, merged cells the merged value, dates ISO dates.
 * Stops with IMPORT_TOO_MANY_ROWS as soon as the rows pass the limit.
 */
export async function* readSheet(
  data: Buffer,
  fileName: string,
  options: ReadOptions,
): AsyncGenerator<SheetItem[]> {
  const kind = fileKind(data, fileName, options.limits);
  const identifiers = new Set(options.identifierHeaders ?? []);
  const source = kind === 'xlsx' ? xlsxSource(data) : csvSource(data);
  let headers: string[] | null = null;
  let identifierAt: boolean[] = [];
  let count = 0;
  for await (const batch of source) {
    const items: SheetItem[] = [];
    for (const raw of batch) {
      if (isBlank(raw.cells)) continue;
      if (!headers) {
        headers = Array.from(raw.cells, (c) => headerText(c === undefined ? '' : plainText(c)));
        identifierAt = headers.map((h) => identifiers.has(normaliseHeader(h).toLowerCase()));
        items.push({ headers: headers.filter(Boolean) });
        continue;
      }
      count++;
      if (count > options.limits.maxRows) {
        throw ioError('IMPORT_TOO_MANY_ROWS', { params: { limit: options.limits.maxRows } });
      }
      const cells: Record<string, string> = {};
      let lost: string[] | undefined;
      for (let col = 0; col < headers.length; col++) {
        const h = headers[col]!;
        if (!h) continue;
        const cell = raw.cells[col];
        if (identifierAt[col]) {
          const read = identifierText(cell, kind);
          cells[h] = read.text;
          if (read.lost) lost = [...(lost ?? []), h];
        } else cells[h] = cell === undefined ? '' : plainText(cell).trim();
      }
      items.push({
        row: lost
          ? { rowNumber: raw.rowNumber, cells, lostDigits: lost }
          : { rowNumber: raw.rowNumber, cells },
      });
    }
    if (items.length > 0) yield items;
  }
  if (!headers || count === 0) throw ioError('IMPORT_FILE_EMPTY');
}

type RawBatch = { rowNumber: number; cells: (RawCell | undefined)[] }[];

async function* xlsxSource(data: Buffer): AsyncGenerator<RawBatch> {
  try {
    yield* xlsxRows(data);
  } catch (err) {
    if (err instanceof XlsxError) {
      throw ioError('IMPORT_FILE_UNREADABLE', { params: { reason: err.message }, cause: err });
    }
    throw err;
  }
}

async function* csvSource(data: Buffer): AsyncGenerator<RawBatch> {
  let rowNumber = 0;
  let batch: RawBatch = [];
  for (const record of csvRecords(decodeText(data))) {
    rowNumber++;
    batch.push({ rowNumber, cells: record });
    if (batch.length >= 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function isBlank(cells: readonly (RawCell | undefined)[]): boolean {
  for (const c of cells) {
    if (c === undefined) continue;
    if (typeof c !== 'string' || c.trim() !== '') return false;
  }
  return true;
}

/** A cell as text where no column rule applies: numbers as JavaScript writes them. */
function plainText(cell: RawCell): string {
  return typeof cell === 'string' ? withoutControls(cell) : String(cell.num);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** Control characters (NUL, which PostgreSQL refuses in text, and the like) are debris of exports, never data. */
function withoutControls(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
}

/** Spreadsheets keep 15 significant digits: an integer of 16 digits or more has lost some. */
const DIGITS_KEPT = 1e15;
/** What Excel shows (and writes to CSV) for a long number in a General column: 3.30502E+17. */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/;

/** An identifier cell's text: the digits as typed where the file keeps them, or marked lost. */
function identifierText(cell: RawCell | undefined, kind: 'xlsx' | 'csv'): { text: string; lost?: true } {
  if (cell === undefined) return { text: '' };
  if (typeof cell === 'string') {
    const text = withoutControls(cell).trim();
    return kind === 'csv' && SCIENTIFIC.test(text) ? { text, lost: true } : { text };
  }
  const { num, format } = cell;
  if (!Number.isFinite(num)) return { text: String(num) };
  if (Math.abs(num) >= DIGITS_KEPT) return { text: BigInt(Math.trunc(num)).toString(), lost: true };
  if (!Number.isInteger(num)) return { text: String(num) };
  const digits = String(num);
  // A format of zeros ("000000") shows leading zeros the number does not hold.
  const zeros = /^0+$/.test(format) ? format.length : 0;
  return { text: digits.length < zeros && num >= 0 ? digits.padStart(zeros, '0') : digits };
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not); otherwise GB18030, a superset of GBK. */
export function decodeText(data: Buffer): string {
  const bytes = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; a comma, semicolon or tab delimiter (guessed from the header). */
export function parseCsv(text: string): string[][] {
  return [...csvRecords(text)];
}

/** The records of a CSV one at a time, so that a reader can stop early. */
export function* csvRecords(text: string): Generator<string[]> {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = [',', '\t', ';', '，'].reduce(
    (best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best),
    ',',
  );
  const n = text.length;
  let row: string[] = [];
  let i = 0;
  while (i < n) {
    let field: string;
    if (text[i] === '"') {
      // Quoted: runs to the closing quote; "" is one quote.
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          value += text.slice(from);
          i = n;
          break;
        }
        value += text.slice(from, q);
        if (text[q + 1] === '"') {
          value += '"';
          from = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      let j = i;
      while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
      field = value + text.slice(i, j);
      i = j;
    } else {
      let j = i;
      while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) break;
    const ch = text[i];
    if (ch === delimiter) {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    // End of record.
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    yield row;
    row = [];
  }
  if (row.length > 0) yield row;
}

/**
 * A header as the reader keeps it: no spaces, no required-marks (*), half-width brackets. A
 * bracketed note at the end is kept: it may be a unit that names a column of its own
 * (金额（万元） beside 金额（元）), which mapHeaders tells apart.
 */
export function headerText(header: string): string {
  return header
    .replace(/[\s\u3000]/g, '')
    .replace(/[*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

/** Normalised header text: headerText without a bracketed note at the end (工作单位（全称） is 工作单位). */
export function normaliseHeader(header: string): string {
  return headerText(header).replace(/\(.*\)$/, '');
}
