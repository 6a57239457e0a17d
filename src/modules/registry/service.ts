import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.ts';
import { AccessRepository } from '../../platform/access/repository.ts';
import { maintainingRegion, regionInScope, scopeOf } from '../../platform/access/scope.ts';
import { diffChanges } from '../../platform/audit/changes.ts';
import type { AuditEntry, AuditService } from '../../platform/audit/service.ts';
import { UsersRepository } from '../../platform/auth/repository.ts';
import { ChangeFeed } from '../../platform/changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { columnHeader } from '../../platform/io/columns.ts';
import type { ImportKind } from '../../platform/io/import.ts';
import { exportFile } from '../../platform/io/workbook.ts';
import type { ListQuery, RegistryKind } from './contract.ts';
import type { DictionaryService, DictionarySnapshot } from './dictionaries.ts';
import { registryError } from './errors.ts';
import { institutionKindOf, KINDS, type KindDef, preparedRow } from './kinds.ts';
import { References } from './references.ts';
import { type RecordRow, RegistryRepository } from './repository.ts';
import type { Flag } from './schema.ts';

/** Names that are companies rather than universities or institutes (not created as institutions). */
const COMPANY_NAME = /(公司|集团|厂|企业|商行|合作社)$/;

/**
 * The registries: talents and experts, enterprises, institutions and talent
 * stations. Every read is scoped to the caller's region (and organisation);
 * personal data is stored encrypted and shown masked unless revealed, and
 * every change is audited in its transaction.
 */
