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

/** What was asked, for the advice on finding better results: a list item's, an expert's, one's own, free text. */
export type Advice = 'item' | 'expert' | 'mine' | 'search';

const ADVICE: Record<Advice, { zh: string; en: string }> = {
  item: {
    zh: '为该条目补充关键词、写明具体的技术问题或要求，或选择学科与行业，可获得更准确的推荐。',
    en: 'Add keywords, name the technical problem or requirement, or choose the disciplines and industries of this record for better suggestions.',
  },
  expert: {
    zh: '完善该专家的研究方向、代表成果和学科领域，可获得更准确的推荐。',
    en: 'Complete this expert’s research interests, representative work and disciplines for better suggestions.',
  },
  mine: {
    zh: '完善您的研究方向、代表成果和学科领域，可获得更准确的推荐。',
    en: 'Complete your research interests, representative work and disciplines for better suggestions.',
  },
  search: {
    zh: '换用更具体的专业词语，或把描述写得更详细些再试。',
    en: 'Try more specific technical terms, or describe it in more detail.',
  },
};

/** What would find better results than those too weak to show, in the caller's language. */
export function adviceText(advice: Advice, locale: Locale): string {
  return locale === 'en-US' ? ADVICE[advice].en : ADVICE[advice].zh;
}

export function reasonView(reason: Reason, dict: DictionarySnapshot, locale: Locale): ReasonView {
  const zh = locale !== 'en-US';
  const codeNames = (kind: 'discipline' | 'industry') =>
    (reason.codes ?? []).map((c) => dict.name(kind, c)).join(zh ? '、' : ', ');
  const close = (reason.closeness ?? 0) >= 1;
  let label: string;
  switch (reason.factor) {
    case 'text':
      // The engine gives a text reason only with the words it can name (never a bare 文本相关).
      label = zh
        ? `共同关键词：${(reason.terms ?? []).join('、')}`
        : `Shared terms: ${(reason.terms ?? []).join(', ')}`;
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
