import { CheckCircleFilled, QrcodeOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  ConfigProvider,
  Descriptions,
  Divider,
  Empty,
  Form,
  Grid,
  Input,
  Popconfirm,
  Radio,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { errorMessage } from '../../app/api.ts';
import { clean } from '../../app/forms.ts';
import { type MessageKey, type Translate, useT } from '../../app/i18n.tsx';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { qrPath, useActOnRegistration, useRegister } from './api.ts';
import { activityTime, chinaDateTime, groupShortCode, RegistrationStatusTag, roleLabel } from './shared.tsx';
import {
  type ActivityView,
  type MyRegistration,
  ORGANISATION_ROLES,
  type ParticipantRole,
  type RegistrationStatus,
} from './types.ts';

const NOTE_MAX = 500;

/** On a phone the card's buttons are 44 px touch targets (as the shell's header). */
const PHONE_TOUCH_TARGETS = { components: { Button: { controlHeight: 44 } } };

/** Why the caller cannot register now. */
function closedReason(activity: ActivityView, canJoin: boolean): MessageKey {
  if (!canJoin) return 'activities.my.cannotJoin';
  switch (activity.status) {
    case 'draft':
      return 'activities.my.notOpen';
    case 'finished':
      return 'activities.my.finished';
    case 'cancelled':
      return 'activities.my.cancelled';
    case 'closed':
      return 'activities.my.closed';
    case 'published': {
      const closes = activity.registrationClosesAt ?? activity.endsAt;
      return Date.parse(closes) <= Date.now() ? 'activities.my.closed' : 'activities.my.noRole';
    }
  }
}

/** What registering came to, said to the person. */
function registeredText(t: Translate, registration: MyRegistration): string {
  const keys: Partial<Record<RegistrationStatus, MessageKey>> = {
    confirmed: 'activities.my.registeredConfirmed',
    pending: 'activities.my.registeredPending',
    waitlisted: 'activities.my.registeredWaitlisted',
  };
  const key = keys[registration.status] ?? 'activities.my.registeredConfirmed';
  return t(key, { position: registration.waitlistPosition ?? '' });
}

/**
 * 我的报名: the caller's own registrations (status, place on the waiting list,
 * the check-in QR code and 签到码 once confirmed, cancel), and registering in
 * the roles open to them. Once confirmed the page shows this card first, the
 * QR code at its top: what a person opens the page for at the door.
 */
export function RegistrationCard({ activity }: { activity: ActivityView }) {
  const t = useT();
  const canJoin = useCan('activities.join');
  const phone = Grid.useBreakpoint().md === false;
  const { mine, canRegisterAs } = activity;
  return (
    <ConfigProvider theme={phone ? PHONE_TOUCH_TARGETS : {}}>
      <Card
        title={
          <Space>
            <QrcodeOutlined />
            {t(mine.length > 0 ? 'activities.my.title' : 'activities.my.register')}
          </Space>
        }
        data-testid="registration-card"
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {mine.map((registration) => (
            <MyRegistrationItem key={registration.id} activity={activity} registration={registration} />
          ))}
          {canRegisterAs.length > 0 && (
            <>
              {mine.length > 0 && <Divider style={{ margin: 0 }} />}
              <RegisterForm activity={activity} />
            </>
          )}
          {mine.length === 0 && canRegisterAs.length === 0 && (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(closedReason(activity, canJoin))}
              data-testid="registration-closed"
            />
          )}
        </Space>
      </Card>
    </ConfigProvider>
  );
}

