import { regionPath } from '../../reference/regions.ts';
import { KINDS as ACTIVITY_KINDS, type ActivityKind } from '../activities/kinds.ts';
import { ORDER_STATUS_NAMES, type OrderStatus } from '../orders/machine.ts';
import type { DictionarySnapshot } from '../registry/dictionaries.ts';
import { SESSION_KIND_NAMES, type SessionKind } from '../standing/constants.ts';
import type { Dimension } from './metrics.ts';

const LIST_KIND_NAMES: Record<string, string> = {
  demands: '技术需求',
  'talent-demands': '人才需求',
  achievements: '科技成果',
  order: '服务订单',
  expert: '专家',
  enterprise: '企业',
  institution: '高校院所',
  standing_visit: '走访',
  team: '帮扶团',
};

/** What a record's or a bar's `kind` reads as: an activity kind, a list kind, an order status, a session kind. */
export function kindName(kind: string): string {
  const session = kind.startsWith('session.') ? kind.slice('session.'.length) : '';
  if (Object.hasOwn(SESSION_KIND_NAMES, session)) return SESSION_KIND_NAMES[session as SessionKind].zh;
  if (kind in ACTIVITY_KINDS) return ACTIVITY_KINDS[kind as ActivityKind].name.zh;
  if (kind in ORDER_STATUS_NAMES) return ORDER_STATUS_NAMES[kind as OrderStatus].zh;
  return LIST_KIND_NAMES[kind] ?? kind;
}

/** A breakdown key as a label: 3月, 吴兴区, 制造业, 项目对接会. */
export function dimensionLabel(
  dimension: Dimension,
  key: string,
  dict: DictionarySnapshot,
  /** The region the figures are for: within one city a county's own name is enough. */
  regionPrefix = '',
): string {
  switch (dimension) {
    case 'month':
      return /^\d{4}-\d{2}$/.test(key) ? `${Number(key.slice(5))}月` : key;
    case 'region': {
      if (!key || key === '-') return '未注明';
      const parts = regionPath(key).map((r) => r.name);
      if (parts.length === 0) return key;
      // Within one city the county is enough (吴兴区); across cities the city too (湖州市吴兴区),
      // across provinces the whole name.
      const keep = regionPrefix.length >= 4 ? 1 : regionPrefix.length === 2 ? 2 : parts.length;
      return parts.slice(-keep).join('');
    }
    case 'industry':
      return key === '-' ? '未分类' : dict.name('industry', key);
    case 'kind':
      return kindName(key);
  }
}
