import type { Actor } from '../../platform/access/actor.ts';
import { AccessRepository } from '../../platform/access/repository.ts';
import { maintainingRegion, regionInScope, scopeOf } from '../../platform/access/scope.ts';
import { diffChanges } from '../../platform/audit/changes.ts';
import type { Executor } from '../../platform/db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { RegistryKind } from './contract.ts';
import type { DictionarySnapshot } from './dictionaries.ts';
import { registryError } from './errors.ts';
import type { KindContext } from './kinds/common.ts';
import { type InputOf, KINDS, type KindDef, type ViewOf } from './kinds.ts';
import { findRecord, kindContext, type RegistryDeps, recordView } from './records.ts';
import { References } from './references.ts';
import { type RecordRow, RegistryRepository, type RowOf } from './repository.ts';

/** An edit of a record of kind K: any of its fields, with the version that was read. */
export type RecordEdit<K extends RegistryKind> = Partial<InputOf<K>> & { version: number };

export async function createRecord<K extends RegistryKind>(
  deps: RegistryDeps,
  actor: Actor,
  kind: K,
  input: InputOf<K>,
): Promise<ViewOf<K>> {
  const def = KINDS[kind];
  const ctx = await kindContext(deps);
  checkDictionaryCodes(def, input, ctx.dict);
  const row = await deps.database.transaction(async (tx) => {
    await refuseDuplicates(tx, actor, def, input, null, ctx);
    await checkLinks(tx, actor, input);
    const now = deps.clock.now();
    const values = {
      ...def.values(input, ctx),
      scopeRegion: maintainingRegion(actor, input.regionCode ?? null),
      flags: [],
      createdAt: now,
      updatedAt: now,
    };
    const record = { ...values, searchText: def.searchText(values, ctx) };
    await attachOrganisations(deps, tx, actor, kind, [record]);
    const created = await new RegistryRepository(tx)
      .insert(kind, record)
      .catch((err) => rethrowDuplicate(err, input));
    await deps.audit.record(tx, actor, {
      action: `${def.entity}.create`,
      entity: def.entity,
      entityId: created.id,
      regionCode: created.scopeRegion,
      changes: auditChanges(def, null, created),
    });
    return created;
  });
  deps.changes.publish(kind, [row.id]);
  return recordView(deps, kind, row, false, scopeOf(actor));
}

export async function updateRecord<K extends RegistryKind>(
  deps: RegistryDeps,
  actor: Actor,
  kind: K,
  id: string,
  input: RecordEdit<K>,
): Promise<ViewOf<K>> {
  const def = KINDS[kind];
  const ctx = await kindContext(deps);
  checkDictionaryCodes(def, input, ctx.dict);
  const row = await deps.database.transaction(async (tx) => {
    const before = await findRecord(tx, actor, kind, id);
    return applyUpdate(deps, tx, actor, def, before, input, ctx);
  });
  deps.changes.publish(kind, [row.id]);
  return recordView(deps, kind, row, false, scopeOf(actor));
}

/** An edit written by compare-and-set on the version read, checked and audited like a new record. */
export async function applyUpdate<K extends RegistryKind>(
  deps: RegistryDeps,
  tx: Executor,
  actor: Actor,
  def: KindDef<K>,
  before: RowOf<K>,
  input: RecordEdit<K>,
  ctx: KindContext,
): Promise<RowOf<K>> {
  await refuseDuplicates(tx, actor, def, input, before.id, ctx);
  await checkLinks(tx, actor, input);
  // A field set by hand is no longer a flagged guess.
  const touched = new Set(Object.keys(input).filter((key) => key !== 'version'));
  const values = {
    ...keepUnchangedSecrets(def.values(input, ctx), before),
    updatedAt: deps.clock.now(),
    ...('regionCode' in input ? placement(actor, before, input.regionCode ?? null) : {}),
    flags: before.flags.filter((f) => !touched.has(f.field)),
  };
  const after = await new RegistryRepository(tx)
    .updateVersioned(def.kind, before.id, input.version, {
      ...values,
      searchText: def.searchText({ ...before, ...values }, ctx),
    })
    .catch((err) => rethrowDuplicate(err, input));
  if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
  await deps.audit.record(tx, actor, {
    action: `${def.entity}.update`,
    entity: def.entity,
    entityId: before.id,
    regionCode: after.scopeRegion,
    changes: auditChanges(def, before, after),
  });
  return after;
}

