import type { Actor, AuditActor } from '../../platform/access/actor.ts';
import { maintainingRegion, regionInScope, scopeOf } from '../../platform/access/scope.ts';
import { diffChanges } from '../../platform/audit/changes.ts';
import type { AuditEntry, AuditService } from '../../platform/audit/service.ts';
import { ChangeFeed } from '../../platform/changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ImportKind } from '../../platform/io/import.ts';
import { exportFile } from '../../platform/io/workbook.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { DictionaryKind } from '../../reference/dictionaries/index.ts';
import { extractKeywords } from '../../platform/text/analyzer.ts';
import { decide, statusRefusalParams } from '../../platform/workflow.ts';
import type { DictionaryService, DictionarySnapshot } from '../registry/dictionaries.ts';
import { registryError } from '../registry/errors.ts';
import { preparedRow } from '../registry/kinds.ts';
import { References } from '../registry/references.ts';
import { RegistryRepository } from '../registry/repository.ts';
import type { Flag } from '../registry/schema.ts';
import { LIST_POSTERS } from './constants.ts';
import type { ListItemsQuery, ListItemView, ListKind } from './contract.ts';
import { listsError } from './errors.ts';
import { LIST_KIND_DEFS, listExportRow, listFromCells, listSearchText, listView } from './kinds.ts';
import {
  type Action,
  actionsFor,
  editable,
  type Party,
  LIST_WORKFLOW,
  STATUS_NAMES,
  type Status,
} from './machine.ts';
import { type ListScope, ListsRepository } from './repository.ts';
import type { ListItemRow } from './schema.ts';

const DICTIONARY_FIELDS: { field: 'industries' | 'disciplines'; dictionary: DictionaryKind }[] = [
  { field: 'industries', dictionary: 'industry' },
  { field: 'disciplines', dictionary: 'discipline' },
];

/** Bookkeeping columns left out of audit diffs. */
const IGNORED = ['updatedAt', 'version', 'createdAt', 'searchText', 'industryTags', 'disciplineTags'];

/**
 * The three lists: enterprise technical demands, talent cooperation demands
 * and tech achievements. Owners (the posting organisation or person) draft and
 * submit; operators review, publish and curate; the deadline expires items.
 * Every status change goes through `transition`, which checks machine.ts.
 */
