import { normaliseHeader } from './sheet.ts';

/** One column of an import template and export: the field it fills and the headers people write for it. */
export interface ColumnSpec {
  key: string;
  /** The Chinese header in templates and exports. */
  header: string;
  /** English header for exports in English. */
  headerEn: string;
  /** Other headers that mean the same column (e.g. 单位 for 工作单位). */
  aliases?: readonly string[];
  required?: boolean;
  /** How to fill it in, shown in the template. */
  hint?: string;
  example?: string;
  /**
   * An identifier typed as digits (ID number, mobile, credit code, code):
   * read as text, refused when a spreadsheet stored it as a number that lost
   * digits, and formatted as text in the template.
   */
  identifier?: boolean;
  /**
   * With `identifier`, for a value a row can do without (a guest's mobile): a
   * value whose digits were lost is left out and the row kept, flagged with
   * this message, instead of the row being refused.
   */
  whenDigitsLost?: string;
}

export interface HeaderMapping {
  /** File header → column key. */
  keyOf: Map<string, string>;
  missing: ColumnSpec[];
  ignored: string[];
}

/** Matches a file's headers to the columns, in any order, tolerating spaces, `*` marks and bracketed notes. */
export function mapHeaders(headers: readonly string[], columns: readonly ColumnSpec[]): HeaderMapping {
  const lookup = new Map<string, string>();
  for (const c of columns) {
    for (const name of [c.header, c.headerEn, ...(c.aliases ?? [])]) {
      lookup.set(normaliseHeader(name).toLowerCase(), c.key);
    }
  }
  const keyOf = new Map<string, string>();
  const ignored: string[] = [];
  for (const h of headers) {
    const key = lookup.get(normaliseHeader(h).toLowerCase());
    if (key && ![...keyOf.values()].includes(key)) keyOf.set(h, key);
    else ignored.push(h);
  }
  const present = new Set(keyOf.values());
  const missing = columns.filter((c) => c.required && !present.has(c.key));
  return { keyOf, missing, ignored };
}

/** The headers (normalised, lower case) that name identifier columns, for the sheet reader. */
export function identifierHeaders(columns: readonly ColumnSpec[]): string[] {
  return columns
    .filter((c) => c.identifier)
    .flatMap((c) => [c.header, c.headerEn, ...(c.aliases ?? [])])
    .map((name) => normaliseHeader(name).toLowerCase());
}

/** A row's cells by column key. */
export function cellsByKey(cells: Record<string, string>, mapping: HeaderMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [header, key] of mapping.keyOf) out[key] = cells[header] ?? '';
  return out;
}

export function columnHeader(columns: readonly ColumnSpec[], key: string): string {
  return columns.find((c) => c.key === key)?.header ?? key;
}
