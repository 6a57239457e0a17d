import { attr, decodeText, scanPart } from './xlsx-xml.ts';
import { partText, XlsxError, type ZipEntry } from './xlsx-zip.ts';

/** The small parts of a workbook read before its sheets: the sheet list, relationships, shared strings and styles. */

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

export interface Workbook {
  sheets: SheetRef[];
  date1904: boolean;
  strings: string[];
  styles: CellStyle[];
}

export function openWorkbook(zip: Buffer, entries: Map<string, ZipEntry>): Workbook {
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
