import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.ts';
import { maintainingRegion, scopeOf } from '../../platform/access/scope.ts';
import { diffChanges } from '../../platform/audit/changes.ts';
import type { AuditEntry } from '../../platform/audit/service.ts';
import type { Executor } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import { columnHeader } from '../../platform/io/columns.ts';
import type { ImportKind } from '../../platform/io/import.ts';
import { REGISTRY_KINDS, type RegistryKind } from './contract.ts';
import { preparedRow } from './kinds/cells.ts';
import type { KindContext } from './kinds/common.ts';
import { institutionKindOf } from './kinds/institutions.ts';
import { type InputOf, KINDS, type KindDef } from './kinds.ts';
import { kindContext, type RegistryDeps } from './records.ts';
import { RegistryRepository } from './repository.ts';
import type { Flag } from './schema.ts';
import { attachOrganisations, auditChanges, IGNORED, keepUnchangedSecrets } from './writes.ts';

/** Names that are companies rather than universities or institutes (not created as institutions). */
const COMPANY_NAME = /(公司|集团|厂|企业|商行|合作社)$/;

/** A row of a registry sheet as it is committed: the record input and the values kept as written. */
type ImportInput<K extends RegistryKind> = InputOf<K> & { flags: Flag[] };

/** The spreadsheet import of each registry, for platform/io. */
export function registryImportKinds(deps: RegistryDeps): ImportKind<Record<string, unknown>>[] {
  return REGISTRY_KINDS.map((kind) => importKind(deps, kind));
}

function importKind<K extends RegistryKind>(deps: RegistryDeps, kind: K): ImportKind<ImportInput<K>> {
  const def = KINDS[kind];
  return {
    kind,
    label: def.label,
    permission: 'registry.manage',
    columns: def.columns,
    prepare: async () => {
      const ctx = await kindContext(deps);
      return (cells) => preparedRow(def.fromCells(cells, ctx), def.input, def.columns);
    },
    existing: async (db, actor, codes) => {
      const scope = scopeOf(actor);
      const rows = await new RegistryRepository(db).byCodes(kind, codes);
      return new Map(
        rows.map((r) => [r.code, { id: r.id, inScope: r.scopeRegion.startsWith(scope.regionPrefix) }]),
      );
    },
    // ID numbers and credit codes, checked within the file and against stored records before anything is written.
    uniqueValues: (data) =>
      def.unique(data, deps.cipher).map((check) => ({
        key: check.column,
        value: check.value,
        column: columnHeader(def.columns, UNIQUE_FIELD[check.error]),
      })),
    holders: async (db, actor, key, values) => {
      const prefix = scopeOf(actor).regionPrefix;
      const rows = await new RegistryRepository(db).byColumnValues(kind, key, values);
      return new Map(
        [...rows].map(([value, r]) => [value, { code: r.code, inScope: r.scopeRegion.startsWith(prefix) }]),
      );
    },
    constraints: IMPORT_CONSTRAINTS,
    tables: kind === 'talents' ? ['talents', 'institutions'] : [kind],
    commitBatch: (tx, actor, rows) =>
      commitBatch(
        deps,
        tx,
        actor,
        def,
        rows.map((r) => r.data),
      ),
    afterCommit: (outcome) => {
      for (const change of outcome.changed ?? []) deps.changes.publish(change.entity, change.ids);
    },
  };
}

/** Upserts a batch by code: new records are inserted together, changed ones updated, the same ones skipped. */
async function commitBatch<K extends RegistryKind>(
  deps: RegistryDeps,
  tx: Executor,
  actor: Actor,
  def: KindDef<K>,
  inputs: ImportInput<K>[],
) {
  const ctx = await kindContext(deps, false, tx);
  const repo = new RegistryRepository(tx);
  const existing = new Map(
    (
      await repo.byCodes(
        def.kind,
        inputs.map((i) => i.code),
      )
    ).map((r) => [r.code, r]),
  );
  const changed: string[] = [];
  const createdInstitutions = def.kind === 'talents' ? await linkEmployers(deps, tx, actor, inputs, ctx) : [];
  const audits: AuditEntry[] = [];
  const now = deps.clock.now();
  let created = 0;
  let updated = 0;
  const fresh = [];
  // Unique values (ID numbers, credit codes) held by another record were refused row by row when the
  // file was checked (ImportKind.holders); one taken since fails on its unique index, and the import
  // service then writes the batch row by row and reports that row (IMPORT_CONSTRAINTS).
  for (const input of inputs) {
    const before = existing.get(input.code);
    const regionCode = input.regionCode ?? null;
    if (before) {
      const values = {
        ...keepUnchangedSecrets(def.values(input, ctx), before),
        flags: input.flags,
        updatedAt: now,
        scopeRegion: maintainingRegion(actor, regionCode, before.scopeRegion),
      };
      const merged = { ...before, ...values, searchText: def.searchText({ ...before, ...values }, ctx) };
      if (Object.keys(diffChanges(before, merged, [], IGNORED)).length === 0) {
        updated++; // the same record again: nothing to write
        continue;
      }
      const after = await repo.updateVersioned(def.kind, before.id, before.version, {
        ...values,
        searchText: merged.searchText,
      });
      if (!after) throw httpError('VERSION_CONFLICT');
      changed.push(after.id);
      const changes = auditChanges(def, before, after);
      if (Object.keys(changes).length > 0) {
        audits.push({
          action: `${def.entity}.import.update`,
          entity: def.entity,
          entityId: after.id,
          regionCode: after.scopeRegion,
          changes,
        });
      }
      updated++;
    } else {
      const values = {
        ...def.values(input, ctx),
        flags: input.flags,
        scopeRegion: maintainingRegion(actor, regionCode),
        createdAt: now,
        updatedAt: now,
      };
      fresh.push({ ...values, searchText: def.searchText(values, ctx) });
      created++;
    }
  }
  await attachOrganisations(deps, tx, actor, def.kind, fresh);
  for (const row of await repo.insertMany(def.kind, fresh)) {
    changed.push(row.id);
    audits.push({
      action: `${def.entity}.import.create`,
      entity: def.entity,
      entityId: row.id,
      regionCode: row.scopeRegion,
      changes: auditChanges(def, null, row),
    });
  }
  await deps.audit.recordMany(tx, actor, audits);
  return {
    created,
    updated,
    changed: [
      { entity: def.kind, ids: changed },
      { entity: 'institutions', ids: createdInstitutions },
    ],
  };
}