export class ListsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly dictionaries: DictionaryService,
    private readonly clock: Clock,
    readonly changes: ChangeFeed = new ChangeFeed(),
  ) {}

  scopeFor(actor: Actor): ListScope {
    const scope = scopeOf(actor);
    return {
      regionPrefix: scope.regionPrefix,
      manager: actor.permissions.has('lists.manage'),
      organisationId: actor.organisationId,
      userId: actor.userId,
    };
  }

  async list(actor: Actor, kind: ListKind, query: ListItemsQuery) {
    const { items, total, totalCapped } = await new ListsRepository(this.database.db).list(
      kind,
      this.scopeFor(actor),
      query,
    );
    const dict = await this.dictionaries.snapshot();
    return {
      items: items.map((row) => this.view(actor, row, dict)),
      total,
      totalCapped,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: Actor, kind: ListKind, id: string): Promise<ListItemView> {
    const row = await this.find(this.database.db, actor, kind, id);
    return this.view(actor, row, await this.dictionaries.snapshot());
  }

  /** One item's row for other modules (matching), if the caller may see it. */
  async row(actor: Actor, kind: ListKind, id: string): Promise<ListItemRow> {
    return this.find(this.database.db, actor, kind, id);
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
    return new ListsRepository(db).visible(ids, this.scopeFor(actor));
  }

  /** An enterprise's open technical demands the caller may see (newest first). */
  async openDemandsOf(actor: Actor, enterpriseId: string): Promise<ListItemRow[]> {
    return new ListsRepository(this.database.db).openDemandsOf(enterpriseId, this.scopeFor(actor));
  }

  async create(actor: Actor, kind: ListKind, input: Record<string, unknown>): Promise<ListItemView> {
    const def = LIST_KIND_DEFS[kind];
    if (!actor.permissions.has('lists.manage') && !LIST_POSTERS[kind].includes(actor.role)) {
      throw listsError('LIST_KIND_NOT_ALLOWED');
    }
    const dict = await this.dictionaries.snapshot();
    checkCodes(input, dict);
    const row = await this.database.transaction(async (tx) => {
      const repo = new ListsRepository(tx);
      await this.refuseTakenCode(repo, actor, kind, String(input.code));
      const owner = await this.owner(tx, actor, input);
      const now = this.clock.now();
      const values = {
        ...this.values(input, dict),
        ...owner,
        kind,
        scopeRegion: maintainingRegion(actor, (input.regionCode as string | null) ?? null),
        status: 'draft',
        statusChangedAt: now,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      } as typeof import('./schema.ts').listItems.$inferInsert;
      values.searchText = listSearchText(values as Partial<ListItemRow>, dict);
      const created = await repo.insert(values).catch((err) => rethrowDuplicate(err, input));
      await this.audit.record(tx, actor, {
        action: `${def.entity}.create`,
        entity: def.entity,
        entityId: created.id,
        regionCode: created.scopeRegion,
        changes: diffChanges(null, created as unknown as Record<string, unknown>, [], IGNORED),
      });
      return created;
    });
    this.changes.publish(kind, [row.id]);
    return this.view(actor, row, dict);
  }

  async update(
    actor: Actor,
    kind: ListKind,
    id: string,
    input: Record<string, unknown> & { version: number },
  ): Promise<ListItemView> {
    const def = LIST_KIND_DEFS[kind];
    const dict = await this.dictionaries.snapshot();
    const { version, ...fields } = input;
    checkCodes(fields, dict);
    const row = await this.database.transaction(async (tx) => {
      const before = await this.find(tx, actor, kind, id);
      const parties = this.parties(actor, before);
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
        ...this.values(fields, dict, before),
        ...(fields.enterpriseId !== undefined || fields.institutionId !== undefined
          ? await this.owner(tx, actor, fields)
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
      await this.audit.record(tx, actor, {
        action: `${def.entity}.update`,
        entity: def.entity,
        entityId: before.id,
        regionCode: after.scopeRegion,
        changes: diffChanges(
          before as unknown as Record<string, unknown>,
          after as unknown as Record<string, unknown>,
          [],
          IGNORED,
        ),
      });
      return after;
    });
    this.changes.publish(kind, [row.id]);
    return this.view(actor, row, dict);
  }

  /**
   * The one way an item changes status: the action must be in the table for
   * the item's current status and one of the caller's parties; the update is a
   * compare-and-set on version and status, audited in the same transaction.
   */
  async transition(
    actor: Actor,
    kind: ListKind,
    id: string,
    request: { action: Action; version: number; reason?: string | undefined },
  ): Promise<ListItemView> {
    const dict = await this.dictionaries.snapshot();
    const row = await this.database.transaction(async (tx) => {
      const before = await this.find(tx, actor, kind, id);
      const parties = this.parties(actor, before);
      if (parties.length === 0) throw listsError('LIST_NOT_YOURS');
      return this.move(tx, actor, before, request, parties);
    });
    this.changes.publish(kind, [row.id]);
    return this.view(actor, row, dict);
  }

  private async move(
    tx: Executor,
    actor: Actor | AuditActor,
    before: ListItemRow,
    request: { action: Action; version: number; reason?: string | undefined },
    parties: readonly Party[],
  ): Promise<ListItemRow> {
    const status = before.status;
    const verdict = decide(LIST_WORKFLOW, status, request.action, parties, request.reason);
    if (!verdict.ok) {
      if (verdict.refusal === 'status') {
        throw listsError('LIST_TRANSITION_NOT_ALLOWED', {
          params: statusRefusalParams(LIST_WORKFLOW, status, request.action),
          details: { status, version: before.version },
        });
      }
      throw listsError(verdict.refusal === 'party' ? 'LIST_NOT_YOURS' : 'LIST_REASON_REQUIRED');
    }
    const to = verdict.to;
    const now = this.clock.now();
    const today = chinaDate(now);
    if (to === 'published' && before.deadline && before.deadline < today) {
      throw listsError('LIST_DEADLINE_PASSED', { params: { deadline: before.deadline } });
    }
    const after = await new ListsRepository(tx).updateVersioned(
      before.id,
      request.version,
      {
        status: to,
        statusReason: request.reason ?? null,
        statusChangedAt: now,
        updatedAt: now,
        ...(to === 'published' && !before.publishedAt ? { publishedAt: now } : {}),
      },
      status,
    );
    if (!after) {
      throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version, status } });
    }
    const def = LIST_KIND_DEFS[before.kind as ListKind];
    await this.audit.record(tx, actor, {
      action: `${def.entity}.${request.action}`,
      entity: def.entity,
      entityId: before.id,
      regionCode: after.scopeRegion,
      changes: {
        status: { from: status, to },
        ...(request.reason ? { reason: { to: request.reason } } : {}),
      },
    });
    return after;
  }

  /** Published items past their deadline become expired (a scheduled job; also run at start). */
  async expireDue(): Promise<number> {
    const today = chinaDate(this.clock.now());
    const system = { userId: null, displayName: 'system', role: null, ip: null, requestId: null };
    let expired = 0;
    for (;;) {
      const due = await new ListsRepository(this.database.db).overdue(today, 500);
      if (due.length === 0) return expired;
      const moved = await this.database.transaction(async (tx) => {
        const out: ListItemRow[] = [];
        for (const row of due) {
          out.push(await this.move(tx, system, row, { action: 'expire', version: row.version }, ['system']));
        }
        return out;
      });
      for (const kind of new Set(moved.map((r) => r.kind))) {
        this.changes.publish(
          kind,
          moved.filter((r) => r.kind === kind).map((r) => r.id),
        );
      }
      expired += moved.length;
      if (due.length < 500) return expired;
    }
  }

  async export(
    actor: Actor,
    kind: ListKind,
    query: Partial<ListItemsQuery>,
    format: 'xlsx' | 'csv',
    locale: Locale,
  ) {
    const def = LIST_KIND_DEFS[kind];
    const dict = await this.dictionaries.snapshot();
    const rows: Record<string, string | number | null>[] = [];
    for await (const batch of new ListsRepository(this.database.db).iterate(
      kind,
      this.scopeFor(actor),
      query,
    )) {
      for (const row of batch) rows.push(listExportRow(row, dict));
    }
    const title = locale === 'en-US' ? def.label.en : def.label.zh;
    return exportFile(title, def.columns, rows, format, locale, this.clock.now());
  }

  // ---------- imports ----------

  importKinds(): ImportKind<Record<string, unknown>>[] {
    return Object.values(LIST_KIND_DEFS).map((def) => ({
      kind: def.kind,
      label: def.label,
      permission: 'lists.manage',
      columns: def.columns,
      prepare: async (db) => {
        const dict = await this.dictionaries.snapshot(db);
        const ctx = { dict, cipher: null as never };
        return (cells) => {
          const outcome = listFromCells(def, cells, ctx);
          return preparedRow(outcome, def.input, def.columns, { status: outcome.status });
        };
      },
      existing: async (db, actor, codes) => {
        const scope = scopeOf(actor);
        const rows = await new ListsRepository(db).byCodes(def.kind, codes);
        return new Map(
          rows.map((r) => [r.code, { id: r.id, inScope: r.scopeRegion.startsWith(scope.regionPrefix) }]),
        );
      },
      // A code taken between the check and the write (another import, a form): that row only is refused.
      constraints: {
        list_items_kind_code_uq: { column: '编号', message: '该编号已被使用（导入期间被登记），未导入' },
      },
      tables: ['list_items'],
      commitBatch: (tx, actor, rows) =>
        this.commitImportBatch(
          tx,
          actor,
          def.kind,
          rows.map((r) => r.data),
        ),
      afterCommit: (outcome) => {
        for (const change of outcome.changed ?? []) this.changes.publish(change.entity, change.ids);
      },
    }));
  }

  private async commitImportBatch(
    tx: Executor,
    actor: Actor,
    kind: ListKind,
    inputs: Record<string, unknown>[],
  ) {
    const def = LIST_KIND_DEFS[kind];
    const dict = await this.dictionaries.snapshot(tx);
    const repo = new ListsRepository(tx);
    const existing = new Map(
      (
        await repo.byCodes(
          kind,
          inputs.map((i) => String(i.code)),
        )
      ).map((r) => [r.code, r]),
    );
    const owners = await this.ownersByName(tx, actor, def.owner, inputs);
    const now = this.clock.now();
    const audits: AuditEntry[] = [];
    const changed: string[] = [];
    const fresh: typeof import('./schema.ts').listItems.$inferInsert[] = [];
    let created = 0;
    let updated = 0;
    for (const input of inputs) {
      const {
        flags: cellFlags,
        status,
        ...fields
      } = input as Record<string, unknown> & {
        flags: Flag[];
        status: Status | null;
      };
      const flags = [...cellFlags];
      const owner = typeof fields.ownerName === 'string' ? owners.get(fields.ownerName) : undefined;
      if (typeof fields.ownerName === 'string' && !owner) {
        flags.push({ field: 'ownerName', value: fields.ownerName, reason: '单位尚未登记，已按原文保留' });
      }
      const before = existing.get(String(fields.code));
      const values: Record<string, unknown> = {
        ...this.values(fields, dict, before),
        ...(owner ?? { enterpriseId: null, institutionId: null }),
        flags,
        updatedAt: now,
      };
      if (owner?.organisationId === undefined) delete values.organisationId;
      if (status) {
        values.status = status;
        if (!before || before.status !== status) values.statusChangedAt = now;
        if (status === 'published' && !before?.publishedAt) values.publishedAt = now;
      }
      values.scopeRegion = maintainingRegion(
        actor,
        (fields.regionCode as string | null) ?? null,
        before?.scopeRegion,
      );
      values.searchText = listSearchText({ ...before, ...values } as Partial<ListItemRow>, dict);
      if (before) {
        const merged = { ...before, ...values } as Record<string, unknown>;
        if (
          Object.keys(diffChanges(before as unknown as Record<string, unknown>, merged, [], IGNORED))
            .length === 0
        ) {
          updated++;
          continue;
        }
        const after = await repo.updateVersioned(before.id, before.version, values);
        if (!after) throw httpError('VERSION_CONFLICT');
        changed.push(after.id);
        audits.push({
          action: `${def.entity}.import.update`,
          entity: def.entity,
          entityId: after.id,
          regionCode: after.scopeRegion,
          changes: diffChanges(
            before as unknown as Record<string, unknown>,
            after as unknown as Record<string, unknown>,
            [],
            IGNORED,
          ),
        });
        updated++;
      } else {
        fresh.push({
          ...(values as typeof import('./schema.ts').listItems.$inferInsert),
          kind,
          status: status ?? 'published',
          statusChangedAt: now,
          publishedAt: (status ?? 'published') === 'published' ? now : null,
          createdBy: actor.userId,
          createdAt: now,
        });
        created++;
      }
    }
    for (const row of await repo.insertMany(fresh)) {
      changed.push(row.id);
      audits.push({
        action: `${def.entity}.import.create`,
        entity: def.entity,
        entityId: row.id,
        regionCode: row.scopeRegion,
        changes: diffChanges(null, row as unknown as Record<string, unknown>, [], IGNORED),
      });
    }
    await this.audit.recordMany(tx, actor, audits);
    return { created, updated, changed: [{ entity: kind, ids: changed }] };
  }

  /**
   * 企业名称 / 完成单位 → the registered enterprise or institution of that
   * exact name in the caller's region (and its organisation); a name
   * registered only elsewhere stays a name.
   */
  private async ownersByName(
    tx: Executor,
    actor: Actor,
    first: 'enterprise' | 'institution',
    inputs: Record<string, unknown>[],
  ) {
    const names = [
      ...new Set(
        inputs.map((i) => i.ownerName).filter((n): n is string => typeof n === 'string' && n !== ''),
      ),
    ];
    const out = new Map<
      string,
      { enterpriseId: string | null; institutionId: string | null; organisationId: string | null }
    >();
    if (names.length === 0) return out;
    const repo = new RegistryRepository(tx);
    const scope = { ...scopeOf(actor), organisationId: null };
    const enterprises = await repo.enterprisesByNames(names, scope);
    const institutions = await repo.institutionsByNames(names, scope);
    const ordered =
      first === 'enterprise'
        ? [...institutions.map((r) => ['i', r] as const), ...enterprises.map((r) => ['e', r] as const)]
        : [...enterprises.map((r) => ['e', r] as const), ...institutions.map((r) => ['i', r] as const)];
    // Later entries win: the preferred registry is applied last.
    for (const [k, r] of ordered) {
      out.set(r.name, {
        enterpriseId: k === 'e' ? r.id : null,
        institutionId: k === 'i' ? r.id : null,
        organisationId: r.organisationId,
      });
    }
    return out;
  }

  // ---------- helpers ----------

  private view(actor: Actor, row: ListItemRow, dict: DictionarySnapshot): ListItemView {
    const parties = this.parties(actor, row);
    return listView(row, dict, {
      actions: actionsFor(row.status, parties).filter((a) => a !== 'expire'),
      editable: editable(row.status, parties),
      own: parties.includes('owner'),
    });
  }

  /** Who the caller is to this item: an operator of its region, its owner, or neither. */
  private parties(actor: Actor, row: ListItemRow): Party[] {
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

  private async find(db: Executor, actor: Actor, kind: ListKind, id: string): Promise<ListItemRow> {
    const row = await new ListsRepository(db).byId(kind, id, this.scopeFor(actor));
    if (!row) throw listsError('LIST_NOT_FOUND');
    return row;
  }

  /** A code another item holds: named when the caller may see that item, otherwise only refused. */
  private async refuseTakenCode(repo: ListsRepository, actor: Actor, kind: ListKind, code: string) {
    const [taken] = await repo.byCodes(kind, [code]);
    if (!taken) return;
    if ((await repo.visible([taken.id], this.scopeFor(actor))).length === 0) {
      throw listsError('LIST_CODE_REGISTERED', { params: { code } });
    }
    throw listsError('LIST_CODE_TAKEN', { params: { code: taken.code, title: taken.title } });
  }

  /** The owner of a new item: the caller's own organisation, or the enterprise/institution an operator names. */
  private async owner(tx: Executor, actor: Actor, input: Record<string, unknown>) {
    const registry = new RegistryRepository(tx);
    if (!actor.permissions.has('lists.manage')) {
      const org = actor.organisationId;
      const enterprise = org ? await registry.byColumn('enterprises', 'organisationId', org) : undefined;
      const institution =
        org && !enterprise ? await registry.byColumn('institutions', 'organisationId', org) : undefined;
      return {
        organisationId: org,
        enterpriseId: enterprise?.id ?? null,
        institutionId: institution?.id ?? null,
        ownerName:
          (input.ownerName as string | undefined) ??
          enterprise?.name ??
          institution?.name ??
          actor.displayName,
      };
    }
    const references = new References(tx, actor);
    const notFound = () => listsError('LIST_NOT_FOUND');
    const linkRule = { anyOrganisation: true, archived: true };
    const out: Record<string, unknown> = {};
    if (typeof input.enterpriseId === 'string') {
      const e = await references.one('enterprises', input.enterpriseId, notFound, linkRule);
      Object.assign(out, {
        enterpriseId: e.id,
        organisationId: e.organisationId,
        ownerName: input.ownerName ?? e.name,
      });
    }
    if (typeof input.institutionId === 'string') {
      const i = await references.one('institutions', input.institutionId, notFound, linkRule);
      Object.assign(out, {
        institutionId: i.id,
        organisationId: i.organisationId,
        ownerName: input.ownerName ?? i.name,
      });
    }
    return out;
  }

  /** Input fields → columns: money in fen, code tags with ancestors, keywords extracted when none were given. */
  private values(input: Record<string, unknown>, dict: DictionarySnapshot, before?: ListItemRow) {
    const v: Record<string, unknown> = {};
    const { amountYuan, enterpriseId: _e, institutionId: _i, ...rest } = input;
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) v[key] = value;
    if (amountYuan !== undefined)
      v.amountFen = amountYuan === null ? null : Math.round((amountYuan as number) * 100);
    if (input.industries !== undefined)
      v.industryTags = dict.withAncestors('industry', input.industries as string[]);
    if (input.disciplines !== undefined) {
      v.disciplineTags = dict.withAncestors('discipline', input.disciplines as string[]);
    }
    const keywords =
      (input.keywords as string[] | undefined) ?? (before?.keywordsExtracted ? [] : before?.keywords);
    if (input.keywords !== undefined || input.title !== undefined || input.description !== undefined) {
      if (keywords && keywords.length > 0) {
        v.keywords = keywords;
        v.keywordsExtracted = false;
      } else {
        const title = (input.title as string | undefined) ?? before?.title ?? '';
        const description = (input.description as string | null | undefined) ?? before?.description ?? '';
        v.keywords = extractKeywords(`${title}。${title}。${description}`, 8);
        v.keywordsExtracted = true;
      }
    }
    return v;
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
