import ExcelJS from 'exceljs';
import { ioError } from './errors.ts';

/** One data row as read: 1-based row number in the file and the text of each cell by header. */
export interface SheetRow {
  rowNumber: number;
  cells: Record<string, string>;
}

export interface ParsedTable {
  headers: string[];
  rows: SheetRow[];
}

export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 200_000 };

/**
 * Reads the first sheet of an .xlsx or a .csv (UTF-8, with or without BOM,
 * or GBK/GB18030 as Excel on Chinese Windows saves it) into text cells.
 * Formulas give their cached result, merged cells the merged value, dates
 * ISO dates. The first non-empty row is the header row.
 */
export async function readTable(
  data: Buffer,
  fileName: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<ParsedTable> {
  if (data.length > limits.maxBytes) {
    throw ioError('IMPORT_FILE_TOO_LARGE', {
      params: { limitMb: Math.round(limits.maxBytes / 1024 / 1024) },
    });
  }
  if (data.length === 0) throw ioError('IMPORT_FILE_EMPTY');
  const lower = fileName.toLowerCase();
  let grid: string[][];
  if (lower.endsWith('.xlsx')) {
    if (data[0] !== 0x50 || data[1] !== 0x4b) {
      throw ioError('IMPORT_FILE_UNREADABLE', {
        params: { reason: '不是有效的 xlsx 文件 (not a valid xlsx)' },
      });
    }
    grid = await readXlsx(data, limits);
  } else if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    grid = parseCsv(decodeText(data));
  } else if (lower.endsWith('.xls')) {
    throw ioError('IMPORT_FILE_TYPE', { params: { name: `${fileName}（旧版 .xls，请另存为 .xlsx）` } });
  } else {
    throw ioError('IMPORT_FILE_TYPE', { params: { name: fileName } });
  }
  return toTable(grid, limits);
}

async function readXlsx(data: Buffer, limits: ReadLimits): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    throw ioError('IMPORT_FILE_UNREADABLE', {
      params: { reason: (err as Error).message.slice(0, 120) },
      cause: err,
    });
  }
  const sheet = workbook.worksheets.find((ws) => ws.state !== 'hidden' && ws.actualRowCount > 0);
  if (!sheet) throw ioError('IMPORT_FILE_EMPTY');
  if (sheet.rowCount > limits.maxRows + 50) {
    throw ioError('IMPORT_TOO_MANY_ROWS', { params: { limit: limits.maxRows } });
  }
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    grid[rowNumber - 1] = values;
  });
  return grid;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
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
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = [',', '\t', ';', '，'].reduce(
    (best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best),
    ',',
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Normalised header text: no spaces, no required-marks (*), half-width brackets. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[\s\u3000]/g, '')
    .replace(/[*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\(.*\)$/, '');
}

function toTable(grid: string[][], limits: ReadLimits): ParsedTable {
  const isBlank = (r: string[] | undefined) => !r || r.every((c) => !c || c.trim() === '');
  const headerIndex = grid.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) throw ioError('IMPORT_FILE_EMPTY');
  const headers = (grid[headerIndex] ?? []).map((h) => normaliseHeader(h ?? ''));
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const raw = grid[i];
    if (isBlank(raw)) continue;
    const cells: Record<string, string> = {};
    headers.forEach((h, col) => {
      if (h) cells[h] = (raw?.[col] ?? '').trim();
    });
    rows.push({ rowNumber: i + 1, cells });
    if (rows.length > limits.maxRows)
      throw ioError('IMPORT_TOO_MANY_ROWS', { params: { limit: limits.maxRows } });
  }
  if (rows.length === 0) throw ioError('IMPORT_FILE_EMPTY');
  return { headers: headers.filter(Boolean), rows };
}
