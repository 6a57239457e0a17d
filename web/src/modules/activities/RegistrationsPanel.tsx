import { DownloadOutlined, SearchOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { downloadFile, errorMessage } from '../../app/api.ts';
import { EMPTY } from '../../app/format.ts';
import { type MessageKey, useT } from '../../app/i18n.tsx';
import { PAGE_SIZES } from '../../app/listParams.ts';
import { ActivityImportModal } from './ActivityImportModal.tsx';
import { AddRegistrationModal } from './AddRegistrationModal.tsx';
import { exportPath, useActOnRegistration, useRegistrations } from './api.ts';
import { ReasonModal } from './ReasonModal.tsx';
import {
  chinaDateTime,
  groupShortCode,
  RegistrationStatusTag,
  registrationStatusLabel,
  roleLabel,
  roleOptions,
  sourceLabel,
} from './shared.tsx';
import {
  type ActivityView,
  KIND_SPECS,
  type ParticipantRole,
  REGISTRATION_IMPORT_KIND,
  REGISTRATION_STATUSES,
  type RegistrationAction,
  type RegistrationQuery,
  type RegistrationStatus,
  type RegistrationView,
} from './types.ts';

/** How a registration was checked in (qr | code | search), as its tag says. */
const METHOD_KEYS: Partial<Record<string, MessageKey>> = {
  qr: 'activities.checkin.byQr',
  code: 'activities.checkin.byCode',
  search: 'activities.checkin.bySearch',
  // Recorded as having come (registered as attended, or by a sheet's 签到): not checked in at a desk.
  recorded: 'activities.checkin.byRecord',
};

/** Which actions a registration offers the organisers (machine.ts). */
function actionsOf(registration: RegistrationView): RegistrationAction[] {
  switch (registration.status) {
    case 'pending':
      return ['approve', 'reject', 'cancel'];
    case 'waitlisted':
      return ['reject', 'cancel'];
    case 'confirmed':
      return ['cancel'];
    default:
      return [];
  }
}

const ACTION_KEYS: Record<RegistrationAction, MessageKey> = {
  approve: 'activities.registration.approve',
  reject: 'activities.registration.reject',
  cancel: 'activities.registration.cancel',
};

/** 报名名单: everyone registered, with filters, approval and cancellation, adding, importing and the attendance sheet. */
export function RegistrationsPanel({ activity }: { activity: ActivityView }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [query, setQuery] = useState<RegistrationQuery>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const registrations = useRegistrations(activity.id, query);
  const act = useActOnRegistration(activity.id);
  const [dialog, setDialog] = useState<'add' | 'import' | null>(null);
  const [reasonFor, setReasonFor] = useState<{
    registration: RegistrationView;
    action: 'reject' | 'cancel';
  } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const roles = KIND_SPECS[activity.kind].roles;
  const filter = (next: Partial<RegistrationQuery>) =>
    setQuery((before) => ({ ...before, ...next, page: 1 }));

  const run = (registration: RegistrationView, action: RegistrationAction, reason?: string) => {
    setBusy(`${registration.id}:${action}`);
    return act
      .mutateAsync({ registrationId: registration.id, action, ...(reason ? { reason } : {}) })
      .then(
        (after) => {
          void message.success(
            t('activities.registration.acted', {
              name: after.name,
              status: registrationStatusLabel(t, after.status),
            }),
          );
          return true;
        },
        (error: unknown) => {
          void message.error(errorMessage(error));
          return false;
        },
      )
      .finally(() => setBusy(null));
  };

  const exportAttendance = async () => {
    setExporting(true);
    try {
      const file = await downloadFile(exportPath(activity.id, 'attendance'), undefined, 'attendance.xlsx');
      void message.success(t('common.exportedFile', { file: file.fileName }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<RegistrationView> = [
    {
      title: t('activities.registration.name'),
      dataIndex: 'name',
      width: 230,
      render: (name: string, registration) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          {[
            registration.organisationName !== name ? registration.organisationName : null,
            registration.mobile,
          ]
            .filter(Boolean)
            .map((line) => (
              <Typography.Text key={line} type="secondary" style={{ fontSize: 12 }}>
                {line}
              </Typography.Text>
            ))}
        </Space>
      ),
    },
    {
      title: t('activities.registration.role'),
      dataIndex: 'role',
      width: 110,
      render: (role: ParticipantRole, registration) => (
        <Space size={4} wrap>
          <span>{roleLabel(t, role)}</span>
          {!registration.seated && (
            <Tooltip title={t('activities.registration.unseatedHint')}>
              <Tag style={{ marginInlineEnd: 0 }}>{t('activities.registration.unseated')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('activities.registration.source'),
      dataIndex: 'source',
      width: 96,
      render: (source: string) => sourceLabel(t, source),
    },
    {
      title: t('activities.registration.status'),
      dataIndex: 'status',
      width: 120,
      render: (_status: RegistrationStatus, registration) => (
        <RegistrationStatusTag registration={registration} />
      ),
    },
    {
      title: t('activities.registration.shortCode'),
      dataIndex: 'shortCode',
      width: 110,
      render: (code: string | null) =>
        code ? (
          <Typography.Text code style={{ whiteSpace: 'nowrap' }} data-testid="registration-short-code">
            {groupShortCode(code)}
          </Typography.Text>
        ) : (
          EMPTY
        ),
    },
    {
      title: t('activities.registration.checkIn'),
      dataIndex: 'checkedInAt',
      width: 150,
      render: (at: string | null, registration) =>
        at ? (
          <Space size={4} wrap>
            <span>{chinaDateTime(at)}</span>
            <Tag style={{ marginInlineEnd: 0 }}>
              {t(METHOD_KEYS[registration.checkInMethod ?? ''] ?? 'activities.checkin.bySearch')}
            </Tag>
          </Space>
        ) : (
          EMPTY
        ),
    },
    {
      title: t('activities.registration.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => chinaDateTime(at),
    },
    {
      title: t('activities.registration.note'),
      dataIndex: 'note',
      width: 160,
      ellipsis: true,
      render: (note: string | null) => note ?? EMPTY,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 160,
      render: (_, registration) => (
        <Space size={0}>
          {actionsOf(registration).map((action) =>
            action === 'approve' ? (
              <Button
                key={action}
                type="link"
                size="small"
                loading={busy === `${registration.id}:${action}`}
                onClick={() => void run(registration, action)}
                data-testid="registration-approve"
              >
                {t(ACTION_KEYS[action])}
              </Button>
            ) : (
              <Button
                key={action}
                type="link"
                size="small"
                danger
                onClick={() => setReasonFor({ registration, action })}
                data-testid={`registration-${action}`}
              >
                {t(ACTION_KEYS[action])}
              </Button>
            ),
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Input.Search
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => filter({ q: value.trim() || undefined })}
            placeholder={t('activities.registration.searchPlaceholder')}
            enterButton={<SearchOutlined />}
            style={{ width: 260 }}
            maxLength={64}
            data-testid="registration-search"
          />
          <Select
            allowClear
            placeholder={t('activities.registration.status')}
            value={query.status}
            onChange={(status?: RegistrationStatus) => filter({ status })}
            options={REGISTRATION_STATUSES.map((status) => ({
              value: status,
              label: registrationStatusLabel(t, status),
            }))}
            style={{ width: 130 }}
            data-testid="registration-filter-status"
          />
          <Select
            allowClear
            placeholder={t('activities.registration.role')}
            value={query.role}
            onChange={(role?: ParticipantRole) => filter({ role })}
            options={roleOptions(t, roles)}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            placeholder={t('activities.registration.checkIn')}
            value={query.checkedIn}
            onChange={(checkedIn?: 'true' | 'false') => filter({ checkedIn })}
            options={[
              { value: 'true', label: t('activities.checkin.done') },
              { value: 'false', label: t('activities.checkin.notYet') },
            ]}
            style={{ width: 120 }}
          />
        </Space>
        <Space wrap>
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setDialog('add')}
            // A finished activity still takes who came (recorded afterwards, as attended).
            disabled={activity.status === 'cancelled'}
            data-testid="registration-add"
          >
            {t('activities.registration.add')}
          </Button>
          <Button
            icon={<UploadOutlined />}
            onClick={() => setDialog('import')}
            disabled={activity.status === 'cancelled'}
            data-testid="registration-import"
          >
            {t('activities.import.title')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportAttendance()}
            data-testid="registration-export"
          >
            {t('activities.registration.exportAttendance')}
          </Button>
        </Space>
      </Space>
      <Table<RegistrationView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={registrations.data?.items ?? []}
        loading={registrations.isFetching}
        scroll={{ x: 1150 }}
        data-testid="registrations-table"
        locale={registrations.isError ? { emptyText: errorMessage(registrations.error) } : undefined}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: registrations.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [...PAGE_SIZES],
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(pagination) =>
          setQuery((before) => ({
            ...before,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? before.pageSize,
          }))
        }
      />
      {dialog === 'add' && <AddRegistrationModal activity={activity} onClose={() => setDialog(null)} />}
      {dialog === 'import' && (
        <ActivityImportModal
          activity={activity}
          importKind={REGISTRATION_IMPORT_KIND}
          titleKey="activities.import.titleOf"
          introKey="activities.import.introDetail"
          onClose={() => setDialog(null)}
        />
      )}
      {reasonFor && (
        <ReasonModal
          title={t('activities.registration.actionTitle', {
            action: t(ACTION_KEYS[reasonFor.action]),
            name: reasonFor.registration.name,
          })}
          okText={t(ACTION_KEYS[reasonFor.action])}
          loading={busy !== null}
          onCancel={() => setReasonFor(null)}
          onSubmit={async (reason) => {
            if (await run(reasonFor.registration, reasonFor.action, reason)) setReasonFor(null);
          }}
        />
      )}
    </Space>
  );
}
