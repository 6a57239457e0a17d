import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { EMPTY } from '../../app/format.ts';
import { clean } from '../../app/forms.ts';
import { type MessageKey, useT } from '../../app/i18n.tsx';
import { useAddPosition, useApply, usePositions, useRegistrations, useUpdateApplication } from './api.ts';
import { ApplicationStatusTag, registrationLabel } from './shared.tsx';
import {
  type ActivityView,
  APPLICATION_NEXT,
  type ApplicationStatus,
  type ParticipantRole,
  type PositionView,
} from './types.ts';

type Application = PositionView['applications'][number];

/** The button that moves an application to a step. */
const STEP_KEYS: Record<ApplicationStatus, MessageKey> = {
  interested: 'activities.application.interested',
  interviewed: 'activities.position.toInterviewed',
  intent: 'activities.position.toIntent',
  hired: 'activities.position.toHired',
  withdrawn: 'activities.position.toWithdrawn',
};

/** Who posts positions and who applies, per kind: employers and applicants at a fair, hosts and students on a tour. */
function sidesOf(activity: ActivityView): { employer: ParticipantRole; applicant: ParticipantRole } {
  return activity.kind === 'job_fair'
    ? { employer: 'employer', applicant: 'applicant' }
    : { employer: 'host', applicant: 'student' };
}

/**
 * 岗位: positions by employer (or host), each with its applications and their
 * steps (面谈, 意向, 录用). Organisers post and move everything; an employer its
 * own; an applicant applies and may withdraw.
 */