/** 报名: in one of the roles open to the caller (their enterprise for an organisation's role). */
function RegisterForm({ activity }: { activity: ActivityView }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const me = useCurrentUser();
  const register = useRegister(activity.id);
  const [form] = Form.useForm<{ role: ParticipantRole; note?: string }>();
  const roles = activity.canRegisterAs;
  const full = activity.capacity !== null && activity.counts.seated >= activity.capacity;
  const asWho = (role: ParticipantRole) =>
    ORGANISATION_ROLES.has(role) && me.organisationName
      ? t('activities.my.asOrganisation', { role: roleLabel(t, role), name: me.organisationName })
      : roleLabel(t, role);

  const submit = (values: { role: ParticipantRole; note?: string }) => {
    const note = clean(values.note);
    register.mutate(
      { role: values.role, ...(note ? { note } : {}) },
      {
        onSuccess: (registration) => {
          void message.success(registeredText(t, registration));
          form.resetFields();
          // Confirmed: the card with the QR code now leads the page; show it rather than what was below.
          if (registration.status === 'confirmed') window.scrollTo({ top: 0 });
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  };

  return (
    <Form<{ role: ParticipantRole; note?: string }>
      form={form}
      layout="vertical"
      initialValues={{ role: roles[0] }}
      onFinish={submit}
      data-testid="register-form"
    >
      {activity.needsApproval && (
        <Alert type="info" showIcon message={t('activities.my.needsApproval')} style={{ marginBottom: 12 }} />
      )}
      {full && (
        <Alert type="warning" showIcon message={t('activities.my.full')} style={{ marginBottom: 12 }} />
      )}
      <Form.Item
        name="role"
        label={t('activities.my.role')}
        rules={[{ required: true, message: t('activities.validation.roleRequired') }]}
      >
        <Radio.Group data-testid="register-role">
          <Space direction="vertical">
            {roles.map((role) => (
              <Radio key={role} value={role}>
                {asWho(role)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="note"
        label={t('activities.registration.note')}
        rules={[
          {
            max: NOTE_MAX,
            message: t('validation.tooLong', {
              label: t('activities.registration.note'),
              max: NOTE_MAX,
            }),
          },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={NOTE_MAX}
          placeholder={t('activities.my.notePlaceholder')}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="register-submit">
        {t('activities.my.submit')}
      </Button>
    </Form>
  );
}

/** One of the caller's registrations: where it stands, and the QR code to show at the door. */
function MyRegistrationItem({
  activity,
  registration,
}: {
  activity: ActivityView;
  registration: MyRegistration;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const act = useActOnRegistration(activity.id);
  const cancel = () =>
    act.mutateAsync({ registrationId: registration.id, action: 'cancel' }).then(
      () => void message.success(t('activities.my.cancelDone')),
      (error: unknown) => void message.error(errorMessage(error)),
    );

  const pass = registration.status === 'confirmed' && !!registration.checkInCode;
  const about = (
    <Descriptions column={1} size="small">
      <Descriptions.Item label={t('activities.my.role')}>{roleLabel(t, registration.role)}</Descriptions.Item>
      <Descriptions.Item label={t('activities.registration.name')}>
        {registration.organisationName && registration.organisationName !== registration.name
          ? `${registration.name}（${registration.organisationName}）`
          : registration.name}
      </Descriptions.Item>
      <Descriptions.Item label={t('activities.registration.status')}>
        <RegistrationStatusTag registration={registration} />
      </Descriptions.Item>
      <Descriptions.Item label={t('activities.registration.createdAt')}>
        {chinaDateTime(registration.createdAt)}
      </Descriptions.Item>
    </Descriptions>
  );

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }} data-testid="my-registration">
      {pass ? (
        // The code to show at the door first; on a wide screen what it is for beside it.
        <Row gutter={[24, 8]} align="middle">
          <Col xs={24} md={10}>
            <CheckInPass activity={activity} registration={registration} />
          </Col>
          <Col xs={24} md={14}>
            {about}
          </Col>
        </Row>
      ) : (
        about
      )}
      {registration.status === 'pending' && (
        <Alert
          type="info"
          showIcon
          message={t('activities.my.pendingNote')}
          data-testid="my-registration-note"
        />
      )}
      {registration.status === 'waitlisted' && (
        <Alert
          type="warning"
          showIcon
          message={t('activities.my.waitlistNote', { position: registration.waitlistPosition ?? '—' })}
          data-testid="my-registration-note"
        />
      )}
      {(['pending', 'confirmed', 'waitlisted'] as RegistrationStatus[]).includes(registration.status) &&
        !registration.checkedInAt && (
          <Popconfirm
            title={t('activities.my.cancel')}
            description={t('activities.my.cancelConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={cancel}
          >
            <Button danger loading={act.isPending} data-testid="my-registration-cancel">
              {t('activities.my.cancel')}
            </Button>
          </Popconfirm>
        )}
    </Space>
  );
}

/**
 * What a confirmed registrant shows at the door: the QR code, large, and under it
 * the 签到码 in big spaced letters for when the code will not scan (read out or
 * shown to the staff, who type it in). The QR's own text stays copyable, folded away.
 */
function CheckInPass({ activity, registration }: { activity: ActivityView; registration: MyRegistration }) {
  const t = useT();
  const { shortCode, checkInCode } = registration;
  return (
    <div style={{ textAlign: 'center' }} data-testid="checkin-qr">
      <Typography.Text strong style={{ display: 'block' }} ellipsis data-testid="checkin-pass-activity">
        {activity.title}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {activityTime(t, activity)}
      </Typography.Text>
      {registration.checkedInAt && (
        <Tag
          icon={<CheckCircleFilled />}
          color="success"
          style={{ marginTop: 8 }}
          data-testid="my-checked-in"
        >
          {t('activities.my.checkedIn', { time: chinaDateTime(registration.checkedInAt) })}
        </Tag>
      )}
      <img
        src={qrPath(activity.id, registration.id)}
        alt={t('activities.my.qrAlt')}
        width={256}
        height={256}
        // The PNG's modules stay sharp when scaled for the screen.
        style={{
          display: 'block',
          margin: '4px auto 0',
          maxWidth: '100%',
          height: 'auto',
          imageRendering: 'pixelated',
        }}
      />
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {t('activities.my.qrHint')}
      </Typography.Text>
      {shortCode && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 8 }}>
            {t('activities.my.shortCode')}
          </Typography.Text>
          <div
            style={{
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontSize: 36,
              fontWeight: 700,
              letterSpacing: '0.12em',
              lineHeight: 1.25,
              whiteSpace: 'nowrap',
            }}
            data-testid="checkin-short-code"
          >
            {groupShortCode(shortCode)}
          </div>
          <Typography.Text style={{ display: 'block' }} data-testid="checkin-short-code-hint">
            {t('activities.my.shortCodeHint')}
          </Typography.Text>
        </>
      )}
      {checkInCode && (
        <details style={{ marginTop: 4, fontSize: 12, textAlign: 'start' }}>
          <summary style={{ cursor: 'pointer', color: 'inherit', opacity: 0.65 }}>
            {t('activities.my.qrText')}
          </summary>
          <Typography.Paragraph
            copyable={{ text: checkInCode }}
            style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all', marginBottom: 0 }}
          >
            <span data-testid="checkin-code">{checkInCode}</span>
          </Typography.Paragraph>
        </details>
      )}
    </div>
  );
}
