import type { Actor } from '../../platform/access/actor.ts';
import { maintainingRegion, scopeOf } from '../../platform/access/scope.ts';
import type { AuditEntry, AuditService } from '../../platform/audit/service.ts';
import type { ChangeFeed } from '../../platform/changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { ImportKind } from '../../platform/io/import.ts';
import { chinaDate, startOfChinaDay } from '../../reference/china-time.ts';
import type { DictionaryService } from '../registry/dictionaries.ts';
import { preparedRow } from '../registry/kinds.ts';
import { RegistryRepository } from '../registry/repository.ts';
import type { Flag } from '../registry/schema.ts';
import { listFromCells, PUBLISHED_ONCE } from './cells.ts';
import type { ListKind } from './contract.ts';
import { LIST_KIND_DEFS } from './kinds.ts';
import type { Status } from './machine.ts';
import { ListsRepository } from './repository.ts';
import type { ListItemInsert, ListItemRow } from './schema.ts';
import { itemAudit, itemChanges, itemValues, listSearchText } from './values.ts';

/**
 * The lists as import kinds (platform/io runs the preview and the batches):
 * rows are upserted by code, owners are found by name in the registries, and
 * a row that changes nothing is not written.
 */
export class ListImports {
  constructor(
    private readonly audit: AuditService,
    private readonly dictionaries: DictionaryService,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {}

  kinds(): ImportKind<Record<string, unknown>>[] {
    return Object.values(LIST_KIND_DEFS).map((def) => ({
      kind: def.kind,
      label: def.label,
      permission: 'lists.manage',
      columns: def.columns,
      prepare: async (db) => {
        const dict = await this.dictionaries.snapshot(db);
        const ctx = { dict, cipher: null as never };
        const today = chinaDate(this.clock.now());
        return (cells) => {
          const outcome = listFromCells(def, cells, ctx, today);
          return preparedRow(outcome, def.input, def.columns, {
            status: outcome.status,
            publishedOn: outcome.publishedOn,
          });
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
    const fresh: ListItemInsert[] = [];
    let created = 0;
    let updated = 0;
    for (const input of inputs) {
      const {
        flags: cellFlags,
        status,
        publishedOn,
        ...fields
      } = input as Record<string, unknown> & {
        flags: Flag[];
        status: Status | null;
        publishedOn: string | null;
      };
      const flags = [...cellFlags];
      const owner = typeof fields.ownerName === 'string' ? owners.get(fields.ownerName) : undefined;
      if (typeof fields.ownerName === 'string' && !owner) {
        flags.push({ field: 'ownerName', value: fields.ownerName, reason: '单位尚未登记，已按原文保留' });
      }
      const before = existing.get(String(fields.code));
      const values: Record<string, unknown> = {
        ...itemValues(fields, dict, before),
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
      if (publishedOn) {
        // Entered after the fact: published on the sheet's day (the audit row keeps when it was entered).
        if (PUBLISHED_ONCE.includes(status ?? before?.status ?? 'published')) {
          const unchanged = before?.publishedAt && chinaDate(before.publishedAt) === publishedOn;
          if (!unchanged)
            values.publishedAt = publishedOn === chinaDate(now) ? now : startOfChinaDay(publishedOn);
        } else {
          flags.push({
            field: 'publishedAt',
            value: publishedOn,
            reason: '草稿或待审核的条目，发布日期未使用',
          });
        }
      }
      values.scopeRegion = maintainingRegion(
        actor,
        (fields.regionCode as string | null) ?? null,
        before?.scopeRegion,
      );
      values.searchText = listSearchText({ ...before, ...values } as Partial<ListItemRow>, dict);
      if (before) {
        if (Object.keys(itemChanges(before, { ...before, ...values })).length === 0) {
          updated++;
          continue;
        }
        const after = await repo.updateVersioned(before.id, before.version, values);
        if (!after) throw httpError('VERSION_CONFLICT');
        changed.push(after.id);
        audits.push(itemAudit('import.update', before, after));
        updated++;
      } else {
        const publishedAt = (values.publishedAt as Date | undefined) ?? null;
        fresh.push({
          ...(values as ListItemInsert),
          kind,
          status: status ?? 'published',
          // A published row of an earlier day has been in that status since then.
          statusChangedAt: (status ?? 'published') === 'published' ? (publishedAt ?? now) : now,
          publishedAt: publishedAt ?? ((status ?? 'published') === 'published' ? now : null),
          createdBy: actor.userId,
          createdAt: now,
        });
        created++;
      }
    }
    for (const row of await repo.insertMany(fresh)) {
      changed.push(row.id);
      audits.push(itemAudit('import.create', null, row));
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
}
