import { openWorkbook, type Workbook } from './xlsx-parts.ts';
import { attr, decodeEntities, decodeText, unescapeOffice, XmlScanner } from './xlsx-xml.ts';
import { partBytes, partChunks, XlsxError, type ZipEntry, zipEntries } from './xlsx-zip.ts';

export { XlsxError };

/**
 * A streaming reader of the first visible sheet of an .xlsx, for imports.
 *
 * exceljs reads a whole workbook into objects (200,000 rows held about 2 GB)
 * and its streaming reader races on Node ≥ 18 when workbook.xml comes after
 * the sheets in the archive, as exceljs and LibreOffice write it. This reads
 * the archive by its central directory (the file is in memory anyway), the
 * small parts (workbook, relationships, styles, shared strings) first, then
 * inflates the sheet a piece at a time and hands out one row at a time, so
 * that a caller can stop as soon as it has read enough. Merged ranges are
 * listed after the rows in the sheet's XML, so the sheet is inflated twice:
 * once to find them (no parsing), once to read the rows.
 *
 * xlsx-zip.ts reads the archive, xlsx-xml.ts tokenizes XML, xlsx-parts.ts
 * reads the workbook's small parts; this file decodes a sheet's rows.
 */

/** A cell as stored: text, or a number with the number format it is shown in. */
export type RawCell = string | NumberCell;

export interface NumberCell {
  num: number;
  /** The cell's number format code ('General', '0', '@', '000000' …). */
  format: string;
}

export interface RawRow {
  /** 1-based row number in the sheet. */
  rowNumber: number;
  /** Cells by 0-based column; holes for empty cells. */
  cells: (RawCell | undefined)[];
}

/** Excel's own column limit. */
const MAX_COLUMNS = 16384;

