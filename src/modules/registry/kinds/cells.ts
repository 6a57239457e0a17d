import type { z } from 'zod';
import { issueMessage } from '../../../platform/http/validation.ts';
import type { ColumnSpec } from '../../../platform/io/columns.ts';
import type { PreparedRow } from '../../../platform/io/import.ts';
import type { RowIssue } from '../../../platform/io/schema.ts';
import type { DictionaryKind } from '../../../reference/dictionaries/index.ts';
import { splitMultiValue } from '../../../reference/dictionaries/index.ts';
import { regionName, resolveRegion } from '../regions.ts';
import type { Flag } from '../schema.ts';
import type { KindContext } from './common.ts';

/** A spreadsheet row read into a record input (not yet checked), with its flagged values and errors. */
export interface CellsOutcome {
  candidate: Record<string, unknown>;
  flags: (RowIssue & { field: string })[];
  errors: RowIssue[];
}

/** Parses the columns every registry has (编号, 名称, 所在地区) into a new outcome. */
export function recordCells(cells: Record<string, string>, nameHeader: string): CellsOutcome {
  const out: CellsOutcome = { candidate: {}, flags: [], errors: [] };
  const code = cells.code?.trim() ?? '';
  if (!code) out.errors.push({ column: '编号', value: '', message: '编号必填' });
  out.candidate.code = code;
  const name = cells.name?.trim() ?? '';
  if (!name) out.errors.push({ column: nameHeader, value: '', message: `${nameHeader}必填` });
  out.candidate.name = name;
  regionCells(out, cells.region?.trim() ?? '');
  return out;
}

/**
 * 所在地区 as written: a name the region list knows becomes its code; one it
 * does not, or one that names several places, is kept as text and flagged.
 */
export function regionCells(out: CellsOutcome, regionText: string): void {
  if (!regionText) return;
  const resolved = resolveRegion(regionText);
  if (resolved && 'code' in resolved) {
    out.candidate.regionCode = resolved.code;
    return;
  }
  out.candidate.regionText = regionText.slice(0, 64);
  out.flags.push({
    field: 'regionCode',
    column: '所在地区',
    value: regionText,
    message: resolved
      ? `地区名称有歧义（${resolved.ambiguous.map((r) => regionName(r.code)).join('、')}），已按原文保留`
      : '未识别的地区，已按原文保留',
  });
}

/** Text columns taken as written (trimmed), when not empty. */
export function textCells(out: CellsOutcome, cells: Record<string, string>, keys: readonly string[]) {
  for (const key of keys) {
    const value = cells[key]?.trim();
    if (value) out.candidate[key] = value;
  }
}

/** A dictionary column: resolved codes into the candidate; unknown values kept in a flag. */
export function dictionaryCells(
  out: CellsOutcome,
  ctx: KindContext,
  text: string | undefined,
  dictionary: DictionaryKind,
  field: string,
  column: string,
  multi: boolean,
) {
  const raw = text?.trim() ?? '';
  if (!raw) return;
  const codes: string[] = [];
  const unknown: string[] = [];
  const take = (v: string) => {
    const entry = ctx.dict.resolve(dictionary, v);
    if (entry && !codes.includes(entry.code)) codes.push(entry.code);
    return entry !== undefined;
  };
  // Strong separators (；; newline |) always split. A part that is a name as a
  // whole stays whole — official names contain 、 (木材加工和木、竹、藤、棕、草制品业) —
  // and only otherwise is it split on 、，, /.
  const parts = multi
    ? raw
        .split(/[；;\n|]+/)
        .map((x) => x.trim())
        .filter(Boolean)
    : [raw];
  for (const part of parts) {
    if (take(part)) continue;
    const pieces = multi ? splitMultiValue(part) : [];
    if (pieces.length > 1) {
      for (const piece of pieces) if (!take(piece)) unknown.push(piece);
    } else unknown.push(part);
  }
  if (multi) out.candidate[field] = codes;
  else if (codes[0]) out.candidate[field] = codes[0];
  if (unknown.length > 0) {
    out.flags.push({ field, column, value: unknown.join('；'), message: '字典中没有该值，已按原文保留' });
  }
}

export function formatIssue(issue: z.core.$ZodIssue, columns: readonly ColumnSpec[]): RowIssue {
  const key = String(issue.path[0] ?? '');
  const column = columns.find((c) => c.key === key || `${c.key}`.replace(/Text$/, '') === key)?.header ?? key;
  // Import reports are read by Chinese operators and stored as written.
  return { column, message: issueMessage(issue, 'zh-CN') };
}

/**
 * A parsed row checked against the record's input schema: the record input (with its flags) when the
 * row has no errors, else the errors; schema errors count only when the cells gave none of their own.
 */
export function preparedRow<Input extends z.ZodObject, Extra extends object = Record<never, never>>(
  outcome: CellsOutcome,
  input: Input,
  columns: readonly ColumnSpec[],
  // Without extra fields, Extra is the empty record.
  extra: Extra = {} as Extra,
): PreparedRow<z.output<Input> & { flags: Flag[] } & Extra> {
  const parsed = input.safeParse(outcome.candidate);
  const errors = [...outcome.errors];
  if (!parsed.success && errors.length === 0) {
    for (const issue of parsed.error.issues) errors.push(formatIssue(issue, columns));
  }
  const code =
    typeof outcome.candidate.code === 'string' && outcome.candidate.code ? outcome.candidate.code : null;
  const data =
    parsed.success && errors.length === 0
      ? { ...parsed.data, flags: toFlags(outcome.flags), ...extra }
      : null;
  return { code, data, errors, flags: outcome.flags.map(({ field: _f, ...issue }) => issue) };
}

/** Flags as stored on the record. */
export function toFlags(flags: CellsOutcome['flags']): Flag[] {
  return flags.map((f) => ({ field: f.field, value: f.value ?? '', reason: f.message }));
}