/**
 * Where an edited record now lies: its new region when the caller maintains it (else it stays with its
 * maintaining region); a region set by hand replaces the text kept as written.
 */
function placement(actor: Actor, before: RecordRow, regionCode: string | null) {
  const scope = scopeOf(actor);
  if (regionCode && !regionInScope(regionCode, scope) && !regionInScope(before.scopeRegion, scope)) {
    throw httpError('FORBIDDEN');
  }
  return {
    scopeRegion: regionCode && regionInScope(regionCode, scope) ? regionCode : before.scopeRegion,
    ...(regionCode ? { regionText: null } : {}),
  };
}

/** Archives (or restores) a record: it leaves the lists but keeps its history and links. */
export async function setArchived<K extends RegistryKind>(
  deps: RegistryDeps,
  actor: Actor,
  kind: K,
  id: string,
  version: number,
  archived: boolean,
): Promise<ViewOf<K>> {
  const def = KINDS[kind];
  const row = await deps.database.transaction(async (tx) => {
    const before = await findRecord(tx, actor, kind, id);
    const after = await new RegistryRepository(tx).setArchived(
      kind,
      id,
      version,
      archived ? deps.clock.now() : null,
      deps.clock.now(),
    );
    if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
    await deps.audit.record(tx, actor, {
      action: `${def.entity}.${archived ? 'archive' : 'restore'}`,
      entity: def.entity,
      entityId: id,
      regionCode: after.scopeRegion,
      changes: { archived: { from: before.archivedAt !== null, to: archived } },
    });
    return after;
  });
  deps.changes.publish(kind, [row.id]);
  return recordView(deps, kind, row, false, scopeOf(actor));
}

export function checkDictionaryCodes<K extends RegistryKind>(
  def: KindDef<K>,
  input: Partial<InputOf<K>>,
  dict: DictionarySnapshot,
) {
  for (const { field, dictionary } of def.dictionaryFields) {
    const value: unknown = input[field];
    const codes = Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];
    for (const code of codes) {
      if (!dict.has(dictionary, code)) {
        throw registryError('REGISTRY_DICTIONARY_CODE_UNKNOWN', {
          params: { code, dictionary },
          fields: [{ path: `body.${field}`, message: `未知代码 ${code}` }],
        });
      }
    }
  }
}

/**
 * A code, ID number or credit code that another record holds is refused.
 * The holder is named only when the caller may see it; otherwise the
 * answer says only that the value is registered, so that a unique value
 * cannot be used to learn who holds it in another region.
 */
async function refuseDuplicates<K extends RegistryKind>(
  tx: Executor,
  actor: Actor,
  def: KindDef<K>,
  input: Partial<InputOf<K>>,
  selfId: string | null,
  ctx: KindContext,
) {
  const repo = new RegistryRepository(tx);
  const seen = (row: RecordRow) => new References(tx, actor).visible(def.kind, row.id, { archived: true });
  if (typeof input.code === 'string') {
    const [existing] = await repo.byCodes(def.kind, [input.code]);
    if (existing && existing.id !== selfId) {
      if (!(await seen(existing)))
        throw registryError('REGISTRY_CODE_REGISTERED', { params: { code: input.code } });
      throw registryError('REGISTRY_CODE_TAKEN', { params: { code: input.code, name: existing.name } });
    }
  }
  for (const check of def.unique(input, ctx.cipher)) {
    const existing = await repo.byColumn(def.kind, check.column, check.value);
    if (existing && existing.id !== selfId) {
      if (!(await seen(existing))) throw registryError(REGISTERED_ELSEWHERE[check.error]);
      throw registryError(check.error, { params: { name: existing.name, code: existing.code } });
    }
  }
}

/** The answer to a unique value held by a record outside the caller's scope. */
const REGISTERED_ELSEWHERE = {
  REGISTRY_ID_NUMBER_TAKEN: 'REGISTRY_ID_NUMBER_REGISTERED',
  REGISTRY_CREDIT_CODE_TAKEN: 'REGISTRY_CREDIT_CODE_REGISTERED',
} as const;

