import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope, scopeOf } from '../../platform/access/scope.ts';
import { UsersRepository } from '../../platform/auth/repository.ts';
import type { Executor } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import { registryError } from './errors.ts';
import { findRecord, type RegistryDeps } from './records.ts';
import { References } from './references.ts';
import { RegistryRepository } from './repository.ts';

/** The account a talent's record is linked to, if any. */
export async function talentAccount(deps: RegistryDeps, actor: Actor, id: string) {
  const row = await findRecord(deps.database.db, actor, 'talents', id);
  return { account: row.userId ? await accountOf(deps.database.db, row.userId) : null };
}

/**
 * 关联账号: links a talent's record to an account of the caller's region (the
 * expert then keeps the profile, receives dispatched orders and meeting
 * invitations), or unlinks it. An account serves one record; audited.
 */
export async function linkTalentAccount(
  deps: RegistryDeps,
  actor: Actor,
  id: string,
  username: string | null,
) {
  return deps.database.transaction(async (tx) => {
    const before = await findRecord(tx, actor, 'talents', id);
    let userId: string | null = null;
    if (username) {
      const user = await new UsersRepository(tx).byUsername(username);
      if (!user || user.disabled || !regionInScope(user.regionCode, scopeOf(actor))) {
        throw registryError('REGISTRY_ACCOUNT_UNKNOWN', {
          params: { username },
          fields: [{ path: 'body.username', message: '账号不存在或不在管辖范围' }],
        });
      }
      userId = user.id;
      const other = await new RegistryRepository(tx).byColumn('talents', 'userId', user.id);
      if (other && other.id !== id) {
        if (!(await new References(tx, actor).visible('talents', other.id, { archived: true }))) {
          throw registryError('REGISTRY_ACCOUNT_LINKED', {
            params: { username },
            fields: [{ path: 'body.username', message: '该账号已关联其他人才档案' }],
          });
        }
        throw registryError('REGISTRY_ACCOUNT_TAKEN', {
          params: { username, other: `${other.name}（${other.code}）` },
          fields: [{ path: 'body.username', message: `已关联 ${other.name}（${other.code}）` }],
        });
      }
    }
    if (before.userId !== userId) {
      const after = await new RegistryRepository(tx).updateVersioned('talents', id, before.version, {
        userId,
        updatedAt: deps.clock.now(),
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      await deps.audit.record(tx, actor, {
        action: 'talent.account',
        entity: 'talent',
        entityId: id,
        regionCode: before.scopeRegion,
        changes: { account: { from: before.userId, to: userId } },
      });
    }
    return { account: userId ? await accountOf(tx, userId) : null };
  });
}

async function accountOf(db: Executor, userId: string) {
  const user = await new UsersRepository(db).byId(userId, { regionPrefix: '', organisationId: null });
  return user
    ? { id: user.id, username: user.username, displayName: user.displayName, role: user.role }
    : null;
}
