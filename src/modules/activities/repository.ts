import {
  and,
  asc,
  between,
  count,
  desc,
  eq,
  exists,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  ne,
  or,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm';
import {
  regionFilterCondition,
  regionPrefixBounds,
  regionPrefixCondition,
} from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/like.ts';
import { nextNumber } from '../../platform/db/numbering.ts';
import { pageRowOf, pageWithTotal, preparedOnce, selectPage } from '../../platform/db/pages.ts';
import { startOfChinaDay } from '../../reference/china-time.ts';
import type { ActivitiesExportQuery } from './contract.ts';
import type { ActivityKind } from './kinds.ts';
import type { ActivityStatus, RegistrationStatus } from './machine.ts';
import {
  type ActivityRow,
  activities as a,
  activityItems,
  activityOutcomes,
  meetings,
  type OutcomePartyRow,
  outcomeParties,
  type RegistrationRow,
  registrations as r,
} from './schema.ts';

/** The registry records an outcome names as its parties, by kind. */
export interface OutcomePartyIds {
  institutionIds: readonly string[];
  enterpriseIds: readonly string[];
  talentIds: readonly string[];
}

/**
 * Who sees which activities: organisers (activities.manage) every activity of
 * their region; anyone else the activities of their city that are out of
 * draft, and any they registered for.
 */
export interface ActivityScope {
  regionPrefix: string;
  manager: boolean;
  userId: string;
  organisationId: string | null;
}

export interface Counts {
  confirmed: number;
  /** Confirmed registrations that take a seat (invited employers, hosts and speakers do not). */
  seated: number;
  pending: number;
  waitlisted: number;
  checkedIn: number;
}

/** An activity no one has registered for yet. */
export const NO_COUNTS: Counts = { confirmed: 0, seated: 0, pending: 0, waitlisted: 0, checkedIn: 0 };

/** The activities list's filters as the repository reads them (dates are China dates, both ends included). */
export function listFilter(q: Omit<ActivitiesExportQuery, 'format'>) {
  return {
    kind: q.kind,
    status: q.status,
    q: q.q,
    regionCode: q.regionCode,
    ...(q.from ? { from: startOfChinaDay(q.from) } : {}),
    ...(q.to ? { to: new Date(Date.parse(`${q.to}T23:59:59.999+08:00`)) } : {}),
    mine: q.mine === 'true',
  };
}

export class ActivitiesRepository {
  constructor(private readonly db: Executor) {}

  /** The caller's own registrations: theirs, or their organisation's. */
  mineCondition(scope: ActivityScope): SQL {
    return or(
      eq(r.userId, scope.userId),
      scope.organisationId ? eq(r.organisationId, scope.organisationId) : undefined,
    )!;
  }

  private scoped(scope: ActivityScope): SQL | undefined {
    if (scope.manager) return regionPrefixCondition(a.scopeRegion, scope.regionPrefix);
    const registered = exists(
      this.db
        .select({ one: sql`1` })
        .from(r)
        .where(and(eq(r.activityId, a.id), this.mineCondition(scope))),
    );
    return or(
      and(regionPrefixCondition(a.scopeRegion, scope.regionPrefix), ne(a.status, 'draft')),
      registered,
    );
  }

  async list(
    scope: ActivityScope,
    q: {
      kind?: ActivityKind | undefined;
      status?: ActivityStatus | undefined;
      q?: string | undefined;
      regionCode?: string | undefined;
      from?: Date | undefined;
      to?: Date | undefined;
      mine?: boolean;
      page: number;
      pageSize: number;
    },
  ) {
    const where = and(
      this.scoped(scope),
      q.kind ? eq(a.kind, q.kind) : undefined,
      q.status ? eq(a.status, q.status) : undefined,
      q.q
        ? or(ilike(a.title, containing(q.q)), ilike(a.code, containing(q.q)), ilike(a.place, containing(q.q)))
        : undefined,
      regionFilterCondition(a.regionCode, q.regionCode),
      q.from ? gte(a.endsAt, q.from) : undefined,
      q.to ? lte(a.startsAt, q.to) : undefined,
      q.mine
        ? exists(
            this.db
              .select({ one: sql`1` })
              .from(r)
              .where(and(eq(r.activityId, a.id), this.mineCondition(scope), ne(r.status, 'cancelled'))),
          )
        : undefined,
    );
    const offset = (q.page - 1) * q.pageSize;
    const plain =
      scope.manager && !q.kind && !q.status && !q.q && !q.regionCode && !q.from && !q.to && !q.mine;
    const rows = plain
      ? await this.managerPage(scope, q.pageSize, offset)
      : await this.pageQuery(where, q.pageSize, offset);
    return pageWithTotal(
      rows.map(({ row, total, counts }) => ({ row: { ...pageRowOf(a).read(row), counts }, total })),
      q.page,
      async () => {
        const [total] = await this.db.select({ n: count() }).from(a).where(where);
        return total?.n ?? 0;
      },
    );
  }

  /**
   * A page, latest first, each row beside the count of every match (pageWithTotal) and its
   * registrations' counts (as counts() has them), in one statement. (The activity's id is named
   * with its table: drizzle leaves the table out of a one-table select, and in the subquery a bare
   * "id" is the registration's.)
   */
  private pageQuery(where: SQL | undefined, limit: number | Placeholder, offset: number | Placeholder) {
    return selectPage(
      this.db,
      {
        row: pageRowOf(a).value,
        total: sql<number>`${this.db.select({ n: sql`count(*)::int` }).from(a).where(where)}`,
        counts: sql<Counts>`(select json_build_object(
            'confirmed', count(*) filter (where x.status = 'confirmed'),
            'seated', count(*) filter (where x.status = 'confirmed' and x.seated),
            'pending', count(*) filter (where x.status = 'pending'),
            'waitlisted', count(*) filter (where x.status = 'waitlisted'),
            'checkedIn', count(*) filter (where x.checked_in_at is not null and x.status = 'confirmed'))
          from ${r} x where x.activity_id = ${a}.${sql.identifier('id')})`,
      },
      a,
      { where, orderBy: [desc(a.startsAt), asc(a.code)], limit, offset },
    );
  }

  /**
   * An organiser's list with no filter (what the page opens with) by a prepared statement:
   * the region's bounds are its parameters.
   */
  private managerPage(scope: ActivityScope, limit: number, offset: number) {
    const region = regionPrefixBounds(scope.regionPrefix);
    const name = `activities_page_manager${region ? '_region' : ''}`;
    const statement = preparedOnce(this.db, name, () =>
      this.pageQuery(
        region ? between(a.scopeRegion, sql.placeholder('low'), sql.placeholder('high')) : undefined,
        sql.placeholder('limit'),
        sql.placeholder('offset'),
      ).prepare(name),
    );
    return statement.execute({ low: region?.[0], high: region?.[1], limit, offset });
  }

  async byId(id: string, scope: ActivityScope): Promise<ActivityRow | undefined> {
    const [row] = await this.db
      .select()
      .from(a)
      .where(and(eq(a.id, id), this.scoped(scope)));
    return row;
  }

  /** The row, locked for the rest of the transaction: seat decisions take turns per activity. */
  async lock(id: string): Promise<ActivityRow | undefined> {
    const [row] = await this.db.select().from(a).where(eq(a.id, id)).for('update');
    return row;
  }

  async byIdUnscoped(id: string): Promise<ActivityRow | undefined> {
    const [row] = await this.db.select().from(a).where(eq(a.id, id));
    return row;
  }

  /** The next number of the activities whose 编号 starts `prefix` (HD-20260320-). */
  nextNumber(prefix: string): Promise<number> {
    return nextNumber(this.db, a, a.code, prefix);
  }

  async insert(values: typeof a.$inferInsert): Promise<ActivityRow> {
    const [row] = await this.db.insert(a).values(values).returning();
    return row!;
  }

  async update(id: string, version: number, values: Partial<typeof a.$inferInsert>, status?: ActivityStatus) {
    const [row] = await this.db
      .update(a)
      .set({ ...values, version: sql`${a.version} + 1` })
      .where(and(eq(a.id, id), eq(a.version, version), status ? eq(a.status, status) : undefined))
      .returning();
    return row;
  }

  async featured(activityId: string): Promise<string[]> {
    const rows = await this.db
      .select({ id: activityItems.listItemId })
      .from(activityItems)
      .where(eq(activityItems.activityId, activityId));
    return rows.map((x) => x.id);
  }

  async setFeatured(activityId: string, ids: readonly string[]): Promise<void> {
    await this.db.delete(activityItems).where(eq(activityItems.activityId, activityId));
    if (ids.length > 0) {
      await this.db.insert(activityItems).values(ids.map((listItemId) => ({ activityId, listItemId })));
    }
  }

  async counts(activityIds: readonly string[]): Promise<Map<string, Counts>> {
    const out = new Map<string, Counts>();
    if (activityIds.length === 0) return out;
    const rows = await this.db
      .select({
        activityId: r.activityId,
        confirmed: sql<number>`count(*) filter (where ${r.status} = 'confirmed')::int`,
        seated: sql<number>`count(*) filter (where ${r.status} = 'confirmed' and ${r.seated})::int`,
        pending: sql<number>`count(*) filter (where ${r.status} = 'pending')::int`,
        waitlisted: sql<number>`count(*) filter (where ${r.status} = 'waitlisted')::int`,
        checkedIn: sql<number>`count(*) filter (where ${r.checkedInAt} is not null and ${r.status} = 'confirmed')::int`,
      })
      .from(r)
      .where(inArray(r.activityId, [...activityIds]))
      .groupBy(r.activityId);
    for (const row of rows) out.set(row.activityId, row);
    return out;
  }

  // ---- registrations ----

  async registrations(
    activityId: string,
    q: {
      status?: RegistrationStatus | undefined;
      role?: string | undefined;
      q?: string | undefined;
      mobileHash?: string | undefined;
      checkedIn?: boolean | undefined;
      page: number;
      pageSize: number;
    },
  ) {
    const where = and(
      eq(r.activityId, activityId),
      q.status ? eq(r.status, q.status) : undefined,
      q.role ? eq(r.role, q.role) : undefined,
      q.q ? or(ilike(r.name, containing(q.q)), ilike(r.organisationName, containing(q.q))) : undefined,
      q.checkedIn === undefined ? undefined : q.checkedIn ? isNotNull(r.checkedInAt) : isNull(r.checkedInAt),
    );
    const items = await this.db
      .select()
      .from(r)
      .where(where)
      .orderBy(asc(r.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [total] = await this.db.select({ n: count() }).from(r).where(where);
    return { items, total: total?.n ?? 0 };
  }

  async allRegistrations(activityId: string): Promise<RegistrationRow[]> {
    return this.db.select().from(r).where(eq(r.activityId, activityId)).orderBy(asc(r.seq));
  }

  async registration(activityId: string, id: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(r)
      .where(and(eq(r.activityId, activityId), eq(r.id, id)));
    return row;
  }

  async registrationsByIds(ids: readonly string[]): Promise<Map<string, RegistrationRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .select()
      .from(r)
      .where(inArray(r.id, [...ids]));
    return new Map(rows.map((x) => [x.id, x]));
  }

  async liveByIdentity(activityId: string, identity: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(r)
      .where(and(eq(r.activityId, activityId), eq(r.identity, identity), ne(r.status, 'cancelled')));
    return row;
  }

  /** Which of these identities hold a registration of the activity that counts as live for its unique index (any but cancelled). */
  async heldIdentities(activityId: string, identities: readonly string[]): Promise<Set<string>> {
    if (identities.length === 0) return new Set();
    const rows = await this.db
      .select({ identity: r.identity })
      .from(r)
      .where(
        and(eq(r.activityId, activityId), inArray(r.identity, [...identities]), ne(r.status, 'cancelled')),
      );
    return new Set(rows.map((x) => x.identity));
  }

  async mine(activityId: string, scope: ActivityScope): Promise<RegistrationRow[]> {
    return this.db
      .select()
      .from(r)
      .where(and(eq(r.activityId, activityId), this.mineCondition(scope), ne(r.status, 'cancelled')))
      .orderBy(asc(r.seq));
  }

  /** Confirmed registrations that hold a seat. */
  async seatsTaken(activityId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(r)
      .where(and(eq(r.activityId, activityId), eq(r.status, 'confirmed'), eq(r.seated, true)));
    return row?.n ?? 0;
  }

  /** The waiting list in order (first come, first served). */
  async waitlist(activityId: string): Promise<RegistrationRow[]> {
    return this.db
      .select()
      .from(r)
      .where(and(eq(r.activityId, activityId), eq(r.status, 'waitlisted')))
      .orderBy(asc(r.seq));
  }

  /** The activity's registration with this 签到码 (any status; unique within the activity). */
  async registrationByShortCode(activityId: string, shortCode: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(r)
      .where(and(eq(r.activityId, activityId), eq(r.shortCode, shortCode)));
    return row;
  }

  async insertRegistration(values: typeof r.$inferInsert): Promise<RegistrationRow> {
    const [row] = await this.db.insert(r).values(values).returning();
    return row!;
  }

  async updateRegistration(id: string, version: number, values: Partial<typeof r.$inferInsert>) {
    const [row] = await this.db
      .update(r)
      .set({ ...values, version: sql`${r.version} + 1` })
      .where(and(eq(r.id, id), eq(r.version, version)))
      .returning();
    return row;
  }

  // ---- meetings ----

  async meetings(activityId: string) {
    return this.db
      .select()
      .from(meetings)
      .where(eq(meetings.activityId, activityId))
      .orderBy(asc(meetings.slot), asc(meetings.tableNo), asc(meetings.createdAt));
  }

  async meeting(activityId: string, id: string) {
    const [row] = await this.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.activityId, activityId), eq(meetings.id, id)));
    return row;
  }

  async insertMeetings(values: (typeof meetings.$inferInsert)[]): Promise<number> {
    if (values.length === 0) return 0;
    const rows = await this.db
      .insert(meetings)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: meetings.id });
    return rows.length;
  }

  async updateMeeting(id: string, version: number, values: Partial<typeof meetings.$inferInsert>) {
    const [row] = await this.db
      .update(meetings)
      .set({ ...values, version: sql`${meetings.version} + 1` })
      .where(and(eq(meetings.id, id), eq(meetings.version, version)))
      .returning();
    return row;
  }

  async placeMeeting(id: string, slot: number | null, tableNo: number | null): Promise<void> {
    await this.db.update(meetings).set({ slot, tableNo }).where(eq(meetings.id, id));
  }

  // ---- outcomes ----

  /** What the activities' outcomes add up to, per activity and kind (the count and the amount). */
  async outcomeTotals(activityIds: readonly string[]) {
    if (activityIds.length === 0) return [];
    return this.db
      .select({
        activityId: activityOutcomes.activityId,
        kind: activityOutcomes.kind,
        count: sql<number>`sum(${activityOutcomes.count})::int`,
        amountFen: sql<string | null>`sum(${activityOutcomes.amountFen})::bigint`,
      })
      .from(activityOutcomes)
      .where(inArray(activityOutcomes.activityId, [...activityIds]))
      .groupBy(activityOutcomes.activityId, activityOutcomes.kind);
  }

  async outcomes(activityId: string) {
    return this.db
      .select()
      .from(activityOutcomes)
      .where(eq(activityOutcomes.activityId, activityId))
      .orderBy(asc(activityOutcomes.createdAt), asc(activityOutcomes.id));
  }

  /** Writes an outcome and the parties it names (ids already resolved in the caller's scope). */
  async insertOutcome(values: typeof activityOutcomes.$inferInsert, parties: OutcomePartyIds) {
    const [row] = await this.db.insert(activityOutcomes).values(values).returning();
    const outcomeId = row!.id;
    const rows = [
      ...[...new Set(parties.institutionIds)].map((institutionId) => ({ outcomeId, institutionId })),
      ...[...new Set(parties.enterpriseIds)].map((enterpriseId) => ({ outcomeId, enterpriseId })),
      ...[...new Set(parties.talentIds)].map((talentId) => ({ outcomeId, talentId })),
    ];
    if (rows.length > 0) await this.db.insert(outcomeParties).values(rows);
    return row!;
  }

  async outcomeParties(outcomeIds: readonly string[]): Promise<OutcomePartyRow[]> {
    if (outcomeIds.length === 0) return [];
    return this.db
      .select()
      .from(outcomeParties)
      .where(inArray(outcomeParties.outcomeId, [...outcomeIds]));
  }

  async deleteOutcome(activityId: string, id: string) {
    const [row] = await this.db
      .delete(activityOutcomes)
      .where(and(eq(activityOutcomes.activityId, activityId), eq(activityOutcomes.id, id)))
      .returning();
    return row;
  }
}
