import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDrawer } from '../../app/FormDrawer.tsx';
import { EMPTY, formatDate, usePickerFormats } from '../../app/format.ts';
import { applyServerErrors, clean } from '../../app/forms.ts';
import { useI18n } from '../../app/i18n.tsx';
import { ListPageCard, ListTable, useListPaging, useListUrl } from '../../app/listPage.tsx';
import { listParams, param } from '../../app/listParams.ts';
import { TouchTargets, usePhone } from '../../app/phone.tsx';
import { useCan } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useUsers } from '../users/api.ts';
import { useOccurrences } from './api.ts';
import { useChangeDuty, useCreateDuty, useDuties, useEndDuty } from './api-commissioners.ts';
import { CadenceField, type CadenceValue } from './CadenceField.tsx';
import { EndWithReason } from './EndWithReason.tsx';
import { OccurrenceList } from './OccurrenceList.tsx';
import { type Picked, RegistryPicker } from './RegistryPicker.tsx';
import {
  DEFAULT_CONTACT_CADENCE,
  DUTY_SUBJECTS,
  type DutySubject,
  type DutyView,
  PERIOD_NAMES,
} from './types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const dutiesParams = listParams<{
  assigneeUserId?: string;
  subject?: DutySubject;
  ended?: 'true' | 'false' | 'all';
}>(
  {
    assigneeUserId: ((v) => (v && UUID.test(v) ? v : undefined)) as (v: string | null) => string | undefined,
    subject: param.oneOf(DUTY_SUBJECTS),
    ended: param.oneOf(['true', 'false', 'all'] as const),
  },
  { ended: 'false' },
);

/**
 * 联系服务: the region's contact duties for its operators (filters, 安排联系服务, 调整, 结束), the
 * caller's own for anyone else; each with its tallies, last contact and next due, and its planned
 * contacts to record.
 */