/** A talent's institution or enterprise: any record the caller may see, archived or not. */
async function checkLinks(db: Executor, actor: Actor, input: object) {
  const references = new References(db, actor);
  const rule = { anyOrganisation: true, archived: true };
  if ('institutionId' in input && typeof input.institutionId === 'string') {
    await references.one(
      'institutions',
      input.institutionId,
      () => registryError('REGISTRY_LINK_NOT_FOUND', { params: { what: '机构' } }),
      rule,
    );
  }
  if ('enterpriseId' in input && typeof input.enterpriseId === 'string') {
    await references.one(
      'enterprises',
      input.enterpriseId,
      () => registryError('REGISTRY_LINK_NOT_FOUND', { params: { what: '企业' } }),
      rule,
    );
  }
}

/** What a new enterprise or institution needs to find (or found) its organisation. */
interface OrganisationLink {
  name?: string;
  regionCode?: string | null;
  scopeRegion?: string;
  organisationId?: string | null;
}

/**
 * Enterprises and institutions act on the platform through accounts of an
 * organisation: each new record gets the organisation of the same kind and
 * name (created when there is none), so accounts can be attached to it and
 * see that record's data.
 */
export async function attachOrganisations(
  deps: RegistryDeps,
  tx: Executor,
  actor: Actor,
  kind: RegistryKind,
  records: OrganisationLink[],
) {
  if (kind !== 'enterprises' && kind !== 'institutions') return;
  const orgKind = kind === 'enterprises' ? 'enterprise' : 'institution';
  const access = new AccessRepository(tx);
  const pending = records.filter((r) => !r.organisationId);
  const names = [...new Set(pending.map((r) => String(r.name)))];
  const byName = new Map((await access.organisationsByNames(orgKind, names)).map((o) => [o.name, o.id]));
  const missing = names.filter((n) => !byName.has(n));
  const regionOf = new Map(pending.map((r) => [String(r.name), String(r.regionCode ?? r.scopeRegion)]));
  const created = await access.insertOrganisations(
    missing.map((name) => ({
      kind: orgKind,
      name,
      regionCode: regionOf.get(name)!,
      createdAt: deps.clock.now(),
    })),
  );
  for (const org of created) byName.set(org.name, org.id);
  if (created.length > 0) {
    await deps.audit.recordMany(
      tx,
      actor,
      created.map((org) => ({
        action: 'organisation.create',
        entity: 'organisation',
        entityId: org.id,
        regionCode: org.regionCode,
        changes: { name: { to: org.name }, kind: { to: org.kind }, regionCode: { to: org.regionCode } },
      })),
    );
  }
  for (const record of pending) record.organisationId = byName.get(String(record.name));
}

/**
 * Ciphertexts differ on every encryption (random IV): when the lookup hash
 * shows the value is unchanged, keep the stored ciphertext so that nothing
 * is rewritten or audited as changed.
 */
export function keepUnchangedSecrets<V extends object>(values: V, before: RecordRow): V {
  const kept: Record<string, unknown> = Object.fromEntries(Object.entries(values));
  const stored: Record<string, unknown> = before;
  for (const key of Object.keys(kept)) {
    if (!key.endsWith('Hash')) continue;
    if (kept[key] === stored[key]) {
      delete kept[key];
      delete kept[`${key.slice(0, -4)}Enc`];
    }
  }
  // Only optional columns (a secret and its hash) are left out, so it is still a V.
  return kept as V;
}

/** Columns that are bookkeeping, not content, in audit diffs. */
export const IGNORED = ['updatedAt', 'version', 'createdAt', 'searchText'];

/** A record's changed fields for the audit log, its personal data redacted. */
export function auditChanges<K extends RegistryKind>(
  def: KindDef<K>,
  before: RowOf<K> | null,
  after: RowOf<K>,
) {
  return diffChanges(before, after, def.redact, IGNORED);
}

function rethrowDuplicate(err: unknown, input: { code?: string }): never {
  if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
    // A record written between the check and the insert: its holder is not known here.
    throw registryError('REGISTRY_CODE_REGISTERED', {
      params: { code: String(input.code ?? '') },
      cause: err,
    });
  }
  throw err;
}
