import type { Actor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import { addPrintableSheet } from '../../platform/io/workbook.ts';
import { chinaClock, chinaDate } from '../../reference/china-time.ts';
import type { ListsService } from '../lists/service.ts';
import type { MatchingService } from '../matching/service.ts';
import { type ActivityKind, hasMeetings, type MeetingStatus } from './constants.ts';
import type { MeetingView } from './contract.ts';
import { activitiesError } from './errors.ts';
import { type MeetingGrid, meetingGrid } from './kinds.ts';
import { ActivitiesRepository } from './repository.ts';
import { schedule } from './schedule.ts';
import type { ActivityRow, MeetingRow, meetings, RegistrationRow } from './schema.ts';
import type { ActivitiesService } from './service.ts';

const MEETING_STATUS_NAMES: Record<MeetingStatus, string> = {
  proposed: '待确认',
  accepted: '已确认',
  declined: '已谢绝',
  cancelled: '已取消',
};

/**
 * 一对一洽谈 at a matchmaking meeting: the matching engine proposes
 * enterprise–expert pairs among the confirmed participants (from the
 * enterprises' demands), both sides accept (or an organiser for them), and
 * the accepted meetings are laid out in the activity's grid of time slots and
 * tables with nobody in two places at once (schedule.ts).
 */
export class MeetingsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly activities: ActivitiesService,
    private readonly lists: ListsService,
    private readonly matching: MatchingService,
  ) {}

  async list(actor: Actor, id: string) {
    const activity = await this.matchmaking(this.database.db, actor, id);
    return this.result(this.database.db, actor, activity);
  }

  /**
   * Proposals from matching: for each confirmed enterprise, its open demands
   * against the confirmed experts of this activity; the best pairs not
   * proposed before, with the reasons, until the enterprise has
   * `perEnterprise` open meetings (a declined one is replaced on the next
   * run). Returns how many were added.
   */
  async propose(actor: Actor, id: string, perEnterprise: number, locale: Locale) {
    const activity = await this.matchmaking(this.database.db, actor, id, true);
    const repo = new ActivitiesRepository(this.database.db);
    const people = (await repo.allRegistrations(id)).filter((r) => r.status === 'confirmed');
    const experts = new Map(
      people.filter((r) => r.role === 'expert' && r.talentId).map((r) => [r.talentId!, r] as const),
    );
    const enterprises = people.filter((r) => r.role === 'enterprise' && r.enterpriseId);
    const current = (await repo.meetings(id)).filter((m) => m.status !== 'cancelled');
    // Pairs proposed before (declined ones too) are not proposed again.
    const existing = new Set(current.map((m) => `${m.enterpriseRegistrationId}|${m.expertRegistrationId}`));
    // Meetings an enterprise has (proposed or accepted) count towards its `perEnterprise`.
    const live = new Map<string, number>();
    for (const m of current) {
      if (m.status === 'proposed' || m.status === 'accepted') {
        live.set(m.enterpriseRegistrationId, (live.get(m.enterpriseRegistrationId) ?? 0) + 1);
      }
    }
    const featured = new Set(await repo.featured(id));
    const proposals: (typeof meetings.$inferInsert)[] = [];
    let withoutDemand = 0;
    for (const e of enterprises) {
      const demands = (await this.lists.openDemandsOf(actor, e.enterpriseId!))
        // Demands featured at the meeting first.
        .sort((a, b) => Number(featured.has(b.id)) - Number(featured.has(a.id)));
      if (demands.length === 0) {
        withoutDemand++;
        continue;
      }
      const best = new Map<string, { score: number; demandId: string; reasons: string[] }>();
      for (const demand of demands.slice(0, 5)) {
        const answer = await this.matching.suggestionsAmong(
          actor,
          { from: 'demands', id: demand.id, against: 'experts', top: perEnterprise * 4 },
          new Set(experts.keys()),
          locale,
        );
        for (const item of answer.items) {
          const had = best.get(item.id);
          if (!had || item.score > had.score) {
            best.set(item.id, {
              score: item.score,
              demandId: demand.id,
              reasons: item.reasons.map((r) => r.label).slice(0, 6),
            });
          }
        }
      }
      const ranked = [...best].sort((a, b) => b[1].score - a[1].score);
      let added = live.get(e.id) ?? 0;
      for (const [talentId, hit] of ranked) {
        if (added >= perEnterprise) break;
        const expert = experts.get(talentId)!;
        if (existing.has(`${e.id}|${expert.id}`)) continue;
        proposals.push({
          activityId: id,
          enterpriseRegistrationId: e.id,
          expertRegistrationId: expert.id,
          demandId: hit.demandId,
          source: 'matching',
          score: Math.round(hit.score * 1000) / 1000,
          reasons: hit.reasons,
          createdAt: this.clock.now(),
          updatedAt: this.clock.now(),
        });
        existing.add(`${e.id}|${expert.id}`);
        added++;
      }
    }
    const added = await this.database.transaction(async (tx) => {
      const n = await new ActivitiesRepository(tx).insertMeetings(proposals);
      await this.audit.record(tx, actor, {
        action: 'activity.meetings.propose',
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: { proposed: { to: n } },
      });
      const sides = new Set(proposals.flatMap((m) => [m.enterpriseRegistrationId, m.expertRegistrationId]));
      await this.activities.registrants.tell(
        tx,
        people.filter((p) => sides.has(p.id)),
        {
          kind: 'activity.meeting',
          title: `洽谈邀请：${activity.title}`,
          body: '平台为您推荐了一对一洽谈，请确认是否参加。',
          link: `/activities/${id}`,
        },
      );
      return n;
    });
    return { added, enterprises: enterprises.length, experts: experts.size, withoutDemand };
  }

  /** A meeting asked for by a participant (their side) or set up by an organiser. */
  async request(
    actor: Actor,
    id: string,
    input: { enterpriseRegistrationId: string; expertRegistrationId: string; demandId?: string | undefined },
  ) {
    return this.database.transaction(async (tx) => {
      const activity = await this.matchmaking(tx, actor, id);
      const manager = this.activities.manages(actor, activity);
      const repo = new ActivitiesRepository(tx);
      const sides = await repo.registrationsByIds([
        input.enterpriseRegistrationId,
        input.expertRegistrationId,
      ]);
      const e = sides.get(input.enterpriseRegistrationId);
      const x = sides.get(input.expertRegistrationId);
      if (
        !e ||
        !x ||
        e.activityId !== id ||
        x.activityId !== id ||
        e.role !== 'enterprise' ||
        x.role !== 'expert' ||
        e.status !== 'confirmed' ||
        x.status !== 'confirmed'
      ) {
        throw activitiesError('MEETING_SIDES_INVALID');
      }
      const mySide = this.side(actor, e, x);
      if (!manager && !mySide) throw activitiesError('MEETING_NOT_YOURS');
      if (input.demandId) {
        const [demand] = await this.lists.visibleRows(actor, [input.demandId], tx);
        if (!demand) throw activitiesError('MEETING_DEMAND_UNKNOWN');
      }
      const now = this.clock.now();
      const added = await repo.insertMeetings([
        {
          activityId: id,
          enterpriseRegistrationId: e.id,
          expertRegistrationId: x.id,
          demandId: input.demandId ?? null,
          source: manager ? 'operator' : 'participant',
          // The side that asks has said yes.
          enterpriseAccepted: mySide === 'enterprise',
          expertAccepted: mySide === 'expert',
          createdAt: now,
          updatedAt: now,
        },
      ]);
      if (added === 0) throw activitiesError('MEETING_DUPLICATE');
      await this.audit.record(tx, actor, {
        action: 'activity.meetings.request',
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: { meeting: { to: { enterprise: e.name, expert: x.name } } },
      });
      return this.result(tx, actor, activity);
    });
  }

  /** Accept or decline (one's own side; organisers for either), or cancel (organisers). */
  async act(
    actor: Actor,
    id: string,
    meetingId: string,
    request: { action: 'accept' | 'decline' | 'cancel'; version: number; reason?: string | undefined },
  ) {
    return this.database.transaction(async (tx) => {
      const activity = await this.matchmaking(tx, actor, id);
      const repo = new ActivitiesRepository(tx);
      const meeting = await repo.meeting(id, meetingId);
      if (!meeting) throw activitiesError('MEETING_NOT_FOUND');
      const sides = await repo.registrationsByIds([
        meeting.enterpriseRegistrationId,
        meeting.expertRegistrationId,
      ]);
      const e = sides.get(meeting.enterpriseRegistrationId)!;
      const x = sides.get(meeting.expertRegistrationId)!;
      const manager = this.activities.manages(actor, activity);
      const side = this.side(actor, e, x);
      if (!this.actions(meeting, manager, side).includes(request.action)) {
        if (!manager && !side) throw activitiesError('MEETING_NOT_YOURS');
        throw activitiesError('MEETING_ACTION_NOT_ALLOWED', {
          params: {
            status: MEETING_STATUS_NAMES[meeting.status],
            action: { accept: '确认', decline: '谢绝', cancel: '取消' }[request.action],
          },
        });
      }
      const values: Partial<MeetingRow> = { updatedAt: this.clock.now() };
      if (request.action === 'accept') {
        // An organiser accepts for both sides; a participant for their own.
        if (manager && !side) {
          values.enterpriseAccepted = true;
          values.expertAccepted = true;
        } else if (side === 'enterprise') values.enterpriseAccepted = true;
        else values.expertAccepted = true;
        const both =
          (values.enterpriseAccepted ?? meeting.enterpriseAccepted) &&
          (values.expertAccepted ?? meeting.expertAccepted);
        if (both) values.status = 'accepted';
      } else {
        values.status = request.action === 'decline' ? 'declined' : 'cancelled';
        values.declineReason = request.reason ?? null;
        values.slot = null;
        values.tableNo = null;
      }
      const after = await repo.updateMeeting(meeting.id, request.version, values);
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: meeting.version } });
      await this.audit.record(tx, actor, {
        action: `activity.meetings.${request.action}`,
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: {
          meeting: { to: { id: meeting.id, enterprise: e.name, expert: x.name } },
          status: { from: meeting.status, to: after.status },
        },
      });
      return this.result(tx, actor, activity);
    });
  }

  /**
   * 排程: the accepted meetings into the grid (meetings already placed keep
   * their place when they still can); tells both sides their slot and table.
   */
  async arrange(actor: Actor, id: string) {
    return this.database.transaction(async (tx) => {
      const activity = await this.matchmaking(tx, actor, id, true);
      const repo = new ActivitiesRepository(tx);
      await repo.lock(id);
      const grid = gridOf(activity);
      const all = await repo.meetings(id);
      const accepted = all.filter((m) => m.status === 'accepted');
      const timetable = schedule(
        accepted.map((m) => ({
          id: m.id,
          a: m.enterpriseRegistrationId,
          b: m.expertRegistrationId,
          slot: m.slot,
          table: m.tableNo,
        })),
        grid.slots,
        grid.tables,
      );
      const placed = new Map(timetable.placed.map((p) => [p.id, p]));
      let moved = 0;
      for (const m of accepted) {
        const p = placed.get(m.id);
        if ((p?.slot ?? null) !== m.slot || (p?.table ?? null) !== m.tableNo) {
          await repo.placeMeeting(m.id, p?.slot ?? null, p?.table ?? null);
          moved++;
        }
      }
      await this.audit.record(tx, actor, {
        action: 'activity.meetings.arrange',
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: {
          placed: { to: timetable.placed.length },
          unplaced: { to: timetable.unplaced.length },
          changed: { to: moved },
        },
      });
      return this.result(tx, actor, activity);
    });
  }

  /** 洽谈日程 as Excel: one sheet by table and time, one sheet per participant. */
  async exportSchedule(actor: Actor, id: string, locale: Locale) {
    const activity = await this.matchmaking(this.database.db, actor, id, true);
    const { items } = await this.result(this.database.db, actor, activity);
    const placed = items
      .filter((m) => m.slot !== null)
      .sort((a, b) => a.slot! - b.slot! || a.table! - b.table!);
    const en = locale === 'en-US';
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    book.creator = 'Caiqiao';
    const time = (m: MeetingView) =>
      `${chinaClock(new Date(m.startsAt!))}–${chinaClock(new Date(m.endsAt!))}`;
    const byTable = addPrintableSheet(book, en ? 'By table' : '按桌次');
    const columns: ColumnSpec[] = [
      { key: 'table', header: '桌号', headerEn: 'Table' },
      { key: 'time', header: '时间', headerEn: 'Time' },
      { key: 'enterprise', header: '企业', headerEn: 'Enterprise' },
      { key: 'expert', header: '专家', headerEn: 'Expert' },
      { key: 'demand', header: '洽谈需求', headerEn: 'Demand' },
    ];
    byTable.columns = columns.map((c) => ({
      header: en ? c.headerEn : c.header,
      key: c.key,
      width: c.key === 'demand' ? 40 : 18,
    }));
    byTable.getRow(1).font = { bold: true };
    for (const m of [...placed].sort((a, b) => a.table! - b.table! || a.slot! - b.slot!)) {
      byTable.addRow({
        table: m.table,
        time: time(m),
        enterprise: m.enterprise.name,
        expert: m.expert.name,
        demand: m.demand?.title ?? '',
      });
    }
    const byPerson = addPrintableSheet(book, en ? 'By participant' : '按参会人');
    byPerson.columns = [
      { header: en ? 'Participant' : '参会人', key: 'who', width: 24 },
      { header: en ? 'Time' : '时间', key: 'time', width: 14 },
      { header: en ? 'Table' : '桌号', key: 'table', width: 8 },
      { header: en ? 'Meets' : '洽谈对象', key: 'with', width: 24 },
      { header: en ? 'Demand' : '洽谈需求', key: 'demand', width: 40 },
    ];
    byPerson.getRow(1).font = { bold: true };
    const rows: { who: string; slot: number; time: string; table: number; with: string; demand: string }[] =
      [];
    for (const m of placed) {
      const demand = m.demand?.title ?? '';
      rows.push({
        who: m.enterprise.name,
        slot: m.slot!,
        time: time(m),
        table: m.table!,
        with: m.expert.name,
        demand,
      });
      rows.push({
        who: m.expert.name,
        slot: m.slot!,
        time: time(m),
        table: m.table!,
        with: m.enterprise.name,
        demand,
      });
    }
    rows.sort((a, b) => a.who.localeCompare(b.who, 'zh-CN') || a.slot - b.slot);
    for (const { slot: _s, ...row } of rows) byPerson.addRow(row);
    return {
      fileName: `${activity.title}-洽谈日程.xlsx`,
      data: Buffer.from(await book.xlsx.writeBuffer()),
    };
  }

  private async matchmaking(db: Executor, actor: Actor, id: string, manage = false): Promise<ActivityRow> {
    const activity = manage
      ? await this.activities.managed(db, actor, id)
      : await this.activities.find(db, actor, id);
    if (!hasMeetings(activity.kind as ActivityKind)) throw activitiesError('MEETINGS_NOT_MATCHMAKING');
    return activity;
  }

  /** Which side of a meeting the caller is on, if any. */
  private side(actor: Actor, e: RegistrationRow, x: RegistrationRow): 'enterprise' | 'expert' | null {
    const mine = (r: RegistrationRow) =>
      r.userId === actor.userId || (!!actor.organisationId && r.organisationId === actor.organisationId);
    if (mine(e)) return 'enterprise';
    if (mine(x)) return 'expert';
    return null;
  }

  private actions(
    m: MeetingRow,
    manager: boolean,
    side: 'enterprise' | 'expert' | null,
  ): ('accept' | 'decline' | 'cancel')[] {
    const out: ('accept' | 'decline' | 'cancel')[] = [];
    if (m.status === 'proposed') {
      const mineAccepted =
        side === 'enterprise' ? m.enterpriseAccepted : side === 'expert' ? m.expertAccepted : false;
      if ((side && !mineAccepted) || (manager && !side)) out.push('accept');
      if (side || manager) out.push('decline');
    }
    if (m.status === 'accepted' && side) out.push('decline');
    if (manager && (m.status === 'proposed' || m.status === 'accepted')) out.push('cancel');
    return out;
  }

  /** The meetings the caller may see: all for organisers, their own for participants. */
  private async result(db: Executor, actor: Actor, activity: ActivityRow) {
    const repo = new ActivitiesRepository(db);
    const manager = this.activities.manages(actor, activity);
    const grid = gridOf(activity);
    const all = await repo.meetings(activity.id);
    const people = await repo.registrationsByIds([
      ...new Set(all.flatMap((m) => [m.enterpriseRegistrationId, m.expertRegistrationId])),
    ]);
    const demands = new Map(
      (
        await this.lists.visibleRows(
          actor,
          [...new Set(all.map((m) => m.demandId).filter((d): d is string => !!d))],
          db,
        )
      ).map((d) => [d.id, d]),
    );
    const start = slotStart(activity, grid);
    const items: MeetingView[] = [];
    for (const m of all) {
      const e = people.get(m.enterpriseRegistrationId)!;
      const x = people.get(m.expertRegistrationId)!;
      const side = this.side(actor, e, x);
      if (!manager && !side) continue;
      const demand = m.demandId ? demands.get(m.demandId) : undefined;
      const at = m.slot === null ? null : new Date(start.getTime() + m.slot * grid.slotMinutes * 60_000);
      items.push({
        id: m.id,
        enterprise: { registrationId: e.id, name: e.name },
        expert: { registrationId: x.id, name: x.name },
        demand: demand ? { id: demand.id, code: demand.code, title: demand.title } : null,
        source: m.source,
        score: m.score,
        reasons: m.reasons,
        status: m.status,
        enterpriseAccepted: m.enterpriseAccepted,
        expertAccepted: m.expertAccepted,
        declineReason: m.declineReason,
        slot: m.slot,
        table: m.tableNo,
        startsAt: at?.toISOString() ?? null,
        endsAt: at ? new Date(at.getTime() + grid.slotMinutes * 60_000).toISOString() : null,
        actions: this.actions(m, manager, side),
        version: m.version,
      });
    }
    const unplaced = all.filter((m) => m.status === 'accepted' && m.slot === null).length;
    return { items, grid, unplaced };
  }
}

export function gridOf(activity: ActivityRow): MeetingGrid {
  const parsed = meetingGrid.safeParse((activity.details as { meetings?: unknown }).meetings ?? {});
  return parsed.success ? parsed.data : meetingGrid.parse({});
}

/** The first slot's start: the activity's (China) date at the grid's first time. */
function slotStart(activity: ActivityRow, grid: MeetingGrid): Date {
  const day = chinaDate(activity.startsAt);
  return new Date(`${day}T${grid.firstSlotAt}:00+08:00`);
}
