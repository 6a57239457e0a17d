import { clean } from '../../../app/forms.ts';
import { regionCodeOf } from '../../../app/regions.ts';
import type { Named, RecordInput, RecordView } from '../types.ts';

/** The codes of dictionary values. */
export function codes(list: readonly Named[]): string[] {
  return list.map((item) => item.code);
}

/** The fields every kind has, from a record. */
export function recordInput(record: RecordView): RecordInput {
  return {
    code: record.code,
    name: record.name,
    regionCode: record.regionCode,
    regionText: record.regionText,
  };
}

/**
 * The fields every kind has, from the form. A chosen region replaces a region
 * kept as written; otherwise what was written stays.
 */
export function recordFromValues(
  values: { code?: string; name?: string; region?: string[] },
  record: RecordView | null,
): RecordInput {
  const regionCode = regionCodeOf(values.region) ?? null;
  return {
    code: clean(values.code) ?? '',
    name: clean(values.name) ?? '',
    regionCode,
    regionText: regionCode ? null : (record?.regionText ?? null),
  };
}

/** A tags input's values, trimmed, without blanks or repeats. */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

/** An email as the server stores it (trimmed, lower case), or null. */
export function cleanEmail(value: string | null | undefined): string | null {
  return clean(value)?.toLowerCase() ?? null;
}
