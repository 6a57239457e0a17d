import { createHash } from 'node:crypto';

/** The fields of an audit row that its hash covers, in a fixed order. */
export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorName: string;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string;
  regionCode: string | null;
  changes: unknown;
  ip: string | null;
  requestId: string | null;
  prevHash: string;
}

/** The hash before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the same value always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 over the previous hash and this row's content. */
export function rowHash(row: ChainedFields): string {
  const content = canonicalJson([
    row.prevHash,
    row.at.toISOString(),
    row.actorId,
    row.actorName,
    row.actorRole,
    row.action,
    row.entity,
    row.entityId,
    row.regionCode,
    row.changes,
    row.ip,
    row.requestId,
  ]);
  return createHash('sha256').update(content).digest('hex');
}
