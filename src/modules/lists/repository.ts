import {
  and,
  asc,
  between,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  or,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm';
import { publicPrefix, regionFilterCondition, regionPrefixBounds } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { nextNumber } from '../../platform/db/numbering.ts';
import { keysetPages, pageRowOf, pageWithTotal, preparedOnce, selectPage } from '../../platform/db/pages.ts';
import { COUNT_CAP } from '../registry/repository.ts';
import type { ListItemsQuery, ListKind } from './contract.ts';
import { OPEN_STATUSES, PUBLIC_STATUSES, type Status } from './machine.ts';
import { type ListItemRow, listItems as t } from './schema.ts';

/**
 * Who sees which items: operators everything in their region; everyone else
 * the published items of their city, and their own (their organisation's, or
 * those they posted) in any status.
 */
export interface ListScope {
  regionPrefix: string;
  manager: boolean;
  organisationId: string | null;
  userId: string | null;
}

/** A value of a scope condition, or its placeholder in a prepared statement. */
type Bound = string | Placeholder;

/** A ListScope's values as its conditions take them: the region as a range, each either a value or a placeholder. */
interface ScopeBounds {
  manager: boolean;
  /** The caller's region (managers), or the city whose published items the caller sees. */
  region: readonly [Bound, Bound] | null;
  organisationId: Bound | null;
  userId: Bound | null;
}

function scopeBounds(scope: ListScope): ScopeBounds {
  return {
    manager: scope.manager,
    region: regionPrefixBounds(scope.manager ? scope.regionPrefix : publicPrefix(scope.regionPrefix)),
    organisationId: scope.organisationId,
    userId: scope.userId,
  };
}

/** A list query with no filter but the caller's scope, in the default order: what a list opens with. */
function plainQuery(q: ListItemsQuery): boolean {
  for (const [key, value] of Object.entries(q)) {
    if (value !== undefined && key !== 'page' && key !== 'pageSize' && key !== 'sort' && key !== 'archived') {
      return false;
    }
  }
  return q.sort === 'updatedAt' && q.archived !== 'true';
}

export class ListsRepository {
  constructor(private readonly db: Executor) {}

  private own(scope: Pick<ScopeBounds, 'organisationId' | 'userId'>): SQL {
    return or(
      scope.organisationId ? eq(t.organisationId, scope.organisationId) : sql`false`,
      scope.userId ? eq(t.createdBy, scope.userId) : sql`false`,
    )!;
  }

  private scoped(kind: ListKind, scope: ListScope): (SQL | undefined)[] {
    return this.scopeConditions(kind, scopeBounds(scope));
  }

  private scopeConditions(kind: ListKind, scope: ScopeBounds): (SQL | undefined)[] {
    const region = scope.region ? between(t.scopeRegion, scope.region[0], scope.region[1]) : undefined;
    if (scope.manager) return [eq(t.kind, kind), region];
    // Published items are seen across the caller's city (a county's enterprises and the city's experts meet).
    return [eq(t.kind, kind), or(and(inArray(t.status, [...PUBLIC_STATUSES]), region), this.own(scope))];
  }

  async byId(kind: ListKind, id: string, scope: ListScope): Promise<ListItemRow | undefined> {
    const [row] = await this.db
      .select()
      .from(t)
      .where(and(eq(t.id, id), ...this.scoped(kind, scope)));
    return row;
  }

  /** The items among these ids (of any kind) that the scope sees. */
  async visible(ids: readonly string[], scope: ListScope): Promise<ListItemRow[]> {
    if (ids.length === 0) return [];
    const kinds: ListKind[] = ['demands', 'talent-demands', 'achievements'];
    return this.db
      .select()
      .from(t)
      .where(and(inArray(t.id, [...ids]), or(...kinds.map((kind) => and(...this.scoped(kind, scope))))));
  }

  /** An enterprise's open demands (published or in progress) that the scope sees. */
  async openDemandsOf(enterpriseId: string, scope: ListScope): Promise<ListItemRow[]> {
    return this.db
      .select()
      .from(t)
      .where(
        and(
          eq(t.enterpriseId, enterpriseId),
          inArray(t.status, [...OPEN_STATUSES]),
          isNull(t.archivedAt),
          ...this.scoped('demands', scope),
        ),
      )
      .orderBy(desc(t.updatedAt));
  }

  /**
   * The next number after `prefix` (`XQ-2026-`) among the kind's codes, whatever
   * their scope, with the kind's numbering locked until the transaction ends so
   * two items posted at once never get the same one.
   */
  /** The next number of the kind's items whose 编号 starts `prefix` (XQ-2026-). */
  nextNumber(kind: ListKind, prefix: string): Promise<number> {
    return nextNumber(this.db, t, t.code, prefix, eq(t.kind, kind));
  }

  /** Items with these codes, whatever their scope (codes are unique per kind). */
  async byCodes(kind: ListKind, codes: string[]): Promise<ListItemRow[]> {
    if (codes.length === 0) return [];
    return this.db
      .select()
      .from(t)
      .where(and(eq(t.kind, kind), inArray(t.code, codes)));
  }

  private filters(kind: ListKind, scope: ScopeBounds, q: Partial<ListItemsQuery>): SQL | undefined {
    const conditions = this.scopeConditions(kind, scope);
    conditions.push(q.archived === 'true' ? isNotNull(t.archivedAt) : isNull(t.archivedAt));
    if (q.q) conditions.push(like(t.searchText, `%${escapeLike(q.q.trim().toLowerCase())}%`));
    conditions.push(regionFilterCondition(t.regionCode, q.regionCode));
    if (q.status) conditions.push(eq(t.status, q.status));
    if (q.industry) conditions.push(sql`${t.industryTags} @> array[${q.industry}]::text[]`);
    if (q.discipline) conditions.push(sql`${t.disciplineTags} @> array[${q.discipline}]::text[]`);
    if (q.cluster) conditions.push(eq(t.cluster, q.cluster));
    if (q.mine === 'true') conditions.push(this.own(scope));
    if (q.flagged === 'true') conditions.push(sql`jsonb_array_length(${t.flags}) > 0`);
    return and(...conditions);
  }

  /**
   * A page of items; with `columns` (the list's, always the same ones), the rows hold those alone
   * (the prepared page's name tells the two readings apart).
   */
  async list(kind: ListKind, scope: ListScope, q: ListItemsQuery, columns?: readonly string[]) {
    const where = this.filters(kind, scopeBounds(scope), q);
    const offset = (q.page - 1) * q.pageSize;
    const rows = plainQuery(q)
      ? await this.plainPage(kind, scope, q, offset, columns)
      : await this.pageQuery(where, q.sort, q.pageSize, offset, columns);
    const { read } = pageRowOf(t, columns);
    const { items, total } = await pageWithTotal(
      rows.map((r) => ({ row: read(r.row), total: r.total })),
      q.page,
      async () => (await this.cappedCount(where))[0]?.n ?? 0,
    );
    return { items, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP };
  }

  /** A page in the list's order, each row beside the (capped) count of every match. */
  private pageQuery(
    where: SQL | undefined,
    sort: ListItemsQuery['sort'],
    limit: number | Placeholder,
    offset: number | Placeholder,
    columns: readonly string[] | undefined,
  ) {
    const order =
      sort === 'deadline'
        ? [sql`${t.deadline} asc nulls last`, asc(t.code)]
        : sort === 'code'
          ? [asc(t.code)]
          : sort === 'title'
            ? [asc(t.title), asc(t.code)]
            : [desc(t.updatedAt), asc(t.code)];
    return selectPage(
      this.db,
      { row: pageRowOf(t, columns).value, total: sql<number>`${this.cappedCount(where)}` },
      t,
      { where, orderBy: order, limit, offset },
    );
  }

  /** Matches counted up to the registry's cap (a total past it reads "10,000+"). */
  private cappedCount(where: SQL | undefined) {
    const capped = this.db
      .select({ one: sql`1` })
      .from(t)
      .where(where)
      .limit(COUNT_CAP + 1)
      .as('capped');
    return this.db.select({ n: sql<number>`count(*)::int` }).from(capped);
  }

  /** The plain list (plainQuery) by a prepared statement per kind and shape of scope. */
  private plainPage(
    kind: ListKind,
    scope: ListScope,
    q: ListItemsQuery,
    offset: number,
    columns: readonly string[] | undefined,
  ) {
    const bounds = scopeBounds(scope);
    const name = `lists_page_${kind.replace('-', '_')}${bounds.manager ? '_manager' : ''}${bounds.region ? '_region' : ''}${bounds.organisationId ? '_org' : ''}${bounds.userId ? '_user' : ''}${columns ? '_listed' : ''}`;
    const statement = preparedOnce(this.db, name, () => {
      const placeholders: ScopeBounds = {
        manager: bounds.manager,
        region: bounds.region && [sql.placeholder('low'), sql.placeholder('high')],
        organisationId: bounds.organisationId && sql.placeholder('org'),
        userId: bounds.userId && sql.placeholder('user'),
      };
      return this.pageQuery(
        this.filters(kind, placeholders, q),
        q.sort,
        sql.placeholder('limit'),
        sql.placeholder('offset'),
        columns,
      ).prepare(name);
    });
    return statement.execute({
      low: bounds.region?.[0],
      high: bounds.region?.[1],
      org: bounds.organisationId,
      user: bounds.userId,
      limit: q.pageSize,
      offset,
    });
  }

  /** Every matching item (exports), in code order, a page at a time. */
  async *iterate(kind: ListKind, scope: ListScope, q: Partial<ListItemsQuery>, pageSize = 2000) {
    const where = this.filters(kind, scopeBounds(scope), q);
    yield* keysetPages(
      (after) =>
        this.db
          .select()
          .from(t)
          .where(and(where, after === null ? undefined : gt(t.code, after)))
          .orderBy(asc(t.code))
          .limit(pageSize),
      (row) => row.code,
      pageSize,
    );
  }

  /** Items changed at or after a time, or with these ids (for the matching index), a page at a time by id. */
  async *changed(filter: { since?: Date; ids?: readonly string[] }, pageSize = 5000) {
    if (filter.ids?.length === 0) return;
    const condition = filter.ids
      ? inArray(t.id, [...filter.ids])
      : filter.since
        ? sql`${t.updatedAt} >= ${filter.since.toISOString()}`
        : undefined;
    yield* keysetPages(
      (after) =>
        this.db
          .select()
          .from(t)
          .where(and(condition, after === null ? undefined : gt(t.id, after)))
          .orderBy(asc(t.id))
          .limit(pageSize),
      (row) => row.id,
      pageSize,
    );
  }

  async insert(values: typeof t.$inferInsert): Promise<ListItemRow> {
    const [row] = await this.db.insert(t).values(values).returning();
    return row!;
  }

  async insertMany(values: (typeof t.$inferInsert)[]): Promise<ListItemRow[]> {
    if (values.length === 0) return [];
    return this.db.insert(t).values(values).returning();
  }

  /** Compare-and-set on version (and status, for transitions); undefined when the row changed since it was read. */
  async updateVersioned(
    id: string,
    version: number,
    values: Partial<typeof t.$inferInsert>,
    status?: Status,
  ): Promise<ListItemRow | undefined> {
    const [row] = await this.db
      .update(t)
      .set({ ...values, version: sql`${t.version} + 1` })
      .where(and(eq(t.id, id), eq(t.version, version), status ? eq(t.status, status) : undefined))
      .returning();
    return row;
  }

  /**
   * Asks whether a demand being worked on (对接中) is solved: stamps solvedAskedAt (a new
   * version, so a page read before sees it changed). Answers the demand, or undefined
   * when it is not being worked on.
   */
  async askSolved(id: string, at: Date): Promise<ListItemRow | undefined> {
    const [row] = await this.db
      .update(t)
      .set({ solvedAskedAt: at, version: sql`${t.version} + 1` })
      .where(and(eq(t.id, id), eq(t.kind, 'demands'), eq(t.status, 'in_progress'), isNull(t.archivedAt)))
      .returning();
    return row;
  }

  /** Published items whose deadline is before `today` (YYYY-MM-DD). */
  async overdue(today: string, limit = 1000): Promise<ListItemRow[]> {
    return this.db
      .select()
      .from(t)
      .where(and(eq(t.status, 'published'), lt(t.deadline, today), isNull(t.archivedAt)))
      .orderBy(asc(t.deadline))
      .limit(limit);
  }
}
