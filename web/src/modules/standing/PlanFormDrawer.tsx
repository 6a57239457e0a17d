import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { ApiError } from '../../app/api.ts';
import { FormDrawer } from '../../app/FormDrawer.tsx';
import { applyServerErrors, clean } from '../../app/forms.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSavePlan } from './api.ts';
import {
  PERIOD_NAMES,
  PERIODS,
  type PlanInput,
  type PlanView,
  SERVICE_KIND_NAMES,
  SERVICE_KINDS,
  SESSION_KIND_NAMES,
  TEAM_SESSION_KINDS,
} from './types.ts';

type Values = {
  cadence: PlanView['cadence'];
  services: Partial<Record<(typeof SERVICE_KINDS)[number], string>>;
  goal?: string;
  milestones: { year?: number; text?: string }[];
};

/** The server's limits (contract.ts). */
const COUNT_MAX = 7;
const SERVICE_MAX = 500;
const GOAL_MAX = 1000;
const MILESTONE_MAX = 300;
const MILESTONES_MAX = 10;

/**
 * 制定 / 调整年度计划: how many of each session per period (the "1346" cadence), the four
 * service lines, the three-year goal and its milestones. Changing the cadence of a plan
 * re-plans the sessions still to come that nobody recorded; past ones and records stay.
 */
export function PlanFormDrawer({
  teamId,
  year,
  plan,
  onClose,
}: {
  teamId: string;
  year: number;
  /** The plan as read (or the defaults, with no id, for a new one). */
  plan: PlanView;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useSavePlan(teamId, year);
  const creating = plan.id === null;
  const cadence = Form.useWatch('cadence', form);
  const cadenceChanged =
    !creating && cadence !== undefined && JSON.stringify(cadence) !== JSON.stringify(plan.cadence);

  const onFinish = (values: Values) => {
    const services: PlanInput['services'] = {};
    for (const kind of SERVICE_KINDS) {
      const text = clean(values.services?.[kind]);
      if (text) services[kind] = text;
    }
    const goal = clean(values.goal);
    const body: PlanInput = {
      cadence: values.cadence,
      services,
      milestones: (values.milestones ?? []).flatMap((m) => {
        const text = clean(m.text);
        return text && m.year ? [{ year: m.year, text }] : [];
      }),
      ...(goal ? { goal } : {}),
      ...(plan.version !== null ? { version: plan.version } : {}),
    };
    save.mutate(body, {
      onSuccess: onClose,
      onError: (error) => applyServerErrors(form, error),
    });
  };

  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  return (
    <FormDrawer
      width={720}
      title={`${creating ? t('standing.plan.create') : t('standing.plan.edit')} · ${t('standing.plan.yearTitle', { year })}`}
      saving={save.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      error={save.isError ? save.error : null}
      conflict={conflict}
      testId="plan"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          cadence: plan.cadence,
          services: plan.services,
          goal: plan.goal ?? undefined,
          milestones: plan.milestones,
        }}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('standing.plan.cadence')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('standing.plan.cadenceHint')}</Typography.Paragraph>
        {cadenceChanged && (
          <Alert
            type="warning"
            showIcon
            message={t('standing.plan.replanWarning')}
            style={{ marginBottom: 16 }}
            data-testid="plan-replan-warning"
          />
        )}
        {TEAM_SESSION_KINDS.map((kind) => (
          <Row key={kind} gutter={8} align="middle" data-testid={`plan-cadence-${kind}`}>
            <Col xs={24} sm={8}>
              <Typography.Text strong>{pick(SESSION_KIND_NAMES[kind])}</Typography.Text>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name={['cadence', kind, 'period']} rules={[{ required: true }]}>
                <Select
                  options={PERIODS.map((p) => ({ value: p, label: pick(PERIOD_NAMES[p]) }))}
                  aria-label={t('standing.period')}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name={['cadence', kind, 'count']} rules={[{ required: true }]}>
                <InputNumber
                  min={0}
                  max={COUNT_MAX}
                  precision={0}
                  addonAfter={t('standing.plan.times')}
                  style={{ width: '100%' }}
                  data-testid={`plan-count-${kind}`}
                />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Typography.Title level={5}>{t('standing.plan.services')}</Typography.Title>
        {SERVICE_KINDS.map((kind) => (
          <Form.Item
            key={kind}
            name={['services', kind]}
            label={pick(SERVICE_KIND_NAMES[kind])}
            rules={[
              {
                max: SERVICE_MAX,
                message: t('validation.tooLong', { label: pick(SERVICE_KIND_NAMES[kind]), max: SERVICE_MAX }),
              },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={SERVICE_MAX}
              data-testid={`plan-service-${kind}`}
            />
          </Form.Item>
        ))}
        <Form.Item
          name="goal"
          label={t('standing.plan.goal')}
          rules={[
            {
              max: GOAL_MAX,
              message: t('validation.tooLong', { label: t('standing.plan.goal'), max: GOAL_MAX }),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={GOAL_MAX}
            data-testid="plan-goal"
          />
        </Form.Item>
        <Form.Item label={t('standing.plan.milestones')}>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <Space direction="vertical" size={8} style={{ width: '100%' }}>
                {fields.map((field) => (
                  <Row key={field.key} gutter={8} wrap={false} align="top">
                    <Col flex="110px">
                      <Form.Item
                        name={[field.name, 'year']}
                        noStyle
                        rules={[{ required: true, message: t('standing.plan.milestoneYear') }]}
                      >
                        <InputNumber
                          min={2000}
                          max={2100}
                          precision={0}
                          style={{ width: '100%' }}
                          aria-label={t('standing.plan.milestoneYear')}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="auto">
                      <Form.Item
                        name={[field.name, 'text']}
                        noStyle
                        rules={[
                          { required: true, whitespace: true, message: t('standing.plan.milestoneText') },
                        ]}
                      >
                        <Input maxLength={MILESTONE_MAX} placeholder={t('standing.plan.milestoneText')} />
                      </Form.Item>
                    </Col>
                    <Col flex="none">
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('standing.plan.milestoneRemove')}
                      />
                    </Col>
                  </Row>
                ))}
                {fields.length < MILESTONES_MAX && (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ year: year + fields.length, text: '' })}
                    data-testid="plan-milestone-add"
                  >
                    {t('standing.plan.milestoneAdd')}
                  </Button>
                )}
              </Space>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
