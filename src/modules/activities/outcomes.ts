import type { Actor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import { exportXlsx } from '../../platform/io/workbook.ts';
import { chinaDate, chinaDateTime } from '../../reference/china-time.ts';
import type { ListsService } from '../lists/service.ts';
import type { OrdersService } from '../orders/service.ts';
import { References } from '../registry/references.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { OUTCOME_PARTY_KINDS, OUTCOME_WITH_AMOUNT, type OutcomePartyKind } from './constants.ts';
import type { ActivityOutcomeInput, OutcomeParty } from './contract.ts';
import { activitiesError } from './errors.ts';
import { type ActivityKind, type ActivityOutcomeKind, KINDS, OUTCOME_NAMES } from './kinds.ts';
import { ActivitiesRepository, type OutcomePartyIds } from './repository.ts';
import type { ActivityRow, OutcomePartyRow, RegistrationRow } from './schema.ts';
import type { ActivitiesService } from './service.ts';

/** What a party's kind is called in a refusal (OUTCOME_LINK_UNKNOWN). */
const PARTY_WHAT: Record<OutcomePartyKind, string> = {
  institution: '高校院所',
  enterprise: '企业',
  talent: '人才',
};

/** The registry records behind registrations, as an outcome's parties (the registration it came from). */
export function partiesOf(...people: (RegistrationRow | undefined)[]): OutcomePartyIds {
  const ids = (pick: (r: RegistrationRow) => string | null) =>
    people.map((r) => (r ? pick(r) : null)).filter((x): x is string => !!x);
  return {
    institutionIds: ids((r) => r.institutionId),
    enterpriseIds: ids((r) => r.enterpriseId),
    talentIds: ids((r) => r.talentId),
  };
}

/** The kind and record id of a party row (one of its three columns is set). */
function partyOf(row: OutcomePartyRow): { kind: OutcomePartyKind; id: string } {
  if (row.institutionId) return { kind: 'institution', id: row.institutionId };
  if (row.enterpriseId) return { kind: 'enterprise', id: row.enterpriseId };
  return { kind: 'talent', id: row.talentId! };
}

/**
 * 活动成效: the outcomes an organiser records — typed, counted, linked to the
 * demand or achievement and the order they concern, and naming all their
 * parties (the institutions, enterprises and experts that signed, the
 * employer and the person hired), each resolved in the organiser's scope.
 */
export class ActivityOutcomes {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly activities: ActivitiesService,
    private readonly lists: ListsService,
    private readonly orders: OrdersService,
  ) {}

  async list(actor: Actor, id: string) {
    const activity = await this.activities.find(this.database.db, actor, id);
    return this.result(this.database.db, actor, activity);
  }

  /** 成效登记 by an organiser: the kind must be one the activity's kind records; links and parties must be records the organiser sees. */
  async add(actor: Actor, id: string, input: ActivityOutcomeInput) {
    return this.database.transaction(async (tx) => {
      const activity = await this.activities.managed(tx, actor, id);
      await this.record(tx, actor, activity, input);
      return this.result(tx, actor, activity);
    });
  }

  /**
   * One outcome written and audited in the open transaction, by hand or from a sheet's row
   * (outcomes-import.ts): checked as a request is, on a date not after today's China date.
   */
  async record(
    tx: Executor,
    actor: Actor,
    activity: ActivityRow,
    input: ActivityOutcomeInput,
  ): Promise<void> {
    const kind = KINDS[activity.kind as ActivityKind];
    if (!kind.outcomes.includes(input.kind)) {
      throw activitiesError('OUTCOME_KIND_INVALID', { params: { kind: OUTCOME_NAMES[input.kind].zh } });
    }
    if (input.amountYuan !== undefined && input.kind !== OUTCOME_WITH_AMOUNT) {
      throw activitiesError('OUTCOME_AMOUNT_ONLY_AGREEMENT');
    }
    const now = this.clock.now();
    const today = chinaDate(now);
    // ISO dates compare as text.
    if (input.happenedOn && input.happenedOn > today) {
      throw activitiesError('ACTIVITY_OUTCOME_DATE_IN_FUTURE', { params: { today } });
    }
    const person = await this.checkLinks(tx, actor, activity.id, input);
    // The registration it came from names its records too.
    const from = partiesOf(person);
    const parties: OutcomePartyIds = {
      institutionIds: [...(input.institutionIds ?? []), ...from.institutionIds],
      enterpriseIds: [...(input.enterpriseIds ?? []), ...from.enterpriseIds],
      talentIds: [...(input.talentIds ?? []), ...from.talentIds],
    };
    const row = await new ActivitiesRepository(tx).insertOutcome(
      {
        activityId: activity.id,
        kind: input.kind,
        count: input.kind === 'agreement' ? 1 : input.count,
        amountFen: input.amountYuan === undefined ? null : Math.round(input.amountYuan * 100),
        note: input.note ?? null,
        listItemId: input.listItemId ?? null,
        orderId: input.orderId ?? null,
        registrationId: input.registrationId ?? null,
        happenedOn: input.happenedOn ?? happenedOn(activity, now),
        createdBy: actor.userId,
        createdAt: now,
      },
      parties,
    );
    // The audit row's own time and actor are when it was entered and by whom; happenedOn is when it happened.
    await this.audit.record(tx, actor, {
      action: 'activity.outcome.add',
      entity: 'activity',
      entityId: activity.id,
      regionCode: activity.scopeRegion,
      changes: {
        outcome: {
          to: {
            id: row.id,
            kind: row.kind,
            count: row.count,
            amountFen: row.amountFen,
            happenedOn: row.happenedOn,
            ...Object.fromEntries(Object.entries(parties).filter(([, ids]) => ids.length > 0)),
          },
        },
      },
    });
  }

  async remove(actor: Actor, id: string, outcomeId: string) {
    return this.database.transaction(async (tx) => {
      const activity = await this.activities.managed(tx, actor, id);
      const row = await new ActivitiesRepository(tx).deleteOutcome(id, outcomeId);
      if (!row) throw activitiesError('OUTCOME_NOT_FOUND');
      await this.audit.record(tx, actor, {
        action: 'activity.outcome.remove',
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: {
          outcome: { from: { id: row.id, kind: row.kind, count: row.count, amountFen: row.amountFen } },
        },
      });
      return this.result(tx, actor, activity);
    });
  }

  /** 成效表 as Excel: each outcome with its parties by kind. */
  async export(actor: Actor, id: string, locale: Locale) {
    const activity = await this.activities.managed(this.database.db, actor, id);
    const { items } = await this.result(this.database.db, actor, activity);
    const en = locale === 'en-US';
    const columns: ColumnSpec[] = [
      { key: 'kind', header: '成效类型', headerEn: 'Outcome' },
      { key: 'count', header: '数量', headerEn: 'Count' },
      { key: 'amount', header: '金额（元）', headerEn: 'Amount (CNY)' },
      { key: 'listItem', header: '关联需求/成果', headerEn: 'Demand / achievement' },
      { key: 'order', header: '关联订单', headerEn: 'Order' },
      { key: 'institution', header: '高校院所', headerEn: 'Universities and institutes' },
      { key: 'enterprise', header: '企业', headerEn: 'Enterprises' },
      { key: 'person', header: '人员', headerEn: 'People' },
      { key: 'note', header: '说明', headerEn: 'Note' },
      { key: 'happenedOn', header: '日期', headerEn: 'Date' },
      { key: 'at', header: '登记时间', headerEn: 'Recorded' },
    ];
    const names = (parties: OutcomeParty[], kind: OutcomePartyKind) =>
      parties
        .filter((p) => p.kind === kind)
        .map((p) => p.name)
        .join('、');
    const rows = items.map((o) => ({
      kind: en ? OUTCOME_NAMES[o.kind].en : OUTCOME_NAMES[o.kind].zh,
      count: o.count,
      amount: o.amountYuan ?? '',
      happenedOn: o.happenedOn,
      listItem: o.listItem ? `${o.listItem.code} ${o.listItem.title}` : '',
      order: o.order?.code ?? '',
      institution: names(o.parties, 'institution'),
      enterprise: names(o.parties, 'enterprise'),
      person: names(o.parties, 'talent') || (o.registration?.name ?? ''),
      note: o.note ?? '',
      at: chinaDateTime(new Date(o.createdAt)),
    }));
    return {
      fileName: `${activity.title}-成效表.xlsx`,
      data: await exportXlsx(en ? 'Outcomes' : '成效表', columns, rows, locale),
    };
  }

  /** Every id the outcome names, in the organiser's scope; the registration it came from, if any. */
  private async checkLinks(
    tx: Executor,
    actor: Actor,
    activityId: string,
    input: ActivityOutcomeInput,
  ): Promise<RegistrationRow | undefined> {
    if (input.listItemId && (await this.lists.visibleRows(actor, [input.listItemId], tx)).length === 0) {
      throw activitiesError('OUTCOME_LINK_UNKNOWN', { params: { what: '需求或成果' } });
    }
    if (input.orderId && !(await this.orders.codeOf(actor, input.orderId, tx))) {
      throw activitiesError('OUTCOME_LINK_UNKNOWN', { params: { what: '服务订单' } });
    }
    const references = new References(tx, actor);
    const missing = (kind: OutcomePartyKind) => () =>
      activitiesError('OUTCOME_LINK_UNKNOWN', { params: { what: PARTY_WHAT[kind] } });
    // Parties of any organisation of the region; archived ones too (an agreement outlives the record).
    const rule = { anyOrganisation: true, archived: true };
    await references.all('institutions', input.institutionIds ?? [], missing('institution'), rule);
    await references.all('enterprises', input.enterpriseIds ?? [], missing('enterprise'), rule);
    await references.all('talents', input.talentIds ?? [], missing('talent'), rule);
    if (!input.registrationId) return undefined;
    const person = await new ActivitiesRepository(tx).registration(activityId, input.registrationId);
    if (!person) throw activitiesError('OUTCOME_LINK_UNKNOWN', { params: { what: '报名人员' } });
    return person;
  }

  private async result(db: Executor, actor: Actor, activity: ActivityRow) {
    const repo = new ActivitiesRepository(db);
    const rows = await repo.outcomes(activity.id);
    const ids = (pick: (r: (typeof rows)[number]) => string | null) => [
      ...new Set(rows.map(pick).filter((x): x is string => !!x)),
    ];
    const listItems = new Map(
      (
        await this.lists.visibleRows(
          actor,
          ids((r) => r.listItemId),
          db,
        )
      ).map((x) => [x.id, x]),
    );
    const partyRows = await repo.outcomeParties(rows.map((r) => r.id));
    const parties = await this.partyRecords(db, partyRows);
    const people = await repo.registrationsByIds(ids((r) => r.registrationId));
    const orderCodes = new Map<string, string>();
    for (const orderId of ids((r) => r.orderId)) {
      const code = await this.orders.codeOf(actor, orderId, db);
      if (code) orderCodes.set(orderId, code);
    }
    const totals = new Map<ActivityOutcomeKind, { count: number; amountFen: number }>();
    for (const r of rows) {
      const t = totals.get(r.kind as ActivityOutcomeKind) ?? { count: 0, amountFen: 0 };
      t.count += r.count;
      t.amountFen += r.amountFen ?? 0;
      totals.set(r.kind as ActivityOutcomeKind, t);
    }
    return {
      items: rows.map((r) => {
        const item = r.listItemId ? listItems.get(r.listItemId) : undefined;
        const p = r.registrationId ? people.get(r.registrationId) : undefined;
        return {
          id: r.id,
          kind: r.kind as ActivityOutcomeKind,
          count: r.count,
          amountYuan: r.amountFen === null ? null : r.amountFen / 100,
          note: r.note,
          listItem: item ? { id: item.id, kind: item.kind, code: item.code, title: item.title } : null,
          order:
            r.orderId && orderCodes.has(r.orderId)
              ? { id: r.orderId, code: orderCodes.get(r.orderId)! }
              : null,
          parties: partyRows
            .filter((x) => x.outcomeId === r.id)
            .map((x) => parties.get(partyKey(partyOf(x))))
            .filter((x): x is OutcomeParty => !!x)
            .sort(
              (a, b) =>
                OUTCOME_PARTY_KINDS.indexOf(a.kind) - OUTCOME_PARTY_KINDS.indexOf(b.kind) ||
                a.code.localeCompare(b.code),
            ),
          registration: p ? { id: p.id, name: p.name } : null,
          happenedOn: r.happenedOn,
          createdAt: r.createdAt.toISOString(),
        };
      }),
      totals: [...totals].map(([kind, t]) => ({ kind, count: t.count, amountYuan: t.amountFen / 100 })),
    };
  }

  /** The parties' codes and names (records already linked: shown whatever their region). */
  private async partyRecords(db: Executor, rows: readonly OutcomePartyRow[]) {
    const registry = new RegistryRepository(db);
    const wanted = (kind: OutcomePartyKind) => [
      ...new Set(
        rows
          .map(partyOf)
          .filter((x) => x.kind === kind)
          .map((x) => x.id),
      ),
    ];
    const found: [OutcomePartyKind, Map<string, { id: string; code: string; name: string }>][] = [
      ['institution', await registry.linkedByIds('institutions', wanted('institution'))],
      ['enterprise', await registry.linkedByIds('enterprises', wanted('enterprise'))],
      ['talent', await registry.linkedByIds('talents', wanted('talent'))],
    ];
    const out = new Map<string, OutcomeParty>();
    for (const [kind, records] of found) {
      for (const r of records.values()) {
        out.set(partyKey({ kind, id: r.id }), { kind, id: r.id, code: r.code, name: r.name });
      }
    }
    return out;
  }
}

const partyKey = (p: { kind: OutcomePartyKind; id: string }) => `${p.kind}:${p.id}`;

/** An outcome entered without its date happened on the activity's last day, or today if that is still to come. */
export function happenedOn(activity: Pick<ActivityRow, 'endsAt'>, now: Date): string {
  const today = chinaDate(now);
  const last = chinaDate(activity.endsAt);
  // ISO dates compare as text.
  return last.localeCompare(today) < 0 ? last : today;
}
