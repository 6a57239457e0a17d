import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES, auditActionName, auditEntityName } from './names.ts';

const HAN = /\p{Script=Han}/u;
/** A key as the log stores it: order.cancel, import_job. */
const KEY = /\b[a-z]+(?:[._][a-z]+)+\b/;

describe('audit names', () => {
  it('names the actions people see most, in both languages', () => {
    expect(auditActionName('auth.login')).toEqual({ zh: '登录', en: 'Sign in' });
    expect(auditActionName('order.cancel')).toEqual({ zh: '取消订单', en: 'Cancel order' });
    expect(auditActionName('talent.import.update')).toEqual({
      zh: '导入更新人才',
      en: 'Import update of talent',
    });
    expect(auditActionName('talentDemand.publish')).toEqual({
      zh: '发布人才需求',
      en: 'Publish talent demand',
    });
    expect(auditActionName('demand.expire')).toEqual({ zh: '技术需求过期', en: 'Tech demand expired' });
  });

  it('gives every named action and object type a Chinese name without keys and an English one without Chinese', () => {
    for (const name of [...Object.values(AUDIT_ACTION_NAMES), ...Object.values(AUDIT_ENTITY_NAMES)]) {
      expect(name.zh).toMatch(HAN);
      expect(name.zh).not.toMatch(/[A-Za-z]/);
      expect(name.en).not.toMatch(HAN);
      expect(name.en).not.toMatch(KEY);
    }
  });

  it('reads an action without a name from its object type and verbs', () => {
    expect(auditActionName('order.archive')).toEqual({ zh: '服务订单 · 归档', en: 'Service order: archive' });
    expect(auditActionName('team.export.reveal')).toEqual({
      zh: '服务团队 · 导出查看完整信息',
      en: 'Service team: export reveal',
    });
    expect(auditActionName('dictionary.remove')).toEqual({ zh: '数据字典 · 删除', en: 'Code lists: remove' });
  });

  it('never shows a key: an unknown verb or object type reads as another action', () => {
    expect(auditActionName('order.frobnicate')).toEqual({
      zh: '服务订单 · 其他操作',
      en: 'Service order: other action',
    });
    expect(auditActionName('order')).toEqual({
      zh: '服务订单 · 其他操作',
      en: 'Service order: other action',
    });
    expect(auditActionName('widget.create')).toEqual({ zh: '其他操作', en: 'Other action' });
    expect(auditActionName('')).toEqual({ zh: '其他操作', en: 'Other action' });
    // Names are looked up as own keys only.
    expect(auditActionName('constructor')).toEqual({ zh: '其他操作', en: 'Other action' });
    expect(auditActionName('toString.create')).toEqual({ zh: '其他操作', en: 'Other action' });
  });

  it('names object types, and an unknown one as another record', () => {
    expect(auditEntityName('import_job')).toEqual({ zh: '导入任务', en: 'Import' });
    expect(auditEntityName('talentDemand')).toEqual({ zh: '人才需求', en: 'Talent demand' });
    expect(auditEntityName('widget')).toEqual({ zh: '其他对象', en: 'Other record' });
    expect(auditEntityName('hasOwnProperty')).toEqual({ zh: '其他对象', en: 'Other record' });
  });
});
