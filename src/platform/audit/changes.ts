/** Shown instead of a personal or secret value in the audit log. */
export const REDACTED = '[redacted]';

export type FieldChange = { from?: unknown; to?: unknown };
export type Changes = Record<string, FieldChange>;

function comparable(value: unknown): string {
  return JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));
}

/**
 * The fields that differ between two versions of a record, as { field: { from, to } }.
 * Fields named in `redact` are recorded as changed without their values.
 * `before` null means the record was created; `after` null means it was removed.
 */
export function diffChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  redact: readonly string[] = [],
  ignore: readonly string[] = ['updatedAt', 'version'],
): Changes {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Changes = {};
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const from = before?.[key];
    const to = after?.[key];
    if (before && after && comparable(from) === comparable(to)) continue;
    if (!before && (to === null || to === undefined)) continue;
    const hidden = redact.includes(key);
    const change: FieldChange = {};
    if (before) change.from = hidden ? REDACTED : normalise(from);
    if (after) change.to = hidden ? REDACTED : normalise(to);
    changes[key] = change;
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}
