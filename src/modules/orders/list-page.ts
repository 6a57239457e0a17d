import { sql } from 'drizzle-orm';
import { institutions, talents } from '../registry/schema.ts';
import { teamMembers, teams } from '../teams/schema.ts';
import { serviceOrders as o, orderOffers, type ServiceOrderRow } from './schema.ts';

/**
 * What the orders list shows beside each order, read in the page's own
 * statement (one round trip a page): its offers (whose they are decides the
 * caller's actions), its team's name and members' accounts, its institution.
 */

/**
 * A column of the page's order inside a subquery: named with its table, as drizzle leaves the
 * table out of a one-table select's columns (and in the subquery a bare name binds to the
 * subquery's own table).
 */
const outer = (column: string) => sql`${o}.${sql.identifier(column)}`;

/** An offer as the page statement carries it (JSON: its times as text). */
interface PageOffer {
  round: number;
  talentId: string;
  state: string;
  reason: string | null;
  offeredAt: string;
  answeredAt: string | null;
  name: string;
  userId: string | null;
}

/** The page select's columns beside the order. */
export const PAGE_PARTS = {
  offers: sql<PageOffer[]>`coalesce((select json_agg(json_build_object('round', f.round,
      'talentId', f.talent_id, 'state', f.state, 'reason', f.reason, 'offeredAt', f.offered_at,
      'answeredAt', f.answered_at, 'name', t.name, 'userId', t.user_id)
      order by f.round, f.offered_at, t.code)
    from ${orderOffers} f join ${talents} t on t.id = f.talent_id where f.order_id = ${outer('id')}), '[]'::json)`,
  teamName: sql<string | null>`(select t.name from ${teams} t where t.id = ${outer('team_id')})`,
  teamUsers: sql<string[]>`coalesce((select json_agg(x.user_id) from ${teamMembers} m
    join ${talents} x on x.id = m.talent_id where m.team_id = ${outer('team_id')} and x.user_id is not null), '[]'::json)`,
  institutionName: sql<
    string | null
  >`(select i.name from ${institutions} i where i.id = ${outer('institution_id')})`,
};

/** A page row as the service takes it: the order, its offers as rows (times as dates), the rest. */
export function orderWithParts(r: {
  row: ServiceOrderRow;
  offers: PageOffer[];
  teamName: string | null;
  teamUsers: string[];
  institutionName: string | null;
}) {
  return {
    order: r.row,
    offers: r.offers.map((x) => ({
      ...x,
      orderId: r.row.id,
      offeredAt: new Date(x.offeredAt),
      answeredAt: x.answeredAt ? new Date(x.answeredAt) : null,
    })),
    teamName: r.teamName,
    teamUsers: r.teamUsers,
    institutionName: r.institutionName,
  };
}
