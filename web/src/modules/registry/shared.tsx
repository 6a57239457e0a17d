import { WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { EMPTY } from '../../app/format.ts';
import { isMessageKey, type MessageKey, type Translate, useT } from '../../app/i18n.tsx';
import type { Named, RecordFlag, RecordView } from './types.ts';

/** Names of dictionary values, joined for a table cell. */
export function names(list: readonly Named[]): string {
  return list.length === 0 ? EMPTY : list.map((item) => item.name).join('、');
}

/** Dictionary values (or plain tags) as tags, for a description. */
export function NamedTags({ items, color }: { items: readonly (Named | string)[]; color?: string }) {
  if (items.length === 0) return <>{EMPTY}</>;
  return (
    <Space size={[4, 4]} wrap>
      {items.map((item) => {
        const key = typeof item === 'string' ? item : item.code;
        return (
          <Tag key={key} color={color} style={{ marginInlineEnd: 0 }}>
            {typeof item === 'string' ? item : item.name}
          </Tag>
        );
      })}
    </Space>
  );
}

const FIELD_LABELS: Record<string, MessageKey> = {
  regionCode: 'registry.region',
  regionText: 'registry.region',
  name: 'field.name',
};

/** The label of a record field as flags and server errors name it. */
export function fieldLabel(t: Translate, field: string): string {
  const special = FIELD_LABELS[field];
  if (special) return t(special);
  const key = `field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** 字段：原因（值） */
export function flagLine(t: Translate, flag: RecordFlag): string {
  return t('registry.flagLine', { field: fieldLabel(t, flag.field), reason: flag.reason, value: flag.value });
}

/** An orange tag for a record with flagged values; the tooltip lists them. */
export function FlagsTag({ flags }: { flags: readonly RecordFlag[] }) {
  const t = useT();
  if (flags.length === 0) return null;
  return (
    <Tooltip
      title={
        <div>
          <div style={{ marginBottom: 4 }}>{t('registry.flagsIntro')}</div>
          {flags.map((flag, index) => (
            // Flags have no id; the same field may carry more than one.
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list rendered once.
            <div key={index}>• {flagLine(t, flag)}</div>
          ))}
        </div>
      }
    >
      <Tag
        color="warning"
        icon={<WarningOutlined />}
        data-testid="record-flags"
        style={{ marginInlineEnd: 0 }}
      >
        {t('registry.flagsCount', { count: flags.length })}
      </Tag>
    </Tooltip>
  );
}

/** A value with flags: what the record holds, then what was written and why it was kept. */
export function FlaggedValue({ flags, children }: { flags: readonly RecordFlag[]; children: ReactNode }) {
  const t = useT();
  if (flags.length === 0) return <>{children}</>;
  return (
    <Space size={6} wrap>
      {children}
      {flags.map((flag, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: flags have no id and are shown as they come.
        <Tooltip key={index} title={flag.reason}>
          <Tag color="warning" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
            {t('registry.flagValue', { value: flag.value })}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** The region's name, or the text as written when it is not a known region. */
export function regionLabel(t: Translate, record: Pick<RecordView, 'regionName' | 'regionText'>): string {
  if (record.regionName) return record.regionName;
  if (record.regionText) return t('registry.regionAsWritten', { text: record.regionText });
  return EMPTY;
}

const ENUM_KEYS = {
  gender: { male: 'registry.gender.male', female: 'registry.gender.female' },
  size: {
    large: 'registry.size.large',
    medium: 'registry.size.medium',
    small: 'registry.size.small',
    micro: 'registry.size.micro',
  },
  institutionKind: {
    university: 'registry.institutionKind.university',
    institute: 'registry.institutionKind.institute',
    society: 'registry.institutionKind.society',
    other: 'registry.institutionKind.other',
  },
  stationKind: {
    station: 'registry.stationKind.station',
    workstation: 'registry.stationKind.workstation',
  },
  titleLevel: {
    正高级: 'registry.titleLevel.senior',
    副高级: 'registry.titleLevel.associate',
    中级: 'registry.titleLevel.intermediate',
    初级: 'registry.titleLevel.junior',
  },
  honourLevel: {
    院士: 'registry.honourLevel.academician',
    国家级: 'registry.honourLevel.national',
    省级: 'registry.honourLevel.provincial',
    市级: 'registry.honourLevel.municipal',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

export type EnumName = keyof typeof ENUM_KEYS;

/** The display name of an enumerated value (gender, size, kinds, levels); the value itself when unknown. */
export function enumLabel(t: Translate, name: EnumName, value: string | null | undefined): string {
  if (!value) return EMPTY;
  const key = (ENUM_KEYS[name] as Record<string, MessageKey>)[value];
  return key ? t(key) : value;
}

/** Select options for an enumerated value, in order. */
export function enumOptions(
  t: Translate,
  name: EnumName,
  values: readonly string[],
): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: enumLabel(t, name, value) }));
}