export function DutiesPage() {
  const { t, pick } = useI18n();
  useDocumentTitle('menu.duties');
  const manage = useCan('standing.manage');
  const url = useListUrl(dutiesParams);
  const params = url.params;
  const ended = params.ended ?? 'false';
  const duties = useDuties({
    page: params.page,
    pageSize: params.pageSize,
    ...(manage ? {} : { mine: 'true' as const }),
    ...(params.assigneeUserId ? { assigneeUserId: params.assigneeUserId } : {}),
    ...(params.subject ? { subject: params.subject } : {}),
    ...(ended === 'all' ? {} : { ended }),
  });
  const { apply, paging } = useListPaging(url, duties);
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<DutyView | null>(null);
  const [ending, setEnding] = useState<DutyView | null>(null);
  const [viewing, setViewing] = useState<DutyView | null>(null);
  const phone = usePhone();

  const columns: ColumnsType<DutyView> = [
    {
      title: t('standing.duty.party'),
      key: 'party',
      render: (_, d) => (
        <Space size={4} wrap>
          <span data-testid="duty-party">{d.partyName}</span>
          <Tag style={{ marginInlineEnd: 0 }}>{t(`standing.duty.subject.${d.subject}`)}</Tag>
        </Space>
      ),
    },
    { title: t('standing.duty.assignee'), dataIndex: 'assigneeName', width: 110 },
    {
      title: t('standing.duty.cadence'),
      key: 'cadence',
      width: 170,
      render: (_, d) => (
        <Space size={4} wrap>
          {t('standing.plan.cadenceLine', {
            period: pick(PERIOD_NAMES[d.cadence.period]),
            count: d.cadence.count,
          })}
          {d.care && (
            <Tag color="magenta" style={{ marginInlineEnd: 0 }}>
              {t('standing.duty.careTag')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('standing.duty.span'),
      key: 'span',
      width: 210,
      render: (_, d) => `${formatDate(d.startOn)} ~ ${formatDate(d.endOn)}`,
    },
    {
      title: t('standing.duty.tally'),
      key: 'tally',
      width: 150,
      render: (_, d) => (
        <span data-testid="duty-tally">
          {t('standing.monthTally', { done: d.total.done, planned: d.total.planned })}
          {d.total.overdue > 0 && (
            <Typography.Text type="danger">
              {' '}
              · {t('standing.duty.overdue', { count: d.total.overdue })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('standing.duty.lastNext'),
      key: 'contacts',
      width: 170,
      render: (_, d) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t('standing.duty.lastContact')} {formatDate(d.lastContactOn)}
          <br />
          {t('standing.duty.nextDue')} {formatDate(d.nextDueOn)}
        </span>
      ),
    },
    {
      title: t('teams.status'),
      key: 'status',
      width: 140,
      render: (_, d) =>
        d.endedAt ? (
          <span>
            <Tag style={{ marginInlineEnd: 4 }}>{t('standing.duty.ended')}</Tag>
            {d.endReason}
          </span>
        ) : (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            {t('standing.duty.active')}
          </Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 200,
      render: (_, d) => (
        <Space wrap size={4}>
          <Button size="small" onClick={() => setViewing(d)} data-testid="duty-plan">
            {t('standing.duty.plan')}
          </Button>
          {d.canManage && !d.endedAt && (
            <>
              <Button size="small" onClick={() => setChanging(d)} data-testid="duty-change">
                {t('standing.duty.change')}
              </Button>
              <Button size="small" danger onClick={() => setEnding(d)} data-testid="duty-end">
                {t('standing.duty.end')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <ListPageCard
      title={t('menu.duties')}
      extra={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="duty-create"
          >
            {t('standing.duty.create')}
          </Button>
        )
      }
    >
      {manage && (
        <Space wrap style={{ marginBottom: 16, width: '100%' }} data-testid="duty-filters">
          <AssigneeSelect
            value={params.assigneeUserId}
            onChange={(assigneeUserId) => apply({ ...params, assigneeUserId, page: 1 })}
            allowClear
            style={{ width: phone ? '100%' : 180 }}
            placeholder={t('standing.duty.assignee')}
            testId="duty-filter-assignee"
          />
          <Select<DutySubject>
            allowClear
            value={params.subject}
            onChange={(subject?: DutySubject) => apply({ ...params, subject, page: 1 })}
            options={DUTY_SUBJECTS.map((s) => ({
              value: s,
              label: t(`standing.duty.subject.${s}`),
              // The touch theme sizes buttons and inputs, not a radio group's buttons.
              ...(phone ? { style: { height: 44, lineHeight: '42px' } } : {}),
            }))}
            placeholder={t('standing.duty.subjectLabel')}
            style={{ width: phone ? '100%' : 140 }}
            data-testid="duty-filter-subject"
          />
          <Select<'true' | 'false' | 'all'>
            value={ended}
            onChange={(next) => apply({ ...params, ended: next, page: 1 })}
            options={[
              { value: 'false', label: t('standing.duty.active') },
              { value: 'true', label: t('standing.duty.ended') },
              { value: 'all', label: t('standing.duty.all') },
            ]}
            style={{ width: phone ? '100%' : 140 }}
            data-testid="duty-filter-ended"
          />
        </Space>
      )}
      <ListTable<DutyView>
        list={duties}
        paging={paging}
        columns={columns}
        cardTitle="party"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t(manage ? 'standing.duty.none' : 'standing.duty.noneMine') }}
        data-testid="duties-table"
      />
      {creating && <DutyFormDrawer onClose={() => setCreating(false)} />}
      {changing && <DutyChangeDrawer duty={changing} onClose={() => setChanging(null)} />}
      {ending && <EndDuty duty={ending} onClose={() => setEnding(null)} />}
      {viewing && <DutyPlanDrawer duty={viewing} onClose={() => setViewing(null)} />}
    </ListPageCard>
  );
}

/** The office's people who can hold a duty: the operator accounts of the caller's region. */
function AssigneeSelect({
  value,
  onChange,
  allowClear,
  style,
  placeholder,
  testId,
  id,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  style?: React.CSSProperties;
  placeholder?: string;
  testId: string;
  id?: string;
}) {
  const users = useUsers({ page: 1, pageSize: 100, role: 'operator' });
  return (
    <Select<string>
      id={id}
      showSearch
      optionFilterProp="label"
      allowClear={allowClear}
      value={value}
      onChange={(next?: string) => onChange?.(next)}
      loading={users.isFetching}
      options={(users.data?.items ?? [])
        .filter((u) => !u.disabled)
        .map((u) => ({ value: u.id, label: `${u.displayName}（${u.regionName}）` }))}
      placeholder={placeholder}
      style={style}
      data-testid={testId}
    />
  );
}

interface DutyValues {
  assigneeUserId?: string;
  subject?: DutySubject;
  party?: Picked;
  cadence?: CadenceValue;
  care?: boolean;
  startOn?: Dayjs;
  endOn?: Dayjs;
  note?: string;
}

/** 安排联系服务: who keeps in touch, with whom (a talent or an enterprise), how often, and the care visits. */
function DutyFormDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const phone = usePhone();
  const formats = usePickerFormats();
  const [form] = Form.useForm<DutyValues>();
  const subject = Form.useWatch('subject', form) ?? 'talent';
  const create = useCreateDuty();
  const save = (values: DutyValues) => {
    const party = values.party?.value;
    create.mutate(
      {
        assigneeUserId: values.assigneeUserId ?? '',
        subject,
        ...(subject === 'talent' ? { talentId: party } : { enterpriseId: party }),
        cadence: values.cadence ?? DEFAULT_CONTACT_CADENCE,
        care: values.care ?? true,
        ...(values.startOn ? { startOn: values.startOn.format('YYYY-MM-DD') } : {}),
        ...(values.endOn ? { endOn: values.endOn.format('YYYY-MM-DD') } : {}),
        ...(clean(values.note) ? { note: clean(values.note) ?? '' } : {}),
      },
      { onSuccess: onClose, onError: (error) => applyServerErrors(form, error) },
    );
  };
  return (
    <FormDrawer
      title={t('standing.duty.create')}
      width={phone ? 380 : 560}
      saving={create.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      error={create.error}
      conflict={false}
      testId="duty-form"
    >
      <Form<DutyValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ subject: 'talent', cadence: DEFAULT_CONTACT_CADENCE, care: true }}
      >
        <Form.Item
          name="assigneeUserId"
          label={t('standing.duty.assignee')}
          extra={t('standing.duty.assigneeHint')}
          rules={[{ required: true, message: t('standing.duty.assigneeRequired') }]}
        >
          <AssigneeSelect testId="duty-assignee" />
        </Form.Item>
        <Form.Item name="subject" label={t('standing.duty.subjectLabel')}>
          <Radio.Group
            optionType="button"
            options={DUTY_SUBJECTS.map((s) => ({
              value: s,
              label: t(`standing.duty.subject.${s}`),
              // The touch theme sizes buttons and inputs, not a radio group's buttons.
              ...(phone ? { style: { height: 44, lineHeight: '42px' } } : {}),
            }))}
            onChange={() => form.setFieldValue('party', undefined)}
            data-testid="duty-subject"
          />
        </Form.Item>
        <Form.Item
          name="party"
          label={t('standing.duty.party')}
          rules={[{ required: true, message: t('standing.duty.partyRequired') }]}
        >
          <RegistryPicker kind={subject === 'talent' ? 'talents' : 'enterprises'} testId="duty-party-pick" />
        </Form.Item>
        <Form.Item name="cadence" label={t('standing.duty.cadence')}>
          <CadenceField testId="duty-cadence" />
        </Form.Item>
        <Form.Item
          name="care"
          label={t('standing.duty.care')}
          extra={t('standing.duty.careHint')}
          valuePropName="checked"
        >
          <Switch data-testid="duty-care" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startOn" label={t('standing.duty.startOn')} extra={t('standing.duty.startHint')}>
            <DatePicker format={formats.date} data-testid="duty-start" />
          </Form.Item>
          <Form.Item name="endOn" label={t('standing.duty.endOn')} extra={t('standing.duty.endHint')}>
            <DatePicker format={formats.date} data-testid="duty-end-on" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('standing.duty.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="duty-note" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

interface ChangeValues {
  cadence?: CadenceValue;
  care?: boolean;
  endOn?: Dayjs;
  note?: string;
}

/** 调整: cadence, care visits and the end; only what lies ahead and is not recorded is planned again. */
function DutyChangeDrawer({ duty, onClose }: { duty: DutyView; onClose: () => void }) {
  const { t } = useI18n();
  const phone = usePhone();
  const formats = usePickerFormats();
  const [form] = Form.useForm<ChangeValues>();
  const change = useChangeDuty();
  const save = (values: ChangeValues) =>
    change.mutate(
      {
        id: duty.id,
        body: {
          cadence: values.cadence ?? duty.cadence,
          care: values.care ?? duty.care,
          endOn: values.endOn?.format('YYYY-MM-DD') ?? duty.endOn,
          note: clean(values.note),
          version: duty.version,
        },
      },
      { onSuccess: onClose, onError: (error) => applyServerErrors(form, error) },
    );
  return (
    <FormDrawer
      title={t('standing.duty.changeTitle', { name: duty.partyName })}
      width={phone ? 380 : 560}
      saving={change.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      error={change.error}
      conflict={(change.error as { code?: string } | null)?.code === 'VERSION_CONFLICT'}
      testId="duty-change-form"
    >
      <Alert type="info" showIcon message={t('standing.duty.replanWarning')} style={{ marginBottom: 16 }} />
      <Form<ChangeValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          cadence: duty.cadence,
          care: duty.care,
          endOn: dayjs(duty.endOn),
          note: duty.note ?? undefined,
        }}
      >
        <Form.Item name="cadence" label={t('standing.duty.cadence')}>
          <CadenceField testId="duty-change-cadence" />
        </Form.Item>
        <Form.Item name="care" label={t('standing.duty.care')} valuePropName="checked">
          <Switch data-testid="duty-change-care" />
        </Form.Item>
        <Form.Item
          name="endOn"
          label={t('standing.duty.endOn')}
          rules={[{ required: true, message: t('standing.duty.endOn') }]}
        >
          <DatePicker format={formats.date} data-testid="duty-change-end-on" />
        </Form.Item>
        <Form.Item name="note" label={t('standing.duty.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 结束联系服务, saying why; what is planned from today on is dropped. */
function EndDuty({ duty, onClose }: { duty: DutyView; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <EndWithReason
      end={useEndDuty()}
      record={duty}
      texts={{
        title: t('standing.duty.endTitle', { name: duty.partyName }),
        okText: t('standing.duty.end'),
        label: t('standing.duty.endReason'),
        hint: t('standing.duty.endHint2'),
        required: t('standing.duty.endRequired'),
      }}
      testIds={{ submit: 'duty-end-confirm', input: 'duty-end-reason' }}
      onClose={onClose}
    />
  );
}

/** A duty's planned contacts and care visits, each recorded (or its record shown) from here. */
function DutyPlanDrawer({ duty, onClose }: { duty: DutyView; onClose: () => void }) {
  const phone = usePhone();
  const occurrences = useOccurrences({ dutyId: duty.id, page: 1, pageSize: 100 });
  return (
    <Drawer
      open
      width={phone ? '100%' : 520}
      title={`${duty.assigneeName} · ${duty.partyName}`}
      onClose={onClose}
      destroyOnHidden
      data-testid="duty-plan-drawer"
    >
      <TouchTargets on={phone}>
        <OccurrenceList
          items={occurrences.data?.items ?? []}
          today={occurrences.data?.today}
          testIds={{ row: 'duty-occurrence', open: 'duty-occurrence-open' }}
        />
        {occurrences.data?.items.length === 0 && <Typography.Text type="secondary">{EMPTY}</Typography.Text>}
      </TouchTargets>
    </Drawer>
  );
}
