import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { DictionarySnapshot } from '../registry/dictionaries.ts';
import { regionName } from '../registry/regions.ts';
import type { ListItemView, ListKind } from './contract.ts';
import { listsError } from './errors.ts';
import { actionsFor, editable, type Party } from './machine.ts';
import { type ListScope, ListsRepository } from './repository.ts';
import type { ListItemRow } from './schema.ts';

/**
 * What a caller sees of the lists and who they are to an item: the scope of
 * their reads, their parties (which decide their actions), and the item's
 * view. Every use case of the module reads items through these.
 */

/** The items the caller may read (see ListScope). */
export function listScope(actor: Actor): ListScope {
  const scope = scopeOf(actor);
  return {
    regionPrefix: scope.regionPrefix,
    manager: actor.permissions.has('lists.manage'),
    organisationId: actor.organisationId,
    userId: actor.userId,
  };
}

/** Who the caller is to this item: an operator of its region, its owner, or neither. */
export function listParties(actor: Actor, row: ListItemRow): Party[] {
  const out: Party[] = [];
  if (actor.permissions.has('lists.manage') && regionInScope(row.scopeRegion, scopeOf(actor)))
    out.push('operator');
  if (
    actor.permissions.has('lists.submit') &&
    ((actor.organisationId !== null && row.organisationId === actor.organisationId) ||
      row.createdBy === actor.userId)
  ) {
    out.push('owner');
  }
  return out;
}

/** An item of this kind the caller may see, or LIST_NOT_FOUND. */
export async function findItem(db: Executor, actor: Actor, kind: ListKind, id: string): Promise<ListItemRow> {
  const row = await new ListsRepository(db).byId(kind, id, listScope(actor));
  if (!row) throw listsError('LIST_NOT_FOUND');
  return row;
}

/** An item as the caller sees it, with what they may do to it. */
export function itemView(actor: Actor, row: ListItemRow, dict: DictionarySnapshot): ListItemView {
  const parties = listParties(actor, row);
  const asked = row.solvedAskedAt !== null;
  return listView(row, dict, {
    // 尚未解决 only answers the question whether the demand is solved, while it stands.
    actions: actionsFor(row.status, parties).filter((a) => a !== 'expire' && (a !== 'keepOpen' || asked)),
    editable: editable(row.status, parties),
    own: parties.includes('owner'),
  });
}

/** The item's fields as the contract shows them, and the caller's access. */
function listView(
  row: ListItemRow,
  dict: DictionarySnapshot,
  access: { actions: ListItemView['actions']; editable: boolean; own: boolean },
): ListItemView {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    keywordsExtracted: row.keywordsExtracted,
    industries: dict.named('industry', row.industries),
    disciplines: dict.named('discipline', row.disciplines),
    fieldText: row.fieldText,
    cluster: row.cluster,
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode),
    regionText: row.regionText,
    ownerName: row.ownerName,
    enterpriseId: row.enterpriseId,
    institutionId: row.institutionId,
    cooperationModes: row.cooperationModes,
    amountYuan: row.amountFen === null ? null : row.amountFen / 100,
    amountNegotiable: row.amountNegotiable,
    deadline: row.deadline,
    headcount: row.headcount,
    terms: row.terms,
    stage: row.stage,
    trl: row.trl,
    patents: row.patents,
    contactName: row.contactName,
    status: row.status,
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    solvedAskedAt: row.solvedAskedAt?.toISOString() ?? null,
    flags: row.flags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archived: row.archivedAt !== null,
    version: row.version,
    ...access,
  };
}
