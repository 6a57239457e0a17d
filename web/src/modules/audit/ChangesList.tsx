import { ArrowRightOutlined } from '@ant-design/icons';
import { Descriptions, Space, Typography } from 'antd';
import { isMessageKey, type Translate, useT } from '../../app/i18n.tsx';

/** What the server writes instead of a personal or secret value. */
const REDACTED = '[redacted]';

interface FieldChange {
  from?: unknown;
  to?: unknown;
}

function isFieldChange(value: unknown): value is FieldChange {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key === 'from' || key === 'to');
}

function formatValue(value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('audit.emptyValue');
  if (value === REDACTED) return t('audit.redacted');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0 ? t('audit.emptyValue') : value.map((item) => formatValue(item, t)).join(', ');
  }
  return JSON.stringify(value);
}

function fieldLabel(field: string, t: Translate): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? `${t(key)} (${field})` : field;
}

function ChangeValue({ change, t }: { change: unknown; t: Translate }) {
  if (!isFieldChange(change)) return <Typography.Text>{formatValue(change, t)}</Typography.Text>;
  const hasFrom = 'from' in change;
  const hasTo = 'to' in change;
  return (
    <Space wrap size={6}>
      {hasFrom && (
        <Typography.Text type="secondary" delete={hasTo}>
          {formatValue(change.from, t)}
        </Typography.Text>
      )}
      {hasFrom && hasTo && <ArrowRightOutlined aria-label={t('audit.changedTo')} />}
      {hasTo && <Typography.Text strong>{formatValue(change.to, t)}</Typography.Text>}
      {!hasTo && <Typography.Text type="secondary">{t('audit.removed')}</Typography.Text>}
    </Space>
  );
}

/** An audit row's `changes` as a field list: old value → new value. */
export function ChangesList({ changes }: { changes: Record<string, unknown> | null }) {
  const t = useT();
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      styles={{ label: { width: 240 } }}
      items={entries.map(([field, change]) => ({
        key: field,
        label: fieldLabel(field, t),
        children: <ChangeValue change={change} t={t} />,
      }))}
    />
  );
}