export class RegistryService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly dictionaries: DictionaryService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed = new ChangeFeed(),
  ) {}

  /** Dictionaries and keys for one operation; inside a transaction pass it (see DictionaryService.load). */
  private async context(reveal = false, db?: Executor) {
    return { dict: await this.dictionaries.snapshot(db), cipher: this.cipher, reveal };
  }

  async list(actor: Actor, kind: RegistryKind, query: ListQuery) {
    const { items, total, totalCapped } = await new RegistryRepository(this.database.db).list(
      kind,
      scopeOf(actor),
      query,
    );
    return {
      items: await this.views(kind, items, false),
      total,
      totalCapped,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: Actor, kind: RegistryKind, id: string) {
    const row = await this.find(this.database.db, actor, kind, id);
    return (await this.views(kind, [row], false))[0]!;
  }

  /** The account a talent's record is linked to, if any. */
  async talentAccount(actor: Actor, id: string) {
    const row = (await this.find(this.database.db, actor, 'talents', id)) as { userId: string | null };
    return { account: row.userId ? await this.accountOf(this.database.db, row.userId) : null };
  }

  /**
   * 关联账号: links a talent's record to an account of the caller's region (the
   * expert then keeps the profile, receives dispatched orders and meeting
   * invitations), or unlinks it. An account serves one record; audited.
   */
  async linkTalentAccount(actor: Actor, id: string, username: string | null) {
    return this.database.transaction(async (tx) => {
      const before = (await this.find(tx, actor, 'talents', id)) as RecordRow & {
        userId: string | null;
        name: string;
        code: string;
        version: number;
        scopeRegion: string;
      };
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
          updatedAt: this.clock.now(),
        });
        if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
        await this.audit.record(tx, actor, {
          action: 'talent.account',
          entity: 'talent',
          entityId: id,
          regionCode: before.scopeRegion,
          changes: { account: { from: before.userId, to: userId } },
        });
      }
      return { account: userId ? await this.accountOf(tx, userId) : null };
    });
  }

  private async accountOf(db: Executor, userId: string) {
    const user = await new UsersRepository(db).byId(userId, { regionPrefix: '', organisationId: null });
    return user
      ? { id: user.id, username: user.username, displayName: user.displayName, role: user.role }
      : null;
  }

  /** The unmasked personal data of one record; every reveal is audited. */
  async reveal(actor: Actor, kind: RegistryKind, id: string) {
    return this.database.transaction(async (tx) => {
      const row = (await this.find(tx, actor, kind, id)) as Record<string, unknown>;
      const { sealed } = KINDS[kind] as KindDef;
      const mobileEnc = (row[sealed.mobile] ?? null) as string | null;
      const idNumberEnc = (sealed.idNumber ? (row[sealed.idNumber] ?? null) : null) as string | null;
      await this.audit.record(tx, actor, {
        action: `${KINDS[kind].entity}.reveal`,
        entity: KINDS[kind].entity,
        entityId: String(row.id),
        regionCode: String(row.scopeRegion),
        changes: {
          revealed: { to: [mobileEnc ? 'mobile' : null, idNumberEnc ? 'idNumber' : null].filter(Boolean) },
        },
      });
      return {
        mobile: mobileEnc ? this.cipher.decrypt(mobileEnc) : null,
        idNumber: idNumberEnc ? this.cipher.decrypt(idNumberEnc) : null,
      };
    });
  }

  async create(actor: Actor, kind: RegistryKind, input: Record<string, unknown>) {
    const def = KINDS[kind] as KindDef;
    const ctx = await this.context();
    this.checkDictionaryCodes(def, input, ctx.dict);
    const row = await this.database.transaction(async (tx) => {
      const repo = new RegistryRepository(tx);
      await this.refuseDuplicates(tx, actor, def, input, null, ctx);
      await this.checkLinks(tx, actor, input);
      const now = this.clock.now();
      const values: Record<string, unknown> = {
        ...def.values(input, ctx),
        scopeRegion: maintainingRegion(actor, (input.regionCode as string | null) ?? null),
        flags: [],
        createdAt: now,
        updatedAt: now,
      };
      values.searchText = def.searchText(values as never, ctx);
      await this.attachOrganisations(tx, actor, kind, [values]);
      const created = await repo.insert(kind, values).catch((err) => rethrowDuplicate(err, input));
      await this.audit.record(tx, actor, {
        action: `${def.entity}.create`,
        entity: def.entity,
        entityId: created.id,
        regionCode: created.scopeRegion,
        changes: diffChanges(null, created as unknown as Record<string, unknown>, def.redact, IGNORED),
      });
      return created;
    });
    this.changes.publish(kind, [row.id]);
    return (await this.views(kind, [row], false))[0]!;
  }

  async update(
    actor: Actor,
    kind: RegistryKind,
    id: string,
    input: Record<string, unknown> & { version: number },
  ) {
    const def = KINDS[kind] as KindDef;
    const ctx = await this.context();
    this.checkDictionaryCodes(def, input, ctx.dict);
    const row = await this.database.transaction(async (tx) => {
      const before = await this.find(tx, actor, kind, id);
      return this.applyUpdate(tx, actor, def, before, input, ctx);
    });
    this.changes.publish(kind, [row.id]);
    return (await this.views(kind, [row], false))[0]!;
  }

  private async applyUpdate(
    tx: Executor,
    actor: Actor,
    def: KindDef,
    before: RecordRow,
    input: Record<string, unknown> & { version: number },
    ctx: { dict: DictionarySnapshot; cipher: FieldCipher },
  ): Promise<RecordRow> {
    const { version, ...fields } = input;
    const repo = new RegistryRepository(tx);
    await this.refuseDuplicates(tx, actor, def, fields, before.id, ctx);
    await this.checkLinks(tx, actor, fields);
    const values: Record<string, unknown> = { ...def.values(fields, ctx), updatedAt: this.clock.now() };
    keepUnchangedSecrets(values, before);
    if ('regionCode' in fields) {
      const regionCode = (fields.regionCode as string | null) ?? null;
      if (
        regionCode &&
        !regionInScope(regionCode, scopeOf(actor)) &&
        !regionInScope(before.scopeRegion, scopeOf(actor))
      ) {
        throw httpError('FORBIDDEN');
      }
      values.scopeRegion =
        regionCode && regionInScope(regionCode, scopeOf(actor)) ? regionCode : before.scopeRegion;
      if (regionCode) values.regionText = null;
    }
    // A field set by hand is no longer a flagged guess.
    const touched = new Set(Object.keys(fields));
    values.flags = (before.flags as Flag[]).filter((f) => !touched.has(f.field));
    values.searchText = def.searchText({ ...before, ...values } as never, ctx);
    const after = await repo
      .updateVersioned(def.kind, before.id, version, values)
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
        def.redact,
        IGNORED,
      ),
    });
    return after;
  }

  /** Archives (or restores) a record: it leaves the lists but keeps its history and links. */
  async setArchived(actor: Actor, kind: RegistryKind, id: string, version: number, archived: boolean) {
    const def = KINDS[kind] as KindDef;
    const row = await this.database.transaction(async (tx) => {
      const before = await this.find(tx, actor, kind, id);
      const after = await new RegistryRepository(tx).updateVersioned(kind, id, version, {
        archivedAt: archived ? this.clock.now() : null,
        updatedAt: this.clock.now(),
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      await this.audit.record(tx, actor, {
        action: `${def.entity}.${archived ? 'archive' : 'restore'}`,
        entity: def.entity,
        entityId: id,
        regionCode: after.scopeRegion,
        changes: { archived: { from: before.archivedAt !== null, to: archived } },
      });
      return after;
    });
    this.changes.publish(kind, [row.id]);
    return (await this.views(kind, [row], false))[0]!;
  }

  /** The filtered list as a spreadsheet; unmasked only with personal.reveal and an explicit request, audited. */
  async export(
    actor: Actor,
    kind: RegistryKind,
    query: Partial<ListQuery>,
    format: 'xlsx' | 'csv',
    reveal: boolean,
    locale: Locale,
  ) {
    if (reveal && !actor.permissions.has('personal.reveal')) throw httpError('FORBIDDEN');
    const def = KINDS[kind] as KindDef;
    const ctx = await this.context(reveal);
    const rows: Record<string, string | number | null>[] = [];
    for await (const batch of new RegistryRepository(this.database.db).iterate(kind, scopeOf(actor), query)) {
      for (const row of batch) rows.push(def.exportRow(row as never, ctx));
    }
    if (reveal) {
      await this.database.transaction((tx) =>
        this.audit.record(tx, actor, {
          action: `${def.entity}.export.reveal`,
          entity: def.entity,
          entityId: '*',
          regionCode: actor.regionCode,
          changes: { rows: { to: rows.length }, filter: { to: query } },
        }),
      );
    }
    const title = locale === 'en-US' ? def.label.en : def.label.zh;
    return exportFile(title, def.columns, rows, format, locale, this.clock.now());
  }

  /** The signed-in expert's own record, or the signed-in enterprise's. */
  async myProfile(actor: Actor) {
    const { kind, row } = await this.ownRecord(this.database.db, actor);
    return { kind, record: (await this.views(kind, [row], true))[0]! };
  }

  /** Experts and enterprises keep their own profiles; who and where they are stays with the operator. */
  async updateMyProfile(actor: Actor, input: Record<string, unknown> & { version: number }) {
    const ctx = await this.context();
    const result = await this.database.transaction(async (tx) => {
      const { kind, row } = await this.ownRecord(tx, actor);
      const def = KINDS[kind] as KindDef;
      const {
        code: _c,
        name: _n,
        regionCode: _r,
        regionText: _t,
        idNumber: _i,
        creditCode: _cc,
        isExpert: _e,
        ...allowed
      } = input;
      this.checkDictionaryCodes(def, allowed, ctx.dict);
      const after = await this.applyUpdate(
        tx,
        actor,
        def,
        row,
        { ...allowed, version: input.version } as never,
        ctx,
      );
      return { kind, row: after };
    });
    this.changes.publish(result.kind, [result.row.id]);
    return { kind: result.kind, record: (await this.views(result.kind, [result.row], true))[0]! };
  }

  private async ownRecord(db: Executor, actor: Actor): Promise<{ kind: RegistryKind; row: RecordRow }> {
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

  private async find(db: Executor, actor: Actor, kind: RegistryKind, id: string): Promise<RecordRow> {
    const row = await new RegistryRepository(db).byId(kind, id, scopeOf(actor));
    if (!row) throw registryError('REGISTRY_NOT_FOUND');
    return row;
  }

  private async views(kind: RegistryKind, rows: RecordRow[], reveal: boolean) {
    const ctx = await this.context(reveal);
    const def = KINDS[kind] as KindDef;
    const expertCounts =
      kind === 'institutions'
        ? await new RegistryRepository(this.database.db).expertCounts(rows.map((r) => r.id))
        : undefined;
    return rows.map((row) => def.view(row as never, { ...ctx, ...(expertCounts ? { expertCounts } : {}) }));
  }

  private checkDictionaryCodes(def: KindDef, input: Record<string, unknown>, dict: DictionarySnapshot) {
    for (const { field, dictionary } of def.dictionaryFields) {
      const value = input[field];
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
  private async refuseDuplicates(
    tx: Executor,
    actor: Actor,
    def: KindDef,
    input: Record<string, unknown>,
    selfId: string | null,
    ctx: { dict: DictionarySnapshot; cipher: FieldCipher },
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
    for (const check of def.unique(input, ctx)) {
      const existing = await repo.byColumn(def.kind, check.column, check.value);
      if (existing && existing.id !== selfId) {
        if (!(await seen(existing))) throw registryError(REGISTERED_ELSEWHERE[check.error]);
        throw registryError(check.error, { params: { name: existing.name, code: existing.code } });
      }
    }
  }

  private async checkLinks(db: Executor, actor: Actor, input: Record<string, unknown>) {
    const references = new References(db, actor);
    const rule = { anyOrganisation: true, archived: true };
    if (typeof input.institutionId === 'string') {
      await references.one(
        'institutions',
        input.institutionId,
        () => registryError('REGISTRY_LINK_NOT_FOUND', { params: { what: '机构' } }),
        rule,
      );
    }
    if (typeof input.enterpriseId === 'string') {
      await references.one(
        'enterprises',
        input.enterpriseId,
        () => registryError('REGISTRY_LINK_NOT_FOUND', { params: { what: '企业' } }),
        rule,
      );
    }
  }

  // ---------- imports ----------

  /** The spreadsheet import of each registry, for platform/io. */
  importKinds(): ImportKind<Record<string, unknown>>[] {
    return (Object.keys(KINDS) as RegistryKind[]).map((kind) => {
      const def = KINDS[kind] as KindDef;
      return {
        kind,
        label: def.label,
        permission: 'registry.manage',
        columns: def.columns,
        prepare: async () => {
          const ctx = await this.context();
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
          def.unique(data, { dict: EMPTY_DICT, cipher: this.cipher }).map((check) => ({
            key: check.column,
            value: check.value,
            column: columnHeader(def.columns, UNIQUE_FIELD[check.error]),
          })),
        holders: async (db, actor, key, values) => {
          const prefix = scopeOf(actor).regionPrefix;
          const rows = await new RegistryRepository(db).byColumnValues(kind, key, values);
          return new Map(
            [...rows].map(([value, r]) => [
              value,
              { code: r.code, inScope: r.scopeRegion.startsWith(prefix) },
            ]),
          );
        },
        constraints: IMPORT_CONSTRAINTS,
        tables: kind === 'talents' ? ['talents', 'institutions'] : [kind],
        commitBatch: (tx, actor, rows) =>
          this.commitImportBatch(
            tx,
            actor,
            def,
            rows.map((r) => r.data),
          ),
        afterCommit: (outcome) => {
          for (const change of outcome.changed ?? []) this.changes.publish(change.entity, change.ids);
        },
      };
    });
  }

  private async commitImportBatch(
    tx: Executor,
    actor: Actor,
    def: KindDef,
    inputs: Record<string, unknown>[],
  ) {
    const ctx = await this.context(false, tx);
    const repo = new RegistryRepository(tx);
    const existing = new Map(
      (
        await repo.byCodes(
          def.kind,
          inputs.map((i) => String(i.code)),
        )
      ).map((r) => [r.code, r]),
    );
    const changed: string[] = [];
    const createdInstitutions =
      def.kind === 'talents' ? await this.linkEmployers(tx, actor, inputs, ctx) : [];
    const audits: AuditEntry[] = [];
    const now = this.clock.now();
    let created = 0;
    let updated = 0;
    const fresh: Record<string, unknown>[] = [];
    // Unique values (ID numbers, credit codes) held by another record were refused row by row when the
    // file was checked (ImportKind.holders); one taken since fails on its unique index, and the import
    // service then writes the batch row by row and reports that row (IMPORT_CONSTRAINTS).
    for (const input of inputs) {
      const { flags, ...fields } = input as Record<string, unknown> & { flags: Flag[] };
      const before = existing.get(String(fields.code));
      if (before) {
        const values: Record<string, unknown> = { ...def.values(fields, ctx), flags, updatedAt: now };
        keepUnchangedSecrets(values, before);
        values.scopeRegion = maintainingRegion(
          actor,
          (fields.regionCode as string | null) ?? null,
          before.scopeRegion,
        );
        values.searchText = def.searchText({ ...before, ...values } as never, ctx);
        const merged = { ...before, ...values } as Record<string, unknown>;
        if (
          Object.keys(diffChanges(before as unknown as Record<string, unknown>, merged, [], IGNORED))
            .length === 0
        ) {
          updated++; // the same record again: nothing to write
          continue;
        }
        const after = await repo.updateVersioned(def.kind, before.id, before.version, values);
        if (!after) throw httpError('VERSION_CONFLICT');
        changed.push(after.id);
        const changes = diffChanges(
          before as unknown as Record<string, unknown>,
          after as unknown as Record<string, unknown>,
          def.redact,
          IGNORED,
        );
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
        const values: Record<string, unknown> = {
          ...def.values(fields, ctx),
          flags,
          scopeRegion: maintainingRegion(actor, (fields.regionCode as string | null) ?? null),
          createdAt: now,
          updatedAt: now,
        };
        values.searchText = def.searchText(values as never, ctx);
        fresh.push(values);
        created++;
      }
    }
    await this.attachOrganisations(tx, actor, def.kind, fresh);
    for (const row of await repo.insertMany(def.kind, fresh)) {
      changed.push(row.id);
      audits.push({
        action: `${def.entity}.import.create`,
        entity: def.entity,
        entityId: row.id,
        regionCode: row.scopeRegion,
        changes: diffChanges(null, row as unknown as Record<string, unknown>, def.redact, IGNORED),
      });
    }
    await this.audit.recordMany(tx, actor, audits);
    return {
      created,
      updated,
      changed: [
        { entity: def.kind, ids: changed },
        { entity: 'institutions', ids: createdInstitutions },
      ],
    };
  }

  /**
   * Enterprises and institutions act on the platform through accounts of an
   * organisation: each new record gets the organisation of the same kind and
   * name (created when there is none), so accounts can be attached to it and
   * see that record's data.
   */
  private async attachOrganisations(
    tx: Executor,
    actor: Actor,
    kind: RegistryKind,
    records: Record<string, unknown>[],
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
        createdAt: this.clock.now(),
      })),
    );
    for (const org of created) byName.set(org.name, org.id);
    if (created.length > 0) {
      await this.audit.recordMany(
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
   * 工作单位 links a talent to an institution (or enterprise) of that exact
   * name; a university or institute that is not registered yet is created.
   */
  private async linkEmployers(
    tx: Executor,
    actor: Actor,
    inputs: Record<string, unknown>[],
    ctx: { dict: DictionarySnapshot; cipher: FieldCipher },
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
      const now = this.clock.now();
      const regionOf = new Map(inputs.map((i) => [i.employerName, (i.regionCode as string | null) ?? null]));
      const def = KINDS.institutions as KindDef;
      const values = missing.map((name) => {
        const regionCode = regionOf.get(name) ?? null;
        const v: Record<string, unknown> = {
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
        v.searchText = def.searchText(v as never, ctx);
        return v;
      });
      await this.attachOrganisations(tx, actor, 'institutions', values);
      const rows = await repo.insertMany('institutions', values);
      await this.audit.recordMany(
        tx,
        actor,
        rows.map((row) => ({
          action: 'institution.import.create',
          entity: 'institution',
          entityId: row.id,
          regionCode: row.scopeRegion,
          changes: diffChanges(null, row as unknown as Record<string, unknown>, def.redact, IGNORED),
        })),
      );
      for (const row of rows) {
        institutions.set(row.name, row.id);
        created.push(row.id);
      }
    }
    for (const input of inputs) {
      const name = input.employerName as string | undefined;
      if (!name) continue;
      if (institutions.has(name)) input.institutionId = institutions.get(name);
      else if (enterprises.has(name)) input.enterpriseId = enterprises.get(name);
    }
    return created;
  }
}

/**
 * Ciphertexts differ on every encryption (random IV): when the lookup hash
 * shows the value is unchanged, keep the stored ciphertext so that nothing
 * is rewritten or audited as changed.
 */
function keepUnchangedSecrets(values: Record<string, unknown>, before: RecordRow): void {
  const stored = before as unknown as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!key.endsWith('Hash')) continue;
    const enc = `${key.slice(0, -4)}Enc`;
    if (values[key] === stored[key]) {
      delete values[key];
      delete values[enc];
    }
  }
}

/** The code of an institution created by a talent import: one per name and maintaining region. */
function autoCode(scopeRegion: string, name: string): string {
  return `AUTO-${createHash('sha1').update(`${scopeRegion}|${name}`).digest('hex').slice(0, 10).toUpperCase()}`;
}

/** The answer to a unique value held by a record outside the caller's scope. */
const REGISTERED_ELSEWHERE = {
  REGISTRY_ID_NUMBER_TAKEN: 'REGISTRY_ID_NUMBER_REGISTERED',
  REGISTRY_CREDIT_CODE_TAKEN: 'REGISTRY_CREDIT_CODE_REGISTERED',
} as const;

/** The template column of each unique value, for import reports. */
const UNIQUE_FIELD = {
  REGISTRY_ID_NUMBER_TAKEN: 'idNumber',
  REGISTRY_CREDIT_CODE_TAKEN: 'creditCode',
} as const;

/** Unique values need no code lists (lookup hashes need only the cipher). */
const EMPTY_DICT = undefined as unknown as DictionarySnapshot;

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

/** Columns that are bookkeeping, not content, in audit diffs. */
const IGNORED = ['updatedAt', 'version', 'createdAt', 'searchText'];

function rethrowDuplicate(err: unknown, input: Record<string, unknown>): never {
  if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
    // A record written between the check and the insert: its holder is not known here.
    throw registryError('REGISTRY_CODE_REGISTERED', {
      params: { code: String(input.code ?? '') },
      cause: err,
    });
  }
  throw err;
}
