import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { DictionarySnapshot } from '../registry/dictionaries.ts';
import { regionName } from '../registry/regions.ts';
import type { ListItemSummary, ListItemView, ListKind } from './contract.ts';
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
export function listParties(
  actor: Actor,
  row: Pick<ListItemRow, 'scopeRegion' | 'organisationId' | 'createdBy'>,
): Party[] {
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

/** The columns a list page reads: its summary's, and those the caller's access is decided by. */
export const SUMMARY_COLUMNS = [
  'id',
  'kind',
  'code',
  'title',
  'industries',
  'disciplines',
  'regionCode',
  'regionText',
  'ownerName',
  'amountFen',
  'amountNegotiable',
  'deadline',
  'headcount',
  'stage',
  'trl',
  'status',
  'flags',
  'updatedAt',
  'archivedAt',
  'version',
  'solvedAskedAt',
  'scopeRegion',
  'organisationId',
  'createdBy',
] as const;

/** An item as a list page shows it to the caller (listItemSummary), from SUMMARY_COLUMNS alone. */
export function itemSummary(
  actor: Actor,
  row: Pick<ListItemRow, (typeof SUMMARY_COLUMNS)[number]>,
  dict: DictionarySnapshot,
): ListItemSummary {
  const parties = listParties(actor, row);
  const asked = row.solvedAskedAt !== null;
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    title: row.title,
    industries: dict.named('industry', row.industries),
    disciplines: dict.named('discipline', row.disciplines),
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode),
    regionText: row.regionText,
    ownerName: row.ownerName,
    amountYuan: row.amountFen === null ? null : row.amountFen / 100,
    amountNegotiable: row.amountNegotiable,
    deadline: row.deadline,
    headcount: row.headcount,
    stage: row.stage,
    trl: row.trl,
    status: row.status,
    flags: row.flags,
    updatedAt: row.updatedAt.toISOString(),
    archived: row.archivedAt !== null,
    version: row.version,
    // 尚未解决 only answers the question whether the demand is solved, while it stands.
    actions: actionsFor(row.status, parties).filter((a) => a !== 'expire' && (a !== 'keepOpen' || asked)),
    editable: editable(row.status, parties),
    own: parties.includes('owner'),
  };
}

/** An item as the caller sees it, with what they may do to it: its summary and what only its page shows. */
export function itemView(actor: Actor, row: ListItemRow, dict: DictionarySnapshot): ListItemView {
  return Object.assign(itemSummary(actor, row, dict), {
    description: row.description,
    keywords: row.keywords,
    keywordsExtracted: row.keywordsExtracted,
    fieldText: row.fieldText,
    cluster: row.cluster,
    enterpriseId: row.enterpriseId,
    institutionId: row.institutionId,
    cooperationModes: row.cooperationModes,
    terms: row.terms,
    patents: row.patents,
    contactName: row.contactName,
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    solvedAskedAt: row.solvedAskedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  });
}
