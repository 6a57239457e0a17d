import { SafetyOutlined } from '@ant-design/icons';
import {
  AUDIT_ACTION_NAMES,
  AUDIT_ENTITY_NAMES,
  auditActionName,
  auditEntityName,
} from '@server/platform/audit/names.ts';
import { Alert, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage, sameParams } from '../../app/api.ts';
import { chinaDayStart, EMPTY, formatDateTime, usePickerFormats } from '../../app/format.ts';
import { useI18n, useT } from '../../app/i18n.tsx';
import { FilterButtons, ListPageCard } from '../../app/listPage.tsx';
import { PageError } from '../../app/PageState.tsx';
import { regionPathLabel, useRegions } from '../../app/regions.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useRoleLabel } from '../users/api.ts';
import { type AuditParams, type AuditRow, useAuditLog, useVerifyAuditChain } from './api.ts';
import { ChangesList } from './ChangesList.tsx';

const DEFAULT_PARAMS: AuditParams = { page: 1, pageSize: 20 };

type Filters = Omit<AuditParams, 'page' | 'pageSize'>;

export function AuditPage() {
  const t = useT();
  useDocumentTitle('menu.audit');
  const [params, setParams] = useState<AuditParams>(DEFAULT_PARAMS);
  const audit = useAuditLog(params);
  const columns = useAuditColumns();
  // Pressing search with unchanged filters still asks the server again.
  const search = (next: typeof params) => {
    if (sameParams(next, params)) void audit.refetch();
    else setParams(next);
  };
  const verify = useVerifyAuditChain();

  return (
    <ListPageCard
      title={t('menu.audit')}
      extra={
        <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify')}
        </Button>
      }
    >
      <VerifyResultAlert verify={verify} />
      <AuditFilters
        onSearch={(filters) => search({ ...DEFAULT_PARAMS, pageSize: params.pageSize, ...filters })}
      />
      {audit.isError && !audit.data ? (
        <PageError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <Table<AuditRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (row) => <ChangesList changes={row.changes} entity={row.entity} />,
            rowExpandable: (row) => Object.keys(row.changes ?? {}).length > 0,
          }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
          onChange={(pagination) =>
            setParams({
              ...params,
              page: pagination.current ?? 1,
              pageSize: pagination.pageSize ?? params.pageSize,
            })
          }
        />
      )}
    </ListPageCard>
  );
}

function useAuditColumns(): ColumnsType<AuditRow> {
  const { t, pick } = useI18n();
  const roleLabel = useRoleLabel();
  const regions = useRegions();
  return [
    { title: t('audit.id'), dataIndex: 'id', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', render: (value: string) => formatDateTime(value) },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, row) => (
        <Space size={4}>
          <span>{row.actorName ?? t('audit.system')}</span>
          {row.actorRole && <Tag>{roleLabel(row.actorRole)}</Tag>}
        </Space>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        // An action without a name of its own reads from its parts; its key is kept for the hover.
        <Tag color="blue" data-testid="audit-action" title={hasActionName(action) ? undefined : action}>
          {pick(auditActionName(action))}
        </Tag>
      ),
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      render: (entity: string) => <span data-testid="audit-entity">{pick(auditEntityName(entity))}</span>,
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      // A role's rows are kept under its code (operator): shown by its name.
      render: (id: string, row) =>
        row.entity === 'role' ? (
          roleLabel(id)
        ) : (
          <Typography.Text copyable={{ text: id }} style={{ maxWidth: 160 }} ellipsis={{ tooltip: id }}>
            {id}
          </Typography.Text>
        ),
    },
    {
      title: t('audit.regionCode'),
      dataIndex: 'regionCode',
      // The region by its name (湖州市), its code on hover.
      render: (code: string | null) =>
        code ? <span title={code}>{regionPathLabel(regions.data, code).split(' / ').pop()}</span> : EMPTY,
    },
    { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
  ];
}

interface FilterValues {
  entity?: string;
  action?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function AuditFilters({ onSearch }: { onSearch: (filters: Filters) => void }) {
  const { t, pick } = useI18n();
  const formats = usePickerFormats();
  const [form] = Form.useForm<FilterValues>();
  // The log is filtered by key; people choose by name.
  const entityOptions = Object.entries(AUDIT_ENTITY_NAMES).map(([value, name]) => ({
    value,
    label: pick(name),
  }));
  const actionOptions = Object.entries(AUDIT_ACTION_NAMES).map(([value, name]) => ({
    value,
    label: pick(name),
  }));

  const submit = (values: FilterValues) => {
    const [start, end] = values.range ?? [null, null];
    onSearch({
      entity: values.entity || undefined,
      action: values.action || undefined,
      actor: values.actor?.trim() || undefined,
      // Whole days in China, whatever the browser's zone; the server's upper bound is exclusive.
      from: start ? chinaDayStart(start) : undefined,
      to: end ? chinaDayStart(end.add(1, 'day')) : undefined,
    });
  };

  return (
    <Form<FilterValues>
      form={form}
      layout="inline"
      onFinish={submit}
      style={{ marginBottom: 16, rowGap: 12 }}
    >
      <Form.Item name="entity">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('audit.entityPlaceholder')}
          options={entityOptions}
          style={{ width: 180 }}
          data-testid="audit-filter-entity"
        />
      </Form.Item>
      <Form.Item name="action">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('audit.actionPlaceholder')}
          options={actionOptions}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      <Form.Item name="actor">
        <Input allowClear placeholder={t('audit.actorPlaceholder')} style={{ width: 150 }} maxLength={64} />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          format={formats.date}
          placeholder={[t('audit.from'), t('audit.to')]}
        />
      </Form.Item>
      <FilterButtons
        searchTestId="audit-search"
        onReset={() => {
          form.resetFields();
          onSearch({});
        }}
      />
    </Form>
  );
}

function hasActionName(action: string): boolean {
  return Object.hasOwn(AUDIT_ACTION_NAMES, action);
}

/** The verdict of the last hash-chain check. */
function VerifyResultAlert({ verify }: { verify: ReturnType<typeof useVerifyAuditChain> }) {
  const t = useT();
  const common = {
    showIcon: true,
    closable: true,
    onClose: () => verify.reset(),
    style: { marginBottom: 16 },
  };
  if (verify.isError) return <Alert {...common} type="error" message={errorMessage(verify.error)} />;
  if (!verify.isSuccess) return null;
  const { ok, checked, firstBrokenId } = verify.data;
  return ok ? (
    <Alert {...common} type="success" message={t('audit.verifyOk', { checked })} />
  ) : (
    <Alert
      {...common}
      type="error"
      message={t('audit.verifyBrokenTitle')}
      description={t('audit.verifyBroken', { id: firstBrokenId ?? '—', checked })}
    />
  );
}