/** What a talent's row says of its employer, and where the link found for it goes. */
interface EmployerLink {
  employerName?: string | null;
  regionCode?: string | null;
  institutionId?: string | null;
  enterpriseId?: string | null;
}

/**
 * 工作单位 links a talent to an institution (or enterprise) of that exact
 * name; a university or institute that is not registered yet is created.
 */
async function linkEmployers(
  deps: RegistryDeps,
  tx: Executor,
  actor: Actor,
  inputs: EmployerLink[],
  ctx: KindContext,
): Promise<string[]> {
  const created: string[] = [];
  const names = [
    ...new Set(
      inputs.map((i) => i.employerName).filter((n): n is string => typeof n === 'string' && n !== ''),
    ),
  ];
  if (names.length === 0) return created;
  const repo = new RegistryRepository(tx);
  // Only records of the caller's region: a talent linked to another region's institution would be
  // shown to that institution's account.
  const scope = { ...scopeOf(actor), organisationId: null };
  const institutions = new Map((await repo.institutionsByNames(names, scope)).map((r) => [r.name, r.id]));
  const enterprises = new Map((await repo.enterprisesByNames(names, scope)).map((r) => [r.name, r.id]));
  const missing = names.filter((n) => !institutions.has(n) && !enterprises.has(n) && !COMPANY_NAME.test(n));
  if (missing.length > 0) {
    const now = deps.clock.now();
    const regionOf = new Map(inputs.map((i) => [i.employerName, i.regionCode ?? null]));
    const def = KINDS.institutions;
    const values = missing.map((name) => {
      const regionCode = regionOf.get(name) ?? null;
      const v = {
        // Per maintaining region: another region may hold its own record of the same institution.
        code: autoCode(maintainingRegion(actor, regionCode), name),
        name,
        kind: institutionKindOf(name),
        disciplines: [],
        disciplineTags: [],
        regionCode,
        scopeRegion: maintainingRegion(actor, regionCode),
        flags: [{ field: 'code', value: name, reason: '由人才导入按工作单位自动建档，请补充信息' }],
        createdAt: now,
        updatedAt: now,
      };
      return { ...v, searchText: def.searchText(v, ctx) };
    });
    await attachOrganisations(deps, tx, actor, 'institutions', values);
    const rows = await repo.insertMany('institutions', values);
    await deps.audit.recordMany(
      tx,
      actor,
      rows.map((row) => ({
        action: 'institution.import.create',
        entity: 'institution',
        entityId: row.id,
        regionCode: row.scopeRegion,
        changes: auditChanges(def, null, row),
      })),
    );
    for (const row of rows) {
      institutions.set(row.name, row.id);
      created.push(row.id);
    }
  }
  for (const input of inputs) {
    const name = input.employerName;
    if (!name) continue;
    if (institutions.has(name)) input.institutionId = institutions.get(name);
    else if (enterprises.has(name)) input.enterpriseId = enterprises.get(name);
  }
  return created;
}

/** The code of an institution created by a talent import: one per name and maintaining region. */
function autoCode(scopeRegion: string, name: string): string {
  return `AUTO-${createHash('sha1').update(`${scopeRegion}|${name}`).digest('hex').slice(0, 10).toUpperCase()}`;
}

/** The template column of each unique value, for import reports. */
const UNIQUE_FIELD = {
  REGISTRY_ID_NUMBER_TAKEN: 'idNumber',
  REGISTRY_CREDIT_CODE_TAKEN: 'creditCode',
} as const;

/** What a unique index refusing an imported row means, said without naming who holds the value. */
const IMPORT_CONSTRAINTS = {
  talents_code_uq: { column: '编号', message: '该编号已被使用（导入期间被登记），未导入' },
  enterprises_code_uq: { column: '编号', message: '该编号已被使用（导入期间被登记），未导入' },
  institutions_code_uq: { column: '编号', message: '该编号已被使用（导入期间被登记），未导入' },
  stations_code_uq: { column: '编号', message: '该编号已被使用（导入期间被登记），未导入' },
  talents_id_number_hash_uq: { column: '身份证号', message: '该身份证号已登记（导入期间被登记），未导入' },
  enterprises_credit_code_uq: {
    column: '统一社会信用代码',
    message: '该统一社会信用代码已登记（导入期间被登记），未导入',
  },
};
