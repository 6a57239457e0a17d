import { headerText, normaliseHeader } from './sheet.ts';

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
  /** False: read when a sheet has it, but not offered in the template (金额（万元） beside 金额（元）). */
  template?: false;
}

export interface HeaderMapping {
  /** File header → column key. */
  keyOf: Map<string, string>;
  missing: ColumnSpec[];
  ignored: string[];
}

/**
 * Matches a file's headers to the columns, in any order, tolerating spaces, `*` marks and bracketed
 * notes. A header is first matched as written (金额（万元） to the column of that name, when a kind
 * has one), then without its bracketed note.
 */
export function mapHeaders(headers: readonly string[], columns: readonly ColumnSpec[]): HeaderMapping {
  const exact = new Map<string, string>();
  const lookup = new Map<string, string>();
  for (const c of columns) {
    for (const name of [c.header, c.headerEn, ...(c.aliases ?? [])]) {
      exact.set(headerText(name).toLowerCase(), c.key);
      lookup.set(normaliseHeader(name).toLowerCase(), c.key);
    }
  }
  // A name written bare (金额) stands for its own column, not for one whose note was cut off (金额（万元）).
  for (const [name, key] of exact) if (!name.endsWith(')')) lookup.set(name, key);
  const keyOf = new Map<string, string>();
  const ignored: string[] = [];
  for (const h of headers) {
    const key = exact.get(headerText(h).toLowerCase()) ?? lookup.get(normaliseHeader(h).toLowerCase());
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
