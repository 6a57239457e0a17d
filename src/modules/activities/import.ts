import type { Actor } from '../../platform/access/actor.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { type Database, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/db/client.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import { cellsByKey, identifierHeaders, mapHeaders } from '../../platform/io/columns.ts';
import { failureOf, withoutDetails } from '../../platform/io/failures.ts';
import { readTable } from '../../platform/io/table.ts';
import { isValidMobile, normaliseMobile } from '../../reference/mobile.ts';
import { type ActivityKind, KINDS, type ParticipantRole, ROLE_NAMES } from './kinds.ts';
import type { Participant, Seats } from './seats.ts';
import type { ActivitiesService } from './service.ts';

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

export class RegistrationsImport {
  constructor(
    private readonly database: Database,
    private readonly cipher: FieldCipher,
    private readonly activities: ActivitiesService,
    private readonly seats: Seats,
  ) {}

  /**
   * 报名表导入: a sheet of names (mobile, organisation, role, note), each
   * registered as an organiser would (seats and waiting list as usual). A
   * role no one knows is kept as text in the note and the kind's default
   * role used; a bad mobile is left out and said so; a row already
   * registered is counted, not doubled; a row the database refuses is
   * reported on its row and the others are registered.
   */
  async importRegistrations(actor: Actor, id: string, file: { fileName: string; data: Buffer }) {
    const activity = await this.activities.managed(this.database.db, actor, id);
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
        const row = await this.database.transaction((tx) => this.seats.admit(tx, actor, activity, who, true));
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
