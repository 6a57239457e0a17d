import {
  CalendarOutlined,
  CheckOutlined,
  DownloadOutlined,
  PlusOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  type ButtonProps,
  Card,
  Empty,
  Form,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, downloadFile, errorMessage } from '../../app/api.ts';
import { EMPTY } from '../../app/format.ts';
import { type MessageKey, type Translate, useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import {
  exportPath,
  useActOnMeeting,
  useArrangeMeetings,
  useMeetings,
  useParticipants,
  useProposeMeetings,
  useRequestMeeting,
} from './api.ts';
import { ReasonModal } from './ReasonModal.tsx';
import { chinaClock, MeetingStatusTag, meetingSourceLabel } from './shared.tsx';
import type { ActivityView, MeetingAction, MeetingGrid, MeetingView } from './types.ts';

const DONE_KEYS: Record<MeetingAction, MessageKey> = {
  accept: 'activities.meeting.done.accept',
  decline: 'activities.meeting.done.decline',
  cancel: 'activities.meeting.done.cancel',
};

/** 14:20 for a slot of the grid (China time). */
function slotTime(grid: MeetingGrid, slot: number): string {
  const [h = 0, m = 0] = grid.firstSlotAt.split(':').map(Number);
  const minutes = h * 60 + m + slot * grid.slotMinutes;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

/** 14:20–14:40 · 第 3 桌, once laid out. */
function placeText(t: Translate, meeting: MeetingView): string | null {
  if (meeting.slot === null || meeting.table === null || !meeting.startsAt || !meeting.endsAt) return null;
  return t('activities.meeting.place', {
    from: chinaClock(meeting.startsAt),
    to: chinaClock(meeting.endsAt),
    table: meeting.table,
  });
}

/** Runs a meeting action and says how it went; a 409 reads the meetings again (the hook does). */
function useMeetingAction(activityId: string) {
  const t = useT();
  const { message } = AntApp.useApp();
  const act = useActOnMeeting(activityId);
  const [busy, setBusy] = useState<string | null>(null);
  const run = (meeting: MeetingView, action: MeetingAction, reason?: string) => {
    setBusy(`${meeting.id}:${action}`);
    return act
      .mutateAsync({ meetingId: meeting.id, action, version: meeting.version, ...(reason ? { reason } : {}) })
      .then(
        () => {
          void message.success(t(DONE_KEYS[action]));
          return true;
        },
        (error: unknown) => {
          const conflict = error instanceof ApiError && error.status === 409;
          void message.error(
            conflict ? t('common.conflictReloaded', { message: errorMessage(error) }) : errorMessage(error),
          );
          return false;
        },
      )
      .finally(() => setBusy(null));
  };
  return { run, busy };
}

/** Accept / decline / cancel buttons for what the server offers the caller on a meeting. */
function MeetingButtons({
  meeting,
  manager,
  run,
  busy,
  onReason,
}: {
  meeting: MeetingView;
  manager: boolean;
  run: (meeting: MeetingView, action: MeetingAction) => Promise<boolean>;
  busy: string | null;
  onReason: (meeting: MeetingView, action: 'decline' | 'cancel') => void;
}) {
  const t = useT();
  return (
    <Space size={0} wrap>
      {meeting.actions.includes('accept') && (
        <Button
          type="link"
          size="small"
          icon={<CheckOutlined />}
          loading={busy === `${meeting.id}:accept`}
          onClick={() => void run(meeting, 'accept')}
          data-testid="meeting-accept"
        >
          {t(manager ? 'activities.meeting.acceptForBoth' : 'activities.meeting.accept')}
        </Button>
      )}
      {meeting.actions.includes('decline') && (
        <Button
          type="link"
          size="small"
          danger
          onClick={() => onReason(meeting, 'decline')}
          data-testid="meeting-decline"
        >
          {t('activities.meeting.decline')}
        </Button>
      )}
      {meeting.actions.includes('cancel') && (
        <Button
          type="link"
          size="small"
          danger
          onClick={() => onReason(meeting, 'cancel')}
          data-testid="meeting-cancel"
        >
          {t('activities.meeting.cancel')}
        </Button>
      )}
    </Space>
  );
}

/** Whether each side has said yes. */
function Sides({ meeting }: { meeting: MeetingView }) {
  const t = useT();
  if (meeting.status !== 'proposed') return null;
  const side = (accepted: boolean, yes: string, no: string) => (
    <Tag color={accepted ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
      {accepted ? yes : no}
    </Tag>
  );
  return (
    <Space size={4} wrap>
      {side(
        meeting.enterpriseAccepted,
        t('activities.meeting.enterpriseYes'),
        t('activities.meeting.enterpriseWaiting'),
      )}
      {side(meeting.expertAccepted, t('activities.meeting.expertYes'), t('activities.meeting.expertWaiting'))}
    </Space>
  );
}

/**
 * 洽谈 for the organisers: proposals from matching (with the reasons), meetings
 * set up by hand, acceptance for either side, the timetable of slots × tables
 * and its export.
 */
export function MeetingsPanel({ activity }: { activity: ActivityView }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const meetings = useMeetings(activity.id);
  const arrange = useArrangeMeetings(activity.id);
  const { run, busy } = useMeetingAction(activity.id);
  const [dialog, setDialog] = useState<'propose' | 'new' | null>(null);
  const [reasonFor, setReasonFor] = useState<{ meeting: MeetingView; action: 'decline' | 'cancel' } | null>(
    null,
  );
  const [exporting, setExporting] = useState(false);
  const canOpenLists = useCan('lists.read');
  const items = meetings.data?.items ?? [];
  const count = (status: MeetingView['status']) => items.filter((m) => m.status === status).length;
  const placed = items.filter((m) => m.slot !== null).length;

  const doArrange = () =>
    arrange.mutateAsync().then(
      (result) =>
        void message.success(
          t('activities.meeting.arranged', {
            placed: result.items.filter((m) => m.slot !== null).length,
            unplaced: result.unplaced,
          }),
        ),
      (error: unknown) => void message.error(errorMessage(error)),
    );
  const exportSchedule = async () => {
    setExporting(true);
    try {
      const file = await downloadFile(exportPath(activity.id, 'schedule'), undefined, 'schedule.xlsx');
      void message.success(t('common.exportedFile', { file: file.fileName }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<MeetingView> = [
    {
      title: t('activities.meeting.sides'),
      key: 'sides',
      width: 220,
      render: (_, m) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{m.enterprise.name}</Typography.Text>
          <Typography.Text>× {m.expert.name}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('activities.meeting.reasons'),
      key: 'reasons',
      width: 360,
      render: (_, m) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {m.demand && (
            <Typography.Text ellipsis style={{ maxWidth: 340 }}>
              {canOpenLists ? (
                <Link to={`/lists/demands/${m.demand.id}`}>{m.demand.title}</Link>
              ) : (
                m.demand.title
              )}
            </Typography.Text>
          )}
          <Space size={4} wrap>
            <Tag color={m.source === 'matching' ? 'geekblue' : 'default'} style={{ marginInlineEnd: 0 }}>
              {meetingSourceLabel(t, m.source)}
            </Tag>
            {m.score !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('activities.meeting.score', {
                  score: m.score.toLocaleString('zh-CN', { maximumFractionDigits: 2 }),
                })}
              </Typography.Text>
            )}
          </Space>
          {m.reasons.length > 0 && (
            <Space size={[4, 4]} wrap data-testid="meeting-reasons">
              {m.reasons.map((reason) => (
                <Tag key={reason} color="blue" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                  {reason}
                </Tag>
              ))}
            </Space>
          )}
        </Space>
      ),
    },
    {
      title: t('activities.meeting.status'),
      key: 'status',
      width: 150,
      render: (_, m) => (
        <Space direction="vertical" size={4}>
          <MeetingStatusTag status={m.status} />
          <Sides meeting={m} />
          {m.declineReason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('activities.meeting.reasonLine', { reason: m.declineReason })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('activities.meeting.time'),
      key: 'time',
      width: 150,
      render: (_, m) =>
        placeText(t, m) ?? (m.status === 'accepted' ? t('activities.meeting.notPlaced') : EMPTY),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 150,
      render: (_, m) => (
        <MeetingButtons
          meeting={m}
          manager
          run={run}
          busy={busy}
          onReason={(meeting, action) => setReasonFor({ meeting, action })}
        />
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap data-testid="meeting-summary">
          <Tag color="blue">{t('activities.meeting.countProposed', { count: count('proposed') })}</Tag>
          <Tag color="green">{t('activities.meeting.countAccepted', { count: count('accepted') })}</Tag>
          <Tag>{t('activities.meeting.countPlaced', { count: placed })}</Tag>
          {count('declined') > 0 && (
            <Tag color="red">{t('activities.meeting.countDeclined', { count: count('declined') })}</Tag>
          )}
        </Space>
        <Space wrap>
          <Button
            icon={<ThunderboltOutlined />}
            onClick={() => setDialog('propose')}
            data-testid="meeting-propose"
          >
            {t('activities.meeting.propose')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setDialog('new')} data-testid="meeting-new">
            {t('activities.meeting.new')}
          </Button>
          <Popconfirm
            title={t('activities.meeting.arrange')}
            description={t('activities.meeting.arrangeConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={doArrange}
          >
            <Button
              type="primary"
              icon={<CalendarOutlined />}
              loading={arrange.isPending}
              disabled={count('accepted') === 0}
              data-testid="meeting-arrange"
            >
              {t('activities.meeting.arrange')}
            </Button>
          </Popconfirm>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportSchedule()}
            data-testid="meeting-export"
          >
            {t('activities.meeting.export')}
          </Button>
        </Space>
      </Space>
      <Typography.Text type="secondary">{t('activities.meeting.help')}</Typography.Text>
      {meetings.isError && <Alert type="error" showIcon message={errorMessage(meetings.error)} />}
      {(meetings.data?.unplaced ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('activities.meeting.unplaced', { count: meetings.data?.unplaced ?? 0 })}
          data-testid="meeting-unplaced"
        />
      )}
      <Table<MeetingView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={meetings.isFetching}
        scroll={{ x: 1030 }}
        pagination={
          items.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false
        }
        locale={{ emptyText: t('activities.meeting.none') }}
        data-testid="meetings-table"
      />
      {meetings.data && <Timetable meetings={items} grid={meetings.data.grid} />}
      {dialog === 'propose' && <ProposeModal activity={activity} onClose={() => setDialog(null)} />}
      {dialog === 'new' && <NewMeetingModal activity={activity} onClose={() => setDialog(null)} />}
      {reasonFor && (
        <ReasonModal
          title={t('activities.meeting.actionTitle', {
            action: t(
              reasonFor.action === 'decline' ? 'activities.meeting.decline' : 'activities.meeting.cancel',
            ),
            enterprise: reasonFor.meeting.enterprise.name,
            expert: reasonFor.meeting.expert.name,
          })}
          okText={t(
            reasonFor.action === 'decline' ? 'activities.meeting.decline' : 'activities.meeting.cancel',
          )}
          loading={busy !== null}
          onCancel={() => setReasonFor(null)}
          onSubmit={async (reason) => {
            if (await run(reasonFor.meeting, reasonFor.action, reason)) setReasonFor(null);
          }}
        />
      )}
    </Space>
  );
}

interface GridRow {
  slot: number;
  time: string;
  byTable: Map<number, MeetingView>;
}

/** 洽谈日程: the grid of time slots × tables, each cell the enterprise and the expert who meet there. */
function Timetable({ meetings, grid }: { meetings: MeetingView[]; grid: MeetingGrid }) {
  const t = useT();
  const { token } = theme.useToken();
  const placed = meetings.filter((m) => m.slot !== null && m.table !== null);
  const rows: GridRow[] = Array.from({ length: grid.slots }, (_, slot) => ({
    slot,
    time: `${slotTime(grid, slot)}–${slotTime(grid, slot + 1)}`,
    byTable: new Map(placed.filter((m) => m.slot === slot).map((m) => [m.table!, m])),
  }));
  const columns: ColumnsType<GridRow> = [
    {
      title: t('activities.grid.slot'),
      key: 'time',
      fixed: 'left',
      width: 120,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{t('activities.grid.slotN', { n: row.slot + 1 })}</Typography.Text>
          <Typography.Text type="secondary">{row.time}</Typography.Text>
        </Space>
      ),
    },
    ...Array.from({ length: grid.tables }, (_, i) => i + 1).map((table) => ({
      title: t('activities.grid.tableN', { n: table }),
      key: `table-${table}`,
      width: 170,
      render: (_: unknown, row: GridRow) => {
        const m = row.byTable.get(table);
        return (
          <div
            data-testid={`grid-${row.slot + 1}-${table}`}
            style={
              m
                ? {
                    background: token.colorPrimaryBg,
                    border: `1px solid ${token.colorPrimaryBorder}`,
                    borderRadius: token.borderRadius,
                    padding: '4px 8px',
                  }
                : undefined
            }
          >
            {m ? (
              <Tooltip title={m.demand?.title}>
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{m.enterprise.name}</Typography.Text>
                  <Typography.Text>{m.expert.name}</Typography.Text>
                </Space>
              </Tooltip>
            ) : null}
          </div>
        );
      },
    })),
  ];
  return (
    <Card size="small" title={t('activities.grid.timetable')} data-testid="meeting-grid">
      {placed.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.grid.empty')} />
      ) : (
        <Table<GridRow>
          rowKey="slot"
          size="small"
          bordered
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 120 + grid.tables * 170 }}
        />
      )}
    </Card>
  );
}

/** 按匹配推荐: for each enterprise, the best experts registered for its demands. */
function ProposeModal({ activity, onClose }: { activity: ActivityView; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const propose = useProposeMeetings(activity.id);
  const [perEnterprise, setPerEnterprise] = useState<number | null>(3);
  const ok: ButtonProps & { 'data-testid': string } = {
    loading: propose.isPending,
    'data-testid': 'meeting-propose-submit',
  };
  return (
    <Modal
      open
      title={t('activities.meeting.propose')}
      okText={t('activities.meeting.proposeSubmit')}
      okButtonProps={ok}
      cancelText={t('common.cancel')}
      onOk={() =>
        propose.mutate(perEnterprise ?? 3, {
          onSuccess: (result) => {
            void message.success(t('activities.meeting.proposed', { ...result }));
            onClose();
          },
        })
      }
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('activities.meeting.proposeIntro')}</Typography.Paragraph>
      <Space>
        <span>{t('activities.meeting.perEnterprise')}</span>
        <InputNumber<number>
          min={1}
          max={10}
          precision={0}
          value={perEnterprise}
          onChange={setPerEnterprise}
          addonAfter={t('activities.meeting.perEnterpriseUnit')}
        />
      </Space>
      {propose.isError && (
        <Alert type="error" showIcon message={errorMessage(propose.error)} style={{ marginTop: 16 }} />
      )}
    </Modal>
  );
}

/** The confirmed participants in a role, as options (organisers and confirmed participants may list them). */
function useSideOptions(activityId: string, role: 'enterprise' | 'expert') {
  const list = useParticipants(activityId);
  return {
    loading: list.isFetching,
    options: (list.data?.items ?? [])
      .filter((p) => p.role === role)
      .map((p) => ({
        value: p.registrationId,
        label: [p.name, p.organisationName !== p.name ? p.organisationName : null, p.talentCode]
          .filter(Boolean)
          .join(' · '),
      })),
  };
}

interface NewMeetingValues {
  enterpriseRegistrationId?: string;
  expertRegistrationId?: string;
  demandId?: string;
}

/** 安排洽谈: an enterprise and an expert registered (confirmed), and the demand they discuss. */
function NewMeetingModal({
  activity,
  onClose,
  fixed,
}: {
  activity: ActivityView;
  onClose: () => void;
  /** A participant asking: their own side, set and not to be changed. */
  fixed?: { field: 'enterpriseRegistrationId' | 'expertRegistrationId'; registrationId: string };
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<NewMeetingValues>();
  const request = useRequestMeeting(activity.id);
  const enterprises = useSideOptions(activity.id, 'enterprise');
  const experts = useSideOptions(activity.id, 'expert');
  const demands = activity.featured.filter((item) => item.kind === 'demands');
  const ok: ButtonProps & { 'data-testid': string } = {
    loading: request.isPending,
    'data-testid': 'meeting-new-submit',
  };
  const search = (input: string, option?: { label: string }) => (option?.label ?? '').includes(input.trim());
  return (
    <Modal
      open
      title={t('activities.meeting.new')}
      okText={t('common.save')}
      okButtonProps={ok}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('activities.meeting.newIntro')}</Typography.Paragraph>
      <Form<NewMeetingValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={fixed ? { [fixed.field]: fixed.registrationId } : {}}
        onFinish={(values) =>
          request.mutate(
            {
              enterpriseRegistrationId: values.enterpriseRegistrationId!,
              expertRegistrationId: values.expertRegistrationId!,
              ...(values.demandId ? { demandId: values.demandId } : {}),
            },
            {
              onSuccess: () => {
                void message.success(t('activities.meeting.created'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="enterpriseRegistrationId"
          label={t('activities.meeting.enterprise')}
          rules={[{ required: true, message: t('activities.validation.meetingEnterprise') }]}
        >
          <Select
            showSearch
            filterOption={search}
            loading={enterprises.loading}
            options={enterprises.options}
            disabled={fixed?.field === 'enterpriseRegistrationId'}
            notFoundContent={t('activities.meeting.noEnterprises')}
            data-testid="meeting-new-enterprise"
          />
        </Form.Item>
        <Form.Item
          name="expertRegistrationId"
          label={t('activities.meeting.expert')}
          rules={[{ required: true, message: t('activities.validation.meetingExpert') }]}
        >
          <Select
            showSearch
            filterOption={search}
            loading={experts.loading}
            options={experts.options}
            disabled={fixed?.field === 'expertRegistrationId'}
            notFoundContent={t('activities.meeting.noExperts')}
            data-testid="meeting-new-expert"
          />
        </Form.Item>
        <Form.Item
          name="demandId"
          label={t('activities.meeting.demand')}
          extra={t('activities.meeting.demandHint')}
        >
          <Select
            allowClear
            options={demands.map((d) => ({ value: d.id, label: `${d.code} ${d.title}` }))}
            notFoundContent={t('activities.meeting.noDemands')}
          />
        </Form.Item>
      </Form>
      {request.isError && <Alert type="error" showIcon message={errorMessage(request.error)} />}
    </Modal>
  );
}

/** 我的洽谈: a participant's own meetings, with the other side, the demand, the time and table, and accept / decline. */
export function MyMeetingsCard({ activity }: { activity: ActivityView }) {
  const t = useT();
  const meetings = useMeetings(activity.id);
  const { run, busy } = useMeetingAction(activity.id);
  const [reasonFor, setReasonFor] = useState<MeetingView | null>(null);
  const mine = new Set(activity.mine.map((r) => r.id));
  const items = (meetings.data?.items ?? []).filter((m) => m.status !== 'cancelled');
  // A confirmed enterprise or expert may ask the other side for a meeting while the meeting is open.
  const side = activity.mine.find(
    (r) => r.status === 'confirmed' && (r.role === 'enterprise' || r.role === 'expert'),
  );
  const [asking, setAsking] = useState(false);
  const canAsk = !!side && (activity.status === 'published' || activity.status === 'closed');
  return (
    <Card
      title={t('activities.meeting.mine')}
      data-testid="my-meetings"
      extra={
        canAsk && (
          <Button size="small" onClick={() => setAsking(true)} data-testid="my-meeting-new">
            {t('activities.meeting.new')}
          </Button>
        )
      }
    >
      {asking && side && (
        <NewMeetingModal
          activity={activity}
          onClose={() => setAsking(false)}
          fixed={{
            field: side.role === 'enterprise' ? 'enterpriseRegistrationId' : 'expertRegistrationId',
            registrationId: side.id,
          }}
        />
      )}
      {meetings.isError && <Alert type="error" showIcon message={errorMessage(meetings.error)} />}
      <List<MeetingView>
        loading={meetings.isPending}
        dataSource={items}
        locale={{ emptyText: t('activities.meeting.mineNone') }}
        renderItem={(m) => {
          const enterpriseSide = mine.has(m.enterprise.registrationId);
          const other = enterpriseSide ? m.expert.name : m.enterprise.name;
          const mineAccepted = enterpriseSide ? m.enterpriseAccepted : m.expertAccepted;
          const place = placeText(t, m);
          return (
            <List.Item
              data-testid="my-meeting"
              actions={[
                <MeetingButtons
                  key="actions"
                  meeting={m}
                  manager={false}
                  run={run}
                  busy={busy}
                  onReason={(meeting) => setReasonFor(meeting)}
                />,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={8} wrap>
                    <span>{t('activities.meeting.with', { name: other })}</span>
                    <MeetingStatusTag status={m.status} />
                    {m.status === 'proposed' && mineAccepted && (
                      <Tag style={{ marginInlineEnd: 0 }}>{t('activities.meeting.waitingOther')}</Tag>
                    )}
                  </Space>
                }
                description={
                  <Space direction="vertical" size={2}>
                    {m.demand && <span>{t('activities.meeting.demandLine', { title: m.demand.title })}</span>}
                    {m.reasons.length > 0 && (
                      <span>{t('activities.meeting.reasonsLine', { reasons: m.reasons.join('、') })}</span>
                    )}
                    {place ? (
                      <Typography.Text strong data-testid="my-meeting-place">
                        {place}
                      </Typography.Text>
                    ) : (
                      m.status === 'accepted' && <span>{t('activities.meeting.placeLater')}</span>
                    )}
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
      {reasonFor && (
        <ReasonModal
          title={t('activities.meeting.actionTitle', {
            action: t('activities.meeting.decline'),
            enterprise: reasonFor.enterprise.name,
            expert: reasonFor.expert.name,
          })}
          okText={t('activities.meeting.decline')}
          hint={t('activities.meeting.declineHint')}
          loading={busy !== null}
          onCancel={() => setReasonFor(null)}
          onSubmit={async (reason) => {
            if (await run(reasonFor, 'decline', reason)) setReasonFor(null);
          }}
        />
      )}
    </Card>
  );
}
