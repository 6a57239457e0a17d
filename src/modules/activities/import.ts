import { z } from 'zod';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeOf } from '../../platform/access/scope.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Executor } from '../../platform/db/client.ts';
import { type ColumnSpec, columnHeader } from '../../platform/io/columns.ts';
import type { ImportKind, PreparedRow } from '../../platform/io/import.ts';
import { isValidMobile, normaliseMobile } from '../../reference/mobile.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { REGISTRATION_IMPORT_KIND } from './constants.ts';
import { type ActivityKind, KINDS, type ParticipantRole, ROLE_NAMES } from './kinds.ts';
import { ActivitiesRepository } from './repository.ts';
import type { Participant, Seats } from './seats.ts';
import type { ActivitiesService } from './service.ts';

/** A sheet's row: who it registers, and whether they came (签到). */
type RegistrationImportRow = Participant & { attended: boolean };

/** A registration import's parameter: the activity its people are registered for. */
const registrationImportOptions = z.strictObject({ activityId: z.string().uuid() });
type RegistrationImportOptions = z.infer<typeof registrationImportOptions>;

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
    // A guest comes without a mobile as well: the row is registered, the number left out.
    whenDigitsLost: '手机被 Excel 存成了数字（位数已丢失），已登记但未记手机号；请将该列设为文本',
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
    hint: '如：专家、企业、高校院所、学员',
  },
  { key: 'note', header: '备注', headerEn: 'Note' },
  {
    key: 'attended',
    header: '签到',
    headerEn: 'Attended',
    aliases: ['是否签到', '签到情况', '出席', '是否出席', '出席情况', '是否参会'],
    hint: '“是”：已出席（活动结束后补录的，按活动开始时间签到）；留空或“否”：仅报名',
  },
];

/** 签到 as people fill it in: yes, no, or (undefined) not understood. */
function attendedCell(raw: string): boolean | undefined {
  const s = raw.trim().toLowerCase();
  if (/^(是|y|yes|true|1|√|✓|✔|到|已到|已签到|签到|出席|已出席|参加|已参加|参会|已参会)$/.test(s))
    return true;
  if (/^(|否|n|no|false|0|×|✗|未到|未签到|缺席|未出席|未参加|未参会)$/.test(s)) return false;
  return undefined;
}

/** The longest name, organisation and note a sheet's row may give: those of registerRequest. */
const IMPORT_LIMITS: readonly (readonly [string, number])[] = [
  ['name', 64],
  ['organisation', 128],
  ['note', 500],
];

/**
 * 报名表导入 on the platform's import pipeline: a sheet of names (mobile,
 * organisation, role, note) checked into a preview job, then each valid row
 * registered as an organiser would, a batch per transaction (seats under the
 * activity's row lock, the waiting list as usual). A role no one knows is
 * kept as text in the note and the kind's default role used; a bad mobile is
 * left out; both are flagged and the row registered. A 高校院所 row is linked
 * to the institution of that name in the caller's region, or flagged and kept
 * as written when there is none. A row without a name or
 * with a value longer than a registration by hand allows is refused, and so
 * is a person already registered (one live registration per mobile, or per
 * name and organisation) or repeated in the sheet.
 */
export function registrationsImport(
  activities: ActivitiesService,
  seats: Seats,
  cipher: FieldCipher,
): ImportKind<RegistrationImportRow, RegistrationImportOptions> {
  return {
    kind: REGISTRATION_IMPORT_KIND,
    label: { zh: '活动报名表', en: 'Activity registrations' },
    permission: 'activities.manage',
    columns: REGISTRATION_COLUMNS,
    options: registrationImportOptions,
    prepare: async (db, actor, { activityId }) => {
      // Only the activity's organisers, and one outside their region is answered as missing.
      const activity = await activities.managed(db, actor, activityId);
      const roles = KINDS[activity.kind as ActivityKind].roles;
      const institutions = roles.includes('institution') ? await institutionsByName(db, actor) : new Map();
      // Check-in opens when the activity is published (the desk's rule): a draft's 签到 is not recorded.
      const attendOpen = activity.status !== 'draft' && activity.status !== 'cancelled';
      return (cells) => registrationRow(cells, roles, cipher, institutions, attendOpen);
    },
    // Registrations have no code of their own: every valid row is a new registration.
    existing: async () => new Map(),
    uniqueValues: (who) => [
      {
        key: 'identity',
        value: who.identity,
        column: columnHeader(REGISTRATION_COLUMNS, who.identity.startsWith('mobile:') ? 'mobile' : 'name'),
      },
    ],
    holders: async (db, _actor, _key, identities, { activityId }) => {
      const held = await new ActivitiesRepository(db).heldIdentities(activityId, identities);
      // A registration has no code to name it by: the row says only that the person is registered.
      return new Map([...held].map((identity) => [identity, { code: '', inScope: false }]));
    },
    // Registered by someone else between the check and the write.
    constraints: {
      activity_registrations_identity_uq: { column: '姓名', message: '已报名（导入期间已登记），未登记' },
    },
    commitBatch: async (tx, actor, rows, { activityId }) => {
      const activity = await activities.managed(tx, actor, activityId);
      for (const { data } of rows) {
        const row = await seats.admit(tx, actor, activity, data, true);
        // Who came (an activity entered after it was held): checked in, on the activity's day.
        if (data.attended) await activities.registrations.markAttended(tx, actor, activity, row);
      }
      return { created: rows.length, updated: 0 };
    },
    tables: ['activity_registrations'],
  };
}

