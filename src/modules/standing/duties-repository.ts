import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { regionPrefixCondition } from '../../platform/access/scope.ts';
import { users } from '../../platform/auth/schema.ts';
import type { Executor } from '../../platform/db/client.ts';
import { addDays } from '../../reference/china-time.ts';
import { enterprises, talents } from '../registry/schema.ts';
import { DUE_WITHIN_DAYS, type DutySubject } from './constants.ts';
import { contactDuties as d, serviceOccurrences as o } from './schema.ts';

export interface DutyFilter {
  regionPrefix: string;
  id?: string | undefined;
  assigneeUserId?: string | undefined;
  subject?: DutySubject | undefined;
  ended?: boolean | undefined;
}

/** The contact duties (联系服务) with their assignee, whom they keep in touch with, and their occurrences' tallies. */
export class DutiesRepository {
  constructor(private readonly db: Executor) {}

  async duty(id: string, regionPrefix: string) {
    const [row] = await this.db
      .select()
      .from(d)
      .where(and(eq(d.id, id), regionPrefixCondition(d.scopeRegion, regionPrefix)));
    return row;
  }

  /** A new duty; undefined when the assignee already keeps in touch with the same talent or enterprise. */
  async insert(values: typeof d.$inferInsert) {
    const [row] = await this.db.insert(d).values(values).onConflictDoNothing().returning();
    return row;
  }

  /** Compare-and-set on version, only while the duty runs. */
  async update(id: string, version: number, values: Partial<typeof d.$inferInsert>) {
    const [row] = await this.db
      .update(d)
      .set({ ...values, version: sql`${d.version} + 1` })
      .where(and(eq(d.id, id), eq(d.version, version), isNull(d.endedAt)))
      .returning();
    return row;
  }

  /** An active account that may take a duty: an operator (or administrator) of the region. */
  async assignee(userId: string, regionPrefix: string) {
    const [row] = await this.db
      .select({ id: users.id, displayName: users.displayName, regionCode: users.regionCode })
      .from(users)
      .where(
        and(
          eq(users.id, userId),
          eq(users.disabled, false),
          inArray(users.role, ['operator', 'admin']),
          regionPrefixCondition(users.regionCode, regionPrefix),
        ),
      );
    return row;
  }

  private where(q: DutyFilter): SQL | undefined {
    return and(
      regionPrefixCondition(d.scopeRegion, q.regionPrefix),
      q.id ? eq(d.id, q.id) : undefined,
      q.assigneeUserId ? eq(d.assigneeUserId, q.assigneeUserId) : undefined,
      q.subject ? eq(d.subject, q.subject) : undefined,
      q.ended === true ? isNotNull(d.endedAt) : q.ended === false ? isNull(d.endedAt) : undefined,
    );
  }

  async page(q: DutyFilter, today: string, page: number, pageSize: number) {
    const dueUntil = addDays(today, DUE_WITHIN_DAYS);
    const where = this.where(q);
    const rows = await this.db
      .select({
        duty: d,
        assigneeName: users.displayName,
        partyName: sql<string>`coalesce(${talents.name}, ${enterprises.name})`,
        planned: sql<number>`(select count(*)::int from ${o} where ${o.dutyId} = ${d.id})`,
        done: sql<number>`(select count(*)::int from ${o} where ${o.dutyId} = ${d.id} and ${o.recordKind} is not null)`,
        overdue: sql<number>`(select count(*)::int from ${o} where ${o.dutyId} = ${d.id} and ${o.recordKind} is null and ${o.dueOn} < ${today})`,
        due: sql<number>`(select count(*)::int from ${o} where ${o.dutyId} = ${d.id} and ${o.recordKind} is null and ${o.dueOn} >= ${today} and ${o.dueOn} <= ${dueUntil})`,
        lastContactOn: sql<
          string | null
        >`(select max(${o.doneOn})::text from ${o} where ${o.dutyId} = ${d.id})`,
        nextDueOn: sql<
          string | null
        >`(select min(${o.dueOn})::text from ${o} where ${o.dutyId} = ${d.id} and ${o.recordKind} is null and ${o.dueOn} >= ${today})`,
      })
      .from(d)
      .innerJoin(users, eq(users.id, d.assigneeUserId))
      .leftJoin(talents, eq(talents.id, d.talentId))
      .leftJoin(enterprises, eq(enterprises.id, d.enterpriseId))
      .where(where)
      .orderBy(asc(d.endedAt), desc(d.createdAt), asc(d.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(d).where(where);
    return { rows, total: total?.n ?? 0 };
  }
}