export function PositionsPanel({ activity }: { activity: ActivityView }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const positions = usePositions(activity.id);
  const apply = useApply(activity.id);
  const update = useUpdateApplication(activity.id);
  const [posting, setPosting] = useState(false);
  const [applyingFor, setApplyingFor] = useState<PositionView | null>(null);
  const sides = sidesOf(activity);
  const manage = activity.manage;
  const mine = activity.mine.filter((r) => r.status === 'confirmed');
  const myEmployers = mine.filter((r) => r.role === sides.employer);
  const myApplicant = mine.find((r) => r.role === sides.applicant);
  const mineIds = new Set(activity.mine.map((r) => r.id));
  const items = positions.data?.items ?? [];
  const employers = [...new Map(items.map((p) => [p.employer.registrationId, p.employer.name])).entries()];

  const move = (application: Application, status: ApplicationStatus) =>
    update.mutateAsync({ applicationId: application.id, status }).then(
      () => void message.success(t('activities.position.moved', { name: application.applicant.name })),
      (error: unknown) => void message.error(errorMessage(error)),
    );
  const applySelf = (position: PositionView) =>
    apply.mutateAsync({ positionId: position.id }).then(
      () => void message.success(t('activities.position.applied', { title: position.title })),
      (error: unknown) => void message.error(errorMessage(error)),
    );

  const applicationColumns = (position: PositionView): ColumnsType<Application> => {
    const employerSide = mineIds.has(position.employer.registrationId);
    return [
      { title: t('activities.position.applicant'), key: 'applicant', render: (_, a) => a.applicant.name },
      {
        title: t('activities.position.step'),
        dataIndex: 'status',
        width: 120,
        render: (status: ApplicationStatus) => <ApplicationStatusTag status={status} />,
      },
      {
        title: t('common.actions'),
        key: 'actions',
        width: 320,
        render: (_, a) => {
          const own = mineIds.has(a.applicant.registrationId);
          const steps = APPLICATION_NEXT[a.status].filter(
            (step) => manage || employerSide || (own && step === 'withdrawn'),
          );
          return (
            <Space size={0} wrap>
              {steps.map((step) =>
                step === 'withdrawn' || step === 'hired' ? (
                  <Popconfirm
                    key={step}
                    title={t(STEP_KEYS[step])}
                    description={t(
                      step === 'hired'
                        ? 'activities.position.hireConfirm'
                        : 'activities.position.withdrawConfirm',
                      { name: a.applicant.name },
                    )}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => move(a, step)}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger={step === 'withdrawn'}
                      data-testid={`application-${step}`}
                    >
                      {t(STEP_KEYS[step])}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button
                    key={step}
                    type="link"
                    size="small"
                    onClick={() => void move(a, step)}
                    data-testid={`application-${step}`}
                  >
                    {t(STEP_KEYS[step])}
                  </Button>
                ),
              )}
            </Space>
          );
        },
      },
    ];
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="positions">
      {(manage || myEmployers.length > 0) && (
        <Space wrap>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setPosting(true)}
            data-testid="position-add"
          >
            {t('activities.position.add')}
          </Button>
          <Typography.Text type="secondary">{t('activities.position.help')}</Typography.Text>
        </Space>
      )}
      {!manage && !myApplicant && myEmployers.length === 0 && (
        <Typography.Text type="secondary">{t('activities.position.registerFirst')}</Typography.Text>
      )}
      {positions.isError && <Alert type="error" showIcon message={errorMessage(positions.error)} />}
      {items.length === 0 && !positions.isPending && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.position.none')} />
      )}
      {employers.map(([registrationId, name]) => (
        <Card key={registrationId} size="small" title={name} data-testid="position-employer">
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {items
              .filter((p) => p.employer.registrationId === registrationId)
              .map((position) => {
                const applied = position.applications.some((a) => mineIds.has(a.applicant.registrationId));
                return (
                  <div key={position.id} data-testid="position">
                    <Space size={8} wrap style={{ marginBottom: 8 }}>
                      <Typography.Text strong style={{ fontSize: 16 }}>
                        {position.title}
                      </Typography.Text>
                      <Tag style={{ marginInlineEnd: 0 }}>
                        {t('activities.position.headcountN', { count: position.headcount })}
                      </Tag>
                      <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                        {t('activities.position.progress', {
                          intents: position.intents,
                          hired: position.hired,
                        })}
                      </Tag>
                      {myApplicant &&
                        (applied ? (
                          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                            {t('activities.position.appliedTag')}
                          </Tag>
                        ) : (
                          <Button
                            size="small"
                            type="primary"
                            icon={<SendOutlined />}
                            loading={apply.isPending && apply.variables?.positionId === position.id}
                            onClick={() => void applySelf(position)}
                            data-testid="position-apply"
                          >
                            {t('activities.position.apply')}
                          </Button>
                        ))}
                      {manage && (
                        <Button
                          size="small"
                          onClick={() => setApplyingFor(position)}
                          data-testid="position-apply-for"
                        >
                          {t('activities.position.applyFor')}
                        </Button>
                      )}
                    </Space>
                    <Descriptions column={{ xs: 1, md: 2 }} size="small">
                      <Descriptions.Item label={t('activities.position.salary')}>
                        {position.salary ?? EMPTY}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('activities.position.requirements')}>
                        {position.requirements ?? EMPTY}
                      </Descriptions.Item>
                    </Descriptions>
                    {position.applications.length > 0 && (
                      <Table<Application>
                        rowKey="id"
                        size="small"
                        columns={applicationColumns(position)}
                        dataSource={position.applications}
                        pagination={false}
                        data-testid="applications-table"
                      />
                    )}
                  </div>
                );
              })}
          </Space>
        </Card>
      ))}
      {posting && (
        <PositionModal
          activity={activity}
          employerRole={sides.employer}
          own={myEmployers.map((r) => ({ value: r.id, label: registrationLabel(t, r) }))}
          onClose={() => setPosting(false)}
        />
      )}
      {applyingFor && (
        <ApplyForModal
          activity={activity}
          position={applyingFor}
          applicantRole={sides.applicant}
          onClose={() => setApplyingFor(null)}
        />
      )}
    </Space>
  );
}

interface PositionValues {
  employerRegistrationId?: string;
  title?: string;
  headcount?: number | null;
  salary?: string;
  requirements?: string;
}

