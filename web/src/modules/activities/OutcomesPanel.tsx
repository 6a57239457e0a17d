import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  type ButtonProps,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { downloadFile, errorMessage } from '../../app/api.ts';
import { chinaToday, EMPTY, formatDate, usePickerFormats } from '../../app/format.ts';
import { clean } from '../../app/forms.ts';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { isListKind } from '../lists/types.ts';
import { formatYuan } from '../orders/shared.tsx';
import { ActivityImportModal } from './ActivityImportModal.tsx';
import { exportPath, useAddOutcome, useOutcomes, useRemoveOutcome } from './api.ts';
import { ListItemSelect, OrderSelect } from './LinkSelect.tsx';
import { PartySelect, PartyTags, partyIds } from './PartySelect.tsx';
import { chinaDate, chinaDateTime, outcomeLabel, outcomeUnit } from './shared.tsx';
import {
  type ActivityView,
  KIND_SPECS,
  OUTCOME_IMPORT_KIND,
  OUTCOME_WITH_AMOUNT,
  type OutcomeInput,
  type OutcomeKind,
  type OutcomeView,
} from './types.ts';

const MAX_YUAN = 1e12;
const NOTE_MAX = 1000;

/**
 * 成效: what the activity produced, typed per kind (对接洽谈, 签约合作, 录用 …),
 * with totals, links to the demands and orders concerned, the parties each
 * names (高校院所, 企业, 专家; an agreement's signatories), and the export.
 */
