import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { EMPTY, formatDate, formatDateTime, show } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import type { DetailItem } from '../registry/config.ts';
import { FlaggedDescriptions } from '../registry/RecordDescriptions.tsx';
import { NamedTags, regionLabel } from '../registry/shared.tsx';
import { hasField, type ListKindConfig } from './config.ts';
import { Deadline, formatAmount, modeLabel, StatusTag, stageLabel } from './shared.tsx';
import type { ListItemView } from './types.ts';

/** The owner, linked to its registry record where this account may open it. */
function Owner({ item }: { item: ListItemView }) {
  const canOpen = useCan('registry.read');
  const name = show(item.ownerName);
  if (canOpen && item.enterpriseId)
    return <Link to={`/registry/enterprises/${item.enterpriseId}`}>{name}</Link>;
  if (canOpen && item.institutionId)
    return <Link to={`/registry/institutions/${item.institutionId}`}>{name}</Link>;
  return <>{name}</>;
}

/** Every field of a list item; values kept as written by an import are marked with their reason. */
export function ListItemDescriptions({ config, item }: { config: ListKindConfig; item: ListItemView }) {
  const t = useT();
  const has = (field: Parameters<typeof hasField>[1]) => hasField(config, field);
  const items: DetailItem[] = [
    { key: 'code', label: t('field.code'), children: item.code },
    {
      key: 'status',
      label: t('lists.status'),
      children: (
        <Space size={8} wrap>
          <StatusTag status={item.status} />
          <Typography.Text type="secondary">
            {t('lists.statusSince', { time: formatDateTime(item.statusChangedAt) })}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'title', label: t(config.titleLabelKey), children: item.title, wide: true },
    ...(item.statusReason
      ? [{ key: 'statusReason', label: t('lists.statusReason'), children: item.statusReason, wide: true }]
      : []),
    { key: 'ownerName', label: t(config.ownerKey), children: <Owner item={item} /> },
    {
      key: 'region',
      label: t('registry.region'),
      children: item.flags.some((flag) => flag.field === 'regionCode')
        ? (item.regionName ?? EMPTY)
        : regionLabel(t, item),
      flagField: 'regionCode',
    },
    { key: 'description', label: t(config.descriptionKey), children: show(item.description), wide: true },
    {
      key: 'keywords',
      label: t('field.keywords'),
      children: (
        <Space size={6} wrap>
          <NamedTags items={item.keywords} color="geekblue" />
          {item.keywordsExtracted && item.keywords.length > 0 && (
            <Typography.Text type="secondary">{t('lists.keywordsExtracted')}</Typography.Text>
          )}
        </Space>
      ),
      wide: true,
    },
    {
      key: 'industries',
      label: t('field.industries'),
      children: <NamedTags items={item.industries} color="cyan" />,
      wide: true,
    },
    {
      key: 'disciplines',
      label: t('field.disciplines'),
      children: <NamedTags items={item.disciplines} color="blue" />,
      wide: true,
    },
    ...(item.fieldText || item.flags.some((flag) => flag.field === 'fieldText')
      ? [{ key: 'fieldText', label: t('field.fieldText'), children: show(item.fieldText), wide: true }]
      : []),
    {
      key: 'cooperationModes',
      label: t(config.modesKey),
      children:
        item.cooperationModes.length === 0 ? (
          EMPTY
        ) : (
          <Space size={[4, 4]} wrap>
            {item.cooperationModes.map((mode) => (
              <Tag key={mode} style={{ marginInlineEnd: 0 }}>
                {modeLabel(t, mode)}
              </Tag>
            ))}
          </Space>
        ),
    },
    { key: 'cluster', label: t('field.cluster'), children: show(item.cluster) },
    ...(has('amount')
      ? [{ key: 'amount', label: t(config.amountKey), children: formatAmount(t, item) }]
      : []),
    ...(has('headcount')
      ? [{ key: 'headcount', label: t('field.headcount'), children: show(item.headcount) }]
      : []),
    ...(has('stage') ? [{ key: 'stage', label: t('field.stage'), children: stageLabel(t, item.stage) }] : []),
    ...(has('trl')
      ? [
          {
            key: 'trl',
            label: t('field.trl'),
            children: item.trl === null ? EMPTY : t('lists.trlLevel', { level: item.trl }),
          },
        ]
      : []),
    ...(has('terms')
      ? [{ key: 'terms', label: t('field.terms'), children: show(item.terms), wide: true }]
      : []),
    ...(has('patents')
      ? [
          {
            key: 'patents',
            label: t('field.patents'),
            children: <NamedTags items={item.patents} />,
            wide: true,
          },
        ]
      : []),
    { key: 'deadline', label: t('field.deadline'), children: <Deadline deadline={item.deadline} /> },
    { key: 'contactName', label: t('field.contactName'), children: show(item.contactName) },
    { key: 'publishedAt', label: t('lists.publishedAt'), children: formatDate(item.publishedAt) },
    { key: 'version', label: t('registry.version'), children: item.version },
    { key: 'createdAt', label: t('field.createdAt'), children: formatDateTime(item.createdAt) },
    { key: 'updatedAt', label: t('field.updatedAt'), children: formatDateTime(item.updatedAt) },
  ];
  return <FlaggedDescriptions items={items} flags={item.flags} />;
}
