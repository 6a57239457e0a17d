import { WarningOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Space, Tag, Typography, theme } from 'antd';
import { EMPTY, formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import type { DetailItem, KindConfig } from './config.ts';
import { FlaggedValue, flagLine, regionLabel } from './shared.tsx';
import type { RecordFlag, RegistryKind, RegistryViews, RevealResult } from './types.ts';

interface Props<K extends RegistryKind> {
  config: KindConfig<K>;
  record: RegistryViews[K];
  revealed?: RevealResult | null;
  /** Link to related records; off where the reader cannot open them. */
  links?: boolean;
}

/** Every field of a record; values kept as written are highlighted with their reason. */
export function RecordDescriptions<K extends RegistryKind>({
  config,
  record,
  revealed = null,
  links = true,
}: Props<K>) {
  const t = useT();
  const items: DetailItem[] = [
    { key: 'code', label: t('field.code'), children: record.code },
    { key: 'name', label: t(config.nameKey), children: record.name },
    {
      key: 'region',
      label: t('registry.region'),
      children: record.flags.some((flag) => flag.field === 'regionCode')
        ? (record.regionName ?? EMPTY)
        : regionLabel(t, record),
      flagField: 'regionCode',
      wide: true,
    },
    ...config.details(record, t, { revealed, links }),
    {
      key: 'archived',
      label: t('registry.status'),
      children: record.archived ? (
        <Tag color="default">{t('registry.statusArchived')}</Tag>
      ) : (
        <Tag color="green">{t('registry.statusActive')}</Tag>
      ),
    },
    { key: 'version', label: t('registry.version'), children: record.version },
    { key: 'createdAt', label: t('field.createdAt'), children: formatDateTime(record.createdAt) },
    { key: 'updatedAt', label: t('field.updatedAt'), children: formatDateTime(record.updatedAt) },
  ];

  return <FlaggedDescriptions items={items} flags={record.flags} />;
}

/** Description lines with the values kept as written listed above them and marked where they are. */
export function FlaggedDescriptions({ items, flags }: { items: DetailItem[]; flags: readonly RecordFlag[] }) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {flags.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="record-flags-alert"
          message={t('registry.flagsAlert', { count: flags.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {flags.map((flag, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: flags have no id and are shown as they come.
                <li key={index}>{flagLine(t, flag)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Descriptions
        bordered
        size="middle"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
        items={items.map((item) => {
          const own = flags.filter((flag) => flag.field === (item.flagField ?? item.key));
          return {
            key: item.key,
            // 'filled' takes the rest of the row: a whole row where the row is still empty.
            span: item.wide ? ('filled' as const) : undefined,
            label:
              own.length > 0 ? (
                <Space size={4}>
                  <WarningOutlined style={{ color: token.colorWarning }} />
                  {item.label}
                </Space>
              ) : (
                item.label
              ),
            children:
              own.length > 0 ? (
                <FlaggedValue flags={own}>{item.children}</FlaggedValue>
              ) : (
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.children}</Typography.Text>
              ),
          };
        })}
      />
    </Space>
  );
}
