import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Space, Table, Tag, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { PageError, PageLoading } from '../../app/PageState.tsx';
import { useCan } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import {
  type PermissionItem,
  type RoleItem,
  usePermissionCatalogue,
  useRoles,
  useSaveRolePermissions,
} from './api.ts';

/** Unsaved grants per role code. */
type Drafts = Record<string, string[]>;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

export function RolesPage() {
  const { t } = useI18n();
  useDocumentTitle('menu.roles');
  const canManage = useCan('roles.manage');
  const roles = useRoles();
  const catalogue = usePermissionCatalogue();

  let body: ReactNode;
  if (roles.isPending || catalogue.isPending) body = <PageLoading />;
  else if (roles.isError || catalogue.isError) {
    body = (
      <PageError
        error={roles.error ?? catalogue.error}
        onRetry={() => {
          void roles.refetch();
          void catalogue.refetch();
        }}
      />
    );
  } else body = <RoleMatrix roles={roles.data} catalogue={catalogue.data} canManage={canManage} />;

  return (
    <Card title={t('menu.roles')}>
      <Alert
        type={canManage ? 'info' : 'warning'}
        showIcon
        message={canManage ? t('roles.manageHint') : t('roles.readOnly')}
        style={{ marginBottom: 16 }}
      />
      {body}
    </Card>
  );
}

interface MatrixProps {
  roles: RoleItem[];
  catalogue: PermissionItem[];
  canManage: boolean;
}

/** Permissions down, roles across; a tick is a grant. Changes stay local until the role is saved. */
function RoleMatrix({ roles, catalogue, canManage }: MatrixProps) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const setDraft = (role: RoleItem, permissions: string[] | null) =>
    setDrafts((current) => {
      const next = { ...current };
      if (permissions === null || sameSet(permissions, role.permissions)) delete next[role.role];
      else next[role.role] = permissions;
      return next;
    });
  const columns = useMatrixColumns(roles, drafts, canManage, setDraft);
  return (
    <Table<PermissionItem>
      rowKey="code"
      size="middle"
      bordered
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={catalogue}
      columns={columns}
    />
  );
}

function useMatrixColumns(
  roles: RoleItem[],
  drafts: Drafts,
  canManage: boolean,
  setDraft: (role: RoleItem, permissions: string[] | null) => void,
): ColumnsType<PermissionItem> {
  const { t, pick } = useI18n();
  return [
    {
      title: t('roles.permission'),
      key: 'permission',
      fixed: 'left',
      width: 240,
      // The permission by its name only: its key (orders.read) is the server's, not a word for people.
      render: (_, permission) => (
        <Space size={6}>
          <span data-testid="role-permission">{pick(permission.name)}</span>
          <Tag color={permission.kind === 'write' ? 'volcano' : 'geekblue'}>
            {permission.kind === 'write' ? t('roles.kindWrite') : t('roles.kindRead')}
          </Tag>
        </Space>
      ),
    },
    ...roles.map((role) => {
      const granted = drafts[role.role] ?? role.permissions;
      return {
        title: <RoleHeader role={role} draft={drafts[role.role]} onSaved={() => setDraft(role, null)} />,
        key: role.role,
        align: 'center' as const,
        width: 112,
        render: (_: unknown, permission: PermissionItem) =>
          canManage ? (
            <Checkbox
              checked={granted.includes(permission.code)}
              aria-label={`${pick(role.name)} · ${pick(permission.name)}`}
              onChange={(event) =>
                setDraft(
                  role,
                  event.target.checked
                    ? [...granted, permission.code]
                    : granted.filter((code) => code !== permission.code),
                )
              }
            />
          ) : (
            <GrantMark granted={granted.includes(permission.code)} />
          ),
      };
    }),
  ];
}

/** The role's name and, when it has unsaved changes, its save and revert buttons. */
function RoleHeader({ role, draft, onSaved }: { role: RoleItem; draft?: string[]; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const { message } = AntApp.useApp();
  const save = useSaveRolePermissions();

  const submit = () => {
    if (!draft) return;
    save.mutate(
      { role: role.role, permissions: draft },
      {
        onSuccess: () => {
          onSaved();
          void message.success(t('roles.saved', { role: pick(role.name) }));
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  };

  return (
    <Space direction="vertical" size={4}>
      <span>{pick(role.name)}</span>
      {draft && (
        <Space size={4} wrap style={{ justifyContent: 'center' }}>
          <Button type="primary" size="small" loading={save.isPending} onClick={submit}>
            {t('common.save')}
          </Button>
          <Button size="small" disabled={save.isPending} onClick={onSaved}>
            {t('roles.revert')}
          </Button>
        </Space>
      )}
    </Space>
  );
}

/** A read-only cell: a tick for a grant, a faint dash otherwise. */
function GrantMark({ granted }: { granted: boolean }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  return granted ? (
    <CheckCircleFilled style={{ color: token.colorSuccess, fontSize: 16 }} aria-label={t('roles.granted')} />
  ) : (
    <span role="img" style={{ color: token.colorTextQuaternary }} aria-label={t('roles.notGranted')}>
      —
    </span>
  );
}