/** An institution of the registry as a sheet's 单位 names it. */
interface KnownInstitution {
  id: string;
  name: string;
  organisationId: string | null;
}

/**
 * The institutions of the caller's region by name (any organisation's: an
 * organiser names them all). A region has tens of them, not thousands, so
 * they are read once per run and every row is matched in memory; of two
 * records with one name, the first by code is taken.
 */
async function institutionsByName(db: Executor, actor: Actor): Promise<Map<string, KnownInstitution>> {
  const out = new Map<string, KnownInstitution>();
  const scope = { ...scopeOf(actor), organisationId: null };
  for await (const page of new RegistryRepository(db).iterate('institutions', scope, {})) {
    for (const r of page) {
      if (!out.has(r.name)) out.set(r.name, { id: r.id, name: r.name, organisationId: r.organisationId });
    }
  }
  return out;
}

/** One row of a registration sheet as the person it registers, or why not (null: a blank row). */
function registrationRow(
  cells: Record<string, string>,
  roles: readonly ParticipantRole[],
  cipher: FieldCipher,
  institutions: ReadonlyMap<string, KnownInstitution>,
  attendOpen: boolean,
): PreparedRow<RegistrationImportRow> | null {
  const name = cells.name?.trim() ?? '';
  if (!name && !Object.values(cells).some((v) => v.trim())) return null;
  const row: PreparedRow<RegistrationImportRow> = { code: null, data: null, errors: [], flags: [] };
  const header = (key: string) => columnHeader(REGISTRATION_COLUMNS, key);
  if (!name) {
    row.errors.push({ column: header('name'), message: '缺少姓名，未登记' });
    return row;
  }
  // The limits of a registration made by hand (registerRequest); a longer name also overflows the index of who is registered.
  const tooLong = IMPORT_LIMITS.find(([key, max]) => (cells[key]?.trim().length ?? 0) > max);
  if (tooLong) {
    const [key, max] = tooLong;
    row.errors.push({ column: header(key), message: `${header(key)}超过 ${max} 个字，未登记` });
    return row;
  }
  const roleText = cells.role?.trim() ?? '';
  let role = roleFromText(roleText, roles);
  const notes = [cells.note?.trim()].filter((x): x is string => !!x);
  if (!role) {
    role = roles[0]!;
    if (roleText) {
      notes.push(`身份：${roleText}`);
      row.flags.push({
        column: header('role'),
        message: `身份“${roleText}”未识别，已按“${ROLE_NAMES[role].zh}”登记并记入备注`,
      });
    }
  }
  let mobile: string | null = normaliseMobile(cells.mobile ?? '') || null;
  if (mobile && !isValidMobile(mobile)) {
    row.flags.push({ column: header('mobile'), message: `手机号“${cells.mobile}”有误，已登记但未记手机号` });
    mobile = null;
  }
  let attended = attendedCell(cells.attended ?? '');
  if (attended === undefined) {
    row.flags.push({
      column: header('attended'),
      message: `签到“${cells.attended?.trim()}”未识别（应为“是”或“否”），已登记为未签到`,
    });
  } else if (attended && !attendOpen) {
    attended = false;
    row.flags.push({ column: header('attended'), message: '活动尚未发布（或已取消），已登记但未签到' });
  }
  const organisationName = cells.organisation?.trim() || null;
  // A 高校院所 row is linked to the institution its 单位 names (or, without one, its 姓名), as registered
  // in the caller's region; a name the registry does not know is kept as written and flagged.
  let institution: KnownInstitution | undefined;
  if (role === 'institution') {
    institution = institutions.get(organisationName ?? name);
    if (!institution) {
      row.flags.push({
        column: header('organisation'),
        message: organisationName
          ? `单位“${organisationName}”未在本地区高校院所库中找到，已按原文登记，未关联档案`
          : '未填写单位，已登记但未关联高校院所档案',
      });
    }
  }
  row.data = {
    role,
    identity: mobile ? `mobile:${cipher.lookupHash(mobile)}` : `name:${name}|${organisationName ?? ''}`,
    name,
    organisationName,
    userId: null,
    talentId: null,
    enterpriseId: null,
    institutionId: institution?.id ?? null,
    organisationId: institution?.organisationId ?? null,
    mobile,
    note: notes.join('；') || null,
    source: 'imported',
    attended: attended ?? false,
  };
  return row;
}

/** A role as people write it in a sheet (专家, 企业, 学员 …), among the kind's roles. */
function roleFromText(text: string, roles: readonly ParticipantRole[]): ParticipantRole | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const aliases: Record<ParticipantRole, string[]> = {
    enterprise: ['企业', '需求企业', '企业代表'],
    expert: ['专家', '专家人才', '教授', '博士'],
    institution: ['高校院所', '高校', '院所', '科研院所', '高等院校', '科研机构'],
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
