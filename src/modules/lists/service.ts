import type { Actor } from '../../platform/access/actor.ts';
import { maintainingRegion, regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { ChangeFeed } from '../../platform/changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ImportKind } from '../../platform/io/import.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { DictionaryKind } from '../../reference/dictionaries/index.ts';
import { regionLevel } from '../../reference/regions.ts';
import type { DictionaryService, DictionarySnapshot } from '../registry/dictionaries.ts';
import { registryError } from '../registry/errors.ts';
import { References } from '../registry/references.ts';
import { regionName } from '../registry/regions.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { LIST_CODE_PREFIX, LIST_POSTERS } from './constants.ts';
import type { ListItemsQuery, ListItemView, ListKind } from './contract.ts';
import { listsError } from './errors.ts';
import { exportList } from './export.ts';
import { ListImports } from './imports.ts';
import { editable, STATUS_NAMES } from './machine.ts';
import { ListsRepository } from './repository.ts';
import type { ListItemInsert, ListItemRow } from './schema.ts';
import { ListTransitions } from './transitions.ts';
import { itemAudit, itemValues, listSearchText } from './values.ts';
import { findItem, itemSummary, itemView, listParties, listScope, SUMMARY_COLUMNS } from './views.ts';

const DICTIONARY_FIELDS: { field: 'industries' | 'disciplines'; dictionary: DictionaryKind }[] = [
  { field: 'industries', dictionary: 'industry' },
  { field: 'disciplines', dictionary: 'discipline' },
];

/**
 * The three lists: enterprise technical demands, talent cooperation demands
 * and tech achievements. Owners (the posting organisation or person) draft and
 * submit; operators review, publish and curate; the deadline expires items.
 * This class is the module's face to routes, jobs and other modules: posting,
 * editing and reading items are here; status changes are in transitions.ts
 * (machine.ts decides them), exports in export.ts, imports in imports.ts.
 */
export class ListsService {
  private readonly transitions: ListTransitions;
  private readonly imports: ListImports;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly dictionaries: DictionaryService,
    private readonly clock: Clock,
    readonly changes: ChangeFeed = new ChangeFeed(),
  ) {
    this.transitions = new ListTransitions(database, audit, dictionaries, clock, changes);
    this.imports = new ListImports(audit, dictionaries, clock, changes);
  }

  async list(actor: Actor, kind: ListKind, query: ListItemsQuery) {
    const { items, total, totalCapped } = await new ListsRepository(this.database.db).list(
      kind,
      listScope(actor),
      query,
      SUMMARY_COLUMNS,
    );
    const dict = await this.dictionaries.snapshot();
    return {
      // The rows hold the summary's columns alone (the page's SQL reads no others).
      items: items.map((row) => itemSummary(actor, row, dict)),
      total,
      totalCapped,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: Actor, kind: ListKind, id: string): Promise<ListItemView> {
    const row = await findItem(this.database.db, actor, kind, id);
    return itemView(actor, row, await this.dictionaries.snapshot());
  }

  /** One item's row for other modules (matching), if the caller may see it. */
  async row(actor: Actor, kind: ListKind, id: string): Promise<ListItemRow> {
    return findItem(this.database.db, actor, kind, id);
  }

  /**
   * The items among these ids (any kind) the caller may see, for other
   * modules (activities feature them); `db` is the caller's transaction when it has one.
   */
  async visibleRows(
    actor: Actor,
    ids: readonly string[],
    db: Executor = this.database.db,
  ): Promise<ListItemRow[]> {
    return new ListsRepository(db).visible(ids, listScope(actor));
  }

  /** An enterprise's open technical demands the caller may see (newest first). */
  async openDemandsOf(actor: Actor, enterpriseId: string): Promise<ListItemRow[]> {
    return new ListsRepository(this.database.db).openDemandsOf(enterpriseId, listScope(actor));
  }

  async create(actor: Actor, kind: ListKind, input: Record<string, unknown>): Promise<ListItemView> {
    if (!actor.permissions.has('lists.manage') && !LIST_POSTERS[kind].includes(actor.role)) {
      throw listsError('LIST_KIND_NOT_ALLOWED');
    }
    const dict = await this.dictionaries.snapshot();
    checkCodes(input, dict);
    const row = await this.database.transaction(async (tx) => {
      const repo = new ListsRepository(tx);
      const now = this.clock.now();
      if (typeof input.code === 'string') await this.refuseTakenCode(repo, actor, kind, input.code);
      const code = typeof input.code === 'string' ? input.code : await numbered(repo, kind, now);
      const owner = await this.owner(tx, actor, input);
      // A region left out (neither chosen nor written) is the owner's, else the caller's own.
      const regionLeftOut = input.regionCode === undefined && !input.regionText;
      const regionCode = regionLeftOut
        ? (owner.regionCode ?? ownRegion(actor))
        : ((input.regionCode as string | null | undefined) ?? null);
      const values = {
        ...itemValues({ ...input, code, ...(regionLeftOut ? { regionCode } : {}) }, dict),
        ...owner.columns,
        kind,
        scopeRegion: maintainingRegion(actor, regionCode),
        status: 'draft',
        statusChangedAt: now,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      } as ListItemInsert;
      values.searchText = listSearchText(values as Partial<ListItemRow>, dict);
      const created = await repo.insert(values).catch((err) => rethrowDuplicate(err, input));
      await this.audit.record(tx, actor, itemAudit('create', null, created));
      return created;
    });
    this.changes.publish(kind, [row.id]);
    return itemView(actor, row, dict);
  }

  /**
   * A draft demand of an enterprise, written for it by someone who is not
   * its account (a commissioner refining what it said at a visit): owned by
   * the enterprise's organisation, whose accounts confirm it by submitting it
   * (or change or drop it). Runs in the caller's transaction, with the code
   * lists read before it (`codeLists()`: on PGlite's one connection a read
   * outside the open transaction would wait for it); the caller publishes
   * `changes` once that commits.
   */
  async draftDemandFor(
    tx: Executor,
    actor: Actor,
    enterprise: {
      id: string;
      organisationId: string | null;
      name: string;
      regionCode: string | null;
      industries: string[];
    },
    input: { title: string; description: string; keywords: readonly string[]; deadline?: string | undefined },
    dict: DictionarySnapshot,
  ): Promise<ListItemRow> {
    const repo = new ListsRepository(tx);
    const now = this.clock.now();
    const code = await numbered(repo, 'demands', now);
    const values = {
      ...itemValues(
        {
          code,
          title: input.title,
          description: input.description,
          keywords: [...input.keywords],
          deadline: input.deadline,
          regionCode: enterprise.regionCode,
          // The enterprise's industries, which matching reads, until it says otherwise.
          industries: enterprise.industries,
        },
        dict,
      ),
      enterpriseId: enterprise.id,
      organisationId: enterprise.organisationId,
      ownerName: enterprise.name,
      kind: 'demands',
      scopeRegion: enterprise.regionCode ?? actor.regionCode,
      status: 'draft',
      statusChangedAt: now,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    } as ListItemInsert;
    values.searchText = listSearchText(values as Partial<ListItemRow>, dict);
    const created = await repo.insert(values);
    await this.audit.record(tx, actor, itemAudit('create', null, created));
    return created;
  }

  /** The code lists as they are now, for work about to open a transaction (draftDemandFor). */
  codeLists(): Promise<DictionarySnapshot> {
    return this.dictionaries.snapshot();
  }

  async update(
    actor: Actor,
    kind: ListKind,
    id: string,
    input: Record<string, unknown> & { version: number },
  ): Promise<ListItemView> {
    const dict = await this.dictionaries.snapshot();
    const { version, ...fields } = input;
    checkCodes(fields, dict);
    const row = await this.database.transaction(async (tx) => {
      const before = await findItem(tx, actor, kind, id);
      const parties = listParties(actor, before);
      if (parties.length === 0) throw listsError('LIST_NOT_YOURS');
      if (!editable(before.status, parties)) {
        throw listsError('LIST_NOT_EDITABLE', {
          params: { status: STATUS_NAMES[before.status].zh },
        });
      }
      const repo = new ListsRepository(tx);
      if (typeof fields.code === 'string' && fields.code !== before.code) {
        await this.refuseTakenCode(repo, actor, kind, fields.code);
      }
      // Owners cannot hand their item to another organisation; operators may relink it.
      if (!parties.includes('operator')) {
        delete fields.enterpriseId;
        delete fields.institutionId;
      }
      const values: Record<string, unknown> = {
        ...itemValues(fields, dict, before),
        ...(fields.enterpriseId !== undefined || fields.institutionId !== undefined
          ? (await this.owner(tx, actor, fields)).columns
          : {}),
        updatedAt: this.clock.now(),
      };
      if ('regionCode' in fields) {
        const regionCode = (fields.regionCode as string | null) ?? null;
        if (regionCode && regionInScope(regionCode, scopeOf(actor))) values.scopeRegion = regionCode;
        if (regionCode) values.regionText = null;
      }
      const touched = new Set(Object.keys(fields));
      values.flags = before.flags.filter((f) => !touched.has(f.field));
      values.searchText = listSearchText({ ...before, ...values } as Partial<ListItemRow>, dict);
      const after = await repo
        .updateVersioned(before.id, version, values)
        .catch((err) => rethrowDuplicate(err, fields));
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      await this.audit.record(tx, actor, itemAudit('update', before, after));
      return after;
    });
    this.changes.publish(kind, [row.id]);
    return itemView(actor, row, dict);
  }

  /** The one way an item changes status (transitions.ts). */
  async transition(...args: Parameters<ListTransitions['transition']>): Promise<ListItemView> {
    return this.transitions.transition(...args);
  }

  /** Published items past their deadline become expired (a scheduled job; also run at start). */
  async expireDue(): Promise<number> {
    return this.transitions.expireDue();
  }

  /**
   * 「该需求是否已解决？」: an order of the demand closed with an outcome (orders calls this
   * in the transaction of the confirmation), so its enterprise is asked; it answers with
   * solve (已解决) or keepOpen (尚未解决). True when asked: only a demand being worked on is.
   */
  async askSolved(tx: Executor, demandId: string): Promise<boolean> {
    // (Nothing matching reads changes: the change feed is not told.)
    return (await new ListsRepository(tx).askSolved(demandId, this.clock.now())) !== undefined;
  }

  /** The list as a sheet, with the list's filters (export.ts). */
  async export(
    actor: Actor,
    kind: ListKind,
    query: Partial<ListItemsQuery>,
    format: 'xlsx' | 'csv',
    locale: Locale,
  ) {
    const dict = await this.dictionaries.snapshot();
    return exportList(this.database.db, kind, listScope(actor), query, dict, {
      format,
      locale,
      now: this.clock.now(),
    });
  }

  /** The three lists as import kinds for platform/io (imports.ts). */
  importKinds(): ImportKind<Record<string, unknown>>[] {
    return this.imports.kinds();
  }

  /** A code another item holds: named when the caller may see that item, otherwise only refused. */
  private async refuseTakenCode(repo: ListsRepository, actor: Actor, kind: ListKind, code: string) {
    const [taken] = await repo.byCodes(kind, [code]);
    if (!taken) return;
    if ((await repo.visible([taken.id], listScope(actor))).length === 0) {
      throw listsError('LIST_CODE_REGISTERED', { params: { code } });
    }
    throw listsError('LIST_CODE_TAKEN', { params: { code: taken.code, title: taken.title } });
  }

  /**
   * What a new item starts with where the form leaves it to the platform: the region of
   * its owner (the caller's enterprise or institution), else the caller's own county or
   * city. The form shows it; a create that leaves the region out gets the same.
   */
  async defaults(actor: Actor): Promise<{ regionCode: string | null; regionName: string | null }> {
    const owned = await this.ownRecord(this.database.db, actor);
    const regionCode = owned?.record.regionCode ?? ownRegion(actor);
    return { regionCode, regionName: regionName(regionCode) };
  }

  /**
   * The owner of a new item — the caller's own organisation, or the enterprise/institution
   * an operator names — as columns, and the owner record's region.
   */
  private async owner(
    tx: Executor,
    actor: Actor,
    input: Record<string, unknown>,
  ): Promise<{ columns: Record<string, unknown>; regionCode: string | null }> {
    if (!actor.permissions.has('lists.manage')) {
      const own = await this.ownRecord(tx, actor);
      return {
        columns: {
          organisationId: actor.organisationId,
          enterpriseId: own?.enterpriseId ?? null,
          institutionId: own?.institutionId ?? null,
          ownerName: (input.ownerName as string | undefined) ?? own?.record.name ?? actor.displayName,
        },
        regionCode: own?.record.regionCode ?? null,
      };
    }
    const references = new References(tx, actor);
    const notFound = () => listsError('LIST_NOT_FOUND');
    const linkRule = { anyOrganisation: true, archived: true };
    const columns: Record<string, unknown> = {};
    let regionCode: string | null = null;
    // Named both, the institution is applied last: its organisation owns the item.
    const links = [
      ['enterpriseId', 'enterprises'],
      ['institutionId', 'institutions'],
    ] as const;
    for (const [field, registryKind] of links) {
      const id = input[field];
      if (typeof id !== 'string') continue;
      const linked = await references.one(registryKind, id, notFound, linkRule);
      Object.assign(columns, {
        [field]: linked.id,
        organisationId: linked.organisationId,
        ownerName: input.ownerName ?? linked.name,
      });
      regionCode = linked.regionCode ?? regionCode;
    }
    return { columns, regionCode };
  }

  /** The enterprise (else the institution) record of the caller's organisation, if it has one. */
  private async ownRecord(db: Executor, actor: Actor) {
    const org = actor.organisationId;
    if (!org || actor.permissions.has('lists.manage')) return undefined;
    const registry = new RegistryRepository(db);
    const enterprise = await registry.byColumn('enterprises', 'organisationId', org);
    if (enterprise) return { enterpriseId: enterprise.id, institutionId: null, record: enterprise };
    const institution = await registry.byColumn('institutions', 'organisationId', org);
    return institution
      ? { enterpriseId: null, institutionId: institution.id, record: institution }
      : undefined;
  }
}

function checkCodes(input: Record<string, unknown>, dict: DictionarySnapshot) {
  for (const { field, dictionary } of DICTIONARY_FIELDS) {
    for (const code of (input[field] as string[] | undefined) ?? []) {
      if (!dict.has(dictionary, code)) {
        throw registryError('REGISTRY_DICTIONARY_CODE_UNKNOWN', {
          params: { code, dictionary },
          fields: [{ path: `body.${field}`, message: `未知代码 ${code}` }],
        });
      }
    }
  }
}

function rethrowDuplicate(err: unknown, input: Record<string, unknown>): never {
  if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
    throw listsError('LIST_CODE_REGISTERED', { params: { code: String(input.code ?? '') }, cause: err });
  }
  throw err;
}

/** The caller's own region when it is a county or a city (a province office's is too wide to be a record's). */
function ownRegion(actor: Actor): string | null {
  const level = regionLevel(actor.regionCode);
  return level === 'city' || level === 'county' ? actor.regionCode : null;
}

/** The next 编号 of the kind this China year, at least three digits: XQ-2026-009, XQ-2026-1000. */
async function numbered(repo: ListsRepository, kind: ListKind, now: Date): Promise<string> {
  const prefix = `${LIST_CODE_PREFIX[kind]}-${chinaDate(now).slice(0, 4)}-`;
  return `${prefix}${String(await repo.nextNumber(kind, prefix)).padStart(3, '0')}`;
}
