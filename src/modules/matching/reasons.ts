import type { Locale } from '../../platform/i18n/locale.ts';
import type { DictionarySnapshot } from '../registry/dictionaries.ts';
import type { Reason } from './engine.ts';

/** A reason as the caller reads it, in their language, with the codes named. */
export interface ReasonView {
  factor: Reason['factor'];
  label: string;
  value: number;
  terms?: string[];
}

const REGION = {
  zh: { 1: '同一区县', 0.6: '同一城市', 0.3: '同一省份' } as Record<number, string>,
  en: { 1: 'same county', 0.6: 'same city', 0.3: 'same province' } as Record<number, string>,
};

export function reasonView(reason: Reason, dict: DictionarySnapshot, locale: Locale): ReasonView {
  const zh = locale !== 'en-US';
  const codeNames = (kind: 'discipline' | 'industry') =>
    (reason.codes ?? []).map((c) => dict.name(kind, c)).join(zh ? '、' : ', ');
  const close = (reason.closeness ?? 0) >= 1;
  let label: string;
  switch (reason.factor) {
    case 'text':
      label =
        (reason.terms?.length ?? 0) > 0
          ? zh
            ? `共同关键词：${reason.terms!.join('、')}`
            : `Shared terms: ${reason.terms!.join(', ')}`
          : zh
            ? '文本相关'
            : 'Related text';
      break;
    case 'discipline':
      label = zh
        ? `${close ? '学科相同' : '学科相近'}：${codeNames('discipline')}`
        : `${close ? 'Same discipline' : 'Related discipline'}: ${codeNames('discipline')}`;
      break;
    case 'industry':
      label = zh
        ? `${close ? '行业相同' : '行业相近'}：${codeNames('industry')}`
        : `${close ? 'Same industry' : 'Related industry'}: ${codeNames('industry')}`;
      break;
    case 'topic': {
      const name = (reason.labels ?? []).map((l) =>
        l.startsWith('d:')
          ? dict.name('discipline', l.slice(2))
          : l.startsWith('i:')
            ? dict.name('industry', l.slice(2))
            : l.slice(2),
      );
      label = zh
        ? `与最相近的条目同属：${name.join('、')}`
        : `Same field as the closest matches: ${name.join(', ')}`;
      break;
    }
    case 'region':
      label = (zh ? REGION.zh : REGION.en)[reason.closeness ?? 0] ?? (zh ? '地区相近' : 'nearby');
      break;
    case 'load':
      label = zh ? `在办服务订单 ${reason.count} 件` : `${reason.count} open service orders`;
      break;
    case 'outcome':
      label = zh
        ? `已完成服务 ${reason.count} 次${reason.rating ? `，平均评分 ${reason.rating.toFixed(1)}` : ''}`
        : `${reason.count} services completed${reason.rating ? `, rated ${reason.rating.toFixed(1)}` : ''}`;
      break;
    case 'members':
      label = zh
        ? `本单位相关专家：${(reason.members ?? []).join('、')}`
        : `Matching experts here: ${(reason.members ?? []).join(', ')}`;
      break;
  }
  return {
    factor: reason.factor,
    label,
    value: reason.value,
    ...(reason.terms ? { terms: reason.terms } : {}),
  };
}
