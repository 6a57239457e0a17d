import type { Actor } from '../../platform/access/actor.ts';
import { scopeOf } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/client.ts';
import { regionFullName } from '../../reference/regions.ts';
import { MONTHS, type OverviewSort, SUBJECTS, type Subject } from './constants.ts';
import type { OverviewRowsView, OverviewView, Tally } from './contract.ts';
import { type MonthRow, OverviewRepository, type OverviewScope } from './overview-repository.ts';
import { add, dueUntil, emptyTally, fulfilment } from './views.ts';

const tallyOf = (r: { planned: number; done: number; overdue: number; due: number }): Tally => ({
  planned: Number(r.planned),
  done: Number(r.done),
  overdue: Number(r.overdue),
  due: Number(r.due),
});

/** A year's months from rows of (key, month, tallies), per key. */
function monthsByKey(rows: readonly MonthRow[], keyOf: (r: MonthRow) => string): Map<string, Tally[]> {
  const out = new Map<string, Tally[]>();
  for (const r of rows) {
    const key = keyOf(r);
    let months = out.get(key);
    if (!months) {
      months = MONTHS.map(emptyTally);
      out.set(key, months);
    }
    add(months[Number(r.month) - 1]!, tallyOf(r));
  }
  return out;
}

function summed(months: readonly Tally[]): Tally {
  const total = emptyTally();
  for (const m of months) add(total, m);
  return total;
}

/**
 * 常态化服务总览: an office's year of standing service. The summary holds the
 * region's months per subject (teams, commissioners, contact duties); the
 * rows page through one subject's teams or people with their months, the
 * furthest behind first, and what came of their work (a team's outcomes, a
 * commissioner's refined demands). Every figure is counted in SQL, so a
 * region of thousands of commissioners answers a page, not all of them.
 */
export class StandingOverview {
  constructor(
    private readonly database: Database,
    private readonly today: () => string,
  ) {}

  private scope(actor: Actor, year: number | undefined): OverviewScope {
    const today = this.today();
    return {
      regionPrefix: scopeOf(actor).regionPrefix,
      year: year ?? Number(today.slice(0, 4)),
      today,
      dueUntil: dueUntil(today),
    };
  }

  async summary(actor: Actor, year?: number): Promise<OverviewView> {
    const s = this.scope(actor, year);
    const repo = new OverviewRepository(this.database);
    const [months, owners] = await Promise.all([repo.months(s), repo.ownerCounts(s)]);
    const bySubject = monthsByKey(months, (r) => r.subject);
    const all = monthsByKey(months, () => 'all').get('all') ?? MONTHS.map(emptyTally);
    const subject = (x: Subject) => {
      const byMonth = bySubject.get(x) ?? MONTHS.map(emptyTally);
      const total = summed(byMonth);
      return { owners: owners[x], total, byMonth, fulfilment: fulfilment(total) };
    };
    const total = summed(all);
    return {
      year: s.year,
      today: s.today,
      subjects: Object.fromEntries(SUBJECTS.map((x) => [x, subject(x)])) as OverviewView['subjects'],
      total,
      byMonth: all,
      fulfilment: fulfilment(total),
    };
  }

  async rows(
    actor: Actor,
    q: {
      year?: number | undefined;
      subject: Subject;
      q?: string | undefined;
      sort: OverviewSort;
      page: number;
      pageSize: number;
    },
  ): Promise<OverviewRowsView> {
    const s = this.scope(actor, q.year);
    const repo = new OverviewRepository(this.database);
    let owners = await repo.page(q.subject, s, q);
    let total = Number(owners[0]?.total ?? 0);
    if (owners.length === 0 && q.page > 1) {
      // Past the last page: the total alone.
      total = Number((await repo.page(q.subject, s, { ...q, page: 1, pageSize: 1 }))[0]?.total ?? 0);
      owners = [];
    }
    const ids = owners.map((o) => o.id);
    const [months, outcomes, refined] = await Promise.all([
      repo.ownerMonths(q.subject, s, ids),
      q.subject === 'team' ? repo.teamOutcomes(ids, s.year) : Promise.resolve([]),
      q.subject === 'commission' ? repo.refined(ids, s) : Promise.resolve([]),
    ]);
    const perMonth = monthsByKey(months, (r) => r.key);
    const outcomesOf = new Map(outcomes.map((o) => [o.key, o]));
    const refinedOf = new Map(refined.map((r) => [r.key, r]));
    return {
      year: s.year,
      today: s.today,
      items: owners.map((o) => {
        const t = tallyOf(o);
        const out = outcomesOf.get(o.id);
        const ref = refinedOf.get(o.id);
        return {
          subject: q.subject,
          id: o.id,
          name: o.name,
          regionName: o.region_code ? regionFullName(o.region_code) : null,
          countyName: o.county_code ? regionFullName(o.county_code) : null,
          industryName: o.industry_name,
          hasPlan: o.has_plan,
          enterprises: o.enterprises === null ? null : Number(o.enterprises),
          total: t,
          byMonth: perMonth.get(o.id) ?? MONTHS.map(emptyTally),
          fulfilment: fulfilment(t),
          outcomes:
            q.subject === 'team'
              ? {
                  count: Number(out?.count ?? 0),
                  amountYuan: out?.amount == null ? null : Number(out.amount) / 100,
                }
              : null,
          refined:
            q.subject === 'commission'
              ? { total: Number(ref?.total ?? 0), confirmed: Number(ref?.confirmed ?? 0) }
              : null,
        };
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