export function OutcomesPanel({ activity }: { activity: ActivityView }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const outcomes = useOutcomes(activity.id);
  const remove = useRemoveOutcome(activity.id);
  const canOpenLists = useCan('lists.read');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const kinds = KIND_SPECS[activity.kind].outcomes;
  const totals = new Map((outcomes.data?.totals ?? []).map((total) => [total.kind, total]));
  // The kind's own outcomes, and any other kind recorded before.
  const shown = [...kinds, ...[...totals.keys()].filter((kind) => !kinds.includes(kind))];
  // Which list an item is in, when the activity features it (outcomes name the item, not its list).
  const exportOutcomes = async () => {
    setExporting(true);
    try {
      const file = await downloadFile(exportPath(activity.id, 'outcomes'), undefined, 'outcomes.xlsx');
      void message.success(t('common.exportedFile', { file: file.fileName }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<OutcomeView> = [
    {
      title: t('activities.outcomeDate'),
      dataIndex: 'happenedOn',
      width: 120,
      render: (day: string) => formatDate(day),
    },
    {
      title: t('activities.outcomeKind'),
      dataIndex: 'kind',
      width: 170,
      render: (kind: OutcomeKind) => outcomeLabel(t, kind),
    },
    {
      title: t('activities.outcomeCount'),
      key: 'count',
      width: 110,
      align: 'right',
      render: (_, o) => `${o.count} ${outcomeUnit(t, o.kind)}`,
    },
    {
      title: t('orders.outcome.amount'),
      dataIndex: 'amountYuan',
      width: 140,
      align: 'right',
      render: (amount: number | null) => (amount === null ? EMPTY : formatYuan(t, amount)),
    },
    {
      title: t('activities.outcomeLinks'),
      key: 'links',
      width: 320,
      render: (_, o) => {
        // The registration it came from, when its person is not among the parties (a guest).
        const guest =
          o.registration && !o.parties.some((party) => party.name === o.registration?.name)
            ? o.registration.name
            : null;
        return (
          <Space direction="vertical" size={2}>
            {o.listItem && (
              <span>
                {o.listItem.code}{' '}
                {canOpenLists && isListKind(o.listItem.kind) ? (
                  <Link to={`/lists/${o.listItem.kind}/${o.listItem.id}`}>{o.listItem.title}</Link>
                ) : (
                  o.listItem.title
                )}
              </span>
            )}
            {o.order && <Link to={`/orders/${o.order.id}`}>{o.order.code}</Link>}
            {o.parties.length > 0 && <PartyTags parties={o.parties} />}
            {guest && <span>{guest}</span>}
            {!o.listItem && !o.order && o.parties.length === 0 && !guest && EMPTY}
          </Space>
        );
      },
    },
    {
      title: t('activities.outcomeNote'),
      dataIndex: 'note',
      ellipsis: true,
      render: (note: string | null) => note ?? EMPTY,
    },
    {
      title: t('activities.outcomeAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => chinaDateTime(at),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, o) => (
        <Popconfirm
          title={t('activities.outcomeRemove')}
          description={t('activities.outcomeRemoveConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            remove.mutateAsync(o.id).then(
              () => void message.success(t('activities.outcomeRemoved')),
              (error: unknown) => void message.error(errorMessage(error)),
            )
          }
        >
          <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid="outcome-remove">
            {t('activities.outcomeRemove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]} data-testid="outcome-totals">
        {shown.map((kind) => {
          const total = totals.get(kind);
          return (
            <Col key={kind} xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={outcomeLabel(t, kind)}
                  value={total?.count ?? 0}
                  suffix={outcomeUnit(t, kind)}
                />
                {kind === OUTCOME_WITH_AMOUNT && (total?.amountYuan ?? 0) > 0 && (
                  <Typography.Text type="secondary">
                    {t('activities.outcomeAmountTotal', { amount: formatYuan(t, total?.amountYuan ?? 0) })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
      <Space wrap>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          data-testid="outcome-add"
        >
          {t('activities.outcomeAdd')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="outcome-import">
          {t('activities.outcomeImport')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportOutcomes()}
          data-testid="outcome-export"
        >
          {t('activities.outcomeExport')}
        </Button>
        {activity.kind === 'job_fair' || activity.kind === 'study_tour' ? (
          <Typography.Text type="secondary">{t('activities.outcomeFromPositions')}</Typography.Text>
        ) : null}
      </Space>
      {outcomes.isError && <Alert type="error" showIcon message={errorMessage(outcomes.error)} />}
      <Table<OutcomeView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={outcomes.data?.items ?? []}
        loading={outcomes.isFetching}
        scroll={{ x: 1100 }}
        pagination={false}
        locale={{ emptyText: t('activities.outcomeNone') }}
        data-testid="outcomes-table"
      />
      {adding && <OutcomeModal activity={activity} onClose={() => setAdding(false)} />}
      {importing && (
        <ActivityImportModal
          activity={activity}
          importKind={OUTCOME_IMPORT_KIND}
          titleKey="activities.outcomeImportTitle"
          introKey="activities.outcomeImportIntro"
          onClose={() => setImporting(false)}
        />
      )}
    </Space>
  );
}

/** The day an outcome entered without one is dated: the activity's last day, or today if that is to come. */
function defaultDay(activity: Pick<ActivityView, 'endsAt'>): string {
  const today = chinaToday();
  const last = chinaDate(activity.endsAt);
  // ISO dates compare as text.
  return last.localeCompare(today) < 0 ? last : today;
}

interface OutcomeValues {
  kind?: OutcomeKind;
  count?: number | null;
  amountYuan?: number | null;
  listItemId?: string;
  orderId?: string;
  happenedOn?: Dayjs | null;
  /** institution:…, enterprise:…, talent:… (PartySelect). */
  parties?: string[];
  note?: string;
}

/** 登记成效: a kind the activity records, how many, an amount for an agreement, what it concerns and who took part (an agreement: who signed). */
function OutcomeModal({ activity, onClose }: { activity: ActivityView; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const formats = usePickerFormats();
  const [form] = Form.useForm<OutcomeValues>();
  const add = useAddOutcome(activity.id);
  const kind = Form.useWatch('kind', form);
  const agreement = kind === OUTCOME_WITH_AMOUNT;
  const ok: ButtonProps & { 'data-testid': string } = {
    loading: add.isPending,
    'data-testid': 'outcome-save',
  };

  const submit = (values: OutcomeValues) => {
    const note = clean(values.note);
    const picked = values.happenedOn?.format('YYYY-MM-DD');
    const body: OutcomeInput = {
      kind: values.kind!,
      count: agreement ? 1 : (values.count ?? 1),
      ...(agreement && typeof values.amountYuan === 'number' ? { amountYuan: values.amountYuan } : {}),
      ...(values.listItemId ? { listItemId: values.listItemId } : {}),
      ...(values.orderId ? { orderId: values.orderId } : {}),
      // The day it starts at is left to the server's clock (a phone's may be a day off).
      ...(picked && picked !== defaultDay(activity) ? { happenedOn: picked } : {}),
      ...partyIds(values.parties ?? []),
      ...(note ? { note } : {}),
    };
    add.mutate(body, {
      onSuccess: () => {
        void message.success(t('activities.outcomeAdded'));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      width={640}
      title={t('activities.outcomeAdd')}
      okText={t('common.save')}
      okButtonProps={ok}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<OutcomeValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: KIND_SPECS[activity.kind].outcomes[0],
          count: 1,
          happenedOn: dayjs(defaultDay(activity)),
        }}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="kind"
              label={t('activities.outcomeKind')}
              rules={[{ required: true, message: t('activities.validation.outcomeKind') }]}
            >
              <Select
                options={KIND_SPECS[activity.kind].outcomes.map((value) => ({
                  value,
                  label: outcomeLabel(t, value),
                }))}
                data-testid="outcome-kind"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item
              name="count"
              label={t('activities.outcomeCount')}
              extra={agreement ? t('activities.outcomeAgreementOne') : undefined}
              rules={[
                {
                  type: 'integer',
                  min: 1,
                  max: 1_000_000,
                  message: t('activities.validation.range', {
                    label: t('activities.outcomeCount'),
                    min: 1,
                    max: 1_000_000,
                  }),
                },
              ]}
            >
              <InputNumber<number>
                min={1}
                max={1_000_000}
                precision={0}
                disabled={agreement}
                addonAfter={kind ? outcomeUnit(t, kind) : undefined}
                style={{ width: '100%' }}
                data-testid="outcome-count"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item
              name="amountYuan"
              label={t('orders.outcome.amount')}
              rules={[
                {
                  type: 'number',
                  min: 0,
                  max: MAX_YUAN,
                  message: t('orders.validation.amountMax'),
                },
              ]}
            >
              <InputNumber<number>
                min={0}
                max={MAX_YUAN}
                precision={2}
                disabled={!agreement}
                placeholder={agreement ? t('orders.outcome.amountPlaceholder') : undefined}
                style={{ width: '100%' }}
                data-testid="outcome-amount"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="happenedOn"
          label={t('activities.outcomeDate')}
          extra={t('activities.outcomeDateHint')}
        >
          <DatePicker
            style={{ width: 200 }}
            format={formats.date}
            disabledDate={(day) => day.format('YYYY-MM-DD') > chinaToday()}
            data-testid="outcome-date"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="listItemId"
              label={t('activities.outcomeListItem')}
              extra={t('activities.outcomeListItemHint')}
            >
              <ListItemSelect activity={activity} data-testid="outcome-list-item" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="orderId" label={t('activities.outcomeOrder')}>
              <OrderSelect data-testid="outcome-order" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="parties"
          label={t(agreement ? 'activities.outcomeSigners' : 'activities.outcomeParties')}
          extra={t(agreement ? 'activities.outcomeSignersHint' : 'activities.outcomePartiesHint')}
          rules={[
            {
              required: agreement,
              type: 'array',
              min: agreement ? 1 : 0,
              message: t('activities.validation.outcomeSigners'),
            },
          ]}
        >
          <PartySelect activityId={activity.id} data-testid="outcome-parties" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('activities.outcomeNote')}
          rules={[
            {
              max: NOTE_MAX,
              message: t('validation.tooLong', {
                label: t('activities.outcomeNote'),
                max: NOTE_MAX,
              }),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={NOTE_MAX} showCount />
        </Form.Item>
      </Form>
      {add.isError && <Alert type="error" showIcon message={errorMessage(add.error)} />}
    </Modal>
  );
}
