import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { Actor } from '../../platform/access/actor.ts';
import { publicPrefix, regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { type Database, type Executor, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import { cellsByKey, identifierHeaders, mapHeaders } from '../../platform/io/columns.ts';
import { failureOf, withoutDetails } from '../../platform/io/failures.ts';
import { readTable } from '../../platform/io/table.ts';
import { exportFile, exportXlsx } from '../../platform/io/workbook.ts';
import type { NotificationsService } from '../../platform/notifications/service.ts';
import { decide, statusRefusalParams } from '../../platform/workflow.ts';
import { chinaDate, chinaDateTime, startOfChinaDay } from '../../reference/china-time.ts';
import { isValidMobile, maskMobile, normaliseMobile } from '../../reference/mobile.ts';
import { regionFullName } from '../../reference/regions.ts';
import type { ListsService } from '../lists/service.ts';
import { References } from '../registry/references.ts';
import { RegistryRepository } from '../registry/repository.ts';
import type { CheckInCodes } from './checkin.ts';
import type {
  ActivitiesExportQuery,
  ActivitiesQuery,
  ActivityInput,
  ActivityUpdate,
  ActivityView,
  RegisterRequest,
  RegistrationView,
} from './contract.ts';
import { activitiesError } from './errors.ts';
import {
  type ActivityKind,
  type ActivityOutcomeKind,
  KINDS,
  ORGANISATION_ROLES,
  OUTCOME_NAMES,
  type ParticipantRole,
  ROLE_NAMES,
  takesSeat,
} from './kinds.ts';
import {
  ACTIVITY_STATUS_NAMES,
  ACTIVITY_WORKFLOW,
  type ActivityAction,
  activityActionsFor,
  LIVE_REGISTRATION,
  REGISTRATION_STATUS_NAMES,
  type RegistrationStatus,
} from './machine.ts';
import { ActivitiesRepository, type ActivityScope, type Counts } from './repository.ts';
import type { ActivityRow, RegistrationRow } from './schema.ts';

const NO_COUNTS: Counts = { confirmed: 0, seated: 0, pending: 0, waitlisted: 0, checkedIn: 0 };

/** Rows an export holds at most, and read at a time. */
const EXPORT_MAX = 50_000;
const EXPORT_PAGE = 500;

const ACTIVITY_EXPORT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', header: '活动编号', headerEn: 'Code' },
  { key: 'title', header: '活动名称', headerEn: 'Title' },
  { key: 'kind', header: '类型', headerEn: 'Kind' },
  { key: 'status', header: '状态', headerEn: 'Status' },
  { key: 'startsAt', header: '开始时间', headerEn: 'Starts' },
  { key: 'endsAt', header: '结束时间', headerEn: 'Ends' },
  { key: 'place', header: '地点', headerEn: 'Place' },
  { key: 'region', header: '所在地区', headerEn: 'Region' },
  { key: 'organisers', header: '主办单位', headerEn: 'Organisers' },
  { key: 'capacity', header: '名额', headerEn: 'Capacity' },
  { key: 'confirmed', header: '报名成功', headerEn: 'Confirmed' },
  { key: 'pending', header: '待审核', headerEn: 'Pending' },
  { key: 'waitlisted', header: '候补', headerEn: 'Waiting list' },
  { key: 'checkedIn', header: '签到', headerEn: 'Checked in' },
  { key: 'outcomes', header: '活动成效', headerEn: 'Outcomes' },
  { key: 'amountYuan', header: '签约金额（元）', headerEn: 'Amount (CNY)' },
];

/** Who is registering: resolved from the request and the caller before any seat is taken. */
interface Participant {
  role: ParticipantRole;
  identity: string;
  name: string;
  organisationName: string | null;
  userId: string | null;
  talentId: string | null;
  enterpriseId: string | null;
  institutionId: string | null;
  organisationId: string | null;
  mobile: string | null;
  note: string | null;
  source: 'self' | 'invited' | 'imported' | 'operator';
}

/** The columns of a registration sheet (报名表): name, mobile, organisation, role, note. */
export const REGISTRATION_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'name',
    header: '姓名',
    headerEn: 'Name',
    aliases: ['联系人', '参会人'],
    required: true,
    example: '张伟',
  },
  {
    key: 'mobile',
    header: '手机',
    headerEn: 'Mobile',
    aliases: ['手机号', '联系电话', '电话'],
    example: '13905721234',
    identifier: true,
  },
  {
    key: 'organisation',
    header: '单位',
    headerEn: 'Organisation',
    aliases: ['工作单位', '企业名称', '所在单位'],
  },
  {
    key: 'role',
    header: '身份',
    headerEn: 'Role',
    aliases: ['参会身份', '角色', '类别'],
    hint: '如：专家、企业、学员',
  },
  { key: 'note', header: '备注', headerEn: 'Note' },
];

/** The longest name, organisation and note a sheet's row may give: those of registerRequest. */
const IMPORT_LIMITS: readonly (readonly [string, number])[] = [
  ['name', 64],
  ['organisation', 128],
  ['note', 500],
];

/**
 * Activities: the region's organisers (activities.manage) set them up and run
 * them; people and organisations register (or are invited or imported), with
 * approval, capacity and a waiting list decided one at a time per activity
 * (the activity row is locked while a seat is decided); at the door a signed
 * QR code or a name search checks them in.
 */
