import ExcelJS from 'exceljs';
import { chinaDate } from '../../reference/china-time.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ColumnSpec } from './columns.ts';

/** Excel refuses sheet names with * ? : \\ / [ ] or longer than 31 characters. */
export function sheetName(title: string): string {
  return title.replace(/[*?:\\/[\]]/g, '、').slice(0, 31) || 'Sheet1';
}

/**
 * How every sheet we hand out prints: landscape on A4, scaled to one page wide
 * and as many pages down as it needs, the header row repeated on each page.
 */
export const PRINT_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9, // A4
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
};

/** A sheet of a workbook we hand out (exports, templates), set up to print with PRINT_SETUP. */
export function addPrintableSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, { pageSetup: { ...PRINT_SETUP } });
}

/**
 * An import template: Chinese headers (required ones marked *), a hint on each header, identifier
 * columns formatted as text, and an instructions sheet.
 */
export async function templateXlsx(title: string, all: readonly ColumnSpec[]): Promise<Buffer> {
  const columns = all.filter((c) => c.template !== false);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Caiqiao';
  const sheet = addPrintableSheet(workbook, sheetName(title));
  sheet.columns = columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: 18,
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    const note = [c.hint, c.example ? `示例：${c.example}` : ''].filter(Boolean).join('\n');
    if (note) cell.note = note;
  });
  // Identifiers typed as digits stay text: as numbers, an ID number loses its last digits and a code its leading zeros.
  columns.forEach((c, i) => {
    if (c.identifier) sheet.getColumn(i + 1).numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = addPrintableSheet(workbook, '填写说明');
  help.columns = [
    { header: '列名', width: 16 },
    { header: '是否必填', width: 10 },
    { header: '说明', width: 60 },
    { header: '示例', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns)
    help.addRow([c.header, c.required ? '必填' : '选填', c.hint ?? '', c.example ?? '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A list as an .xlsx sheet with the columns' headers in the caller's language. */
export async function exportXlsx(
  title: string,
  columns: readonly ColumnSpec[],
  rows: readonly Record<string, string | number | null>[],
  locale: Locale,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Caiqiao';
  const sheet = addPrintableSheet(workbook, sheetName(title));
  sheet.columns = columns.map((c) => ({
    header: locale === 'en-US' ? c.headerEn : c.header,
    key: c.key,
    width: Math.min(40, Math.max(10, (locale === 'en-US' ? c.headerEn : c.header).length * 2 + 4)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(columns.map((c) => row[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same as CSV, UTF-8 with a BOM so that Excel opens Chinese text correctly. */
export function exportCsv(
  columns: readonly ColumnSpec[],
  rows: readonly Record<string, string | number | null>[],
  locale: Locale,
): Buffer {
  const quote = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map((c) => quote(locale === 'en-US' ? c.headerEn : c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(row[c.key])).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A list exported for download: its bytes, its name and how many rows it holds. */
export interface ExportFile {
  data: Buffer;
  fileName: string;
  format: 'xlsx' | 'csv';
  count: number;
}

/** One row of an export: column key → cell. */
export type ExportRow = Record<string, string | number | null>;

/** What an export is written as: its title (sheet and file name), columns, format and language. */
export interface ExportTarget {
  title: string;
  columns: readonly ColumnSpec[];
  format: 'xlsx' | 'csv';
  locale: Locale;
  now: Date;
  /** Stop after this many rows (the rest of the list is not read). */
  max?: number;
}

/**
 * The one export loop: reads the record pages one after another (a repository's
 * keysetPages or numberedPages), turns each page into sheet rows with `toRows`
 * (which reads what the page links to once per page), stops at `max` rows and
 * writes the file as exportFile does.
 */
export async function exportPages<T>(
  pages: AsyncIterable<readonly T[]>,
  toRows: (page: readonly T[]) => ExportRow[] | Promise<ExportRow[]>,
  target: ExportTarget,
): Promise<ExportFile> {
  const max = target.max ?? Number.POSITIVE_INFINITY;
  const rows: ExportRow[] = [];
  for await (const page of pages) {
    rows.push(...(await toRows(page)));
    if (rows.length >= max) {
      rows.length = max;
      break;
    }
  }
  return exportFile(target.title, target.columns, rows, target.format, target.locale, target.now);
}

/** Rows as an .xlsx or .csv named `<title>-<China date>.<format>`, headers in the caller's language. */
export async function exportFile(
  title: string,
  columns: readonly ColumnSpec[],
  rows: readonly Record<string, string | number | null>[],
  format: 'xlsx' | 'csv',
  locale: Locale,
  now: Date,
): Promise<ExportFile> {
  const data =
    format === 'csv' ? exportCsv(columns, rows, locale) : await exportXlsx(title, columns, rows, locale);
  return { data, fileName: `${title}-${chinaDate(now)}.${format}`, format, count: rows.length };
}
