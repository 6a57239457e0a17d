import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Row,
  Space,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { errorMessage } from '../../app/api.ts';
import { applyServerErrors, EMAIL_MAX, emailRules } from '../../app/forms.ts';
import { useI18n } from '../../app/i18n.tsx';
import { NewPasswordFields } from '../../app/NewPasswordFields.tsx';
import { useChangePassword, useCurrentUser, useSetOwnEmail } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useOwnOrganisationName } from '../registry/api.ts';

export function AccountPage() {
  useDocumentTitle('menu.account');
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={12}>
        <Space direction="vertical" size={24} style={{ width: '100%' }}>
          <ProfileCard />
          <EmailCard />
        </Space>
      </Col>
      <Col xs={24} xl={12}>
        <ChangePasswordCard />
      </Col>
    </Row>
  );
}

function ProfileCard() {
  const { t, pick } = useI18n();
  const me = useCurrentUser();
  const organisationName = useOwnOrganisationName();
  return (
    <Card title={t('account.profile')}>
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('field.username')}>{me.username}</Descriptions.Item>
        <Descriptions.Item label={t('field.displayName')}>{me.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('field.role')}>{pick(me.roleName)}</Descriptions.Item>
        <Descriptions.Item label={t('field.region')}>{me.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('field.organisation')}>
          {organisationName ?? t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.mobile')}>{me.mobile ?? t('common.none')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/**
 * 消息提醒邮箱: the account's own address, where in-app messages are copied when
 * the platform sends e-mail. The answer is the account anew, so the page follows it.
 */
function EmailCard() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<{ email: string }>();
  const setEmail = useSetOwnEmail();

  // The form shows the saved address (the server folds it to lower case).
  useEffect(() => {
    form.setFieldsValue({ email: me.email ?? '' });
  }, [form, me.email]);

  const save = (email: string | null) =>
    setEmail.mutate(email, {
      onSuccess: (next) =>
        void message.success(next.email ? t('account.email.saved') : t('account.email.cleared')),
      onError: (error) => applyServerErrors(form, error),
    });

  return (
    <Card title={t('account.email.title')} data-testid="account-email">
      <Typography.Paragraph type="secondary">{t('account.email.intro')}</Typography.Paragraph>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('account.email.current')}>
          <span data-testid="account-email-current">{me.email ?? t('account.email.none')}</span>
        </Descriptions.Item>
      </Descriptions>
      {setEmail.isError && (
        <Alert type="error" showIcon message={errorMessage(setEmail.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<{ email: string }>
        form={form}
        layout="vertical"
        initialValues={{ email: me.email ?? '' }}
        onFinish={(values) => save(values.email.trim())}
        onValuesChange={() => setEmail.isError && setEmail.reset()}
        style={{ maxWidth: 420 }}
      >
        <Form.Item name="email" label={t('field.email')} rules={emailRules(t, true)}>
          <Input
            inputMode="email"
            autoComplete="email"
            maxLength={EMAIL_MAX}
            placeholder={t('account.email.placeholder')}
            data-testid="account-email-input"
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={setEmail.isPending && setEmail.variables !== null}
              data-testid="account-email-save"
            >
              {t('account.email.save')}
            </Button>
            {me.email && (
              <Popconfirm
                title={t('account.email.clear')}
                description={t('account.email.clearConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => save(null)}
              >
                <Button
                  loading={setEmail.isPending && setEmail.variables === null}
                  data-testid="account-email-clear"
                >
                  {t('account.email.clear')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function ChangePasswordCard() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();

  const onFinish = (values: PasswordForm) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('account.passwordChanged'));
        },
        onError: (error) => applyServerErrors(form, error),
      },
    );
  };

  return (
    <Card title={t('account.changePassword')}>
      {change.isError && (
        <Alert type="error" showIcon message={errorMessage(change.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<PasswordForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => change.isError && change.reset()}
        style={{ maxWidth: 420 }}
      >
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('validation.currentPasswordRequired') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <NewPasswordFields />
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('account.submitPassword')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