export class ActivitiesService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly codes: CheckInCodes,
    private readonly lists: ListsService,
    private readonly notifications: NotificationsService,
  ) {}

  scopeFor(actor: Actor): ActivityScope {
    const manager = actor.permissions.has('activities.manage');
    const prefix = scopeOf(actor).regionPrefix;
    return {
      regionPrefix: manager ? prefix : publicPrefix(prefix),
      manager,
      userId: actor.userId,
      organisationId: actor.organisationId,
    };
  }

  async list(actor: Actor, q: ActivitiesQuery) {
    const repo = new ActivitiesRepository(this.database.db);
    const { items, total } = await repo.list(this.scopeFor(actor), {
      ...listFilter(q),
      page: q.page,
      pageSize: q.pageSize,
    });
    const counts = await repo.counts(items.map((x) => x.id));
    return {
      items: items.map((row) => summary(row, counts.get(row.id) ?? NO_COUNTS)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /**
   * 活动台账: the activities the caller sees, with the list's filters, every
   * row (up to EXPORT_MAX): when and where, who organised it, seats,
   * registrations and check-ins, and what came of it.
   */
  async export(actor: Actor, q: ActivitiesExportQuery, locale: Locale) {
    const en = locale === 'en-US';
    const lang = en ? 'en' : 'zh';
    const repo = new ActivitiesRepository(this.database.db);
    const rows: Record<string, string | number | null>[] = [];
    for (let page = 1; rows.length < EXPORT_MAX; page++) {
      const { items } = await repo.list(this.scopeFor(actor), {
        ...listFilter(q),
        page,
        pageSize: EXPORT_PAGE,
      });
      const ids = items.map((x) => x.id);
      const [counts, totals] = await Promise.all([repo.counts(ids), repo.outcomeTotals(ids)]);
      for (const row of items) {
        const c = counts.get(row.id) ?? NO_COUNTS;
        const mine = totals.filter((x) => x.activityId === row.id);
        const amountFen = mine.reduce((sum, x) => sum + Number(x.amountFen ?? 0), 0);
        rows.push({
          code: row.code,
          title: row.title,
          kind: KINDS[row.kind as ActivityKind].name[lang],
          status: ACTIVITY_STATUS_NAMES[row.status][lang],
          startsAt: chinaDateTime(row.startsAt),
          endsAt: chinaDateTime(row.endsAt),
          place: row.place,
          region: regionFullName(row.regionCode),
          organisers: row.organisers.join(en ? ', ' : '、') || null,
          capacity: row.capacity,
          confirmed: c.confirmed,
          pending: c.pending,
          waitlisted: c.waitlisted,
          checkedIn: c.checkedIn,
          outcomes:
            mine
              .map((x) => {
                const name = OUTCOME_NAMES[x.kind as ActivityOutcomeKind];
                return en ? `${name.en} ${x.count}` : `${name.zh}${x.count}${name.unit}`;
              })
              .join(en ? '; ' : '；') || null,
          amountYuan: amountFen > 0 ? amountFen / 100 : null,
        });
      }
      if (items.length < EXPORT_PAGE) break;
    }
    const title = en ? 'Activities' : '活动台账';
    return exportFile(title, ACTIVITY_EXPORT_COLUMNS, rows, q.format, locale, this.clock.now());
  }

  async get(actor: Actor, id: string): Promise<ActivityView> {
    return this.view(this.database.db, actor, await this.find(this.database.db, actor, id));
  }

  /** An activity the caller can see. */
  async find(db: Executor, actor: Actor, id: string): Promise<ActivityRow> {
    const row = await new ActivitiesRepository(db).byId(id, this.scopeFor(actor));
    if (!row) throw activitiesError('ACTIVITY_NOT_FOUND');
    return row;
  }

  /** An activity the caller organises (activities.manage over its region). */
  async managed(db: Executor, actor: Actor, id: string): Promise<ActivityRow> {
    const row = await this.find(db, actor, id);
    if (!this.manages(actor, row)) throw activitiesError('ACTIVITY_NOT_MANAGER');
    return row;
  }

  manages(actor: Actor, row: ActivityRow): boolean {
    return actor.permissions.has('activities.manage') && regionInScope(row.scopeRegion, scopeOf(actor));
  }

  async create(actor: Actor, input: ActivityInput): Promise<ActivityView> {
    if (!actor.permissions.has('activities.manage')) throw activitiesError('ACTIVITY_NOT_MANAGER');
    if (!regionInScope(input.regionCode, scopeOf(actor)))
      throw activitiesError('ACTIVITY_REGION_OUT_OF_SCOPE');
    const fields = this.checkFields(input.kind, input);
    return this.database.transaction(async (tx) => {
      await this.checkFeatured(tx, actor, input.featured);
      const now = this.clock.now();
      const repo = new ActivitiesRepository(tx);
      const row = await repo.insert({
        ...fields,
        code: activityCode(new Date(input.startsAt)),
        kind: input.kind,
        regionCode: input.regionCode,
        scopeRegion: input.regionCode,
        status: 'draft',
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await repo.setFeatured(row.id, [...new Set(input.featured)]);
      await this.audit.record(tx, actor, {
        action: 'activity.create',
        entity: 'activity',
        entityId: row.id,
        regionCode: row.scopeRegion,
        changes: {
          title: { to: row.title },
          kind: { to: row.kind },
          startsAt: { to: row.startsAt.toISOString() },
        },
      });
      return this.view(tx, actor, row);
    });
  }

  async update(actor: Actor, id: string, input: ActivityUpdate): Promise<ActivityView> {
    return this.database.transaction(async (tx) => {
      const before = await this.managed(tx, actor, id);
      if (before.status === 'finished' || before.status === 'cancelled') {
        throw activitiesError('ACTIVITY_NOT_EDITABLE');
      }
      if (!regionInScope(input.regionCode, scopeOf(actor))) {
        throw activitiesError('ACTIVITY_REGION_OUT_OF_SCOPE');
      }
      const fields = this.checkFields(before.kind as ActivityKind, input);
      await this.checkFeatured(tx, actor, input.featured);
      const repo = new ActivitiesRepository(tx);
      await repo.lock(id);
      const after = await repo.update(id, input.version, {
        ...fields,
        regionCode: input.regionCode,
        scopeRegion: input.regionCode,
        updatedAt: this.clock.now(),
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      await repo.setFeatured(id, [...new Set(input.featured)]);
      // More seats: the waiting list moves up.
      const promoted = await this.fillSeats(tx, after);
      await this.audit.record(tx, actor, {
        action: 'activity.update',
        entity: 'activity',
        entityId: id,
        regionCode: after.scopeRegion,
        changes: {
          title: { from: before.title, to: after.title },
          startsAt: { from: before.startsAt.toISOString(), to: after.startsAt.toISOString() },
          capacity: { from: before.capacity, to: after.capacity },
          ...(promoted.length > 0 ? { promoted: { to: promoted.map((r) => r.id) } } : {}),
        },
      });
      return this.view(tx, actor, after);
    });
  }

  async transition(
    actor: Actor,
    id: string,
    request: { action: ActivityAction; version: number; reason?: string | undefined },
  ): Promise<ActivityView> {
    return this.database.transaction(async (tx) => {
      const before = await this.managed(tx, actor, id);
      const status = before.status;
      // managed() has established the caller manages this activity.
      const verdict = decide(ACTIVITY_WORKFLOW, status, request.action, ['manager'], request.reason);
      if (!verdict.ok) {
        if (verdict.refusal === 'reason') throw activitiesError('ACTIVITY_REASON_REQUIRED');
        throw activitiesError('ACTIVITY_TRANSITION_NOT_ALLOWED', {
          params: statusRefusalParams(ACTIVITY_WORKFLOW, status, request.action),
          details: { status, version: before.version },
        });
      }
      const to = verdict.to;
      const after = await new ActivitiesRepository(tx).update(
        id,
        request.version,
        { status: to, updatedAt: this.clock.now() },
        status,
      );
      if (!after)
        throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version, status } });
      await this.audit.record(tx, actor, {
        action: `activity.${request.action}`,
        entity: 'activity',
        entityId: id,
        regionCode: after.scopeRegion,
        changes: {
          status: { from: status, to },
          ...(request.reason ? { reason: { to: request.reason } } : {}),
        },
      });
      if (request.action === 'cancel') {
        const everyone = (await new ActivitiesRepository(tx).allRegistrations(id)).filter((r) =>
          LIVE_REGISTRATION.includes(r.status),
        );
        await this.tell(tx, everyone, {
          kind: 'activity.cancel',
          title: `活动取消：${after.title}`,
          body: request.reason ?? null,
          link: `/activities/${id}`,
        });
      }
      return this.view(tx, actor, after);
    });
  }

  // ---------- registration ----------

  /**
   * 报名: the caller registers themselves (or their organisation), or an
   * organiser registers anyone. The seat is decided with the activity row
   * locked, so two people taking the last seat at once get one seat and one
   * place on the waiting list.
   */
  async register(actor: Actor, id: string, request: RegisterRequest) {
    const registration = await this.database
      .transaction(async (tx) => {
        const activity = await this.find(tx, actor, id);
        const manager = this.manages(actor, activity);
        this.checkOpen(activity, manager);
        const who = await this.participant(tx, actor, activity, request, manager);
        return this.admit(tx, actor, activity, who, manager);
      })
      .catch(rethrowDuplicate);
    return this.registrationView(
      registration,
      true,
      [],
      await this.talentCodes(this.database.db, [registration]),
    );
  }

  /** Takes the seat decision for one participant (activity locked), writes the registration and its audit row. */
  private async admit(
    tx: Executor,
    actor: Actor,
    activity: ActivityRow,
    who: Participant,
    manager: boolean,
  ): Promise<RegistrationRow> {
    const repo = new ActivitiesRepository(tx);
    const locked = (await repo.lock(activity.id))!;
    const existing = await repo.liveByIdentity(activity.id, who.identity);
    if (existing) {
      throw activitiesError('REGISTRATION_DUPLICATE', {
        params: { status: REGISTRATION_STATUS_NAMES[existing.status].zh },
        details: { registrationId: existing.id },
      });
    }
    const seated = takesSeat(locked.kind as ActivityKind, who.role);
    let status: RegistrationStatus;
    if (locked.needsApproval && !manager && seated) status = 'pending';
    else status = seated && !(await this.seatFree(repo, locked)) ? 'waitlisted' : 'confirmed';
    const now = this.clock.now();
    const row = await repo.insertRegistration({
      activityId: activity.id,
      role: who.role,
      userId: who.userId,
      talentId: who.talentId,
      enterpriseId: who.enterpriseId,
      institutionId: who.institutionId,
      organisationId: who.organisationId,
      name: who.name,
      organisationName: who.organisationName,
      mobileEnc: who.mobile ? this.cipher.encrypt(who.mobile) : null,
      source: who.source,
      status,
      seated,
      note: who.note,
      identity: who.identity,
      createdAt: now,
      updatedAt: now,
    });
    await this.audit.record(tx, actor, {
      action: 'activity.register',
      entity: 'activity',
      entityId: activity.id,
      regionCode: activity.scopeRegion,
      changes: {
        registration: { to: { id: row.id, name: row.name, role: row.role, status, source: row.source } },
      },
    });
    return row;
  }

  private async seatFree(repo: ActivitiesRepository, activity: ActivityRow): Promise<boolean> {
    if (activity.capacity === null) return true;
    return (await repo.seatsTaken(activity.id)) < activity.capacity;
  }

  /** Moves the waiting list up while seats are free (the activity row is locked by the caller). */
  private async fillSeats(tx: Executor, activity: ActivityRow): Promise<RegistrationRow[]> {
    const repo = new ActivitiesRepository(tx);
    const promoted: RegistrationRow[] = [];
    for (const next of await repo.waitlist(activity.id)) {
      if (!(await this.seatFree(repo, activity))) break;
      const row = await repo.updateRegistration(next.id, next.version, {
        status: 'confirmed',
        updatedAt: this.clock.now(),
      });
      if (row) promoted.push(row);
    }
    await this.tell(tx, promoted, {
      kind: 'activity.promoted',
      title: `候补转正：${activity.title}`,
      body: '您已由候补转为报名成功，请按时参加。',
      link: `/activities/${activity.id}`,
    });
    return promoted;
  }

  /** Approve or reject (organisers), or cancel (organisers, or the registrant). */
  async actOnRegistration(
    actor: Actor,
    id: string,
    registrationId: string,
    request: { action: 'approve' | 'reject' | 'cancel'; reason?: string | undefined },
  ) {
    const row = await this.database.transaction(async (tx) => {
      const activity = await this.find(tx, actor, id);
      const repo = new ActivitiesRepository(tx);
      const locked = (await repo.lock(id))!;
      const before = await repo.registration(id, registrationId);
      if (!before) throw activitiesError('REGISTRATION_NOT_FOUND');
      const manager = this.manages(actor, activity);
      const own =
        before.userId === actor.userId ||
        (!!actor.organisationId && before.organisationId === actor.organisationId);
      if (!manager && !(request.action === 'cancel' && own)) throw activitiesError('ACTIVITY_NOT_MANAGER');
      const status = before.status;
      const allowed: Record<typeof request.action, RegistrationStatus[]> = {
        approve: ['pending'],
        reject: ['pending', 'waitlisted'],
        cancel: [...LIVE_REGISTRATION],
      };
      if (!allowed[request.action].includes(status)) {
        throw activitiesError('REGISTRATION_ACTION_NOT_ALLOWED', {
          params: {
            status: REGISTRATION_STATUS_NAMES[status].zh,
            action: { approve: '通过', reject: '不通过', cancel: '取消' }[request.action],
          },
        });
      }
      let to: RegistrationStatus;
      if (request.action === 'approve') {
        to = before.seated && !(await this.seatFree(repo, locked)) ? 'waitlisted' : 'confirmed';
      } else to = request.action === 'reject' ? 'rejected' : 'cancelled';
      const after = await repo.updateRegistration(before.id, before.version, {
        status: to,
        ...(request.reason ? { note: [before.note, request.reason].filter(Boolean).join('；') } : {}),
        updatedAt: this.clock.now(),
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      await this.audit.record(tx, actor, {
        action: `activity.registration.${request.action}`,
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: {
          registration: { to: { id: before.id, name: before.name } },
          status: { from: status, to },
          ...(request.reason ? { reason: { to: request.reason } } : {}),
        },
      });
      if (request.action !== 'cancel' || !own) {
        await this.tell(tx, [after], {
          kind: `activity.registration.${request.action}`,
          title: `报名${REGISTRATION_STATUS_NAMES[to].zh}：${activity.title}`,
          body: request.reason ?? null,
          link: `/activities/${id}`,
        });
      }
      if (status === 'confirmed' && before.seated) await this.fillSeats(tx, locked);
      return after;
    });
    return this.registrationView(row, true, [], await this.talentCodes(this.database.db, [row]));
  }

  async registrations(
    actor: Actor,
    id: string,
    q: {
      status?: RegistrationStatus | undefined;
      role?: ParticipantRole | undefined;
      q?: string | undefined;
      checkedIn?: 'true' | 'false' | undefined;
      page: number;
      pageSize: number;
    },
  ) {
    const activity = await this.managed(this.database.db, actor, id);
    const repo = new ActivitiesRepository(this.database.db);
    const { items, total } = await repo.registrations(activity.id, {
      status: q.status,
      role: q.role,
      q: q.q,
      ...(q.checkedIn ? { checkedIn: q.checkedIn === 'true' } : {}),
      page: q.page,
      pageSize: q.pageSize,
    });
    const waitlist = (await repo.waitlist(activity.id)).map((r) => r.id);
    const counts = (await repo.counts([activity.id])).get(activity.id) ?? NO_COUNTS;
    const codes = await this.talentCodes(this.database.db, items);
    return {
      items: items.map((r) => this.registrationView(r, false, waitlist, codes)),
      total,
      page: q.page,
      pageSize: q.pageSize,
      counts,
    };
  }

  /**
   * 参会名单 for a matchmaking meeting's participants: who else is confirmed
   * (name, organisation, role, expert code), so that one side can ask the
   * other for a meeting. Organisers and confirmed participants only.
   */
  async participants(actor: Actor, id: string) {
    const activity = await this.find(this.database.db, actor, id);
    const repo = new ActivitiesRepository(this.database.db);
    const mine = await repo.mine(id, this.scopeFor(actor));
    if (!this.manages(actor, activity) && !mine.some((r) => r.status === 'confirmed')) {
      throw activitiesError('REGISTRATION_NOT_FOUND');
    }
    const rows = (await repo.allRegistrations(id)).filter((r) => r.status === 'confirmed');
    const codes = await this.talentCodes(this.database.db, rows);
    return {
      items: rows.map((r) => ({
        registrationId: r.id,
        role: r.role as ParticipantRole,
        name: r.name,
        organisationName: r.organisationName,
        talentCode: r.talentId ? (codes.get(r.talentId) ?? null) : null,
      })),
    };
  }

  // ---------- check-in ----------

  /**
   * 签到: by the QR code on the attendee's phone (checked against this
   * activity and the registration as it is now) or by a registration found
   * by search. A second check-in is reported and not counted.
   */
  async checkIn(actor: Actor, id: string, request: { code: string } | { registrationId: string }) {
    return this.database.transaction(async (tx) => {
      const activity = await this.managed(tx, actor, id);
      const status = activity.status;
      if (status === 'draft' || status === 'cancelled') {
        throw activitiesError('CHECKIN_NOT_OPEN', { params: { status: ACTIVITY_STATUS_NAMES[status].zh } });
      }
      let registrationId: string;
      let method: 'qr' | 'search';
      if ('code' in request) {
        const decoded = this.codes.verify(request.code);
        if (!decoded) throw activitiesError('CHECKIN_CODE_INVALID');
        if (decoded.activityId !== id) {
          const other = await new ActivitiesRepository(tx).byIdUnscoped(decoded.activityId);
          throw activitiesError('CHECKIN_OTHER_ACTIVITY', {
            params: { title: other?.title ?? '（未知活动）' },
          });
        }
        registrationId = decoded.registrationId;
        method = 'qr';
      } else {
        registrationId = request.registrationId;
        method = 'search';
      }
      const repo = new ActivitiesRepository(tx);
      const before = await repo.registration(id, registrationId);
      if (!before) throw activitiesError(method === 'qr' ? 'CHECKIN_CODE_INVALID' : 'REGISTRATION_NOT_FOUND');
      if (before.status !== 'confirmed') {
        throw activitiesError('CHECKIN_NOT_CONFIRMED', {
          params: { status: REGISTRATION_STATUS_NAMES[before.status].zh },
        });
      }
      let row = before;
      let counted = false;
      if (!before.checkedInAt) {
        const now = this.clock.now();
        const after = await repo.updateRegistration(before.id, before.version, {
          checkedInAt: now,
          checkInMethod: method,
          checkedInBy: actor.userId,
          updatedAt: now,
        });
        if (after) {
          row = after;
          counted = true;
          await this.audit.record(tx, actor, {
            action: 'activity.checkin',
            entity: 'activity',
            entityId: id,
            regionCode: activity.scopeRegion,
            changes: { registration: { to: { id: row.id, name: row.name, method } } },
          });
        } else {
          row = (await repo.registration(id, registrationId)) ?? before;
        }
      }
      const counts = (await repo.counts([id])).get(id) ?? NO_COUNTS;
      return {
        counted,
        registration: this.registrationView(row, false, [], await this.talentCodes(tx, [row])),
        checkedIn: counts.checkedIn,
      };
    });
  }

  /** The QR code (PNG) of a confirmed registration, for the registrant (or an organiser) to show at the door. */
  async qrCode(actor: Actor, id: string, registrationId: string): Promise<Buffer> {
    const activity = await this.find(this.database.db, actor, id);
    const row = await new ActivitiesRepository(this.database.db).registration(id, registrationId);
    const own =
      !!row &&
      (row.userId === actor.userId ||
        (!!actor.organisationId && row.organisationId === actor.organisationId));
    if (!row || (!own && !this.manages(actor, activity))) throw activitiesError('REGISTRATION_NOT_FOUND');
    if (row.status !== 'confirmed') {
      throw activitiesError('CHECKIN_NOT_CONFIRMED', {
        params: { status: REGISTRATION_STATUS_NAMES[row.status].zh },
      });
    }
    return QRCode.toBuffer(this.codes.sign(id, row.id), {
      type: 'png',
      width: 360,
      margin: 2,
      errorCorrectionLevel: 'M',
    });
  }

  // ---------- import and export ----------

  /**
   * 报名表导入: a sheet of names (mobile, organisation, role, note), each
   * registered as an organiser would (seats and waiting list as usual). A
   * role no one knows is kept as text in the note and the kind's default
   * role used; a bad mobile is left out and said so; a row already
   * registered is counted, not doubled; a row the database refuses is
   * reported on its row and the others are registered.
   */
  async importRegistrations(actor: Actor, id: string, file: { fileName: string; data: Buffer }) {
    const activity = await this.managed(this.database.db, actor, id);
    const table = await readTable(
      file.data,
      file.fileName,
      { maxBytes: 10 * 1024 * 1024, maxRows: 20_000 },
      identifierHeaders(REGISTRATION_COLUMNS),
    );
    const mapping = mapHeaders(table.headers, REGISTRATION_COLUMNS);
    const kind = KINDS[activity.kind as ActivityKind];
    const result = {
      rows: 0,
      confirmed: 0,
      pending: 0,
      waitlisted: 0,
      duplicates: 0,
      issues: [] as { row: number; message: string }[],
    };
    if (mapping.missing.length > 0) {
      result.issues.push({
        row: 1,
        message: `缺少必填列：${mapping.missing.map((c) => c.header).join('、')}`,
      });
      return result;
    }
    for (const line of table.rows) {
      const cells = cellsByKey(line.cells, mapping);
      const name = cells.name?.trim();
      if (!name && !Object.values(cells).some((v) => v.trim())) continue;
      result.rows++;
      if (!name) {
        result.issues.push({ row: line.rowNumber, message: '缺少姓名，未登记' });
        continue;
      }
      // The limits of a registration made by hand (registerRequest); a longer name also overflows the index of who is registered.
      const tooLong = IMPORT_LIMITS.find(([key, max]) => (cells[key]?.trim().length ?? 0) > max);
      if (tooLong) {
        const [key, max] = tooLong;
        const header = REGISTRATION_COLUMNS.find((c) => c.key === key)?.header ?? key;
        result.issues.push({ row: line.rowNumber, message: `${header}超过 ${max} 个字，未登记` });
        continue;
      }
      const roleText = cells.role?.trim() ?? '';
      let role = roleFromText(roleText, kind.roles);
      const notes = [cells.note?.trim()].filter((x): x is string => !!x);
      if (!role) {
        role = kind.roles[0]!;
        if (roleText) {
          notes.push(`身份：${roleText}`);
          result.issues.push({
            row: line.rowNumber,
            message: `身份“${roleText}”未识别，已按“${ROLE_NAMES[role].zh}”登记并记入备注`,
          });
        }
      }
      let mobile: string | null = normaliseMobile(cells.mobile ?? '');
      if (mobile && line.lostDigits?.some((h) => mapping.keyOf.get(h) === 'mobile')) {
        result.issues.push({
          row: line.rowNumber,
          message: '手机被 Excel 存成了数字（位数已丢失），已登记但未记手机号；请将该列设为文本',
        });
        mobile = null;
      } else if (mobile && !isValidMobile(mobile)) {
        result.issues.push({
          row: line.rowNumber,
          message: `手机号“${cells.mobile}”有误，已登记但未记手机号`,
        });
        mobile = null;
      }
      const organisationName = cells.organisation?.trim() || null;
      const who: Participant = {
        role,
        identity: mobile
          ? `mobile:${this.cipher.lookupHash(mobile)}`
          : `name:${name}|${organisationName ?? ''}`,
        name,
        organisationName,
        userId: null,
        talentId: null,
        enterpriseId: null,
        institutionId: null,
        organisationId: null,
        mobile: mobile || null,
        note: notes.join('；') || null,
        source: 'imported',
      };
      try {
        const row = await this.database.transaction((tx) => this.admit(tx, actor, activity, who, true));
        result[row.status as 'confirmed' | 'pending' | 'waitlisted']++;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'REGISTRATION_DUPLICATE' || pgErrorCode(err) === PG_UNIQUE_VIOLATION)
          result.duplicates++;
        else if (/^2[23]/.test(pgErrorCode(err) ?? '')) {
          // The database refused this row's values: the row is reported, the others are registered.
          result.issues.push({
            row: line.rowNumber,
            message: `未登记：数据库不接受该行（${failureOf(err)}）`,
          });
        }
        // Never the query or its values (names, mobiles) in an answer or a log.
        else throw withoutDetails(err, 'registration import');
      }
    }
    return result;
  }

  /** 签到表: everyone registered, with status and check-in, as Excel. */
  async exportAttendance(actor: Actor, id: string, locale: Locale) {
    const activity = await this.managed(this.database.db, actor, id);
    const rows = await new ActivitiesRepository(this.database.db).allRegistrations(id);
    const columns: ColumnSpec[] = [
      { key: 'no', header: '序号', headerEn: 'No.' },
      { key: 'name', header: '姓名', headerEn: 'Name' },
      { key: 'organisation', header: '单位', headerEn: 'Organisation' },
      { key: 'role', header: '身份', headerEn: 'Role' },
      { key: 'mobile', header: '手机', headerEn: 'Mobile' },
      { key: 'status', header: '报名状态', headerEn: 'Status' },
      { key: 'checkedIn', header: '签到时间', headerEn: 'Checked in' },
      { key: 'method', header: '签到方式', headerEn: 'Method' },
      { key: 'note', header: '备注', headerEn: 'Note' },
    ];
    const en = locale === 'en-US';
    const data = rows
      .filter((r) => r.status !== 'cancelled')
      .map((r, i) => ({
        no: i + 1,
        name: r.name,
        organisation: r.organisationName ?? '',
        role: ROLE_NAMES[r.role as ParticipantRole]?.[en ? 'en' : 'zh'] ?? r.role,
        mobile: r.mobileEnc ? maskMobile(this.cipher.decrypt(r.mobileEnc)) : '',
        status: REGISTRATION_STATUS_NAMES[r.status][en ? 'en' : 'zh'],
        checkedIn: r.checkedInAt ? chinaDateTime(r.checkedInAt) : '',
        method:
          r.checkInMethod === 'qr'
            ? en
              ? 'QR code'
              : '扫码'
            : r.checkInMethod
              ? en
                ? 'search'
                : '查找'
              : '',
        note: r.note ?? '',
      }));
    return {
      fileName: `${activity.title}-签到表.xlsx`,
      data: await exportXlsx(en ? 'Attendance' : '签到表', columns, data, locale),
    };
  }

  // ---------- helpers ----------

  private checkOpen(activity: ActivityRow, manager: boolean): void {
    const status = activity.status;
    const closesAt = activity.registrationClosesAt ?? activity.endsAt;
    const open = status === 'published' && closesAt.getTime() > this.clock.now().getTime();
    // Organisers also register people before publishing and at the door.
    const organiserOpen = manager && (status === 'draft' || status === 'published' || status === 'closed');
    if (!open && !organiserOpen) {
      throw activitiesError('REGISTRATION_CLOSED', {
        params: {
          status: open ? '' : status === 'published' ? '报名已截止' : ACTIVITY_STATUS_NAMES[status].zh,
        },
      });
    }
  }

  /** Who a registration is for: the caller themselves, or (organisers) the named expert, enterprise or guest. */
  private async participant(
    tx: Executor,
    actor: Actor,
    activity: ActivityRow,
    request: RegisterRequest,
    manager: boolean,
  ): Promise<Participant> {
    const kind = KINDS[activity.kind as ActivityKind];
    const registry = new RegistryRepository(tx);
    const naming = request.talentId || request.enterpriseId || request.institutionId || request.name;
    const base = {
      userId: null,
      talentId: null,
      enterpriseId: null,
      institutionId: null,
      organisationId: null,
      organisationName: request.organisationName ?? null,
      mobile: request.mobile ?? null,
      note: request.note ?? null,
    };
    let who: Omit<Participant, 'role'> & { role?: ParticipantRole };
    if (manager && naming) {
      // Organisers name people and organisations of their own region only.
      const references = new References(tx, actor);
      const missing = () => activitiesError('REGISTRATION_WHO_UNKNOWN');
      const source = request.invited ? 'invited' : 'operator';
      if (request.talentId) {
        const t = await references.one('talents', request.talentId, missing, { anyOrganisation: true });
        who = {
          ...base,
          source,
          identity: `talent:${t.id}`,
          name: t.name,
          talentId: t.id,
          userId: t.userId,
          organisationName: request.organisationName ?? t.employerName ?? null,
          role: t.isExpert ? 'expert' : undefined,
        };
      } else if (request.enterpriseId || request.institutionId) {
        const k = request.enterpriseId ? 'enterprises' : 'institutions';
        const org = await references.one(k, (request.enterpriseId ?? request.institutionId)!, missing, {
          anyOrganisation: true,
        });
        who = {
          ...base,
          source,
          identity: `${k === 'enterprises' ? 'enterprise' : 'institution'}:${org.id}`,
          name: request.name ?? org.name,
          organisationName: org.name,
          enterpriseId: k === 'enterprises' ? org.id : null,
          institutionId: k === 'institutions' ? org.id : null,
          organisationId: org.organisationId,
          role: k === 'enterprises' ? 'enterprise' : undefined,
        };
      } else {
        const name = request.name!;
        who = {
          ...base,
          source,
          identity: request.mobile
            ? `mobile:${this.cipher.lookupHash(request.mobile)}`
            : `name:${name}|${request.organisationName ?? ''}`,
          name,
        };
      }
    } else {
      // Registering oneself, or one's organisation.
      const wantsOrg = request.role ? ORGANISATION_ROLES.has(request.role) : false;
      if (
        wantsOrg ||
        (!request.role && kind.roles.some((r) => ORGANISATION_ROLES.has(r)) && actor.role === 'enterprise')
      ) {
        const enterprise = actor.organisationId
          ? await registry.byColumn('enterprises', 'organisationId', actor.organisationId)
          : undefined;
        if (!enterprise) throw activitiesError('REGISTRATION_NO_PROFILE', { params: { what: '企业' } });
        who = {
          ...base,
          source: 'self',
          identity: `enterprise:${enterprise.id}`,
          name: enterprise.name,
          organisationName: enterprise.name,
          enterpriseId: enterprise.id,
          organisationId: enterprise.organisationId,
          userId: actor.userId,
          role: request.role ?? (kind.roles.find((r) => ORGANISATION_ROLES.has(r)) as ParticipantRole),
        };
      } else {
        const talent = await registry.byColumn('talents', 'userId', actor.userId);
        if (request.role === 'expert' && !talent?.isExpert) {
          throw activitiesError('REGISTRATION_NO_PROFILE', { params: { what: '专家' } });
        }
        who = {
          ...base,
          source: 'self',
          identity: talent ? `talent:${talent.id}` : `user:${actor.userId}`,
          name: talent?.name ?? actor.displayName,
          organisationName: request.organisationName ?? talent?.employerName ?? null,
          talentId: talent?.id ?? null,
          userId: actor.userId,
          role: request.role ?? (talent?.isExpert && kind.roles.includes('expert') ? 'expert' : undefined),
        };
      }
    }
    const role =
      request.role ?? who.role ?? kind.roles.find((r) => !ORGANISATION_ROLES.has(r)) ?? kind.roles[0]!;
    if (!kind.roles.includes(role)) {
      throw activitiesError('REGISTRATION_ROLE_INVALID', { params: { role: ROLE_NAMES[role].zh } });
    }
    return { ...who, role };
  }

  private checkFields(kind: ActivityKind, input: ActivityInput | ActivityUpdate) {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const closes = input.registrationClosesAt ? new Date(input.registrationClosesAt) : null;
    if (endsAt <= startsAt || (closes && closes > endsAt)) throw activitiesError('ACTIVITY_TIMES_INVALID');
    const parsed = KINDS[kind].details.safeParse(input.details ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw activitiesError('ACTIVITY_DETAILS_INVALID', {
        params: { problem: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() },
      });
    }
    return {
      title: input.title,
      description: input.description ?? null,
      startsAt,
      endsAt,
      place: input.place ?? null,
      organisers: input.organisers,
      capacity: input.capacity ?? null,
      needsApproval: input.needsApproval,
      registrationClosesAt: closes,
      details: parsed.data,
    };
  }

  private async checkFeatured(tx: Executor, actor: Actor, ids: readonly string[]): Promise<void> {
    const wanted = [...new Set(ids)];
    const seen = await this.lists.visibleRows(actor, wanted, tx);
    if (seen.length !== wanted.length) throw activitiesError('ACTIVITY_FEATURED_UNKNOWN');
  }

  /** Tells the people behind registrations: their own accounts, or their organisation's (in the caller's transaction). */
  async tell(
    tx: Executor,
    registrations: readonly RegistrationRow[],
    message: { kind: string; title: string; body: string | null; link: string },
  ): Promise<void> {
    const users = [
      ...registrations.map((r) => r.userId),
      ...(await this.notifications.membersOf(
        tx,
        registrations.filter((r) => !r.userId).map((r) => r.organisationId),
      )),
    ].filter((u): u is string => !!u);
    await this.notifications.send(tx, users, message);
  }

  /** The registry codes of the experts among these registrations. */
  async talentCodes(db: Executor, rows: readonly RegistrationRow[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.talentId).filter((x): x is string => !!x))];
    const found = await new RegistryRepository(db).linkedByIds('talents', ids);
    return new Map([...found].map(([id, t]) => [id, t.code]));
  }

  registrationView(
    row: RegistrationRow,
    own: boolean,
    waitlist: readonly string[] = [],
    codes: ReadonlyMap<string, string> = new Map(),
  ): RegistrationView & {
    checkInCode: string | null;
  } {
    const position = waitlist.indexOf(row.id);
    return {
      id: row.id,
      role: row.role as ParticipantRole,
      name: row.name,
      organisationName: row.organisationName,
      mobile: row.mobileEnc ? maskMobile(this.cipher.decrypt(row.mobileEnc)) : null,
      talentId: row.talentId,
      talentCode: row.talentId ? (codes.get(row.talentId) ?? null) : null,
      enterpriseId: row.enterpriseId,
      institutionId: row.institutionId,
      source: row.source,
      status: row.status,
      seated: row.seated,
      waitlistPosition: position >= 0 ? position + 1 : null,
      note: row.note,
      checkedInAt: row.checkedInAt?.toISOString() ?? null,
      checkInMethod: row.checkInMethod,
      createdAt: row.createdAt.toISOString(),
      version: row.version,
      checkInCode: own && row.status === 'confirmed' ? this.codes.sign(row.activityId, row.id) : null,
    };
  }

  private async view(db: Executor, actor: Actor, row: ActivityRow): Promise<ActivityView> {
    const repo = new ActivitiesRepository(db);
    const scope = this.scopeFor(actor);
    const counts = (await repo.counts([row.id])).get(row.id) ?? NO_COUNTS;
    const featuredIds = await repo.featured(row.id);
    const featured = await this.lists.visibleRows(actor, featuredIds, db);
    const mine = await repo.mine(row.id, scope);
    const codes = await this.talentCodes(db, mine);
    const waitlist = (await repo.waitlist(row.id)).map((r) => r.id);
    const manage = this.manages(actor, row);
    const kind = KINDS[row.kind as ActivityKind];
    const open =
      row.status === 'published' &&
      (row.registrationClosesAt ?? row.endsAt).getTime() > this.clock.now().getTime() &&
      actor.permissions.has('activities.join');
    const taken = new Set(
      mine.map((m) => (ORGANISATION_ROLES.has(m.role as ParticipantRole) ? 'org' : 'person')),
    );
    const canRegisterAs = open
      ? kind.roles.filter((r) => {
          const org = ORGANISATION_ROLES.has(r);
          if (taken.has(org ? 'org' : 'person')) return false;
          return org ? actor.role === 'enterprise' : actor.role !== 'enterprise';
        })
      : [];
    return {
      ...summary(row, counts),
      description: row.description,
      organisers: row.organisers,
      details: row.details,
      featured: featured.map((f) => ({
        id: f.id,
        kind: f.kind,
        code: f.code,
        title: f.title,
        status: f.status,
      })),
      mine: mine.map((m) => this.registrationView(m, true, waitlist, codes)),
      canRegisterAs,
      actions: manage
        ? activityActionsFor(row.status)
        : [],
      manage,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

/** The list's filters as the repository reads them (dates are China dates, both ends included). */
function listFilter(q: Omit<ActivitiesExportQuery, 'format'>) {
  return {
    kind: q.kind,
    status: q.status,
    q: q.q,
    regionCode: q.regionCode,
    ...(q.from ? { from: startOfChinaDay(q.from) } : {}),
    ...(q.to ? { to: new Date(Date.parse(`${q.to}T23:59:59.999+08:00`)) } : {}),
    mine: q.mine === 'true',
  };
}

function summary(row: ActivityRow, counts: Counts) {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as ActivityKind,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    place: row.place,
    regionCode: row.regionCode,
    capacity: row.capacity,
    needsApproval: row.needsApproval,
    registrationClosesAt: row.registrationClosesAt?.toISOString() ?? null,
    status: row.status,
    counts,
    version: row.version,
  };
}

/** 活动编号: HD-YYYYMMDD-XXXX (the China date it starts, a random suffix). */
function activityCode(startsAt: Date): string {
  const day = chinaDate(startsAt).replaceAll('-', '');
  return `HD-${day}-${randomBytes(2).toString('hex').toUpperCase()}`;
}

/** A role as people write it in a sheet (专家, 企业, 学员 …), among the kind's roles. */
function roleFromText(text: string, roles: readonly ParticipantRole[]): ParticipantRole | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const aliases: Record<ParticipantRole, string[]> = {
    enterprise: ['企业', '需求企业', '企业代表'],
    expert: ['专家', '专家人才', '教授', '博士'],
    employer: ['招聘单位', '用人单位', '企业'],
    applicant: ['求职者', '应聘者', '求职人员', '毕业生', '学生'],
    host: ['接待单位', '实习单位', '企业'],
    student: ['学员', '学生', '实习生'],
    speaker: ['嘉宾', '讲师', '主讲', '讲者'],
    attendee: ['参会人员', '参会', '观众', '代表', '人才'],
  };
  for (const role of roles) {
    if (ROLE_NAMES[role].zh === t || role === t.toLowerCase() || aliases[role].includes(t)) return role;
  }
  return undefined;
}

function rethrowDuplicate(err: unknown): never {
  if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
    throw activitiesError('REGISTRATION_DUPLICATE', { params: { status: '已报名' }, cause: err });
  }
  throw err;
}
