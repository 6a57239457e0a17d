import type { Actor, Scope } from '../../platform/access/actor.ts';
import { scopeOf } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { RegistryKind } from './contract.ts';
import { RegistryRepository, type RowOf } from './repository.ts';

/** What a named record must be besides visible: current (not archived) unless said, an expert when asked. */
export interface ReferenceRule {
  /** Archived records may be named too (default: refused). */
  archived?: boolean;
  /** Talents only: the record must be an expert. */
  expert?: boolean;
  /**
   * Organisation-bound callers (an institution's or an enterprise's account)
   * may name any record of their region, not only their organisation's: an
   * institution names an enterprise as a talent's employer.
   */
  anyOrganisation?: boolean;
}

/**
 * The registry records a request names by id (a team's leader, the experts
 * an order is dispatched to, an activity's registrant, an outcome's party),
 * resolved through the caller's scope. A record the caller may not see is
 * answered exactly like one that does not exist, so an id from another
 * region can neither be linked nor be used to learn a name. Every service
 * resolves the ids it is given here; the repository has no unscoped lookup
 * by id except the one for showing records already linked.
 */
export class References {
  private readonly repo: RegistryRepository;

  constructor(
    db: Executor,
    private readonly actor: Actor,
  ) {
    this.repo = new RegistryRepository(db);
  }

  /**
   * Every id resolved, or `missing(id, row)` thrown for the first that is not
   * in scope (row undefined) or breaks the rule (row given).
   */
  async all<K extends RegistryKind>(
    kind: K,
    ids: readonly string[],
    missing: (id: string, row: RowOf<K> | undefined) => Error,
    rule: ReferenceRule = {},
  ): Promise<Map<string, RowOf<K>>> {
    const wanted = [...new Set(ids)];
    const rows = await this.repo.byIds(kind, wanted, this.scope(rule));
    for (const id of wanted) {
      const row = rows.get(id);
      if (!row || !fits(kind, row, rule)) throw missing(id, row);
    }
    return rows;
  }

  /** One id resolved, or `missing` thrown. */
  async one<K extends RegistryKind>(
    kind: K,
    id: string,
    missing: (id: string, row: RowOf<K> | undefined) => Error,
    rule: ReferenceRule = {},
  ): Promise<RowOf<K>> {
    return (await this.all(kind, [id], missing, rule)).get(id)!;
  }

  /** True when the record with this id is in the caller's scope (however it is otherwise). */
  async visible(kind: RegistryKind, id: string, rule: ReferenceRule = {}): Promise<boolean> {
    return (await this.repo.byIds(kind, [id], this.scope(rule))).has(id);
  }

  /**
   * The records a sheet's cell names, by the value that named them: a code (any case), an
   * enterprise's 统一社会信用代码, or else an exact name. A value answers the records it names in
   * the caller's scope that fit the rule: none, one, or several that share the name. Current
   * records are preferred to archived ones of the same name.
   */
  async named<K extends RegistryKind>(
    kind: K,
    values: readonly string[],
    rule: ReferenceRule = {},
  ): Promise<Map<string, RowOf<K>[]>> {
    const wanted = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
    const variants = [...new Set(wanted.flatMap((v) => [v, v.toUpperCase()]))];
    const rows = (await this.repo.byCodesOrNames(kind, variants, this.scope(rule))).filter((row) =>
      fits(kind, row, rule),
    );
    const out = new Map<string, RowOf<K>[]>();
    for (const value of wanted) {
      const upper = value.toUpperCase();
      const coded = rows.filter(
        (r) =>
          r.code.toUpperCase() === upper ||
          ('creditCode' in r && typeof r.creditCode === 'string' && r.creditCode.toUpperCase() === upper),
      );
      const byName = rows.filter((r) => r.name === value);
      const found = coded.length > 0 ? coded : byName;
      const current = found.filter((r) => !r.archivedAt);
      out.set(value, current.length > 0 ? current : found);
    }
    return out;
  }

  private scope(rule: ReferenceRule): Scope {
    const scope = scopeOf(this.actor);
    return rule.anyOrganisation ? { ...scope, organisationId: null } : scope;
  }
}

function fits(kind: RegistryKind, row: RowOf<RegistryKind>, rule: ReferenceRule): boolean {
  if (!rule.archived && row.archivedAt) return false;
  if (rule.expert && kind === 'talents' && !(row as RowOf<'talents'>).isExpert) return false;
  return true;
}
