import type { Messages } from '../../app/bilingual.ts';

/** The audit log. Each key in Chinese and English. */
export const auditMessages = {
  'audit.id': { zh: '序号', en: 'No.' },
  'audit.at': { zh: '时间', en: 'Time' },
  'audit.actor': { zh: '操作人', en: 'Actor' },
  'audit.system': { zh: '系统', en: 'System' },
  'audit.action': { zh: '操作', en: 'Action' },
  'audit.entity': { zh: '对象类型', en: 'Entity' },
  'audit.entityId': { zh: '对象编号', en: 'Entity ID' },
  'audit.regionCode': { zh: '区域代码', en: 'Region code' },
  'audit.ip': { zh: 'IP 地址', en: 'IP address' },
  'audit.entityPlaceholder': { zh: '对象类型，如 user', en: 'Entity, e.g. user' },
  'audit.actionPlaceholder': { zh: '操作，如 user.create', en: 'Action, e.g. user.create' },
  'audit.actorPlaceholder': { zh: '操作人姓名', en: 'Actor name' },
  'audit.from': { zh: '开始日期', en: 'From' },
  'audit.to': { zh: '结束日期', en: 'To' },
  'audit.emptyValue': { zh: '（空）', en: '(empty)' },
  'audit.redacted': { zh: '（已隐去）', en: '(hidden)' },
  'audit.removed': { zh: '（已删除）', en: '(removed)' },
  'audit.changedTo': { zh: '改为', en: 'changed to' },
  'audit.noChanges': { zh: '无字段变更', en: 'No field changes' },
  'audit.verify': { zh: '校验哈希链', en: 'Verify hash chain' },
  'audit.verifyOk': {
    zh: '哈希链完整：已校验 {checked} 条记录，未发现篡改。',
    en: 'The hash chain is intact: {checked} records checked, no tampering found.',
  },
  'audit.verifyBrokenTitle': { zh: '哈希链校验未通过', en: 'Hash chain verification failed' },
  'audit.verifyBroken': {
    zh: '第一条异常记录的序号为 {id}（此前已校验 {checked} 条）。该记录或其之前的记录可能已被篡改。',
    en: 'The first broken record is No. {id} ({checked} records checked before it). It or an earlier record may have been tampered with.',
  },
} satisfies Messages<'audit'>;
