import type { Actor, Scope } from '../../platform/access/actor.ts';
import { scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { ChangeFeed } from '../../platform/changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import type { KeptReads, PlainTotals } from '../../platform/db/pages.ts';
import type { ListQuery, RegistryKind } from './contract.ts';
import type { DictionaryService } from './dictionaries.ts';
import { registryError } from './errors.ts';
import type { ViewContext } from './kinds/common.ts';
import { KINDS, type ListItemOf, type ViewOf } from './kinds.ts';
import { plainQuery } from './listing.ts';
import { RegistryRepository, type RowOf } from './repository.ts';

/** What the registry's use cases work with: one set per process, held by RegistryService. */
export interface RegistryDeps {
  database: Database;
  audit: AuditService;
  dictionaries: DictionaryService;
  cipher: FieldCipher;
  clock: Clock;
  /** Committed changes, for derived state (the matching index). */
  changes: ChangeFeed;
  /** The plain lists' totals, kept briefly and forgotten on a change (see KeptReads). */
  totals?: PlainTotals;
  /** The plain lists' pages, kept the same way (see listRecords). */
  pages?: KeptReads<KeptPage>;
}

/** A list page as it was answered. */
export type KeptPage = Awaited<ReturnType<typeof listRecords>>;

/** Code lists and keys for one operation; inside a transaction pass it (see DictionaryService.load). */
export async function kindContext(deps: RegistryDeps, reveal = false, db?: Executor): Promise<ViewContext> {
  return { dict: await deps.dictionaries.snapshot(db), cipher: deps.cipher, reveal };
}

/** One record in the caller's scope; one out of scope is answered like one that does not exist. */
export async function findRecord<K extends RegistryKind>(
  db: Executor,
  actor: Actor,
  kind: K,
  id: string,
): Promise<RowOf<K>> {
  const row = await new RegistryRepository(db).byId(kind, id, scopeOf(actor));
  if (!row) throw registryError('REGISTRY_NOT_FOUND');
  return row;
}

/** Records as their contract shows them (institutions with their count of experts). */
export async function recordViews<K extends RegistryKind>(
  deps: RegistryDeps,
  kind: K,
  rows: RowOf<K>[],
  reveal: boolean,
  /** The caller's scope: an institution's count of experts is of those the caller's 人才库 shows. */
  scope: Scope,
): Promise<ViewOf<K>[]> {
  const ctx = await kindContext(deps, reveal);
  const def = KINDS[kind];
  const expertCounts =
    kind === 'institutions'
      ? await new RegistryRepository(deps.database.db).expertCounts(
          rows.map((r) => r.id),
          scope,
        )
      : undefined;
  return rows.map((row) => def.view(row, { ...ctx, ...(expertCounts ? { expertCounts } : {}) }));
}

export async function recordView<K extends RegistryKind>(
  deps: RegistryDeps,
  kind: K,
  row: RowOf<K>,
  reveal: boolean,
  scope: Scope,
): Promise<ViewOf<K>> {
  return (await recordViews(deps, kind, [row], reveal, scope))[0]!;
}

/** The pages kept: a list's first five of up to 100 records (bounded memory, whatever the paging). */
const KEPT_PAGES = 5;
const KEPT_PAGE_SIZE = 100;

/**
 * A page of a list. A plain opening page (no filter but the caller's scope,
 * in any of the list's orders; KEPT_PAGES) is kept in process briefly
 * (`pages`) and answered again to every caller of the same scope: its items
 * are the same for them all (masked, no caller's own fields). It is
 * forgotten on any registry change committed in this process, when the code
 * lists it names were read again, and after the keeping time (another
 * process's change).
 */
export async function listRecords<K extends RegistryKind>(
  deps: RegistryDeps,
  actor: Actor,
  kind: K,
  query: ListQuery,
): Promise<{
  items: ListItemOf<K>[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}> {
  const scope = scopeOf(actor);
  const ctx = await kindContext(deps);
  const read = async () => {
    const list = KINDS[kind].list;
    const { items, total, totalCapped } = await new RegistryRepository(deps.database.db).list(
      kind,
      scope,
      query,
      deps.totals,
      list?.columns,
    );
    return {
      // A kind with list columns: its items from those (the rows hold nothing else); otherwise whole views.
      items: list
        ? items.map((row) => list.item(row, ctx))
        : await recordViews(deps, kind, items, false, scope),
      total,
      totalCapped,
      page: query.page,
      pageSize: query.pageSize,
    };
  };
  if (!deps.pages || !plainQuery(query) || query.page > KEPT_PAGES || query.pageSize > KEPT_PAGE_SIZE) {
    return read();
  }
  // The code lists' copy is in the key: a page naming entries since renamed is not answered again.
  const key = `${kind}|${scope.regionPrefix}|${scope.organisationId ?? ''}|${query.sort}|${query.page}|${query.pageSize}|${ctx.dict.serial}`;
  return (await deps.pages.through(key, read)) as Awaited<ReturnType<typeof read>>;
}

export async function getRecord<K extends RegistryKind>(
  deps: RegistryDeps,
  actor: Actor,
  kind: K,
  id: string,
): Promise<ViewOf<K>> {
  return recordView(deps, kind, await findRecord(deps.database.db, actor, kind, id), false, scopeOf(actor));
}

/** The unmasked personal data of one record; every reveal is audited. */
export async function revealRecord<K extends RegistryKind>(
  deps: RegistryDeps,
  actor: Actor,
  kind: K,
  id: string,
) {
  const def = KINDS[kind];
  return deps.database.transaction(async (tx) => {
    const row = await findRecord(tx, actor, kind, id);
    const sealed = def.sealed(row);
    await deps.audit.record(tx, actor, {
      action: `${def.entity}.reveal`,
      entity: def.entity,
      entityId: row.id,
      regionCode: row.scopeRegion,
      changes: {
        revealed: {
          to: [sealed.mobile ? 'mobile' : null, sealed.idNumber ? 'idNumber' : null].filter(Boolean),
        },
      },
    });
    return {
      mobile: sealed.mobile ? deps.cipher.decrypt(sealed.mobile) : null,
      idNumber: sealed.idNumber ? deps.cipher.decrypt(sealed.idNumber) : null,
    };
  });
}
