import { createInflateRaw, inflateRawSync } from 'node:zlib';

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

/** A file that is not a readable workbook; the message is safe to show (it holds no cell content). */
export class XlsxError extends Error {}

/** Largest inflated size of one part; more is a zip bomb rather than a spreadsheet. */
const MAX_PART_BYTES = 1024 * 1024 * 1024;
/** Excel's own column limit. */
const MAX_COLUMNS = 16384;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** The entries of a zip archive, by name, from its central directory. */
function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError('不是有效的 xlsx 文件 (not a valid xlsx)');
  let count = zip.readUInt16LE(eocd + 10);
  let cd = zip.readUInt32LE(eocd + 16);
  // Zip64: the record before the EOCD locates the zip64 end record.
  if ((cd === 0xffffffff || count === 0xffff) && eocd >= 20 && zip.readUInt32LE(eocd - 20) === 0x07064b50) {
    const end64 = Number(zip.readBigUInt64LE(eocd - 12));
    if (end64 + 56 > zip.length || zip.readUInt32LE(end64) !== 0x06064b50) {
      throw new XlsxError('压缩包已损坏 (corrupted zip)');
    }
    count = Number(zip.readBigUInt64LE(end64 + 32));
    cd = Number(zip.readBigUInt64LE(end64 + 48));
  }
  const entries = new Map<string, ZipEntry>();
  let p = cd;
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) {
      throw new XlsxError('压缩包已损坏 (corrupted zip)');
    }
    const method = zip.readUInt16LE(p + 10);
    let compressedSize = zip.readUInt32LE(p + 20);
    let size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    let offset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    // Zip64 extra field: the 64-bit values, in this order, of those whose 32-bit field is saturated.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = zip.readUInt16LE(e);
      const length = zip.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(zip.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(zip.readBigUInt64LE(q));
          q += 8;
        }
        if (offset === 0xffffffff) offset = Number(zip.readBigUInt64LE(q));
      }
      e += 4 + length;
    }
    entries.set(name.replace(/^\/+/, ''), { name, method, compressedSize, size, offset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** The stored (compressed) bytes of an entry. */
function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const p = entry.offset;
  if (p + 30 > zip.length || zip.readUInt32LE(p) !== 0x04034b50) {
    throw new XlsxError('压缩包已损坏 (corrupted zip)');
  }
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new XlsxError('压缩包已损坏 (corrupted zip)');
  if (entry.method !== 0 && entry.method !== 8) {
    throw new XlsxError('不支持的压缩方式 (unsupported compression)');
  }
  return zip.subarray(start, end);
}

/** A small part, inflated whole. */
function partText(zip: Buffer, entry: ZipEntry): string {
  const stored = entryData(zip, entry);
  let bytes: Buffer;
  try {
    bytes = entry.method === 0 ? stored : inflateRawSync(stored, { maxOutputLength: MAX_PART_BYTES });
  } catch {
    throw new XlsxError('压缩包已损坏 (corrupted zip)');
  }
  return decodeXmlBytes(bytes, false);
}

/** A large part, inflated a piece at a time. */
async function* partBytes(zip: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const stored = entryData(zip, entry);
  if (entry.method === 0) {
    yield stored;
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  inflater.end(stored);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_PART_BYTES) throw new XlsxError('表格内容过大 (sheet too large)');
      yield chunk;
    }
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw new XlsxError('压缩包已损坏 (corrupted zip)');
  } finally {
    inflater.destroy();
  }
}

/** A large part, inflated and decoded (UTF-8) a piece at a time. */
async function* partChunks(zip: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of partBytes(zip, entry)) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

function decodeXmlBytes(bytes: Buffer, stream: boolean): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes, { stream });
}

// ---------- XML ----------

interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw character data (entities not decoded); CDATA sections come decoded with `cdata`. */
  text(raw: string, cdata: boolean): void;
}

/**
 * A minimal streaming XML tokenizer, enough for the parts of an xlsx:
 * elements with quoted attributes, text, CDATA, comments and declarations.
 * Namespace prefixes are dropped from names (`x:row` is `row`).
 */
class XmlScanner {
  private buffer = '';

  constructor(private readonly handler: XmlHandler) {}

  feed(chunk: string): void {
    this.buffer = this.buffer ? this.buffer + chunk : chunk;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    this.buffer = '';
  }

  private drain(final: boolean): void {
    const s = this.buffer;
    const n = s.length;
    const h = this.handler;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (final) {
          h.text(s.slice(i), false);
          i = n;
        }
        break;
      }
      if (lt > i) h.text(s.slice(i, lt), false);
      i = lt;
      const next = s.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) break;
          h.text(s.slice(lt + 9, end), true);
          i = end + 3;
        } else if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) break;
          i = end + 3;
        } else {
          const end = s.indexOf('>', lt);
          if (end < 0) break;
          i = end + 1;
        }
        continue;
      }
      if (next === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      // The tag ends at the first '>' outside a quoted attribute value.
      const j = tagEnd(s, lt);
      if (j < 0) {
        if (n - lt > 1024 * 1024) throw new XlsxError('XML 格式有误 (malformed XML)');
        break;
      }
      if (next === 47 /* / */) {
        h.close(localName(s.slice(lt + 2, j).trim()));
      } else {
        const selfClosing = s.charCodeAt(j - 1) === 47;
        const inner = s.slice(lt + 1, selfClosing ? j - 1 : j);
        const space = inner.search(/[\s/]/);
        const name = space < 0 ? inner : inner.slice(0, space);
        h.open(localName(name), space < 0 ? '' : inner.slice(space), selfClosing);
      }
      i = j + 1;
    }
    if (final && i < n && s.slice(i).trim()) throw new XlsxError('XML 格式有误 (malformed XML)');
    this.buffer = i >= n ? '' : s.slice(i);
  }
}

