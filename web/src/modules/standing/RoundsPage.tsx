import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ReplyOf } from '../../app/api.ts';
import { FormDrawer } from '../../app/FormDrawer.tsx';
import { formatDate, formatDateTime, usePickerFormats } from '../../app/format.ts';
import { applyServerErrors } from '../../app/forms.ts';
import { useI18n } from '../../app/i18n.tsx';
import { ListPageCard, ListTable, useListPaging, useListUrl } from '../../app/listPage.tsx';
import { listParams } from '../../app/listParams.ts';
import { usePhone } from '../../app/phone.tsx';
import { useCan } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useCreateRound, useRounds } from './api-commissioners.ts';
import { CadenceField, type CadenceValue } from './CadenceField.tsx';
import {
  DEFAULT_PORTFOLIO_LIMIT,
  DEFAULT_VISIT_CADENCE,
  ROUND_STATUS_NAMES,
  type RoundStatus,
  type StandingRoutes,
} from './types.ts';

type RoundRow = ReplyOf<StandingRoutes['GET /api/standing/rounds']>['items'][number];

const roundsParams = listParams<object>({});

export const ROUND_STATUS_COLORS: Record<RoundStatus, string> = {
  open: 'blue',
  proposed: 'orange',
  confirmed: 'green',
};

export function roundPath(id: string): string {
  return `/standing/rounds/${id}`;
}

/**
 * 科技特派员选派: the region's rounds for its operators (开启选派轮次), the rounds an enterprise or
 * expert takes part in for them, each opening its participants, preferences and pairs.
 */
export function RoundsPage() {
  const { t, pick } = useI18n();
  useDocumentTitle('menu.rounds');
  const url = useListUrl(roundsParams);
  const rounds = useRounds(url.params.page, url.params.pageSize);
  const { paging } = useListPaging(url, rounds);
  const canManage = useCan('standing.manage');
  const [creating, setCreating] = useState(false);
  const columns: ColumnsType<RoundRow> = [
    {
      title: t('standing.round.name'),
      dataIndex: 'name',
      render: (name: string, round) => (
        <Link to={roundPath(round.id)} data-testid="round-link">
          {name}
          {round.kind === 'makeup' && (
            <Tag style={{ marginInlineStart: 6 }}>{t('standing.round.makeup')}</Tag>
          )}
        </Link>
      ),
    },
    { title: t('field.region'), dataIndex: 'regionName', width: 160 },
    {
      title: t('standing.round.term'),
      key: 'term',
      width: 220,
      render: (_, r) => `${formatDate(r.termStart)} ~ ${formatDate(r.termEnd)}`,
    },
    {
      title: t('standing.round.counts'),
      key: 'counts',
      width: 200,
      render: (_, r) =>
        t('standing.round.countsLine', { enterprises: r.enterprises, experts: r.experts, pairs: r.pairs }),
    },
    {
      title: t('teams.status'),
      dataIndex: 'status',
      width: 120,
      render: (s: RoundStatus) => (
        <Tag color={ROUND_STATUS_COLORS[s]} style={{ marginInlineEnd: 0 }} data-testid="round-status">
          {pick(ROUND_STATUS_NAMES[s])}
        </Tag>
      ),
    },
    {
      title: t('field.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
  ];
  return (
    <ListPageCard
      title={t('menu.rounds')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="round-create"
          >
            {t('standing.round.create')}
          </Button>
        )
      }
    >
      <ListTable<RoundRow>
        list={rounds}
        paging={paging}
        columns={columns}
        cardTitle="name"
        locale={{ emptyText: t(canManage ? 'standing.round.none' : 'standing.round.noneMine') }}
        data-testid="rounds-table"
      />
      {creating && <RoundFormDrawer onClose={() => setCreating(false)} />}
    </ListPageCard>
  );
}

interface RoundValues {
  name?: string;
  termStart?: Dayjs;
  termEnd?: Dayjs;
  portfolioLimit?: number;
  visitCadence?: CadenceValue;
}

/** 开启选派轮次: its name, the term, each commissioner's limit of enterprises, and the visits' cadence. */
function RoundFormDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const phone = usePhone();
  const formats = usePickerFormats();
  const navigate = useNavigate();
  const [form] = Form.useForm<RoundValues>();
  const create = useCreateRound();
  const save = (values: RoundValues) => {
    create.mutate(
      {
        name: values.name?.trim() ?? '',
        termStart: values.termStart?.format('YYYY-MM-DD') ?? '',
        termEnd: values.termEnd?.format('YYYY-MM-DD') ?? '',
        portfolioLimit: values.portfolioLimit ?? DEFAULT_PORTFOLIO_LIMIT,
        visitCadence: values.visitCadence ?? DEFAULT_VISIT_CADENCE,
      },
      {
        onSuccess: (round) => {
          onClose();
          navigate(roundPath(round.id));
        },
        onError: (error) => applyServerErrors(form, error),
      },
    );
  };
  return (
    <FormDrawer
      title={t('standing.round.create')}
      width={phone ? 380 : 560}
      saving={create.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      error={create.error}
      conflict={false}
      testId="round-form"
    >
      <Form<RoundValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ portfolioLimit: DEFAULT_PORTFOLIO_LIMIT, visitCadence: DEFAULT_VISIT_CADENCE }}
      >
        <Form.Item
          name="name"
          label={t('standing.round.name')}
          rules={[
            { required: true, whitespace: true, message: t('standing.round.nameRequired') },
            { min: 2, max: 100, message: t('standing.round.nameRequired') },
          ]}
        >
          <Input maxLength={100} placeholder={t('standing.round.namePlaceholder')} data-testid="round-name" />
        </Form.Item>
        <Form.Item
          name="termStart"
          label={t('standing.round.termStart')}
          rules={[{ required: true, message: t('standing.round.termRequired') }]}
        >
          <DatePicker format={formats.date} style={{ width: '100%' }} data-testid="round-term-start" />
        </Form.Item>
        <Form.Item
          name="termEnd"
          label={t('standing.round.termEnd')}
          dependencies={['termStart']}
          rules={[
            { required: true, message: t('standing.round.termRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: Dayjs | undefined) => {
                const start = getFieldValue('termStart') as Dayjs | undefined;
                return !value || !start || value.isAfter(start, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('standing.round.termOrder')));
              },
            }),
          ]}
          extra={t('standing.round.termHint')}
        >
          <DatePicker format={formats.date} style={{ width: '100%' }} data-testid="round-term-end" />
        </Form.Item>
        <Form.Item
          name="portfolioLimit"
          label={t('standing.round.limit')}
          extra={t('standing.round.limitHint')}
          rules={[{ required: true, message: t('standing.round.limit') }]}
        >
          <InputNumber<number> min={1} max={20} precision={0} data-testid="round-limit" />
        </Form.Item>
        <Form.Item
          name="visitCadence"
          label={t('standing.round.cadence')}
          extra={t('standing.round.cadenceHint')}
        >
          <CadenceField testId="round-cadence" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
