import {
  and,
  asc,
  between,
  count,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  like,
  or,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../../platform/access/actor.ts';
import { regionFilterCondition, regionPrefixBounds } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import { escapeLike } from '../../platform/db/like.ts';
import {
  keysetPages,
  type PlainTotals,
  pageRowOf,
  pageWithTotal,
  preparedOnce,
  selectPage,
} from '../../platform/db/pages.ts';
import type { ListQuery, RegistryKind } from './contract.ts';
import { orderOf, plainQuery } from './listing.ts';
import { enterprises, institutions, stations, talents } from './schema.ts';

/** Lists count matches up to this many; beyond it the total reads "10,000+". */
export const COUNT_CAP = 10_000;

export const TABLES = { talents, enterprises, institutions, stations } as const;

export type TalentRow = typeof talents.$inferSelect;
export type EnterpriseRow = typeof enterprises.$inferSelect;
export type InstitutionRow = typeof institutions.$inferSelect;
export type StationRow = typeof stations.$inferSelect;
export type RecordRow = TalentRow | EnterpriseRow | InstitutionRow | StationRow;
export type RowOf<K extends RegistryKind> = {
  talents: TalentRow;
  enterprises: EnterpriseRow;
  institutions: InstitutionRow;
  stations: StationRow;
}[K];

/** What an insert or an edit writes into a record of kind K (the Drizzle insert type of its table). */
export type NewRowOf<K extends RegistryKind> = (typeof TABLES)[K]['$inferInsert'];

/**
 * The registry tables share their record columns; generic queries see every
 * table through that common shape. Kind-specific columns are looked up by name.
 */
type CommonTable = typeof stations;
const common = (kind: RegistryKind) => TABLES[kind] as unknown as CommonTable;
const column = (kind: RegistryKind, name: string) =>
  (TABLES[kind] as unknown as Record<string, PgColumn | undefined>)[name];

/** A value of a scope condition, or its placeholder in a prepared statement. */
type Bound = string | Placeholder;

export class RegistryRepository {
  constructor(private readonly db: Executor) {}

  /** Scope: the maintaining region, and for organisation-bound accounts their organisation's records only. */
  private scoped(kind: RegistryKind, scope: Scope): (SQL | undefined)[] {
    return this.scopeConditions(kind, regionPrefixBounds(scope.regionPrefix), scope.organisationId);
  }

  /** The scope's conditions from the region range and organisation (values, or a prepared statement's placeholders). */
  private scopeConditions(
    kind: RegistryKind,
    region: readonly [Bound, Bound] | null,
    org: Bound | null,
  ): (SQL | undefined)[] {
    const t = common(kind);
    const out: (SQL | undefined)[] = [];
    if (region) out.push(between(t.scopeRegion, region[0], region[1]));
    if (org !== null) {
      if (kind === 'talents') {
        out.push(
          inArray(
            talents.institutionId,
            this.db
              .select({ id: institutions.id })
              .from(institutions)
              .where(eq(institutions.organisationId, org)),
          ),
        );
      } else if (kind === 'stations') out.push(eq(stations.hostOrganisationId, org));
      else out.push(eq(column(kind, 'organisationId')!, org));
    }
    return out;
  }

  /** One record in scope, by a prepared statement per kind and shape of scope (a detail page reads one per request). */
  async byId<K extends RegistryKind>(kind: K, id: string, scope: Scope): Promise<RowOf<K> | undefined> {
    const t = common(kind);
    const region = regionPrefixBounds(scope.regionPrefix);
    const org = scope.organisationId;
    const name = `registry_by_id_${kind}${region ? '_region' : ''}${org ? '_org' : ''}`;
    const statement = preparedOnce(this.db, name, () =>
      this.db
        .select()
        .from(t)
        .where(
          and(
            eq(t.id, sql.placeholder('id')),
            ...this.scopeConditions(
              kind,
              region && [sql.placeholder('low'), sql.placeholder('high')],
              org && sql.placeholder('org'),
            ),
          ),
        )
        .prepare(name),
    );
    const [row] = await statement.execute({ id, low: region?.[0], high: region?.[1], org });
    return row as RowOf<K> | undefined;
  }

  /**
   * Records with these ids inside a scope, by id. Ids a request carries are
   * resolved through `References` (references.ts), which calls this.
   */
  async byIds<K extends RegistryKind>(
    kind: K,
    ids: readonly string[],
    scope: Scope,
  ): Promise<Map<string, RowOf<K>>> {
    if (ids.length === 0) return new Map();
    const t = common(kind);
    const rows = (await this.db
      .select()
      .from(t)
      .where(and(inArray(t.id, [...ids]), ...this.scoped(kind, scope)))) as RowOf<K>[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Records already linked to something the caller may see (an order's
   * enterprise, an outcome's party), whatever their region, to show their
   * names and codes. Never for ids taken from a request.
   */
  async linkedByIds<K extends RegistryKind>(kind: K, ids: readonly string[]): Promise<Map<string, RowOf<K>>> {
    return this.byIds(kind, ids, { regionPrefix: '', organisationId: null });
  }

  /** Records with these codes, whatever their scope (codes are unique per kind across the platform). */
  async byCodes<K extends RegistryKind>(kind: K, codes: string[]): Promise<RowOf<K>[]> {
    if (codes.length === 0) return [];
    const t = common(kind);
    return (await this.db.select().from(t).where(inArray(t.code, codes))) as RowOf<K>[];
  }

  async byColumn<K extends RegistryKind>(
    kind: K,
    name: string,
    value: string,
  ): Promise<RowOf<K> | undefined> {
    const col = column(kind, name);
    if (!col) return undefined;
    const [row] = await this.db.select().from(common(kind)).where(eq(col, value)).limit(1);
    return row as RowOf<K> | undefined;
  }

  /** Records by the values of one column (e.g. ID-number hashes), keyed by that value. */
  async byColumnValues<K extends RegistryKind>(
    kind: K,
    name: string,
    values: string[],
  ): Promise<Map<string, RowOf<K>>> {
    const col = column(kind, name);
    if (!col || values.length === 0) return new Map();
    const rows = (await this.db.select().from(common(kind)).where(inArray(col, values))) as RowOf<K>[];
    return new Map(rows.map((r) => [String((r as Record<string, unknown>)[name]), r]));
  }

  private filters(kind: RegistryKind, scoped: (SQL | undefined)[], q: Partial<ListQuery>): SQL | undefined {
    const t = common(kind);
    const conditions = [...scoped];
    conditions.push(q.archived === 'true' ? isNotNull(t.archivedAt) : isNull(t.archivedAt));
    if (q.q) {
      // One character (a surname, typically) matches the start of the name through an index;
      // longer text matches anywhere in the record (a trigram index from three characters on).
      const text = q.q.trim();
      conditions.push(
        [...text].length === 1
          ? like(t.name, `${escapeLike(text)}%`)
          : like(t.searchText, `%${escapeLike(text.toLowerCase())}%`),
      );
    }
    conditions.push(regionFilterCondition(t.regionCode, q.regionCode));
    if (q.flagged === 'true') conditions.push(sql`jsonb_array_length(${t.flags}) > 0`);
    if (kind === 'talents' && q.expert) conditions.push(eq(talents.isExpert, q.expert === 'true'));
    const arrayHas = (name: string, value: string | undefined) => {
      const col = column(kind, name);
      if (value && col) conditions.push(sql`${col} @> array[${value}]::text[]`);
    };
    arrayHas('industryTags', q.industry);
    arrayHas('disciplineTags', q.discipline);
    arrayHas('tags', q.tag);
    arrayHas('qualifications', q.qualification);
    const equals = (name: string, value: string | undefined) => {
      const col = column(kind, name);
      if (value && col) conditions.push(eq(col, value));
    };
    equals('title', q.title);
    equals('titleLevel', q.titleLevel);
    equals('honourLevel', q.honourLevel);
    equals('kind', q.kind);
    return and(...conditions);
  }

  async list<K extends RegistryKind>(
    kind: K,
    scope: Scope,
    q: ListQuery,
    /** The plain list's totals kept in process (RegistryService's), or none: count each time. */
    totals?: PlainTotals,
    /** The columns the list shows, when fewer than the record's (the items hold those alone). */
    columns?: readonly string[],
  ): Promise<{ items: RowOf<K>[]; total: number; totalCapped: boolean }> {
    const where = this.filters(kind, this.scoped(kind, scope), q);
    const offset = (q.page - 1) * q.pageSize;
    const capped = (total: number) => ({ total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP });
    const plain = plainQuery(q);
    const key = plain && totals ? `${kind}|${scope.regionPrefix}|${scope.organisationId ?? ''}` : undefined;
    const known = key === undefined ? undefined : totals!.get(key);
    const { read } = pageRowOf(common(kind), columns);
    if (known !== undefined) {
      const rows = (await this.plainPage(kind, scope, q, offset, false, columns)) as { row: unknown }[];
      return { items: rows.map((r) => read(r.row)) as RowOf<K>[], ...capped(known) };
    }
    const epoch = totals?.begin() ?? 0;
    const rows = plain
      ? ((await this.plainPage(kind, scope, q, offset, true, columns)) as { row: unknown; total: number }[])
      : await this.pageQuery(kind, where, q.sort, q.pageSize, offset, columns);
    const { items, total } = await pageWithTotal(
      rows.map((r) => ({ row: read(r.row), total: r.total })),
      q.page,
      async () => (await this.cappedCount(kind, where))[0]?.n ?? 0,
    );
    if (key !== undefined) totals!.put(key, total, epoch);
    return { items: items as RowOf<K>[], ...capped(total) };
  }

  /** A page in the list's order, each row beside the (capped) count of every match. */
  private pageQuery(
    kind: RegistryKind,
    where: SQL | undefined,
    sort: ListQuery['sort'],
    limit: number | Placeholder,
    offset: number | Placeholder,
    columns: readonly string[] | undefined,
  ) {
    const t = common(kind);
    const order = orderOf(t, sort);
    return selectPage(
      this.db,
      { row: pageRowOf(t, columns).value, total: sql<number>`${this.cappedCount(kind, where)}` },
      t,
      { where, orderBy: order, limit, offset },
    );
  }

  /**
   * Counting every match of a broad filter over 100,000 rows costs more than the page itself:
   * count up to a cap and say so ("10,000+"); filters narrow it down.
   */
  private cappedCount(kind: RegistryKind, where: SQL | undefined) {
    const t = common(kind);
    const capped = this.db
      .select({ one: sql`1` })
      .from(t)
      .where(where)
      .limit(COUNT_CAP + 1)
      .as('capped');
    return this.db.select({ n: sql<number>`count(*)::int` }).from(capped);
  }

  /**
   * The plain list (plainQuery) by a prepared statement per kind, order and
   * shape of scope: its rows beside their total, or (`withTotal` false, the
   * total known) the rows alone.
   */
  private plainPage(
    kind: RegistryKind,
    scope: Scope,
    q: ListQuery,
    offset: number,
    withTotal: boolean,
    /** The list's columns (the kind's, always the same), or the whole row; the statement's name tells which. */
    columns: readonly string[] | undefined,
  ): Promise<unknown[]> {
    const region = regionPrefixBounds(scope.regionPrefix);
    const org = scope.organisationId;
    const name = `registry_page${withTotal ? '' : '_rows'}_${kind}_${q.sort}${region ? '_region' : ''}${org ? '_org' : ''}${columns ? '_listed' : ''}`;
    const statement = preparedOnce(this.db, name, () => {
      const scoped = this.scopeConditions(
        kind,
        region && [sql.placeholder('low'), sql.placeholder('high')],
        org && sql.placeholder('org'),
      );
      const where = this.filters(kind, scoped, q);
      const limit = sql.placeholder('limit');
      const offset = sql.placeholder('offset');
      if (withTotal) return this.pageQuery(kind, where, q.sort, limit, offset, columns).prepare(name);
      const t = common(kind);
      return selectPage(this.db, { row: pageRowOf(t, columns).value }, t, {
        where,
        orderBy: orderOf(t, q.sort),
        limit,
        offset,
      }).prepare(name);
    });
    return statement.execute({ low: region?.[0], high: region?.[1], org, limit: q.pageSize, offset });
  }

  /** Every matching record (for exports), in code order, a page at a time. */
  async *iterate<K extends RegistryKind>(
    kind: K,
    scope: Scope,
    q: Partial<ListQuery>,
    pageSize = 2000,
  ): AsyncGenerator<RowOf<K>[]> {
    const t = common(kind);
    const where = this.filters(kind, this.scoped(kind, scope), q);
    yield* keysetPages(
      async (after) =>
        (await this.db
          .select()
          .from(t)
          .where(and(where, after === null ? undefined : gt(t.code, after)))
          .orderBy(asc(t.code))
          .limit(pageSize)) as RowOf<K>[],
      (row) => row.code,
      pageSize,
    );
  }

  /** Records changed at or after a time, or with these ids (for the matching index), a page at a time by id. */
  async *changed<K extends RegistryKind>(
    kind: K,
    filter: { since?: Date; ids?: readonly string[] },
    pageSize = 5000,
  ): AsyncGenerator<RowOf<K>[]> {
    const t = common(kind);
    if (filter.ids?.length === 0) return;
    const condition = filter.ids
      ? inArray(t.id, [...filter.ids])
      : filter.since
        ? sql`${t.updatedAt} >= ${filter.since.toISOString()}`
        : undefined;
    yield* keysetPages(
      async (after) =>
        (await this.db
          .select()
          .from(t)
          .where(and(condition, after === null ? undefined : gt(t.id, after)))
          .orderBy(asc(t.id))
          .limit(pageSize)) as RowOf<K>[],
      (row) => row.id,
      pageSize,
    );
  }

  async insert<K extends RegistryKind>(kind: K, values: Partial<NewRowOf<K>>): Promise<RowOf<K>> {
    const [row] = await this.db
      .insert(common(kind))
      .values(values as typeof stations.$inferInsert)
      .returning();
    return row as RowOf<K>;
  }

  async insertMany<K extends RegistryKind>(kind: K, values: Partial<NewRowOf<K>>[]): Promise<RowOf<K>[]> {
    if (values.length === 0) return [];
    return (await this.db
      .insert(common(kind))
      .values(values as (typeof stations.$inferInsert)[])
      .returning()) as RowOf<K>[];
  }

  /** Compare-and-set on version; undefined when the row changed since it was read. */
  async updateVersioned<K extends RegistryKind>(
    kind: K,
    id: string,
    version: number,
    values: Partial<NewRowOf<K>>,
  ): Promise<RowOf<K> | undefined> {
    return this.compareAndSet(kind, id, version, values as Partial<typeof stations.$inferInsert>);
  }

  /** Archives (at a time) or restores (null) a record, by compare-and-set on version. */
  async setArchived<K extends RegistryKind>(
    kind: K,
    id: string,
    version: number,
    archivedAt: Date | null,
    updatedAt: Date,
  ): Promise<RowOf<K> | undefined> {
    return this.compareAndSet(kind, id, version, { archivedAt, updatedAt });
  }

  private async compareAndSet<K extends RegistryKind>(
    kind: K,
    id: string,
    version: number,
    values: Partial<typeof stations.$inferInsert>,
  ): Promise<RowOf<K> | undefined> {
    const t = common(kind);
    const [row] = await this.db
      .update(t)
      .set({ ...values, version: sql`${t.version} + 1` })
      .where(and(eq(t.id, id), eq(t.version, version)))
      .returning();
    return row as RowOf<K> | undefined;
  }

  /**
   * Records inside a scope whose code or exact name (an enterprise's 统一社会信用代码 too) is one
   * of these values: what a sheet's cell names (References.named sorts them by value).
   */
  async byCodesOrNames<K extends RegistryKind>(
    kind: K,
    values: readonly string[],
    scope: Scope,
  ): Promise<RowOf<K>[]> {
    if (values.length === 0) return [];
    const t = common(kind);
    const keys = [t.code, t.name, column(kind, 'creditCode')].filter((c) => c !== undefined);
    return (await this.db
      .select()
      .from(t)
      .where(
        and(or(...keys.map((c) => inArray(c, [...values]))), ...this.scoped(kind, scope)),
      )) as RowOf<K>[];
  }

  /** Institutions of these exact names inside a scope (an import's 工作单位 or 完成单位). */
  async institutionsByNames(names: string[], scope: Scope): Promise<InstitutionRow[]> {
    if (names.length === 0) return [];
    return this.db
      .select()
      .from(institutions)
      .where(and(inArray(institutions.name, names), ...this.scoped('institutions', scope)));
  }

  /** Enterprises of these exact names inside a scope (an import's 工作单位 or 企业名称). */
  async enterprisesByNames(names: string[], scope: Scope): Promise<EnterpriseRow[]> {
    if (names.length === 0) return [];
    return this.db
      .select()
      .from(enterprises)
      .where(and(inArray(enterprises.name, names), ...this.scoped('enterprises', scope)));
  }

  /**
   * Each institution's current talents that the caller's talent list shows (the same scope), so
   * the count on an institution's card is the number of experts one can open from it.
   */
  async expertCounts(institutionIds: string[], scope: Scope): Promise<Map<string, number>> {
    if (institutionIds.length === 0) return new Map();
    const rows = await this.db
      .select({ id: talents.institutionId, n: count() })
      .from(talents)
      .where(
        and(
          inArray(talents.institutionId, institutionIds),
          isNull(talents.archivedAt),
          ...this.scoped('talents', scope),
        ),
      )
      .groupBy(talents.institutionId);
    return new Map(rows.map((r) => [r.id!, r.n]));
  }
}