/** Index of the '>' that ends the tag opened at `lt` (skipping quoted attribute values), or -1 if not yet read. */
function tagEnd(s: string, lt: number): number {
  let gt = s.indexOf('>', lt);
  let i = lt + 1;
  while (gt >= 0) {
    // A quote before the '>' opens a value that may hold '>': skip to its closing quote.
    for (; i < gt; i++) {
      const c = s.charCodeAt(i);
      if (c === 34 || c === 39) break;
    }
    if (i >= gt) return gt;
    const close = s.indexOf(s[i]!, i + 1);
    if (close < 0) return -1;
    i = close + 1;
    if (close > gt) gt = s.indexOf('>', i);
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const attrPatterns = new Map<string, RegExp>();

/** One attribute's decoded value (namespace prefixes ignored), or undefined. */
function attr(attrs: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Text content: XML entities, then the _xHHHH_ escapes Office writes for control characters. */
function decodeText(raw: string, cdata: boolean): string {
  return unescapeOffice(cdata ? raw : decodeEntities(raw));
}

/** `_x000D_` is a carriage return; `_x005F_` escapes the underscore of a literal `_x…_`. */
function unescapeOffice(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** Parses a whole small part, calling back for each element. */
function scanPart(text: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.feed(text);
  scanner.end();
}

// ---------- workbook parts ----------

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationships(zip: Buffer, entries: Map<string, ZipEntry>, path: string): Relationship[] {
  const entry = entries.get(path);
  if (!entry) return [];
  const out: Relationship[] = [];
  scanPart(partText(zip, entry), {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      out.push({
        id: attr(attrs, 'Id') ?? '',
        type: attr(attrs, 'Type') ?? '',
        target: attr(attrs, 'Target') ?? '',
      });
    },
    close() {},
    text() {},
  });
  return out;
}

/** A relationship target as a path in the archive, relative to the part that names it. */
function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function sharedStrings(zip: Buffer, entry: ZipEntry | undefined): string[] {
  if (!entry) return [];
  const out: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  scanPart(partText(zip, entry), {
    open(name, _attrs, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && !selfClosing && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') out.push(current);
    },
    text(raw, cdata) {
      if (inText) current += decodeText(raw, cdata);
    },
  });
  return out;
}

/** Number format codes Excel does not write into styles.xml. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  48: '##0.0E+0',
  49: '@',
};

/** Built-in formats that show a date or time (14–22, 45–47, and the CJK locales' 27–36 and 50–58). */
function isBuiltInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** Whether a format code shows a date: y, m, d, h or s outside quoted text, escapes and [brackets]. */
function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

interface CellStyle {
  format: string;
  date: boolean;
}

function cellStyles(zip: Buffer, entry: ZipEntry | undefined): CellStyle[] {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  scanPart(partText(zip, entry), {
    open(name, attrs) {
      if (name === 'numFmt') {
        const id = Number(attr(attrs, 'numFmtId'));
        custom.set(id, attr(attrs, 'formatCode') ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) ids.push(Number(attr(attrs, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return ids.map((id) => {
    const format = custom.get(id) ?? BUILT_IN_FORMATS[id] ?? 'General';
    return { format, date: custom.has(id) ? isDateFormat(format) : isBuiltInDate(id) };
  });
}

interface SheetRef {
  name: string;
  path: string;
  hidden: boolean;
}

interface Workbook {
  sheets: SheetRef[];
  date1904: boolean;
  strings: string[];
  styles: CellStyle[];
}

function openWorkbook(zip: Buffer, entries: Map<string, ZipEntry>): Workbook {
  const office = relationships(zip, entries, '_rels/.rels').find((r) => r.type.endsWith('/officeDocument'));
  const bookPath = office ? resolvePath('', office.target) : 'xl/workbook.xml';
  const book = entries.get(bookPath);
  if (!book) throw new XlsxError('不是有效的 xlsx 文件 (not a valid xlsx)');
  const relsPath = bookPath.replace(/([^/]*)$/, '_rels/$1.rels');
  const rels = relationships(zip, entries, relsPath);
  const target = (suffix: string, fallback: string) => {
    const rel = rels.find((r) => r.type.endsWith(suffix));
    return entries.get(rel ? resolvePath(bookPath, rel.target) : fallback);
  };
  const sheets: SheetRef[] = [];
  let date1904 = false;
  scanPart(partText(zip, book), {
    open(name, attrs) {
      if (name === 'workbookPr') {
        const value = attr(attrs, 'date1904');
        date1904 = value === '1' || value === 'true';
      } else if (name === 'sheet') {
        const rel = rels.find((r) => r.id === attr(attrs, 'id'));
        if (!rel) return;
        const state = attr(attrs, 'state');
        sheets.push({
          name: attr(attrs, 'name') ?? '',
          path: resolvePath(bookPath, rel.target),
          hidden: state === 'hidden' || state === 'veryHidden',
        });
      }
    },
    close() {},
    text() {},
  });
  return {
    sheets,
    date1904,
    strings: sharedStrings(zip, target('/sharedStrings', 'xl/sharedStrings.xml')),
    styles: cellStyles(zip, target('/styles', 'xl/styles.xml')),
  };
}

// ---------- sheets ----------

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
