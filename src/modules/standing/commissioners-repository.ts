import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { regionPrefixCondition } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import { listItems } from '../lists/schema.ts';
import { serviceOrders } from '../orders/schema.ts';
import { enterprises, talents } from '../registry/schema.ts';
import {
  commissionerEntries as e,
  serviceOccurrences as o,
  commissionerPairings as pr,
  commissionerRounds as r,
  refinedDemands as rd,
  standingSettings,
  standingVisits as v,
} from './schema.ts';

/** Tables of the tech commissioners: rounds, their participants, the pairs, the regions' settings. */
export class CommissionersRepository {
  constructor(private readonly db: Executor) {}

  async round(id: string, regionPrefix: string) {
    const [row] = await this.db
      .select()
      .from(r)
      .where(and(eq(r.id, id), regionPrefixCondition(r.scopeRegion, regionPrefix)));
    return row;
  }

  async insertRound(values: typeof r.$inferInsert) {
    const [row] = await this.db.insert(r).values(values).onConflictDoNothing().returning();
    return row;
  }

  /** Compare-and-set on version; undefined when the round changed since it was read. */
  async updateRound(id: string, version: number, values: Partial<typeof r.$inferInsert>) {
    const [row] = await this.db
      .update(r)
      .set({ ...values, version: sql`${r.version} + 1` })
      .where(and(eq(r.id, id), eq(r.version, version)))
      .returning();
    return row;
  }

  /** Bumps a round's version: its participants or pairs changed. */
  async touchRound(id: string, at: Date) {
    await this.db
      .update(r)
      .set({ updatedAt: at, version: sql`${r.version} + 1` })
      .where(eq(r.id, id));
  }

