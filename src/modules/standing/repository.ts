import {
  and,
  asc,
  count,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { regionPrefixCondition } from '../../platform/access/scope.ts';
import { users } from '../../platform/auth/schema.ts';
import type { Executor } from '../../platform/db/client.ts';
import { activities } from '../activities/schema.ts';
import { enterprises, stations, talents } from '../registry/schema.ts';
import { teamMembers, teams } from '../teams/schema.ts';
import type { PlannedSession } from './cadence.ts';
import type { CareOccasion, SessionKind, Subject } from './constants.ts';
import {
  contactDuties as d,
  standingVisitFiles as f,
  serviceOccurrences as o,
  servicePlans as p,
  commissionerPairings as pr,
  type ServiceOccurrenceRow,
  type ServicePlanRow,
  standingVisits as v,
} from './schema.ts';

/** The commissioner (occurrence's talent) and the talent a duty keeps in touch with are two joins of talents. */
const commissioner = alias(talents, 'commissioner');
const contact = alias(talents, 'contact');

/** What an occurrence belongs to, as stored on each of its rows. */
export type OccurrenceOwner =
  | { subject: 'team'; ownerId: string; planId: string; teamId: string; scopeRegion: string }
  | { subject: 'commission'; ownerId: string; pairingId: string; talentId: string; scopeRegion: string }
  | { subject: 'duty'; ownerId: string; dutyId: string; assigneeUserId: string; scopeRegion: string };

/** A planned occurrence before it is stored, with a care visit's occasion. */
export type PlannedOccurrence = PlannedSession & { occasion?: CareOccasion };

/** Whose occurrences `mine` lists: the teams one serves in, one's commissioner terms, one's contact duties. */
export interface Responsible {
  userId: string;
  teamIds: readonly string[];
}

/** The occurrences' filters as the repository reads them (China dates, both ends included). */
export interface OccurrenceFilter {
  regionPrefix: string;
  teamIds?: readonly string[] | undefined;
  /** Only those the person answers for. */
  mine?: Responsible | undefined;
  subject?: Subject | undefined;
  pairingId?: string | undefined;
  dutyId?: string | undefined;
  kind?: SessionKind | undefined;
  /** done | overdue | due | planned, against this China date. */
  state?: 'done' | 'overdue' | 'due' | 'planned' | undefined;
  today: string;
  dueUntil: string;
  from?: string | undefined;
  to?: string | undefined;
}

export interface OccurrenceWithRecord extends ServiceOccurrenceRow {
  teamName: string | null;
  /** The commissioner (commission) or the duty's assignee (duty). */
  personName: string | null;
  /** The enterprise of a commission or duty, or the talent a duty keeps in touch with. */
  counterpartName: string | null;
  enterpriseId: string | null;
  /** The talent a duty keeps in touch with. */
  contactTalentId: string | null;
  activityCode: string | null;
  activityTitle: string | null;
  visitSummary: string | null;
  files: number;
}

export class StandingRepository {
  constructor(private readonly db: Executor) {}

  async plan(teamId: string, year: number): Promise<ServicePlanRow | undefined> {
    const [row] = await this.db
      .select()
      .from(p)
      .where(and(eq(p.teamId, teamId), eq(p.year, year)));
    return row;
  }

  /** A new plan; undefined when the team already has one for the year (two people planning at once). */
  async insertPlan(values: typeof p.$inferInsert): Promise<ServicePlanRow | undefined> {
    const [row] = await this.db.insert(p).values(values).onConflictDoNothing().returning();
    return row;
  }

  /** Compare-and-set on version; undefined when the plan changed since it was read. */
  async updatePlan(id: string, version: number, values: Partial<typeof p.$inferInsert>) {
    const [row] = await this.db
      .update(p)
      .set({ ...values, version: sql`${p.version} + 1` })
      .where(and(eq(p.id, id), eq(p.version, version)))
      .returning();
    return row;
  }

  /** Adds the planned occurrences an owner does not hold yet (a slot is its kind, period and place). */
  async addOccurrences(owner: OccurrenceOwner, sessions: readonly PlannedOccurrence[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < sessions.length; i += 500) {
      const rows = await this.db
        .insert(o)
        .values(sessions.slice(i, i + 500).map((s) => ({ ...s, ...owner })))
        .onConflictDoNothing()
        .returning({ id: o.id });
      added += rows.length;
    }
    return added;
  }

  /**
   * Removes an owner's occurrences due on or after a day that nobody has
   * recorded: the future a new cadence replaces, or a term or duty ended.
   */
  async dropUnrecordedFrom(ownerId: string, from: string): Promise<number> {
    const rows = await this.db
      .delete(o)
      .where(and(eq(o.ownerId, ownerId), gte(o.dueOn, from), isNull(o.recordKind)))
      .returning({ id: o.id });
    return rows.length;
  }

  private where(q: OccurrenceFilter): SQL | undefined {
    return and(
      regionPrefixCondition(o.scopeRegion, q.regionPrefix),
      q.teamIds ? (q.teamIds.length ? inArray(o.teamId, [...q.teamIds]) : sql`false`) : undefined,
      q.mine
        ? or(
            q.mine.teamIds.length ? inArray(o.teamId, [...q.mine.teamIds]) : undefined,
            eq(o.assigneeUserId, q.mine.userId),
            inArray(
              o.talentId,
              this.db.select({ id: talents.id }).from(talents).where(eq(talents.userId, q.mine.userId)),
            ),
          )
        : undefined,
      q.subject ? eq(o.subject, q.subject) : undefined,
      q.pairingId ? eq(o.pairingId, q.pairingId) : undefined,
      q.dutyId ? eq(o.dutyId, q.dutyId) : undefined,
      q.kind ? eq(o.kind, q.kind) : undefined,
      q.from ? gte(o.dueOn, q.from) : undefined,
      q.to ? lte(o.dueOn, q.to) : undefined,
      q.state === 'done' ? isNotNull(o.recordKind) : undefined,
      q.state === 'overdue' ? and(isNull(o.recordKind), lt(o.dueOn, q.today)) : undefined,
      q.state === 'due'
        ? and(isNull(o.recordKind), gte(o.dueOn, q.today), lte(o.dueOn, q.dueUntil))
        : undefined,
      q.state === 'planned' ? and(isNull(o.recordKind), sql`${o.dueOn} > ${q.dueUntil}`) : undefined,
    );
  }

  private selectWithRecord() {
    return this.db
      .select({
        occurrence: o,
        teamName: teams.name,
        personName: sql<string | null>`coalesce(${commissioner.name}, ${users.displayName})`,
        counterpartName: sql<string | null>`coalesce(${enterprises.name}, ${contact.name})`,
        enterpriseId: enterprises.id,
        contactTalentId: d.talentId,
        activityCode: activities.code,
        activityTitle: activities.title,
        visitSummary: v.summary,
        files: sql<number>`(select count(*)::int from ${f} where ${f.visitId} = ${o.visitId})`,
      })
      .from(o)
      .leftJoin(teams, eq(teams.id, o.teamId))
      .leftJoin(pr, eq(pr.id, o.pairingId))
      .leftJoin(commissioner, eq(commissioner.id, o.talentId))
      .leftJoin(d, eq(d.id, o.dutyId))
      .leftJoin(users, eq(users.id, o.assigneeUserId))
      .leftJoin(contact, eq(contact.id, d.talentId))
      .leftJoin(enterprises, eq(enterprises.id, sql`coalesce(${pr.enterpriseId}, ${d.enterpriseId})`))
      .leftJoin(activities, eq(activities.id, o.activityId))
      .leftJoin(v, eq(v.id, o.visitId));
  }

  private static flatten(
    rows: Awaited<ReturnType<StandingRepository['selectWithRecord']>>,
  ): OccurrenceWithRecord[] {
    return rows.map((r) =>
      Object.assign(r.occurrence, {
        teamName: r.teamName,
        personName: r.personName,
        counterpartName: r.counterpartName,
        enterpriseId: r.enterpriseId,
        contactTalentId: r.contactTalentId,
        activityCode: r.activityCode,
        activityTitle: r.activityTitle,
        visitSummary: r.visitSummary,
        files: Number(r.files),
      }),
    );
  }

  async page(q: OccurrenceFilter, page: number, pageSize: number) {
    const where = this.where(q);
    const rows = await this.selectWithRecord()
      .where(where)
      .orderBy(asc(o.dueOn), asc(o.subject), asc(o.ownerId), asc(o.kind), asc(o.seq))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(o).where(where);
    return { items: StandingRepository.flatten(rows), total: total?.n ?? 0 };
  }

  /** Every occurrence of a plan, pairing or duty, in the order they fall due. */
  async ofOwner(ownerId: string): Promise<OccurrenceWithRecord[]> {
    const rows = await this.selectWithRecord()
      .where(eq(o.ownerId, ownerId))
      .orderBy(asc(o.dueOn), asc(o.kind), asc(o.seq));
    return StandingRepository.flatten(rows);
  }

  async occurrence(id: string, regionPrefix: string): Promise<OccurrenceWithRecord | undefined> {
    const rows = await this.selectWithRecord().where(
      and(eq(o.id, id), regionPrefixCondition(o.scopeRegion, regionPrefix)),
    );
    return StandingRepository.flatten(rows)[0];
  }

  /**
   * Sets a session's record once: only while it has none (compare-and-set),
   * so of two people recording at once one succeeds and the other is told.
   */
  async setRecord(
    id: string,
    values: Pick<
      typeof o.$inferInsert,
      'recordKind' | 'activityId' | 'visitId' | 'doneOn' | 'recordedAt' | 'recordedBy' | 'recordedByName'
    >,
  ): Promise<boolean> {
    const rows = await this.db
      .update(o)
      .set({ ...values, version: sql`${o.version} + 1` })
      .where(and(eq(o.id, id), isNull(o.recordKind)))
      .returning({ id: o.id });
    return rows.length === 1;
  }

  /** Takes a session's record back (compare-and-set on the version it was read at); the visit log itself stays. */
  async clearRecord(id: string, version: number): Promise<boolean> {
    const rows = await this.db
      .update(o)
      .set({
        recordKind: null,
        activityId: null,
        visitId: null,
        doneOn: null,
        recordedAt: null,
        recordedBy: null,
        recordedByName: null,
        overdueNotifiedAt: null,
        version: sql`${o.version} + 1`,
      })
      .where(and(eq(o.id, id), eq(o.version, version), isNotNull(o.recordKind)))
      .returning({ id: o.id });
    return rows.length === 1;
  }

  /** Who recorded a session, for the one who came second. */
  async recordedBy(id: string) {
    const [row] = await this.db
      .select({ by: o.recordedByName, at: o.recordedAt })
      .from(o)
      .where(eq(o.id, id));
    return row;
  }

  async addVisit(values: typeof v.$inferInsert) {
    const [row] = await this.db.insert(v).values(values).returning();
    return row!;
  }

  async visit(id: string, regionPrefix: string) {
    const [row] = await this.db
      .select()
      .from(v)
      .where(and(eq(v.id, id), regionPrefixCondition(v.scopeRegion, regionPrefix)));
    return row;
  }

  async fileCount(visitId: string): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(f).where(eq(f.visitId, visitId));
    return row?.n ?? 0;
  }

  async files(visitIds: readonly string[]) {
    if (visitIds.length === 0) return [];
    return this.db
      .select({ id: f.id, visitId: f.visitId, name: f.name, contentType: f.contentType, size: f.size })
      .from(f)
      .where(inArray(f.visitId, [...visitIds]))
      .orderBy(asc(f.createdAt));
  }

  async addFile(values: typeof f.$inferInsert) {
    const [row] = await this.db
      .insert(f)
      .values(values)
      .returning({ id: f.id, name: f.name, contentType: f.contentType, size: f.size });
    return row!;
  }

  async file(visitId: string, fileId: string) {
    const [row] = await this.db
      .select()
      .from(f)
      .where(and(eq(f.visitId, visitId), eq(f.id, fileId)));
    return row;
  }

  /**
   * Per owner (a team's plan, a commissioner's term, a duty) and month of a
   * year, the occurrences due and what became of them.
   */
  async tallies(regionPrefix: string, year: number, today: string, dueUntil: string) {
    return this.db
      .select({
        subject: o.subject,
        teamId: o.teamId,
        talentId: o.talentId,
        assigneeUserId: o.assigneeUserId,
        month: sql<number>`extract(month from ${o.dueOn})::int`,
        planned: count(),
        done: sql<number>`count(*) filter (where ${o.recordKind} is not null)::int`,
        overdue: sql<number>`count(*) filter (where ${o.recordKind} is null and ${o.dueOn} < ${today})::int`,
        due: sql<number>`count(*) filter (where ${o.recordKind} is null and ${o.dueOn} >= ${today} and ${o.dueOn} <= ${dueUntil})::int`,
      })
      .from(o)
      .where(
        and(
          regionPrefixCondition(o.scopeRegion, regionPrefix),
          gte(o.dueOn, `${year}-01-01`),
          lte(o.dueOn, `${year}-12-31`),
        ),
      )
      .groupBy(o.subject, o.teamId, o.talentId, o.assigneeUserId, sql`extract(month from ${o.dueOn})`);
  }

  /** The assignees of the region's contact duties with occurrences in a year. */
  async assignees(regionPrefix: string, year: number) {
    return this.db
      .selectDistinct({ userId: d.assigneeUserId, name: users.displayName })
      .from(d)
      .innerJoin(users, eq(users.id, d.assigneeUserId))
      .where(
        and(
          regionPrefixCondition(d.scopeRegion, regionPrefix),
          lte(d.startOn, `${year}-12-31`),
          gte(d.endOn, `${year}-01-01`),
        ),
      )
      .orderBy(asc(users.displayName));
  }

  /**
   * The teams a person answers for: those they serve in (by their registry
   * talent record), and those based at a station whose liaison they are.
   */
  async teamsOfUser(userId: string): Promise<string[]> {
    const [members, liaison] = await Promise.all([
      this.db
        .select({ teamId: teamMembers.teamId })
        .from(teamMembers)
        .innerJoin(talents, eq(talents.id, teamMembers.talentId))
        .where(eq(talents.userId, userId)),
      this.liaisons({ userId }),
    ]);
    return [...new Set([...members.map((r) => r.teamId), ...liaison.map((r) => r.teamId)])];
  }

  /**
   * 联络员 with an account: a team's station names its liaison by name and
   * mobile; the liaison is the active account of the team's city whose mobile
   * is that number (an administrator gives the liaison an account with it).
   * Of given teams, or of one account.
   */
  async liaisons(of: { teamIds?: readonly string[]; userId?: string }) {
    if (of.teamIds && of.teamIds.length === 0) return [];
    return this.db
      .select({ teamId: teams.id, userId: users.id })
      .from(teams)
      .innerJoin(stations, eq(stations.id, teams.stationId))
      .innerJoin(users, eq(users.mobileHash, stations.liaisonMobileHash))
      .where(
        and(
          of.teamIds ? inArray(teams.id, [...of.teamIds]) : undefined,
          of.userId ? eq(users.id, of.userId) : undefined,
          eq(users.disabled, false),
          sql`${users.role} <> 'auditor'`,
          sql`left(${users.regionCode}, 4) = left(${teams.regionCode}, 4)`,
          isNull(teams.archivedAt),
        ),
      );
  }

  private selectToTell() {
    return this.db
      .select({
        occurrence: o,
        teamName: teams.name,
        leaderTalentId: teams.leaderTalentId,
        commissionerUserId: commissioner.userId,
        personName: sql<string | null>`coalesce(${commissioner.name}, ${users.displayName})`,
        counterpartName: sql<string | null>`coalesce(${enterprises.name}, ${contact.name})`,
      })
      .from(o)
      .leftJoin(teams, eq(teams.id, o.teamId))
      .leftJoin(pr, eq(pr.id, o.pairingId))
      .leftJoin(commissioner, eq(commissioner.id, o.talentId))
      .leftJoin(d, eq(d.id, o.dutyId))
      .leftJoin(users, eq(users.id, o.assigneeUserId))
      .leftJoin(contact, eq(contact.id, d.talentId))
      .leftJoin(enterprises, eq(enterprises.id, sql`coalesce(${pr.enterpriseId}, ${d.enterpriseId})`));
  }

  /** Still served: a team not archived, a term confirmed, a duty not ended. */
  private static live(): SQL {
    return sql`((${teams.archivedAt} is null and ${o.subject} = 'team') or ${pr.status} = 'confirmed' or (${d.id} is not null and ${d.endedAt} is null))`;
  }

  /** Occurrences not recorded and due between two days that nobody was reminded of yet. */
  async toRemind(from: string, until: string, limit: number) {
    return this.selectToTell()
      .where(
        and(
          isNull(o.recordKind),
          isNull(o.remindedAt),
          gte(o.dueOn, from),
          lte(o.dueOn, until),
          StandingRepository.live(),
        ),
      )
      .orderBy(asc(o.dueOn))
      .limit(limit);
  }

  /** Occurrences past their day, not recorded, whose region was not told yet. */
  async toFlagOverdue(today: string, limit: number) {
    return this.selectToTell()
      .where(
        and(isNull(o.recordKind), isNull(o.overdueNotifiedAt), lt(o.dueOn, today), StandingRepository.live()),
      )
      .orderBy(asc(o.dueOn))
      .limit(limit);
  }

  async markReminded(ids: readonly string[], at: Date, column: 'remindedAt' | 'overdueNotifiedAt') {
    if (ids.length === 0) return;
    await this.db
      .update(o)
      .set({ [column]: at })
      .where(inArray(o.id, [...ids]));
  }
}

export type { ServicePlanRow };
