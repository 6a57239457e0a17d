import type { MessageKey } from '../../app/i18n.tsx';
import type { ListKind } from './types.ts';

/** Fields only some kinds have (the others are common to all three). */
export type ListField = 'amount' | 'headcount' | 'terms' | 'stage' | 'trl' | 'patents';

/** Everything kind-specific the shared list, detail, form and import pages need. */
export interface ListKindConfig {
  kind: ListKind;
  /** The list's route, e.g. /lists/demands. */
  path: string;
  /** Menu entry and page title. */
  titleKey: MessageKey;
  /** What one item is called, e.g. 技术需求. */
  nounKey: MessageKey;
  /** The label of `title` (需求名称, 成果名称). */
  titleLabelKey: MessageKey;
  /** The label of `description` (需求描述, 成果简介). */
  descriptionKey: MessageKey;
  /** The label of `ownerName` (需求单位, 完成单位). */
  ownerKey: MessageKey;
  /** The label of `cooperationModes` (合作方式, 转化方式). */
  modesKey: MessageKey;
  /** The label of `amountYuan` (预算, 价格), for kinds with an amount. */
  amountKey: MessageKey;
  fields: readonly ListField[];
  /** The code list the table shows (achievements are known by discipline, demands by industry). */
  tagColumn: 'industries' | 'disciplines';
  /** The registry an operator links the owner to (LIST_KIND_DEFS.owner on the server). */
  ownerRegistry: 'enterprises' | 'institutions';
  /** The table's scroll width. */
  scrollX: number;
}

export const LIST_CONFIGS: { [K in ListKind]: ListKindConfig & { kind: K } } = {
  demands: {
    kind: 'demands',
    path: '/lists/demands',
    titleKey: 'menu.demands',
    nounKey: 'lists.noun.demands',
    titleLabelKey: 'lists.demands.title',
    descriptionKey: 'lists.demands.description',
    ownerKey: 'lists.demands.owner',
    modesKey: 'field.cooperationModes',
    amountKey: 'lists.demands.amount',
    fields: ['amount'],
    tagColumn: 'industries',
    ownerRegistry: 'enterprises',
    scrollX: 1600,
  },
  'talent-demands': {
    kind: 'talent-demands',
    path: '/lists/talent-demands',
    titleKey: 'menu.talentDemands',
    nounKey: 'lists.noun.talentDemands',
    titleLabelKey: 'lists.talentDemands.title',
    descriptionKey: 'lists.talentDemands.description',
    ownerKey: 'lists.talentDemands.owner',
    modesKey: 'field.cooperationModes',
    amountKey: 'lists.demands.amount',
    fields: ['headcount', 'terms'],
    tagColumn: 'industries',
    ownerRegistry: 'enterprises',
    scrollX: 1500,
  },
  achievements: {
    kind: 'achievements',
    path: '/lists/achievements',
    titleKey: 'menu.achievements',
    nounKey: 'lists.noun.achievements',
    titleLabelKey: 'lists.achievements.title',
    descriptionKey: 'lists.achievements.description',
    ownerKey: 'lists.achievements.owner',
    modesKey: 'lists.achievements.modes',
    amountKey: 'lists.achievements.amount',
    fields: ['amount', 'stage', 'trl', 'patents'],
    tagColumn: 'disciplines',
    ownerRegistry: 'institutions',
    scrollX: 1700,
  },
};

export function hasField(config: ListKindConfig, field: ListField): boolean {
  return config.fields.includes(field);
}