/** 发布岗位: for an employer (host) registered and confirmed; an employer's own account posts for itself. */
function PositionModal({
  activity,
  employerRole,
  own,
  onClose,
}: {
  activity: ActivityView;
  employerRole: ParticipantRole;
  own: { value: string; label: string }[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PositionValues>();
  const add = useAddPosition(activity.id);
  const employers = useRegistrations(
    activity.id,
    { page: 1, pageSize: 200, status: 'confirmed', role: employerRole },
    { enabled: activity.manage },
  );
  const options = activity.manage
    ? (employers.data?.items ?? []).map((r) => ({ value: r.id, label: registrationLabel(t, r) }))
    : own;
  const ok: ButtonProps & { 'data-testid': string } = {
    loading: add.isPending,
    'data-testid': 'position-save',
  };
  const tooLong = (label: string, max: number) => ({
    max,
    message: t('validation.tooLong', { label, max }),
  });
  return (
    <Modal
      open
      title={t('activities.position.add')}
      okText={t('common.save')}
      okButtonProps={ok}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<PositionValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          headcount: 1,
          employerRegistrationId: options.length === 1 ? options[0]?.value : undefined,
        }}
        onFinish={(values) => {
          const salary = clean(values.salary);
          const requirements = clean(values.requirements);
          add.mutate(
            {
              employerRegistrationId: values.employerRegistrationId!,
              title: values.title!.trim(),
              headcount: values.headcount ?? 1,
              ...(salary ? { salary } : {}),
              ...(requirements ? { requirements } : {}),
            },
            {
              onSuccess: () => {
                void message.success(t('activities.position.added'));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="employerRegistrationId"
          label={t('activities.position.employer')}
          rules={[{ required: true, message: t('activities.validation.employerRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={options}
            loading={employers.isFetching}
            notFoundContent={t('activities.position.noEmployers')}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('activities.position.title')}
          rules={[
            { required: true, whitespace: true, message: t('activities.validation.positionTitleRequired') },
            tooLong(t('activities.position.title'), 100),
          ]}
        >
          <Input maxLength={100} data-testid="position-title" />
        </Form.Item>
        <Form.Item
          name="headcount"
          label={t('activities.position.headcount')}
          rules={[
            {
              type: 'integer',
              min: 1,
              max: 10_000,
              message: t('activities.validation.range', {
                label: t('activities.position.headcount'),
                min: 1,
                max: 10_000,
              }),
            },
          ]}
        >
          <InputNumber<number> min={1} max={10_000} precision={0} addonAfter={t('activities.unit.people')} />
        </Form.Item>
        <Form.Item
          name="salary"
          label={t('activities.position.salary')}
          rules={[tooLong(t('activities.position.salary'), 100)]}
        >
          <Input maxLength={100} placeholder={t('activities.position.salaryPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="requirements"
          label={t('activities.position.requirements')}
          rules={[tooLong(t('activities.position.requirements'), 2000)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      {add.isError && <Alert type="error" showIcon message={errorMessage(add.error)} />}
    </Modal>
  );
}

/** 代为投递: an organiser records an applicant's (student's) interest in a position. */
function ApplyForModal({
  activity,
  position,
  applicantRole,
  onClose,
}: {
  activity: ActivityView;
  position: PositionView;
  applicantRole: ParticipantRole;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const apply = useApply(activity.id);
  const [chosen, setChosen] = useState<string | undefined>();
  const applicants = useRegistrations(activity.id, {
    page: 1,
    pageSize: 200,
    status: 'confirmed',
    role: applicantRole,
  });
  const taken = new Set(position.applications.map((a) => a.applicant.registrationId));
  const ok: ButtonProps = { loading: apply.isPending, disabled: !chosen };
  return (
    <Modal
      open
      title={t('activities.position.applyForTitle', { title: position.title })}
      okText={t('activities.position.apply')}
      okButtonProps={ok}
      cancelText={t('common.cancel')}
      onOk={() =>
        chosen &&
        apply.mutate(
          { positionId: position.id, applicantRegistrationId: chosen },
          {
            onSuccess: () => {
              void message.success(t('activities.position.applied', { title: position.title }));
              onClose();
            },
          },
        )
      }
      onCancel={onClose}
      destroyOnHidden
    >
      <Select
        showSearch
        optionFilterProp="label"
        value={chosen}
        onChange={setChosen}
        style={{ width: '100%' }}
        loading={applicants.isFetching}
        placeholder={t('activities.position.applicantPlaceholder')}
        options={(applicants.data?.items ?? [])
          .filter((r) => !taken.has(r.id))
          .map((r) => ({ value: r.id, label: registrationLabel(t, r) }))}
      />
      {apply.isError && (
        <Alert type="error" showIcon message={errorMessage(apply.error)} style={{ marginTop: 16 }} />
      )}
    </Modal>
  );
}
