import type { Actor } from '../../platform/access/actor.ts';
import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { OUTCOME_NAMES as ACTIVITY_OUTCOME_NAMES } from '../activities/constants.ts';
import { OUTCOME_NAMES as ORDER_OUTCOME_NAMES } from '../orders/constants.ts';
import { TeamsRepository } from '../teams/repository.ts';
import { teamsSeenPrefix } from '../teams/service.ts';
import { SESSION_KIND_NAMES } from './constants.ts';
import type { OutcomeSource, TeamOutcomesView } from './contract-outcomes.ts';
import { standingError } from './errors.ts';
import { OutcomesRepository } from './outcomes-repository.ts';

function kindName(source: OutcomeSource, kind: string, lang: 'zh' | 'en'): string {
  const names: Record<string, { zh: string; en: string }> =
    source === 'order' ? ORDER_OUTCOME_NAMES : ACTIVITY_OUTCOME_NAMES;
  return names[kind]?.[lang] ?? kind;
}

/** A team's outcomes so far, newest first, with where each came from (GET /api/standing/teams/:teamId/outcomes). */
export class TeamOutcomes {
  constructor(private readonly database: Database) {}

  async list(
    actor: Actor,
    teamId: string,
    q: { page: number; pageSize: number },
    locale: Locale,
  ): Promise<TeamOutcomesView> {
    const db = this.database.db;
    // A team the caller cannot see is answered like one that does not exist.
    const team = await new TeamsRepository(db).byId(teamId, teamsSeenPrefix(actor));
    if (!team) throw standingError('PLAN_TEAM_NOT_FOUND');
    const lang = locale === 'en-US' ? 'en' : 'zh';
    const repo = new OutcomesRepository(this.database);
    const [rows, kinds] = await Promise.all([repo.page(team.id, q.page, q.pageSize), repo.byKind(team.id)]);
    let total = rows[0]?.total ?? 0;
    // Past the last page: the total alone.
    if (rows.length === 0 && q.page > 1) total = await repo.count(team.id);
    return {
      teamId: team.id,
      byKind: kinds.map((k) => ({
        kind: k.kind,
        // The order's name where both channels have the kind (签订合作协议, 引进人才).
        name: kindName(k.kind in ORDER_OUTCOME_NAMES ? 'order' : k.source, k.kind, lang),
        count: Number(k.count),
        amountYuan: k.amount === null ? null : Number(k.amount) / 100,
      })),
      items: rows.map((r) => ({
        id: r.id,
        source: r.source,
        kind: r.kind,
        kindName: kindName(r.source, r.kind, lang),
        count: Number(r.count),
        amountYuan: r.amount_fen === null ? null : Number(r.amount_fen) / 100,
        note: r.note,
        happenedOn: r.happened_on,
        from: { id: r.from_id, code: r.from_code, title: r.from_title, link: r.link },
        session:
          r.session_id && r.session_kind && r.due_on
            ? {
                id: r.session_id,
                kind: r.session_kind,
                kindName: SESSION_KIND_NAMES[r.session_kind][lang],
                dueOn: r.due_on,
              }
            : null,
      })),
      total: Number(total),
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
