import type { Actor } from '../../platform/access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Database } from '../../platform/db/client.ts';
import { numberedPages } from '../../platform/db/pages.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import { type ExportRow, exportPages, exportXlsx } from '../../platform/io/workbook.ts';
import { chinaDateTime } from '../../reference/china-time.ts';
import { maskMobile } from '../../reference/mobile.ts';
import { regionFullName } from '../../reference/regions.ts';
import { CHECK_IN_METHOD_NAMES } from './constants.ts';
import type { ActivitiesExportQuery } from './contract.ts';
import {
  type ActivityKind,
  type ActivityOutcomeKind,
  KINDS,
  OUTCOME_NAMES,
  type ParticipantRole,
  ROLE_NAMES,
} from './kinds.ts';
import { ACTIVITY_STATUS_NAMES, REGISTRATION_STATUS_NAMES } from './machine.ts';
import { ActivitiesRepository, listFilter, NO_COUNTS } from './repository.ts';
import type { ActivityRow } from './schema.ts';
import type { ActivitiesService } from './service.ts';

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

/** The sheets organisers take away: the 活动台账 of what they see, and an activity's 签到表. */
export class ActivityExports {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly activities: ActivitiesService,
  ) {}

  /**
   * 活动台账: the activities the caller sees, with the list's filters and in
   * its order, every row (up to EXPORT_MAX): when and where, who organised
   * it, seats, registrations and check-ins, and what came of it.
   */
  async ledger(actor: Actor, q: ActivitiesExportQuery, locale: Locale) {
    const en = locale === 'en-US';
    const repo = new ActivitiesRepository(this.database.db);
    const scope = this.activities.scopeFor(actor);
    const pages = numberedPages(
      async (page) => (await repo.list(scope, { ...listFilter(q), page, pageSize: EXPORT_PAGE })).items,
      EXPORT_PAGE,
    );
    return exportPages(pages, (items) => this.ledgerRows(repo, items, en), {
      title: en ? 'Activities' : '活动台账',
      columns: ACTIVITY_EXPORT_COLUMNS,
      format: q.format,
      locale,
      now: this.clock.now(),
      max: EXPORT_MAX,
    });
  }

  /** A page of activities as ledger rows, with their counts and outcomes read once for the page. */
  private async ledgerRows(
    repo: ActivitiesRepository,
    items: readonly ActivityRow[],
    en: boolean,
  ): Promise<ExportRow[]> {
    const lang = en ? 'en' : 'zh';
    const ids = items.map((x) => x.id);
    const [counts, totals] = await Promise.all([repo.counts(ids), repo.outcomeTotals(ids)]);
    return items.map((row) => {
      const c = counts.get(row.id) ?? NO_COUNTS;
      const mine = totals.filter((x) => x.activityId === row.id);
      const amountFen = mine.reduce((sum, x) => sum + Number(x.amountFen ?? 0), 0);
      return {
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
      };
    });
  }

  /** 签到表: everyone registered, with status and check-in, as Excel. */
  async attendance(actor: Actor, id: string, locale: Locale) {
    const activity = await this.activities.managed(this.database.db, actor, id);
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
        method: r.checkInMethod ? CHECK_IN_METHOD_NAMES[r.checkInMethod][en ? 'en' : 'zh'] : '',
        note: r.note ?? '',
      }));
    return {
      fileName: `${activity.title}-签到表.xlsx`,
      data: await exportXlsx(en ? 'Attendance' : '签到表', columns, data, locale),
    };
  }
}