/** 0-based column of a cell reference such as `AB12`, or -1. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? -1 : col - 1;
}

function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : -1;
}

interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The merged ranges of a sheet: `<mergeCell ref="E8:E9"/>` elements, found in the bytes without parsing the rows. */
async function mergedRanges(zip: Buffer, entry: ZipEntry): Promise<MergedRange[]> {
  const refs = new Set<string>();
  const needle = Buffer.from('mergeCell ');
  const pattern = /^mergeCell\b[^>]*?\bref\s*=\s*["']([A-Za-z]+\d+:[A-Za-z]+\d+)["']/;
  let carry = Buffer.alloc(0);
  for await (const chunk of partBytes(zip, entry)) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let at = bytes.indexOf(needle);
    let scanned = bytes.length;
    while (at >= 0) {
      if (at + 300 > bytes.length) {
        scanned = at;
        break;
      }
      const m = pattern.exec(bytes.toString('latin1', at, at + 300));
      if (m) refs.add(m[1]!);
      at = bytes.indexOf(needle, at + needle.length);
    }
    carry = Buffer.from(bytes.subarray(Math.min(scanned, Math.max(0, bytes.length - needle.length))));
  }
  const tail = carry.toString('latin1');
  for (const m of tail.matchAll(/mergeCell\b[^>]*?\bref\s*=\s*["']([A-Za-z]+\d+:[A-Za-z]+\d+)["']/g))
    refs.add(m[1]!);
  return [...refs].map((ref) => {
    const [a, b] = ref.split(':') as [string, string];
    return {
      top: Math.min(rowOf(a), rowOf(b)),
      bottom: Math.max(rowOf(a), rowOf(b)),
      left: Math.min(columnOf(a), columnOf(b)),
      right: Math.max(columnOf(a), columnOf(b)),
    };
  });
}

/**
 * A copy of a string cut from an inflated piece of the sheet: V8 keeps a
 * slice's whole parent alive, and rows waiting to be handed over would hold
 * every piece of the sheet's XML.
 */
function own(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Excel's day number as an ISO date (1900 system counts the fictitious 1900-02-29). */
function excelDate(serial: number, date1904: boolean): string {
  const days = date1904 ? serial + 1462 : serial;
  const ms = Math.round((days - 25569) * 86400000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

/**
 * The rows of the first visible sheet that has any, one at a time. Formulas
 * give their cached result, merged ranges their value in every cell they
 * cover, date-formatted numbers ISO dates; other numbers come with their
 * format so that the caller can read identifiers typed as digits.
 */
export async function* xlsxRows(zip: Buffer): AsyncGenerator<RawRow[]> {
  if (zip.length < 22 || zip[0] !== 0x50 || zip[1] !== 0x4b) {
    throw new XlsxError('不是有效的 xlsx 文件 (not a valid xlsx)');
  }
  const entries = zipEntries(zip);
  const book = openWorkbook(zip, entries);
  for (const sheet of book.sheets) {
    if (sheet.hidden) continue;
    const entry = entries.get(sheet.path);
    if (!entry) continue;
    let any = false;
    for await (const rows of sheetRows(zip, entry, book)) {
      any ||= rows.length > 0;
      yield rows;
    }
    if (any) return;
  }
}

/** The rows of a sheet, in batches (those of each inflated piece). */
async function* sheetRows(zip: Buffer, entry: ZipEntry, book: Workbook): AsyncGenerator<RawRow[]> {
  const merges = (await mergedRanges(zip, entry)).sort((a, b) => a.top - b.top);
  const masters = new Map<MergedRange, RawCell | undefined>();
  let nextMerge = 0;
  let activeMerges: MergedRange[] = [];

  let done: RawRow[] = [];
  let row: RawRow | null = null;
  let lastRow = 0;
  let col = -1;
  let type = 'n';
  let style = 0;
  let value: string | null = null;
  let inline = '';
  let inCell = false;
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;

  const finishCell = () => {
    if (!row || col < 0 || col >= MAX_COLUMNS) return;
    let cell: RawCell | undefined;
    if (type === 'inlineStr') cell = own(inline);
    else if (value === null) cell = undefined;
    else if (type === 's') cell = book.strings[Number(value)] ?? '';
    else if (type === 'str') cell = own(unescapeOffice(value));
    else if (type === 'b') cell = value.trim() === '1' || value.trim() === 'true' ? 'true' : 'false';
    else if (type === 'e') cell = '';
    else if (type === 'd') cell = value.slice(0, 10);
    else {
      const num = Number(value);
      const fmt = book.styles[style];
      if (value.trim() === '' || Number.isNaN(num)) cell = value;
      else if (fmt?.date) cell = excelDate(num, book.date1904);
      else cell = { num, format: fmt?.format ?? 'General' };
    }
    if (cell !== undefined && cell !== '') row.cells[col] = cell;
  };

  const scanner = new XmlScanner({
    open(name, attrs, selfClosing) {
      switch (name) {
        case 'row': {
          const r = Number(attr(attrs, 'r'));
          lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
          row = { rowNumber: lastRow, cells: [] };
          col = -1;
          if (selfClosing) {
            done.push(row);
            row = null;
          }
          break;
        }
        case 'c': {
          const ref = attr(attrs, 'r');
          const at = ref ? columnOf(ref) : -1;
          col = at >= 0 ? at : col + 1;
          type = attr(attrs, 't') ?? 'n';
          style = Number(attr(attrs, 's') ?? 0) || 0;
          value = null;
          inline = '';
          inCell = !selfClosing;
          break;
        }
        case 'v':
          if (inCell && !selfClosing) {
            capture = 'v';
            value = '';
          }
          break;
        case 'is':
          inInline = inCell && !selfClosing;
          break;
        case 'rPh':
          if (!selfClosing) phonetic++;
          break;
        case 't':
          if (inInline && phonetic === 0 && !selfClosing) capture = 't';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c':
          finishCell();
          inCell = false;
          break;
        case 'row':
          if (row) done.push(row);
          row = null;
          break;
      }
    },
    text(raw, cdata) {
      if (capture === 'v') value += cdata ? raw : decodeEntities(raw);
      else if (capture === 't') inline += decodeText(raw, cdata);
    },
  });

  const withMerges = (r: RawRow): RawRow => {
    if (merges.length === 0) return r;
    while (nextMerge < merges.length && merges[nextMerge]!.top <= r.rowNumber) {
      activeMerges.push(merges[nextMerge]!);
      nextMerge++;
    }
    activeMerges = activeMerges.filter((m) => m.bottom >= r.rowNumber);
    for (const m of activeMerges) {
      if (m.top === r.rowNumber) masters.set(m, r.cells[m.left]);
      const master = masters.get(m);
      for (let c = m.left; c <= m.right; c++) {
        if (r.rowNumber === m.top && c === m.left) continue;
        if (master === undefined) delete r.cells[c];
        else r.cells[c] = master;
      }
    }
    return r;
  };

  for await (const chunk of partChunks(zip, entry)) {
    scanner.feed(chunk);
    if (done.length > 0) {
      const rows = done.map(withMerges);
      done = [];
      yield rows;
    }
  }
  scanner.end();
  if (done.length > 0) yield done.map(withMerges);
}
