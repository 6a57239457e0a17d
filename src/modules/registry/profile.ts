import type { Actor } from '../../platform/access/actor.ts';
import { scopeOf } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import { registryError } from './errors.ts';
import { KINDS } from './kinds.ts';
import { kindContext, type RegistryDeps, recordView } from './records.ts';
import { type EnterpriseRow, RegistryRepository, type TalentRow } from './repository.ts';
import { applyUpdate, checkDictionaryCodes, type RecordEdit } from './writes.ts';

/** The record a signed-in expert or enterprise keeps as their own profile. */
type OwnRecord = { kind: 'talents'; row: TalentRow } | { kind: 'enterprises'; row: EnterpriseRow };

/** An edit of one's own profile, of the kind of record one has. */
export type ProfileEdit = RecordEdit<'talents'> | RecordEdit<'enterprises'>;

/** Who and where a record is stays with the operator: these fields of an own profile's edit are dropped. */
const OPERATOR_FIELDS = ['code', 'name', 'regionCode', 'regionText', 'idNumber', 'creditCode', 'isExpert'];

/** The signed-in expert's own record, or the signed-in enterprise's. */
export async function myProfile(deps: RegistryDeps, actor: Actor) {
  const { kind, row } = await ownRecord(deps.database.db, actor);
  return { kind, record: await recordView(deps, kind, row, true, scopeOf(actor)) };
}

/** Experts and enterprises keep their own profiles; who and where they are stays with the operator. */
export async function updateMyProfile(deps: RegistryDeps, actor: Actor, input: ProfileEdit) {
  const ctx = await kindContext(deps);
  const allowed = without(input, OPERATOR_FIELDS);
  const result = await deps.database.transaction(async (tx) => {
    const { kind, row } = await ownRecord(tx, actor);
    const def = KINDS[kind];
    checkDictionaryCodes(def, allowed, ctx.dict);
    return { kind, row: await applyUpdate(deps, tx, actor, def, row, allowed, ctx) };
  });
  deps.changes.publish(result.kind, [result.row.id]);
  return { kind: result.kind, record: await recordView(deps, result.kind, result.row, true, scopeOf(actor)) };
}

async function ownRecord(db: Executor, actor: Actor): Promise<OwnRecord> {
  const repo = new RegistryRepository(db);
  if (actor.role === 'enterprise' && actor.organisationId) {
    const row = await repo.byColumn('enterprises', 'organisationId', actor.organisationId);
    if (row) return { kind: 'enterprises', row };
  } else {
    const row = await repo.byColumn('talents', 'userId', actor.userId);
    if (row) return { kind: 'talents', row };
  }
  throw registryError('REGISTRY_NO_PROFILE');
}

/** An edit without some of its fields (every field of an edit is optional, so it is still an edit). */
function without<T extends object>(input: T, keys: readonly string[]): T {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !keys.includes(key))) as T;
}
