import { EditOutlined, KeyOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { Role } from '@server/platform/access/permissions.ts';
import { Button, Form, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { sameParams } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { FilterButtons, ListPageCard } from '../../app/listPage.tsx';
import { PageError } from '../../app/PageState.tsx';
import { RegionCascader } from '../../app/RegionCascader.tsx';
import { regionCodeOf, regionPath, useRegions } from '../../app/regions.ts';
import { useCan } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { type User, type UserListParams, useRoleLabel, useRoleOptions, useUsers } from './api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';

const DEFAULT_PARAMS: UserListParams = { page: 1, pageSize: 20 };

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

export function UsersPage() {
  const t = useT();
  useDocumentTitle('menu.users');
  const canManage = useCan('users.manage');
  const [params, setParams] = useState<UserListParams>(DEFAULT_PARAMS);
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers(params);
  const columns = useUserColumns(canManage, setDialog);
  // Pressing search with unchanged filters still asks the server again.
  const search = (next: typeof params) => {
    if (sameParams(next, params)) void users.refetch();
    else setParams(next);
  };

  return (
    <ListPageCard
      title={t('menu.users')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        )
      }
    >
      <UserFilters params={params} onSearch={(filters) => search({ ...params, ...filters, page: 1 })} />
      {users.isError && !users.data ? (
        <PageError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: users.data?.total ?? 0,
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
      {dialog?.kind === 'create' && <UserFormModal user={null} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </ListPageCard>
  );
}

function useUserColumns(canManage: boolean, open: (dialog: Dialog) => void): ColumnsType<User> {
  const t = useT();
  const roleLabel = useRoleLabel();
  const columns: ColumnsType<User> = [
    { title: t('field.username'), dataIndex: 'username', fixed: 'left' },
    { title: t('field.displayName'), dataIndex: 'displayName' },
    { title: t('field.mobile'), dataIndex: 'mobile', render: (mobile: string | null) => mobile ?? '—' },
    { title: t('field.email'), dataIndex: 'email', render: (email: string | null) => email ?? '—' },
    { title: t('field.role'), dataIndex: 'role', render: (role: string) => roleLabel(role) },
    { title: t('field.region'), dataIndex: 'regionName' },
    {
      title: t('field.organisation'),
      dataIndex: 'organisationName',
      render: (name: string | null) => name ?? '—',
    },
    { title: t('users.status'), key: 'status', render: (_, user) => <UserStatus user={user} /> },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      render: (value: string | null) => formatDateTime(value),
    },
    { title: t('users.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, user) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => open({ kind: 'edit', user })}
          >
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<KeyOutlined />}
            onClick={() => open({ kind: 'reset', user })}
          >
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    });
  }
  return columns;
}

function UserStatus({ user }: { user: User }) {
  const t = useT();
  if (user.disabled) return <Tag color="red">{t('users.statusDisabled')}</Tag>;
  if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now()) {
    return (
      <Tooltip title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
        <Tag color="orange">{t('users.statusLocked')}</Tag>
      </Tooltip>
    );
  }
  return <Tag color="green">{t('users.statusActive')}</Tag>;
}

interface FilterValues {
  q?: string;
  role?: Role;
  region?: string[];
}

type Filters = Pick<UserListParams, 'q' | 'role' | 'regionCode'>;

function UserFilters({ params, onSearch }: { params: UserListParams; onSearch: (filters: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  const roleOptions = useRoleOptions();
  const regions = useRegions();

  // Keep the form showing the filters in force (the region needs the tree to become a path).
  useEffect(() => {
    form.setFieldsValue({
      q: params.q,
      role: params.role,
      region: params.regionCode ? regionPath(regions.data, params.regionCode) : undefined,
    });
  }, [form, params.q, params.role, params.regionCode, regions.data]);

  const submit = (values: FilterValues) =>
    onSearch({
      q: values.q?.trim() || undefined,
      role: values.role || undefined,
      regionCode: regionCodeOf(values.region),
    });

  return (
    <Form<FilterValues>
      form={form}
      layout="inline"
      onFinish={submit}
      style={{ marginBottom: 16, rowGap: 12 }}
    >
      <Form.Item name="q">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('users.searchPlaceholder')}
          style={{ width: 240 }}
          maxLength={64}
        />
      </Form.Item>
      <Form.Item name="role">
        <Select allowClear placeholder={t('field.role')} options={roleOptions} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="region">
        <RegionCascader placeholder={t('field.region')} style={{ width: 260 }} />
      </Form.Item>
      <FilterButtons
        onReset={() => {
          form.resetFields();
          onSearch({ q: undefined, role: undefined, regionCode: undefined });
        }}
      />
    </Form>
  );
}
