import { ArrowRightOutlined } from '@ant-design/icons';
import { ACTIVITY_STATUS_NAMES } from '@server/modules/activities/machine.ts';
import { STATUS_NAMES as LIST_STATUS_NAMES } from '@server/modules/lists/machine.ts';
import { ORDER_STATUS_NAMES } from '@server/modules/orders/machine.ts';
import { PERMISSIONS, ROLE_NAMES } from '@server/platform/access/permissions.ts';
import { Descriptions, Space, Typography } from 'antd';
import { formatDateTime } from '../../app/format.ts';
import { type Bilingual, isMessageKey, type Translate, useT } from '../../app/i18n.tsx';

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

/** A stored instant (2026-12-10T05:30:00.000Z), shown in China time like every other. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const LIST_ENTITIES = new Set(['demand', 'talentDemand', 'achievement']);
const PERMISSION_NAMES: Record<string, Bilingual> = Object.fromEntries(
  Object.entries(PERMISSIONS).map(([code, spec]) => [code, spec.name]),
);

/** The names of a field's codes (a status, a role, permissions), so a change reads 待派单 → 已取消. */
function codeNames(entity: string, field: string): Readonly<Record<string, Bilingual>> | undefined {
  if (field === 'role') return ROLE_NAMES;
  if (field === 'permissions') return PERMISSION_NAMES;
  if (field !== 'status') return undefined;
  if (entity === 'order') return ORDER_STATUS_NAMES;
  if (entity === 'activity') return ACTIVITY_STATUS_NAMES;
  return LIST_ENTITIES.has(entity) ? LIST_STATUS_NAMES : undefined;
}

type Names = Readonly<Record<string, Bilingual>> | undefined;

function formatValue(value: unknown, t: Translate, names: Names): string {
  if (value === null || value === undefined || value === '') return t('audit.emptyValue');
  if (value === REDACTED) return t('audit.redacted');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    const name = names && Object.hasOwn(names, value) ? names[value] : undefined;
    if (name) return t(name);
    return INSTANT.test(value) ? formatDateTime(value) : value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0
      ? t('audit.emptyValue')
      : value.map((item) => formatValue(item, t, names)).join(t('audit.listSeparator'));
  }
  return JSON.stringify(value);
}

/** A field by its name; one without a name keeps its key, the only word there is for it. */
function fieldLabel(field: string, t: Translate): string {
  for (const key of [`field.${field}`, `audit.field.${field}`]) if (isMessageKey(key)) return t(key);
  return field;
}

function ChangeValue({ change, t, names }: { change: unknown; t: Translate; names: Names }) {
  if (!isFieldChange(change)) return <Typography.Text>{formatValue(change, t, names)}</Typography.Text>;
  const hasFrom = 'from' in change;
  const hasTo = 'to' in change;
  return (
    <Space wrap size={6}>
      {hasFrom && (
        <Typography.Text type="secondary" delete={hasTo}>
          {formatValue(change.from, t, names)}
        </Typography.Text>
      )}
      {hasFrom && hasTo && <ArrowRightOutlined aria-label={t('audit.changedTo')} />}
      {hasTo && <Typography.Text strong>{formatValue(change.to, t, names)}</Typography.Text>}
      {!hasTo && <Typography.Text type="secondary">{t('audit.removed')}</Typography.Text>}
    </Space>
  );
}

/** An audit row's `changes` as a field list: old value → new value (`entity` names its statuses). */
export function ChangesList({
  changes,
  entity,
}: {
  changes: Record<string, unknown> | null;
  entity: string;
}) {
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
        children: <ChangeValue change={change} t={t} names={codeNames(entity, field)} />,
      }))}
    />
  );
}
