import type { ColumnsType } from 'antd/es/table';
import type { ComponentType, ReactNode } from 'react';
import type { MessageKey, Translate } from '../../app/i18n.tsx';
import type {
  RegistryInputs,
  RegistryKind,
  RegistryListItems,
  RegistryViews,
  RevealResult,
} from './types.ts';

/** Filters a kind's list offers besides keyword, region, flagged, archived and sort. */
export type FilterName =
  | 'discipline'
  | 'industry'
  | 'title'
  | 'titleLevel'
  | 'honourLevel'
  | 'qualification'
  | 'kind'
  | 'tag';

/** One line of a record's description. */
export interface DetailItem {
  key: string;
  label: string;
  children: ReactNode;
  /** The field its flags are kept under (`flags[].field`), when different from `key`. */
  flagField?: string;
  /** Takes a whole row (long texts, lists). */
  wide?: boolean;
}

export interface DetailOptions {
  /** Unmasked values to show instead of the masked ones. */
  revealed: RevealResult | null;
  /** Whether to link to related records (not on the profile page, whose reader cannot open them). */
  links: boolean;
}

/** The form's values: the input, with the region as a Cascader path. */
export type FormValues<K extends RegistryKind> = Omit<RegistryInputs[K], 'regionCode' | 'regionText'> & {
  region?: string[];
};

/** `create` and `edit` for operators; `profile` for the person or enterprise the record describes. */
export type FormMode = 'create' | 'edit' | 'profile';

export interface FieldsProps<K extends RegistryKind> {
  record: RegistryViews[K] | null;
  mode: FormMode;
}

/** Everything kind-specific the shared list, detail and form pages need. */
export interface KindConfig<K extends RegistryKind> {
  kind: K;
  /** The list's route, e.g. /registry/talents. */
  path: string;
  /** Menu entry and page title. */
  titleKey: MessageKey;
  /** What one record is called, e.g. 人才. */
  nounKey: MessageKey;
  /** The label of `name` (姓名, 企业名称…). */
  nameKey: MessageKey;
  filters: readonly FilterName[];
  /** Where the masked mobile number of this kind is. */
  mobileField: 'mobile' | 'contactMobile' | 'liaisonMobile';
  /** Columns between the name and the region. */
  /** The list's own columns, of what a list item carries (RegistryListItems). */
  columns: (t: Translate) => ColumnsType<RegistryListItems[K]>;
  /** The table's scroll width. */
  scrollX: number;
  /** Kind-specific description lines. */
  details: (record: RegistryViews[K], t: Translate, options: DetailOptions) => DetailItem[];
  /** The record as an input, to compare a submitted form against. */
  toInput: (record: RegistryViews[K]) => RegistryInputs[K];
  /** The form's values as an input (trimmed, blanks as null). */
  fromValues: (values: FormValues<K>, record: RegistryViews[K] | null) => RegistryInputs[K];
  /** Values of a new record's form. */
  defaults: Partial<FormValues<K>>;
  Fields: ComponentType<FieldsProps<K>>;
}

/** Fields the server keeps with the operator when people edit their own profile. */
export const PROFILE_LOCKED_FIELDS: readonly string[] = [
  'code',
  'name',
  'regionCode',
  'regionText',
  'idNumber',
  'creditCode',
  'isExpert',
];