  async rounds(regionPrefix: string, page: number, pageSize: number, roundIds?: readonly string[]) {
    const where = and(
      regionPrefixCondition(r.scopeRegion, regionPrefix),
      roundIds ? (roundIds.length ? inArray(r.id, [...roundIds]) : sql`false`) : undefined,
    );
    const rows = await this.db
      .select({
        round: r,
        enterprises: sql<number>`(select count(*)::int from ${e} where ${e.roundId} = ${r.id} and ${e.side} = 'enterprise')`,
        experts: sql<number>`(select count(*)::int from ${e} where ${e.roundId} = ${r.id} and ${e.side} = 'expert')`,
        pairs: sql<number>`(select count(*)::int from ${pr} where ${pr.roundId} = ${r.id} and ${pr.status} <> 'ended')`,
      })
      .from(r)
      .where(where)
      .orderBy(desc(r.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(r).where(where);
    return { rows, total: total?.n ?? 0 };
  }

  /** The rounds a registry record (an enterprise or a talent) takes part in. */
  async roundsOf(party: { enterpriseId?: string; talentId?: string }): Promise<string[]> {
    const rows = await this.db
      .select({ id: e.roundId })
      .from(e)
      .where(
        party.enterpriseId ? eq(e.enterpriseId, party.enterpriseId) : eq(e.talentId, party.talentId ?? ''),
      );
    return rows.map((x) => x.id);
  }

  async entries(roundId: string) {
    return this.db
      .select({
        entry: e,
        name: sql<string>`coalesce(${enterprises.name}, ${talents.name})`,
        regionCode: sql<string | null>`coalesce(${enterprises.regionCode}, ${talents.regionCode})`,
        titleText: talents.titleText,
        employerName: talents.employerName,
      })
      .from(e)
      .leftJoin(enterprises, eq(enterprises.id, e.enterpriseId))
      .leftJoin(talents, eq(talents.id, e.talentId))
      .where(eq(e.roundId, roundId))
      .orderBy(asc(e.createdAt), asc(e.id));
  }

  async addEntries(values: (typeof e.$inferInsert)[]): Promise<number> {
    if (values.length === 0) return 0;
    const rows = await this.db.insert(e).values(values).onConflictDoNothing().returning({ id: e.id });
    return rows.length;
  }

  async entry(roundId: string, entryId: string) {
    const [row] = await this.db
      .select()
      .from(e)
      .where(and(eq(e.roundId, roundId), eq(e.id, entryId)));
    return row;
  }

  async entryOf(roundId: string, party: { enterpriseId?: string; talentId?: string }) {
    const [row] = await this.db
      .select()
      .from(e)
      .where(
        and(
          eq(e.roundId, roundId),
          party.enterpriseId ? eq(e.enterpriseId, party.enterpriseId) : eq(e.talentId, party.talentId ?? ''),
        ),
      );
    return row;
  }

  async updateEntry(id: string, values: Partial<typeof e.$inferInsert>) {
    await this.db.update(e).set(values).where(eq(e.id, id));
  }

  async deleteEntry(id: string) {
    await this.db.delete(e).where(eq(e.id, id));
  }

  /** Clears every enterprise's left-over reason of a round (before a new proposal). */
  async clearLeft(roundId: string) {
    await this.db.update(e).set({ leftReason: null }).where(eq(e.roundId, roundId));
  }

  async pairings(roundId: string) {
    return this.db
      .select()
      .from(pr)
      .where(and(eq(pr.roundId, roundId), ne(pr.status, 'ended')));
  }

  async pairing(id: string, regionPrefix: string) {
    const [row] = await this.db
      .select()
      .from(pr)
      .where(and(eq(pr.id, id), regionPrefixCondition(pr.scopeRegion, regionPrefix)));
    return row;
  }

  async dropProposed(roundId: string, where?: { enterpriseId?: string; talentId?: string }) {
    await this.db
      .delete(pr)
      .where(
        and(
          eq(pr.roundId, roundId),
          eq(pr.status, 'proposed'),
          where?.enterpriseId ? eq(pr.enterpriseId, where.enterpriseId) : undefined,
          where?.talentId ? eq(pr.talentId, where.talentId) : undefined,
        ),
      );
  }

  async addPairings(values: (typeof pr.$inferInsert)[]) {
    for (let i = 0; i < values.length; i += 500) {
      await this.db.insert(pr).values(values.slice(i, i + 500));
    }
  }

  /** Confirms a round's proposed pairs: they become terms. */
  async confirmPairings(roundId: string, at: Date, by: string) {
    return this.db
      .update(pr)
      .set({ status: 'confirmed', confirmedAt: at, confirmedBy: by, version: sql`${pr.version} + 1` })
      .where(and(eq(pr.roundId, roundId), eq(pr.status, 'proposed')))
      .returning();
  }

  async endPairing(id: string, version: number, at: Date, reason: string) {
    const [row] = await this.db
      .update(pr)
      .set({ status: 'ended', endedAt: at, endReason: reason, version: sql`${pr.version} + 1` })
      .where(and(eq(pr.id, id), eq(pr.version, version), eq(pr.status, 'confirmed')))
      .returning();
    return row;
  }

  /**
   * The terms each talent holds from other rounds that overlap a span, with
   * their regions: what a portfolio already holds, and where.
   */
  async termsHeld(talentIds: readonly string[], start: string, end: string, exceptRound: string) {
    if (talentIds.length === 0) return [];
    return this.db
      .select({ talentId: pr.talentId, scopeRegion: pr.scopeRegion, n: count() })
      .from(pr)
      .where(
        and(
          inArray(pr.talentId, [...talentIds]),
          eq(pr.status, 'confirmed'),
          ne(pr.roundId, exceptRound),
          lte(pr.termStart, end),
          gte(pr.termEnd, start),
        ),
      )
      .groupBy(pr.talentId, pr.scopeRegion);
  }

  /** Of the given enterprises, those a commissioner of another round serves over a span, and who. */
  async servedElsewhere(enterpriseIds: readonly string[], start: string, end: string, exceptRound: string) {
    if (enterpriseIds.length === 0) return [];
    return this.db
      .select({ enterpriseId: pr.enterpriseId, enterpriseName: enterprises.name, talentName: talents.name })
      .from(pr)
      .innerJoin(enterprises, eq(enterprises.id, pr.enterpriseId))
      .innerJoin(talents, eq(talents.id, pr.talentId))
      .where(
        and(
          inArray(pr.enterpriseId, [...enterpriseIds]),
          eq(pr.status, 'confirmed'),
          ne(pr.roundId, exceptRound),
          lte(pr.termStart, end),
          gte(pr.termEnd, start),
        ),
      );
  }

  /** Whether each region allows an expert to hold terms in another region too. */
  async sharing(regions: readonly string[]): Promise<Map<string, boolean>> {
    if (regions.length === 0) return new Map();
    const rows = await this.db
      .select()
      .from(standingSettings)
      .where(inArray(standingSettings.regionCode, [...regions]));
    return new Map(rows.map((s) => [s.regionCode, s.allowSharedCommissioners]));
  }

  async saveSettings(regionCode: string, allow: boolean, by: string, at: Date) {
    const [row] = await this.db
      .insert(standingSettings)
      .values({ regionCode, allowSharedCommissioners: allow, updatedBy: by, updatedAt: at })
      .onConflictDoUpdate({
        target: standingSettings.regionCode,
        set: { allowSharedCommissioners: allow, updatedBy: by, updatedAt: at },
      })
      .returning();
    return row!;
  }

  /** The titles of an enterprise's open demands (what it needs, for matching). */
  async openDemandTitles(enterpriseIds: readonly string[]) {
    if (enterpriseIds.length === 0) return [];
    return this.db
      .select({ enterpriseId: listItems.enterpriseId, title: listItems.title })
      .from(listItems)
      .where(
        and(
          eq(listItems.kind, 'demands'),
          inArray(listItems.enterpriseId, [...enterpriseIds]),
          inArray(listItems.status, ['published', 'in_progress']),
        ),
      );
  }

  /**
   * A commissioner's terms (a talent's pairings, not proposals) with each
   * enterprise's last visit, the visits planned and made, and its open
   * demands, refined demands and orders. Overdue and next due as of the
   * platform's China date (its clock, not the database's).
   */
  async portfolio(talentId: string, regionPrefix: string, today: string) {
    return this.db
      .select({
        pairing: pr,
        enterpriseName: enterprises.name,
        enterpriseRegion: enterprises.regionCode,
        lastVisitOn: sql<
          string | null
        >`(select max(${v.visitedOn})::text from ${v} where ${v.pairingId} = ${pr.id})`,
        visits: sql<number>`(select count(*)::int from ${v} where ${v.pairingId} = ${pr.id})`,
        planned: sql<number>`(select count(*)::int from ${o} where ${o.pairingId} = ${pr.id})`,
        overdue: sql<number>`(select count(*)::int from ${o} where ${o.pairingId} = ${pr.id} and ${o.recordKind} is null and ${o.dueOn} < ${today}::date)`,
        nextDueOn: sql<
          string | null
        >`(select min(${o.dueOn})::text from ${o} where ${o.pairingId} = ${pr.id} and ${o.recordKind} is null and ${o.dueOn} >= ${today}::date)`,
        openDemands: sql<number>`(select count(*)::int from ${listItems} where ${listItems.enterpriseId} = ${pr.enterpriseId} and ${listItems.kind} = 'demands' and ${listItems.status} in ('published', 'in_progress'))`,
        refined: sql<number>`(select count(*)::int from ${rd} where ${rd.pairingId} = ${pr.id})`,
        refinedDrafts: sql<number>`(select count(*)::int from ${rd} join ${listItems} on ${listItems.id} = ${rd.listItemId} where ${rd.pairingId} = ${pr.id} and ${listItems.status} = 'draft')`,
        openOrders: sql<number>`(select count(*)::int from ${serviceOrders} where ${serviceOrders.enterpriseId} = ${pr.enterpriseId} and ${serviceOrders.status} not in ('closed', 'cancelled'))`,
      })
      .from(pr)
      .innerJoin(enterprises, eq(enterprises.id, pr.enterpriseId))
      .where(
        and(
          eq(pr.talentId, talentId),
          ne(pr.status, 'proposed'),
          regionPrefixCondition(pr.scopeRegion, regionPrefix),
        ),
      )
      .orderBy(asc(pr.status), asc(enterprises.name));
  }

  /** The confirmed commissioners of a region: each with how many enterprises they serve now. */
  async commissioners(regionPrefix: string, today: string) {
    return this.db
      .select({ talentId: pr.talentId, name: talents.name, enterprises: count() })
      .from(pr)
      .innerJoin(talents, eq(talents.id, pr.talentId))
      .where(
        and(
          eq(pr.status, 'confirmed'),
          lte(pr.termStart, today),
          gte(pr.termEnd, today),
          regionPrefixCondition(pr.scopeRegion, regionPrefix),
        ),
      )
      .groupBy(pr.talentId, talents.name)
      .orderBy(asc(talents.name));
  }

  async refinedOf(visitIds: readonly string[]) {
    if (visitIds.length === 0) return [];
    return this.db
      .select({
        visitId: rd.visitId,
        id: listItems.id,
        code: listItems.code,
        title: listItems.title,
        status: listItems.status,
      })
      .from(rd)
      .innerJoin(listItems, eq(listItems.id, rd.listItemId))
      .where(inArray(rd.visitId, [...visitIds]))
      .orderBy(asc(rd.createdAt));
  }

  async addRefined(values: typeof rd.$inferInsert) {
    await this.db.insert(rd).values(values);
  }
}
